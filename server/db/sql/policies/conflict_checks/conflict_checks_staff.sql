CREATE POLICY conflict_checks_staff ON conflict_checks TO caseflow_staff
  USING (tenant_id = caseflow.current_tenant())
  WITH CHECK (tenant_id = caseflow.current_tenant());
