CREATE POLICY contacts_staff ON contacts TO caseflow_auth, caseflow_staff
  USING (tenant_id = caseflow.current_tenant())
  WITH CHECK (tenant_id = caseflow.current_tenant());
