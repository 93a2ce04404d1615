CREATE POLICY rate_limits_app ON rate_limits TO caseflow_app
  USING (true)
  WITH CHECK (true);
