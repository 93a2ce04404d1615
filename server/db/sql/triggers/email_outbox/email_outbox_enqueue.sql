CREATE TRIGGER email_outbox_enqueue
  AFTER INSERT ON email_outbox
  FOR EACH ROW
  EXECUTE FUNCTION caseflow.enqueue_job('deliver_email', 'outbox_id', '8');
