import type { Command } from 'commander';
import type { AdminClient } from '../../sdk/admin-client.js';
import type { AuditEvent } from '../../sdk/schemas/audit.js';
import { adminClient } from '../api.js';
import { printJson, printTable } from '../output.js';

type Lookup = (id: string) => Promise<string | undefined>;

/** Reads a record's name once per id; a record since deleted (or not readable) shows its id alone. */
function cached(read: Lookup): Lookup {
  const seen = new Map<string, Promise<string | undefined>>();
  return (id) => {
    if (!seen.has(id))
      seen.set(
        id,
        read(id).catch(() => undefined),
      );
    return seen.get(id)!;
  };
}

/** A whole list read once (staff, API keys: a firm has few), then names by id. */
function fromList(load: () => Promise<{ id: string; name: string }[]>): Lookup {
  let all: Promise<Map<string, string>> | undefined;
  return async (id) => {
    all ??= load()
      .then((rows) => new Map(rows.map((r) => [r.id, r.name])))
      .catch(() => new Map());
    return (await all).get(id);
  };
}

/**
 * Names beside the ids of the audit trail (the events carry ids only): staff and
 * API keys from their lists, contacts, clients, matters and invoices read by id.
 */
function nameResolver(admin: AdminClient): (type: string, id: string | null) => Promise<string | undefined> {
  const staff = fromList(async () =>
    (await admin.staff.list({ limit: 100 }).toArray()).map((u) => ({
      id: u.id,
      name: `${u.first_name} ${u.last_name}`,
    })),
  );
  const apiKeys = fromList(async () => (await admin.apiKeys.list({ limit: 100 }).toArray()).map((k) => k));
  const byType: Record<string, Lookup> = {
    staff,
    staff_user: staff,
    api_key: apiKeys,
    contact: cached(async (id) => {
      const c = await admin.contacts.retrieve(id);
      return `${c.first_name} ${c.last_name}`;
    }),
    client: cached(async (id) => (await admin.clients.retrieve(id)).name),
    matter: cached(async (id) => (await admin.matters.retrieve(id)).title),
    invoice: cached(async (id) => (await admin.invoices.retrieve(id)).number ?? 'draft invoice'),
    tenant: cached(async () => (await admin.me()).firm.name),
  };
  return async (type, id) => (id && Object.hasOwn(byType, type) ? byType[type]!(id) : undefined);
}

/** "staff Ada Admin (id)", "system", "invoice INV-0002 (id)": the type, the name when known, the id. */
function who(type: string, id: string | null, name: string | undefined): string {
  if (!id) return type;
  return name ? `${type} ${name} (${id})` : `${type} ${id}`;
}

async function rowsOf(admin: AdminClient, events: AuditEvent[]) {
  const nameOf = nameResolver(admin);
  return Promise.all(
    events.map(async (e) => ({
      time: e.occurred_at,
      action: e.action,
      actor: who(e.actor.type, e.actor.id, await nameOf(e.actor.type, e.actor.id)),
      subject: e.subject ? who(e.subject.type, e.subject.id, await nameOf(e.subject.type, e.subject.id)) : null,
      ip: e.ip,
    })),
  );
}

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description("Read the firm's audit trail (admins only)");
  audit
    .command('list')
    .description('Newest events first')
    .option('--action <action>', 'e.g. portal.login_failed')
    .option('--actor <id>', 'events by this contact, staff user or API key')
    .option('--subject <id>', 'events about this record')
    .option('--since <time>', 'ISO 8601 time, inclusive')
    .option('--until <time>', 'ISO 8601 time, exclusive')
    .option('--limit <n>', 'how many events', '50')
    .option('--json', 'print JSON')
    .action(
      async (options: {
        action?: string;
        actor?: string;
        subject?: string;
        since?: string;
        until?: string;
        limit: string;
        json?: boolean;
      }) => {
        const wanted = Number(options.limit);
        const events = [];
        const admin = adminClient();
        const list = admin.auditEvents.list({
          limit: Math.min(Math.max(wanted, 1), 100),
          ...(options.action ? { action: options.action } : {}),
          ...(options.actor ? { actor_id: options.actor } : {}),
          ...(options.subject ? { subject_id: options.subject } : {}),
          ...(options.since ? { since: options.since } : {}),
          ...(options.until ? { until: options.until } : {}),
        });
        for await (const event of list) {
          events.push(event);
          if (events.length >= wanted) break;
        }
        if (options.json) return printJson(events);
        printTable(await rowsOf(admin, events), ['time', 'action', 'actor', 'subject', 'ip']);
      },
    );
}
