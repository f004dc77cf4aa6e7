-- The plan page is kept per process while the tenant's data version stands still, like today's cockpit; it also
-- shows each task's measures and milestones, so writes to them move the version too. Same deferred,
-- once-per-transaction bump as the tables of the cockpit_data_version_triggers migration.
DO $$
DECLARE
  tbl text;
BEGIN
  FOREACH tbl IN ARRAY ARRAY['measures', 'milestones'] LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump()', tbl || '_data_version', tbl);
  END LOOP;
END;
$$;
