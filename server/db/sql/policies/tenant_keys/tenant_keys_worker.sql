CREATE POLICY tenant_keys_worker ON tenant_keys FOR SELECT TO caseflow_worker
  USING (true);
