-- The request's session, as the entry functions set it; a missing setting reads '' and matches nothing.
CREATE OR REPLACE FUNCTION caseflow.current_session()
 RETURNS uuid
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$ SELECT NULLIF(current_setting('caseflow.session_id', true), '')::uuid $function$;
