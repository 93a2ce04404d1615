CREATE POLICY invoice_lines_worker_firm ON invoice_lines TO caseflow_worker
  USING (tenant_id = caseflow.current_tenant())
  WITH CHECK (tenant_id = caseflow.current_tenant());
