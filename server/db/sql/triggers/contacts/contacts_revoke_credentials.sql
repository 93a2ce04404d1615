CREATE TRIGGER contacts_revoke_credentials
  AFTER UPDATE OF active, portal_access ON contacts
  FOR EACH ROW WHEN (old.active AND NOT new.active OR old.portal_access AND NOT new.portal_access)
  EXECUTE FUNCTION caseflow.revoke_contact_credentials();
