import type { Command } from 'commander';
import { adminClient } from '../api.js';
import { printJson, printTable } from '../output.js';

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
        const list = adminClient().auditEvents.list({
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
        printTable(
          events.map((e) => ({
            time: e.occurred_at,
            action: e.action,
            actor: `${e.actor.type}${e.actor.id ? ` ${e.actor.id}` : ''}`,
            subject: e.subject ? `${e.subject.type} ${e.subject.id ?? ''}`.trim() : null,
            ip: e.ip,
          })),
          ['time', 'action', 'actor', 'subject', 'ip'],
        );
      },
    );
}
