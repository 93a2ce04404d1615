CREATE POLICY email_outbox_worker ON email_outbox TO caseflow_worker
  USING (true)
  WITH CHECK (true);
