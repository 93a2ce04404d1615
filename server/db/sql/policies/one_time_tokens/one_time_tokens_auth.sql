CREATE POLICY one_time_tokens_auth ON one_time_tokens TO caseflow_auth
  USING (tenant_id = caseflow.current_tenant())
  WITH CHECK (tenant_id = caseflow.current_tenant());
