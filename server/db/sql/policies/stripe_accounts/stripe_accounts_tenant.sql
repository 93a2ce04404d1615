CREATE POLICY stripe_accounts_tenant ON stripe_accounts TO caseflow_auth, caseflow_portal, caseflow_staff
  USING (tenant_id = caseflow.current_tenant())
  WITH CHECK (tenant_id = caseflow.current_tenant());
