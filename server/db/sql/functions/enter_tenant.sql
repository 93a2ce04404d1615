-- The entry point of a request with no credential yet (login, public pages): finds an active firm by its
-- slug and sets caseflow.tenant_id; returns TenantScope. Error: CF404 unknown or disabled firm.
CREATE OR REPLACE FUNCTION caseflow.enter_tenant(p_slug text)
 RETURNS TABLE(tenant_id uuid, tenant_slug text, tenant_name text, plan text, locale text, currency text, timezone text)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public'
AS $function$
DECLARE
  t public.tenants%ROWTYPE;
BEGIN
  SELECT * INTO t FROM public.tenants WHERE slug = p_slug AND status = 'active';
  IF NOT FOUND THEN
    RAISE EXCEPTION 'tenant not found' USING ERRCODE = 'CF404';
  END IF;
  PERFORM set_config('caseflow.tenant_id', t.id::text, true);
  RETURN QUERY SELECT t.id, t.slug, t.name, t.plan, t.locale, t.currency::text, t.timezone;
END $function$;
ALTER FUNCTION caseflow.enter_tenant(p_slug text) OWNER TO caseflow_auth;
REVOKE ALL ON FUNCTION caseflow.enter_tenant(p_slug text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION caseflow.enter_tenant(p_slug text) TO caseflow_app;
