-- Row triggers do not fire on TRUNCATE, which would empty the append-only audit log in one statement; a
-- statement trigger refuses it too. (Its owner can still drop the trigger: see the deployment notes.)
CREATE TRIGGER audit_logs_no_truncate
  BEFORE TRUNCATE ON audit_logs
  FOR EACH STATEMENT EXECUTE FUNCTION audit_logs_refuse_change();
