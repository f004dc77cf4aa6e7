ALTER TABLE "data_versions" DROP CONSTRAINT "data_versions_pkey";--> statement-breakpoint
ALTER TABLE "data_versions" ADD COLUMN "slot" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "data_versions" ADD CONSTRAINT "data_versions_tenant_id_slot_pk" PRIMARY KEY("tenant_id","slot");--> statement-breakpoint
-- A tenant's data version is the sum of its slots, and a commit bumps the slot of its database connection (one of
-- 16, by backend process id): 300 schools submitting at once wait for their own connection's row, not all for one
-- (a single row made every commit of a surge queue behind the one before it). Otherwise as before: once per
-- transaction, at its commit, marked by a transaction-local setting.
CREATE OR REPLACE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  t uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.tenant_id ELSE NEW.tenant_id END;
  flag text := 'duban.dv_' || replace(t::text, '-', '');
BEGIN
  IF current_setting(flag, true) = '1' THEN
    RETURN NULL;
  END IF;
  INSERT INTO data_versions (tenant_id, slot, version) VALUES (t, pg_backend_pid() % 16, 1)
    ON CONFLICT (tenant_id, slot) DO UPDATE SET version = data_versions.version + 1;
  PERFORM set_config(flag, '1', true);
  RETURN NULL;
END;
$$;
