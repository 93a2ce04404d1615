-- The portal reads its own client's refunds, of invoices it can see (the invoices policy, which hides drafts, applies inside EXISTS).
CREATE POLICY refunds_portal ON refunds FOR SELECT TO caseflow_portal
  USING (tenant_id = caseflow.current_tenant() AND client_id = caseflow.current_client()
         AND EXISTS (SELECT 1 FROM invoices i WHERE i.tenant_id = refunds.tenant_id AND i.id = refunds.invoice_id));
