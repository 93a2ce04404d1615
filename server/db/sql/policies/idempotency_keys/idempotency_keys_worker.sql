CREATE POLICY idempotency_keys_worker ON idempotency_keys TO caseflow_worker
  USING (true);
