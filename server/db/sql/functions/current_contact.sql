-- The request's contact, as enter_portal_session set it; a missing setting reads '' and matches nothing.
CREATE OR REPLACE FUNCTION caseflow.current_contact()
 RETURNS uuid
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$ SELECT NULLIF(current_setting('caseflow.contact_id', true), '')::uuid $function$;
