-- The reconcile job, acting for no firm, finds the unsettled sessions of every firm (then acts for each).
CREATE POLICY checkout_sessions_worker_sweep ON checkout_sessions FOR SELECT TO caseflow_worker
  USING (caseflow.current_tenant() IS NULL AND status IN ('creating', 'expiring'));
