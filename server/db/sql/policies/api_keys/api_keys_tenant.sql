CREATE POLICY api_keys_tenant ON api_keys TO caseflow_auth, caseflow_staff
  USING (tenant_id = caseflow.current_tenant())
  WITH CHECK (tenant_id = caseflow.current_tenant());
