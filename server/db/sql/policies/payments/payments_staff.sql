CREATE POLICY payments_staff ON payments TO caseflow_staff
  USING (tenant_id = caseflow.current_tenant())
  WITH CHECK (tenant_id = caseflow.current_tenant());
