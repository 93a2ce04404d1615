CREATE POLICY domain_events_worker ON domain_events FOR SELECT TO caseflow_worker
  USING (tenant_id = caseflow.current_tenant());
