CREATE POLICY contacts_portal ON contacts FOR SELECT TO caseflow_portal
  USING (tenant_id = caseflow.current_tenant() AND client_id = caseflow.current_client());
