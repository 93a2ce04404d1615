CREATE POLICY tenants_worker ON tenants FOR SELECT TO caseflow_worker
  USING (true);
