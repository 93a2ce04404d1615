CREATE POLICY conflict_check_matches_staff ON conflict_check_matches TO caseflow_staff
  USING (tenant_id = caseflow.current_tenant())
  WITH CHECK (tenant_id = caseflow.current_tenant());
