CREATE POLICY invoice_counters_staff ON invoice_counters TO caseflow_staff
  USING (tenant_id = caseflow.current_tenant())
  WITH CHECK (tenant_id = caseflow.current_tenant());
