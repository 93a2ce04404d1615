CREATE POLICY clients_portal ON clients FOR SELECT TO caseflow_portal
  USING (tenant_id = caseflow.current_tenant() AND id = caseflow.current_client());
