CREATE POLICY invoices_worker_firm ON invoices TO caseflow_worker
  USING (tenant_id = caseflow.current_tenant())
  WITH CHECK (tenant_id = caseflow.current_tenant());
