CREATE POLICY caseflow_jobs_all ON graphile_worker._private_known_crontabs TO caseflow_jobs
  USING (true)
  WITH CHECK (true);
