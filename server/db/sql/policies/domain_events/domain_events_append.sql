CREATE POLICY domain_events_append ON domain_events FOR INSERT TO caseflow_auth, caseflow_platform, caseflow_portal, caseflow_staff, caseflow_worker
  WITH CHECK (tenant_id = caseflow.current_tenant());
