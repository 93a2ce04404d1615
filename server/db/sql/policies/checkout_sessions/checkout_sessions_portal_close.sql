-- The portal may expire a session another contact of its client opened (it may update only status and
-- updated_at): the client is pinned, the contact is not.
CREATE POLICY checkout_sessions_portal_close ON checkout_sessions FOR UPDATE TO caseflow_portal
  USING (tenant_id = caseflow.current_tenant() AND client_id = caseflow.current_client()
         AND EXISTS (SELECT 1 FROM invoices i
                      WHERE i.tenant_id = checkout_sessions.tenant_id AND i.id = checkout_sessions.invoice_id))
  WITH CHECK (tenant_id = caseflow.current_tenant() AND client_id = caseflow.current_client());
