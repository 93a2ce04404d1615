-- The portal reads the sessions of its client's invoices that it can see (the invoices policy applies inside EXISTS).
CREATE POLICY checkout_sessions_portal_read ON checkout_sessions FOR SELECT TO caseflow_portal
  USING (tenant_id = caseflow.current_tenant() AND client_id = caseflow.current_client()
         AND EXISTS (SELECT 1 FROM invoices i
                      WHERE i.tenant_id = checkout_sessions.tenant_id AND i.id = checkout_sessions.invoice_id));
