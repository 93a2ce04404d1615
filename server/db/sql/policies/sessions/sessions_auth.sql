CREATE POLICY sessions_auth ON sessions TO caseflow_auth
  USING (tenant_id = caseflow.current_tenant())
  WITH CHECK (tenant_id = caseflow.current_tenant());
