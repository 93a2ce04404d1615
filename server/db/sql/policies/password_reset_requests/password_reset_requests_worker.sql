CREATE POLICY password_reset_requests_worker ON password_reset_requests TO caseflow_worker
  USING (true)
  WITH CHECK (true);
