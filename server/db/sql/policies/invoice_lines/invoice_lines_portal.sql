-- The portal reads its own client's invoice lines, of invoices it can see (the invoices policy, which hides drafts, applies inside EXISTS).
CREATE POLICY invoice_lines_portal ON invoice_lines FOR SELECT TO caseflow_portal
  USING (tenant_id = caseflow.current_tenant() AND client_id = caseflow.current_client()
         AND EXISTS (SELECT 1 FROM invoices i WHERE i.tenant_id = invoice_lines.tenant_id AND i.id = invoice_lines.invoice_id));
