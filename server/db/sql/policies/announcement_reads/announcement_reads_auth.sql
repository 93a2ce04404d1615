CREATE POLICY announcement_reads_auth ON announcement_reads TO caseflow_auth
  USING (tenant_id = caseflow.current_tenant())
  WITH CHECK (tenant_id = caseflow.current_tenant());
