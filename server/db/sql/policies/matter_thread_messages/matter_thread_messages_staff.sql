CREATE POLICY matter_thread_messages_staff ON matter_thread_messages TO caseflow_staff
  USING (tenant_id = caseflow.current_tenant())
  WITH CHECK (tenant_id = caseflow.current_tenant());
