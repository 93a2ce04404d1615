CREATE POLICY email_outbox_enqueue ON email_outbox FOR INSERT TO caseflow_auth, caseflow_platform, caseflow_portal, caseflow_staff
  WITH CHECK (tenant_id = caseflow.current_tenant() AND status = 'pending');
