CREATE POLICY password_reset_requests_auth ON password_reset_requests FOR INSERT TO caseflow_auth
  WITH CHECK (tenant_id = caseflow.current_tenant());
