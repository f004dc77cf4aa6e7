-- 数据填报 feeds the cockpit too: closing a round settles a computed indicator (已达成 with units missing), and a
-- formula set or removed changes which figure an indicator shows. Same deferred, once-per-transaction bump as the
-- tables of the cockpit_data_version_triggers migration.
DO $$
DECLARE
  tbl text;
BEGIN
  FOREACH tbl IN ARRAY ARRAY['form_rounds', 'indicator_formulas'] LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump()', tbl || '_data_version', tbl);
  END LOOP;
END;
$$;
