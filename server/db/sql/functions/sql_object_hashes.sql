-- The applied hashes of the repeatable step, for /readyz (the app role has no grant on caseflow.sql_objects).
CREATE OR REPLACE FUNCTION caseflow.sql_object_hashes()
 RETURNS TABLE(name text, sha256 text)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog'
AS $function$ SELECT name, sha256 FROM caseflow.sql_objects ORDER BY name $function$;
REVOKE ALL ON FUNCTION caseflow.sql_object_hashes() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION caseflow.sql_object_hashes() TO caseflow_app;
