CREATE POLICY tenant_keys_tenant ON tenant_keys TO caseflow_auth, caseflow_platform, caseflow_portal, caseflow_staff
  USING (tenant_id = caseflow.current_tenant())
  WITH CHECK (tenant_id = caseflow.current_tenant());
