CREATE POLICY tenants_own ON tenants FOR SELECT TO caseflow_portal, caseflow_staff
  USING (id = caseflow.current_tenant());
