CREATE POLICY checkout_sessions_worker_firm ON checkout_sessions TO caseflow_worker
  USING (tenant_id = caseflow.current_tenant())
  WITH CHECK (tenant_id = caseflow.current_tenant());
