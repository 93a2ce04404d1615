CREATE POLICY staff_users_worker_firm ON staff_users TO caseflow_worker
  USING (tenant_id = caseflow.current_tenant())
  WITH CHECK (tenant_id = caseflow.current_tenant());
