-- The newest migration applied, for /readyz (the app role cannot read knex_migrations).
CREATE OR REPLACE FUNCTION caseflow.schema_version()
 RETURNS text
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public'
AS $function$ BEGIN RETURN (SELECT max(name) FROM public.knex_migrations); END $function$;
REVOKE ALL ON FUNCTION caseflow.schema_version() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION caseflow.schema_version() TO caseflow_app;
