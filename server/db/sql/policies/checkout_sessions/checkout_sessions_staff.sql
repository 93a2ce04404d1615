CREATE POLICY checkout_sessions_staff ON checkout_sessions TO caseflow_staff
  USING (tenant_id = caseflow.current_tenant())
  WITH CHECK (tenant_id = caseflow.current_tenant());
