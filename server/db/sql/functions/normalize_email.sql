CREATE OR REPLACE FUNCTION caseflow.normalize_email(email text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE STRICT
AS $function$ SELECT lower(btrim(email)) $function$;
