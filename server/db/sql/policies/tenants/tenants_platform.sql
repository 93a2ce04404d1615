CREATE POLICY tenants_platform ON tenants TO caseflow_platform
  USING (true)
  WITH CHECK (true);
