CREATE POLICY tenants_lookup ON tenants FOR SELECT TO caseflow_auth
  USING (true);
