CREATE POLICY contacts_worker ON contacts FOR SELECT TO caseflow_worker
  USING (tenant_id = caseflow.current_tenant());
