-- A contact reads and writes only its own reads, of announcements it can see.
CREATE POLICY announcement_reads_portal ON announcement_reads TO caseflow_portal
  USING (tenant_id = caseflow.current_tenant() AND client_id = caseflow.current_client()
         AND contact_id = caseflow.current_contact())
  WITH CHECK (tenant_id = caseflow.current_tenant() AND client_id = caseflow.current_client()
              AND contact_id = caseflow.current_contact()
              AND EXISTS (SELECT FROM announcements a
                           WHERE a.tenant_id = announcement_reads.tenant_id AND a.id = announcement_reads.announcement_id));
