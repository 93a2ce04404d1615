-- The portal opens a session only as itself, for its client, on an invoice it can see.
CREATE POLICY checkout_sessions_portal_open ON checkout_sessions FOR INSERT TO caseflow_portal
  WITH CHECK (tenant_id = caseflow.current_tenant() AND client_id = caseflow.current_client()
              AND contact_id = caseflow.current_contact()
              AND EXISTS (SELECT 1 FROM invoices i
                           WHERE i.tenant_id = checkout_sessions.tenant_id AND i.id = checkout_sessions.invoice_id));
