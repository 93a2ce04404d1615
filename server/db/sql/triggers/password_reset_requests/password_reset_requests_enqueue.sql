CREATE TRIGGER password_reset_requests_enqueue
  AFTER INSERT ON password_reset_requests
  FOR EACH ROW
  EXECUTE FUNCTION caseflow.enqueue_job('process_reset_request', 'request_id', '8');
