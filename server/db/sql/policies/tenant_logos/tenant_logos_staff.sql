CREATE POLICY tenant_logos_staff ON tenant_logos TO caseflow_staff
  USING (tenant_id = caseflow.current_tenant())
  WITH CHECK (tenant_id = caseflow.current_tenant());
