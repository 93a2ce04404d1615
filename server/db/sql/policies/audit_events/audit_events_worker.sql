CREATE POLICY audit_events_worker ON audit_events FOR INSERT TO caseflow_worker
  WITH CHECK (tenant_id = caseflow.current_tenant());
