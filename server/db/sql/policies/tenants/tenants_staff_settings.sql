CREATE POLICY tenants_staff_settings ON tenants FOR UPDATE TO caseflow_staff
  USING (id = caseflow.current_tenant())
  WITH CHECK (id = caseflow.current_tenant());
