CREATE POLICY stripe_events_staff ON stripe_events TO caseflow_staff
  USING (tenant_id = caseflow.current_tenant())
  WITH CHECK (tenant_id = caseflow.current_tenant());
