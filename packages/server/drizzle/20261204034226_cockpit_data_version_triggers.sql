-- Bumps the writing tenant's data version once per transaction, at its commit: a deferred constraint trigger
-- runs after the transaction's own statements, so the counter row is locked only for the instant of the commit
-- (writers do not queue behind each other while they work, and no lock order with other rows can deadlock), and
-- a reader that sees the new number sees the rows that came with it. A transaction-local setting marks the
-- tenant as bumped, so a bulk insert of thousands of rows updates the counter once.
CREATE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  t uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.tenant_id ELSE NEW.tenant_id END;
  flag text := 'duban.dv_' || replace(t::text, '-', '');
BEGIN
  IF current_setting(flag, true) = '1' THEN
    RETURN NULL;
  END IF;
  INSERT INTO data_versions (tenant_id, version) VALUES (t, 1)
    ON CONFLICT (tenant_id) DO UPDATE SET version = data_versions.version + 1;
  PERFORM set_config(flag, '1', true);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- The tables the cockpit's figures come from (build-snapshot.ts and snapshots.repository.ts): a table that
-- comes to feed the cockpit gets its trigger here too, or a kept cockpit would miss its changes.
DO $$
DECLARE
  tbl text;
BEGIN
  FOREACH tbl IN ARRAY ARRAY['plans', 'plan_nodes', 'indicators', 'report_values', 'reports',
    'assignment_indicators', 'assignments', 'report_cycles', 'units', 'supervision_notices', 'notice_events',
    'rectifications', 'leader_instructions', 'plan_snapshots', 'indicator_computed_values'] LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump()', tbl || '_data_version', tbl);
  END LOOP;
END;
$$;
