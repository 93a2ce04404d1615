CREATE POLICY invoice_internal_notes_staff ON invoice_internal_notes TO caseflow_staff
  USING (tenant_id = caseflow.current_tenant())
  WITH CHECK (tenant_id = caseflow.current_tenant());
