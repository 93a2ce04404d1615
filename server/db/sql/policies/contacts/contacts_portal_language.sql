-- A contact changes their own row only (their language: the portal role's only UPDATE grant on contacts),
-- pinned to the session's firm, client and contact.
CREATE POLICY contacts_portal_language ON contacts FOR UPDATE TO caseflow_portal
  USING (tenant_id = caseflow.current_tenant() AND client_id = caseflow.current_client()
         AND id = caseflow.current_contact())
  WITH CHECK (tenant_id = caseflow.current_tenant() AND client_id = caseflow.current_client()
              AND id = caseflow.current_contact());
