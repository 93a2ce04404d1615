CREATE POLICY audit_events_append ON audit_events FOR INSERT TO caseflow_auth, caseflow_platform, caseflow_portal, caseflow_staff
  WITH CHECK (tenant_id = caseflow.current_tenant());
