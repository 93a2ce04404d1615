CREATE OR REPLACE FUNCTION caseflow.current_tenant()
 RETURNS uuid
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$ SELECT NULLIF(current_setting('caseflow.tenant_id', true), '')::uuid $function$;
