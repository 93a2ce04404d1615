CREATE POLICY refunds_worker_firm ON refunds TO caseflow_worker
  USING (tenant_id = caseflow.current_tenant())
  WITH CHECK (tenant_id = caseflow.current_tenant());
