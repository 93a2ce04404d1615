CREATE POLICY announcements_published ON announcements FOR SELECT TO caseflow_auth, caseflow_portal
  USING (tenant_id = caseflow.current_tenant() AND published_at IS NOT NULL);
