/**
 * An exact record of what requests write: a row-level AFTER trigger on every
 * table of the public schema appends (table, operation, detail) to
 * `test_writes`. The trigger runs in the writing transaction, so only committed
 * writes are logged (a rolled-back request leaves nothing). Installed as the
 * owner on a test database only.
 */
import type { Knex } from 'knex';

/** Tables left without the trigger, each with the reason its writes are legitimate on a refused request. */
export const unwatchedTables: Record<string, string> = {
  rate_limits:
    'the login and forgot-password counters: counting refused attempts is their purpose, and they live outside the request transaction',
  test_writes: 'the log itself',
  knex_migrations: 'the migration history: nothing at run time writes it',
  knex_migrations_lock: 'the migration lock: nothing at run time writes it',
};

export interface Write {
  id: number;
  table_name: string;
  op: 'INSERT' | 'UPDATE' | 'DELETE';
  /** UPDATE: the changed columns, comma-separated; INSERT into audit_events: the action. */
  detail: string | null;
}

/**
 * Writes that a refused request may make, with the reason: bookkeeping of the
 * credential that authenticated it (the credential was fine; the input was not),
 * and the audit trail of a failed login (DESIGN: failed logins are audited).
 */
export const legitimateOnRefusal: { test: (w: Write) => boolean; reason: string }[] = [
  {
    test: (w) => w.table_name === 'sessions' && w.op === 'UPDATE' && w.detail === 'last_seen_at',
    reason: "a session's idle clock moves when it is used, whatever the request then does",
  },
  {
    test: (w) => w.table_name === 'api_keys' && w.op === 'UPDATE' && w.detail === 'last_used_at',
    reason: "an API key's last use is recorded when it authenticates a request",
  },
  {
    test: (w) => w.table_name === 'audit_events' && w.op === 'INSERT' && /\.login_failed$/.test(w.detail ?? ''),
    reason: 'a well-formed login with wrong credentials is refused (401) and audited as a failed login',
  },
  {
    test: (w) => w.table_name === 'audit_events' && w.op === 'INSERT' && w.detail === 'portal.password_change_failed',
    reason: 'a password change with a wrong current password is refused and audited (a session holder guessing)',
  },
];

export async function installWriteLog(owner: Knex): Promise<string[]> {
  await owner.raw(`
    CREATE TABLE public.test_writes (
      id bigserial PRIMARY KEY,
      table_name text NOT NULL,
      op text NOT NULL,
      detail text
    );
    CREATE FUNCTION public.test_log_write() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    DECLARE
      changed text;
    BEGIN
      IF TG_OP = 'UPDATE' THEN
        SELECT string_agg(n.key, ',' ORDER BY n.key) INTO changed
          FROM jsonb_each(to_jsonb(NEW)) AS n
         WHERE n.value IS DISTINCT FROM (to_jsonb(OLD) -> n.key);
      ELSIF TG_OP = 'INSERT' AND TG_TABLE_NAME = 'audit_events' THEN
        changed := to_jsonb(NEW) ->> 'action';
      END IF;
      INSERT INTO public.test_writes (table_name, op, detail) VALUES (TG_TABLE_NAME, TG_OP, changed);
      RETURN NULL;
    END $$;
  `);
  const { rows } = await owner.raw<{ rows: { tablename: string }[] }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const watched = rows.map((r) => r.tablename).filter((name) => !(name in unwatchedTables));
  for (const table of watched)
    await owner.raw(
      `CREATE TRIGGER test_log_write AFTER INSERT OR UPDATE OR DELETE ON public.?? ` +
        `FOR EACH ROW EXECUTE FUNCTION public.test_log_write()`,
      [table],
    );
  return watched;
}

export async function writesAfter(owner: Knex, lastId: number): Promise<Write[]> {
  const rows = await owner('test_writes').where('id', '>', lastId).orderBy('id');
  return rows.map((r: Write & { id: string | number }) => ({ ...r, id: Number(r.id) }));
}

export async function lastWriteId(owner: Knex): Promise<number> {
  const row = await owner('test_writes').max('id as id').first();
  return Number(row?.id ?? 0);
}
