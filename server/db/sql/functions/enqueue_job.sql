-- The trigger function that adds a job per inserted row (domain events, queued emails, reset requests):
-- SECURITY DEFINER and the owner's, so no request role needs a grant on the queue. The job carries the
-- firm and the row id only, never a secret, a link or a body.
CREATE OR REPLACE FUNCTION caseflow.enqueue_job()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$
    BEGIN
      -- TG_ARGV: the task, the payload's name for the row id, the attempts before the job is dead.
      PERFORM graphile_worker.add_job(
        TG_ARGV[0],
        json_build_object('tenant_id', NEW.tenant_id, TG_ARGV[1], NEW.id),
        max_attempts => TG_ARGV[2]::integer
      );
      RETURN NULL;
    END $function$;
REVOKE ALL ON FUNCTION caseflow.enqueue_job() FROM PUBLIC;
