-- The portal reads its own client's invoices, never a draft.
CREATE POLICY invoices_portal ON invoices FOR SELECT TO caseflow_portal
  USING (tenant_id = caseflow.current_tenant() AND client_id = caseflow.current_client() AND status <> 'draft');
