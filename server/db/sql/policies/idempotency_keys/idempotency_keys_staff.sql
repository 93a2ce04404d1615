CREATE POLICY idempotency_keys_staff ON idempotency_keys TO caseflow_staff
  USING (tenant_id = caseflow.current_tenant())
  WITH CHECK (tenant_id = caseflow.current_tenant());
