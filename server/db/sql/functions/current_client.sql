-- The request's client, as enter_portal_session set it; a missing setting reads '' and matches nothing.
CREATE OR REPLACE FUNCTION caseflow.current_client()
 RETURNS uuid
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$ SELECT NULLIF(current_setting('caseflow.client_id', true), '')::uuid $function$;
