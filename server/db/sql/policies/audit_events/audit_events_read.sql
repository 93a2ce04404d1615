CREATE POLICY audit_events_read ON audit_events FOR SELECT TO caseflow_staff
  USING (tenant_id = caseflow.current_tenant());
