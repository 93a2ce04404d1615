CREATE POLICY stripe_accounts_worker_firm ON stripe_accounts TO caseflow_worker
  USING (tenant_id = caseflow.current_tenant())
  WITH CHECK (tenant_id = caseflow.current_tenant());
