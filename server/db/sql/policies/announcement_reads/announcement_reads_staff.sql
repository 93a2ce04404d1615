CREATE POLICY announcement_reads_staff ON announcement_reads FOR SELECT TO caseflow_staff
  USING (tenant_id = caseflow.current_tenant());
