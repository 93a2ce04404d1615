CREATE TRIGGER staff_users_revoke_credentials
  AFTER UPDATE OF active ON staff_users
  FOR EACH ROW WHEN (old.active AND NOT new.active)
  EXECUTE FUNCTION caseflow.revoke_staff_credentials();
