CREATE POLICY idempotency_keys_portal ON idempotency_keys TO caseflow_portal
  USING ((tenant_id = caseflow.current_tenant()) AND (principal = ('contact:'::text || caseflow.current_contact())))
  WITH CHECK ((tenant_id = caseflow.current_tenant()) AND (principal = ('contact:'::text || caseflow.current_contact())));
