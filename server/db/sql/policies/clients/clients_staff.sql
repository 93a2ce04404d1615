CREATE POLICY clients_staff ON clients TO caseflow_auth, caseflow_staff
  USING (tenant_id = caseflow.current_tenant())
  WITH CHECK (tenant_id = caseflow.current_tenant());
