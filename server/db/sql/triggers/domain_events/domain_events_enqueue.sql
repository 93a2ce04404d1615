CREATE TRIGGER domain_events_enqueue
  AFTER INSERT ON domain_events
  FOR EACH ROW
  EXECUTE FUNCTION caseflow.enqueue_job('domain_event', 'event_id', '25');
