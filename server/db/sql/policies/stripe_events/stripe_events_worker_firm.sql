CREATE POLICY stripe_events_worker_firm ON stripe_events TO caseflow_worker
  USING (tenant_id = caseflow.current_tenant())
  WITH CHECK (tenant_id = caseflow.current_tenant());
