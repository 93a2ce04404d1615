-- The request's firm, as the entry functions (or a cross-tenant role naming one) set it; a missing setting reads '' and matches nothing.
CREATE OR REPLACE FUNCTION caseflow.current_tenant()
 RETURNS uuid
 LANGUAGE sql
 STABLE PARALLEL SAFE
AS $function$ SELECT NULLIF(current_setting('caseflow.tenant_id', true), '')::uuid $function$;
