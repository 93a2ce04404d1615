CREATE POLICY invoice_lines_staff ON invoice_lines TO caseflow_staff
  USING (tenant_id = caseflow.current_tenant())
  WITH CHECK (tenant_id = caseflow.current_tenant());
