-- Every login (lowercased) and mobile number names one user across all tenants: the login form has no tenant
-- picker, so a login equal to another user's phone would sign in the wrong person. A trigger keeps
-- sign_in_identities in step with users; a value someone else holds fails the write with 23505 (answered 409).
CREATE OR REPLACE FUNCTION users_sync_sign_in_identities() RETURNS trigger AS $$
DECLARE
  new_login text := lower(NEW.login);
  -- A phone equal to the user's own login is one identity, not two.
  new_phone text := nullif(lower(NEW.phone), lower(NEW.login));
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM sign_in_identities
      WHERE user_id = NEW.id AND identity <> new_login AND identity IS DISTINCT FROM new_phone;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM sign_in_identities WHERE identity = new_login AND user_id = NEW.id) THEN
    INSERT INTO sign_in_identities (identity, user_id) VALUES (new_login, NEW.id);
  END IF;
  -- Only a new or changed phone is claimed: a phone that was already shared before this migration stays with
  -- the account that held it first, and editing the other account's name or login does not fail over it.
  IF new_phone IS NOT NULL
     AND (TG_OP = 'INSERT' OR new_phone IS DISTINCT FROM lower(OLD.phone))
     AND NOT EXISTS (SELECT 1 FROM sign_in_identities WHERE identity = new_phone AND user_id = NEW.id) THEN
    INSERT INTO sign_in_identities (identity, user_id) VALUES (new_phone, NEW.id);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Existing installs: logins were already unique, so each keeps its login. A phone already used as another
-- account's login, or shared by several accounts, stays with the login's owner or else the oldest account;
-- the others sign in with their login until an admin gives them another phone (README lists the query).
INSERT INTO sign_in_identities (identity, user_id)
  SELECT lower(login), id FROM users
  ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO sign_in_identities (identity, user_id)
  SELECT DISTINCT ON (lower(phone)) lower(phone), id FROM users
  WHERE phone IS NOT NULL
  ORDER BY lower(phone), created_at, id
  ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER users_sign_in_identities
  AFTER INSERT OR UPDATE OF login, phone ON users
  FOR EACH ROW EXECUTE FUNCTION users_sync_sign_in_identities();
