CREATE POLICY staff_users_tenant ON staff_users TO caseflow_auth, caseflow_platform, caseflow_portal, caseflow_staff
  USING (tenant_id = caseflow.current_tenant())
  WITH CHECK (tenant_id = caseflow.current_tenant());
