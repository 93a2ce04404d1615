CREATE POLICY caseflow_jobs_all ON graphile_worker._private_tasks TO caseflow_jobs
  USING (true)
  WITH CHECK (true);
