CREATE POLICY payments_worker_firm ON payments TO caseflow_worker
  USING (tenant_id = caseflow.current_tenant())
  WITH CHECK (tenant_id = caseflow.current_tenant());
