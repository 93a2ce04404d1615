CREATE POLICY tenant_keys_worker_insert ON tenant_keys FOR INSERT TO caseflow_worker
  WITH CHECK (tenant_id = caseflow.current_tenant());
