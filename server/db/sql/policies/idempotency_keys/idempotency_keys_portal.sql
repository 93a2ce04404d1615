-- The portal's idempotency keys are per contact: principal names the contact that sent the request.
CREATE POLICY idempotency_keys_portal ON idempotency_keys TO caseflow_portal
  USING (tenant_id = caseflow.current_tenant() AND principal = 'contact:' || caseflow.current_contact())
  WITH CHECK (tenant_id = caseflow.current_tenant() AND principal = 'contact:' || caseflow.current_contact());
