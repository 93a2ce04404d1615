-- An email as conflict checks compare it. Generated columns call it: see normalize_party_name.sql.
CREATE OR REPLACE FUNCTION caseflow.normalize_email(email text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE STRICT
AS $function$ SELECT lower(btrim(email)) $function$;
COMMENT ON FUNCTION caseflow.normalize_email(text) IS 'An email as conflict checks compare it: trimmed, lower case';
