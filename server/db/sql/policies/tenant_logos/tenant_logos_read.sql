CREATE POLICY tenant_logos_read ON tenant_logos FOR SELECT TO caseflow_auth, caseflow_portal, caseflow_worker
  USING (tenant_id = caseflow.current_tenant());
