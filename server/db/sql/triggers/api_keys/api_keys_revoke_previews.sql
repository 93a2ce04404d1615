CREATE TRIGGER api_keys_revoke_previews
  AFTER UPDATE OF revoked_at ON api_keys
  FOR EACH ROW WHEN (old.revoked_at IS NULL AND new.revoked_at IS NOT NULL)
  EXECUTE FUNCTION caseflow.revoke_api_key_previews();
