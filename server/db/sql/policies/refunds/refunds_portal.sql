CREATE POLICY refunds_portal ON refunds FOR SELECT TO caseflow_portal
  USING ((tenant_id = caseflow.current_tenant()) AND (client_id = caseflow.current_client()) AND (EXISTS ( SELECT 1
   FROM invoices i
  WHERE ((i.tenant_id = refunds.tenant_id) AND (i.id = refunds.invoice_id)))));
