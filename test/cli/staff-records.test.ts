/**
 * `caseflow leads …`, `caseflow parties …` and `caseflow conflicts …` as real
 * processes against a real server, with a staff API key.
 */
import test from 'ava';
import type { ConflictCheck, ConflictCheckSummary } from '../../sdk/schemas/conflict-checks.js';
import type { Lead } from '../../sdk/schemas/leads.js';
import type { MatterParty } from '../../sdk/schemas/matter-parties.js';
import { cliWithApiKey, type KeyedCli } from '../helpers/cli.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let s: TestServer;
let keyed: KeyedCli;
let samId: string;

test.before(async () => {
  s = await startTestServer();
  keyed = await cliWithApiKey(s.db.owner, {
    baseUrl: s.baseUrl,
    tenant: 'acme',
    role: 'staff',
    name: 'CLI records (staff)',
  });
  samId = (await s.db.owner('staff_users').where({ email: 'sam@acme-law.example' }).first()).id;
});
test.after.always(async () => s?.close());

const cli = (args: string[]) => keyed.cli(args);
const json = <T>(args: string[]) => keyed.json<T>(args);

test.serial(
  'caseflow leads create → list → update → show: value in major units, owner by email, stage moves',
  async (t) => {
    const lead = await json<Lead>([
      'leads',
      'create',
      '--name',
      'Erlich Bachman',
      '--company',
      'Aviato LLC',
      '--email',
      'erlich@aviato.example',
      '--source',
      'referral',
      '--owner',
      'sam@acme-law.example',
      '--value',
      '1500.00',
    ]);
    t.like(lead, {
      name: 'Erlich Bachman',
      company: 'Aviato LLC',
      email: 'erlich@aviato.example',
      stage: 'new',
      source: 'referral',
      owner_id: samId,
      value: 150_000,
      currency: 'USD',
    });
    const listed = await json<Lead[]>(['leads', 'list', '--stage', 'new', '--owner', 'sam@acme-law.example']);
    t.deepEqual(
      listed.map((l) => l.id),
      [lead.id],
    );
    const table = await cli(['leads', 'list', '--stage', 'new']);
    t.is(table.code, 0);
    const lines = table.stdout.trimEnd().split('\n');
    t.regex(lines[0]!, /^NAME\s+COMPANY\s+STAGE\s+VALUE\s+SOURCE\s+ID$/);
    t.regex(table.stdout, new RegExp(`Erlich Bachman\\s+Aviato LLC\\s+new\\s+1500\\.00 USD\\s+referral\\s+${lead.id}`));

    const updated = await json<Lead>([
      'leads',
      'update',
      lead.id,
      '--stage',
      'won',
      '--clear',
      'owner',
      '--value',
      '2000',
    ]);
    t.like(updated, { stage: 'won', owner_id: null, value: 200_000 });
    const shown = await cli(['leads', 'show', lead.id]);
    t.is(shown.code, 0);
    t.regex(shown.stdout, /^stage:\s+won$/m);
    t.regex(shown.stdout, /^value:\s+2000\.00 USD$/m);
    const human = await cli(['leads', 'update', lead.id, '--stage', 'lost']);
    t.is(human.stdout, 'Lead Erlich Bachman is at stage lost.\n');
  },
);

test.serial('caseflow leads: bad options are refused with a clear message and nothing is sent', async (t) => {
  const stage = await cli(['leads', 'create', '--name', 'X', '--stage', 'closed']);
  t.is(stage.code, 1);
  t.regex(stage.stderr, /It must be one of new, contacted, qualified, proposal, won, lost\./);
  const value = await cli(['leads', 'create', '--name', 'X', '--value', '1.234']);
  t.is(value.code, 1);
  t.regex(value.stderr, /--value must be an amount in USD such as 1500\.00/);
  const nothing = await cli(['leads', 'update', '00000000-0000-4000-8000-000000000000']);
  t.is(nothing.stderr, 'caseflow: Nothing to change: give at least one option (see --help).\n');
  t.deepEqual(await s.db.owner('leads').where({ name: 'X' }).select('id'), []);
});

test.serial('caseflow parties add|list, conflicts check|list|show, parties remove', async (t) => {
  const party = await json<MatterParty>([
    'parties',
    'add',
    '--matter',
    '1',
    '--name',
    'Aviato, Inc.',
    '--role',
    'opposing_party',
  ]);
  t.like(party, { name: 'Aviato, Inc.', role: 'opposing_party', email: null });
  const parties = await json<MatterParty[]>(['parties', 'list', '--matter', '1']);
  t.deepEqual(parties[0], party);
  t.deepEqual(parties.map((p) => p.name).sort(), [
    'Aviato, Inc.',
    'Bob Slydell',
    'Initrode Ltd',
    'Milton Waddams',
    'Northwind Traders',
  ]);

  const lead = (await json<Lead[]>(['leads', 'list'])).find((l) => l.name === 'Erlich Bachman')!;
  const check = await json<ConflictCheck>([
    'conflicts',
    'check',
    '--party',
    'AVIATO',
    '--party',
    'Someone Else',
    '--email',
    ' Erlich@Aviato.example',
    '--note',
    'Intake',
  ]);
  t.like(check, { result: 'potential_conflict', match_count: 3, note: 'Intake' });
  t.deepEqual(check.parties, [
    { name: 'AVIATO', email: null },
    { name: 'Someone Else', email: 'Erlich@Aviato.example' },
  ]);
  t.deepEqual(
    check.matches.map((m) => [m.party_index, m.kind, m.record_id, m.matched_name, m.matched_on]),
    [
      [0, 'matter_party', party.id, 'Aviato, Inc.', 'name'],
      [0, 'lead', lead.id, 'Aviato LLC', 'name'],
      [1, 'lead', lead.id, 'Erlich Bachman', 'email'],
    ],
  );

  const human = await cli(['conflicts', 'check', '--party', 'Aviato']);
  t.is(human.code, 0);
  const [summary, header, ...rows] = human.stdout.trimEnd().split('\n');
  t.regex(summary!, /^Potential conflict: 2 matches \(check [0-9a-f-]{36}\)\.$/);
  t.regex(header!, /^PARTY\s+KIND\s+ON\s+NAME\s+EMAIL\s+RECORD$/);
  t.regex(rows[0]!, new RegExp(`^Aviato\\s+matter_party\\s+name\\s+Aviato, Inc\\.\\s+-\\s+${party.id}$`));
  t.regex(rows[1]!, new RegExp(`^Aviato\\s+lead\\s+name\\s+Aviato LLC\\s+erlich@aviato\\.example\\s+${lead.id}$`));
  t.is(rows.length, 2);

  const clear = await cli(['conflicts', 'check', '--party', 'Nobody Atall', '--matter', '1']);
  t.regex(clear.stdout, /^Clear: no match for 1 party \(check [0-9a-f-]{36}\)\.\n$/);

  const list = await json<ConflictCheckSummary[]>(['conflicts', 'list']);
  t.deepEqual(
    list.slice(0, 3).map((c) => [c.result, c.match_count, c.parties.map((p) => p.name)]),
    [
      ['clear', 0, ['Nobody Atall']],
      ['potential_conflict', 2, ['Aviato']],
      ['potential_conflict', 3, ['AVIATO', 'Someone Else']],
    ],
  );
  const shown = await cli(['conflicts', 'show', check.id]);
  t.regex(shown.stdout, /^result:\s+potential_conflict$/m);
  t.regex(shown.stdout, /^parties:\s+AVIATO; Someone Else <Erlich@Aviato\.example>$/m);
  t.regex(shown.stdout, /^Potential conflict: 3 matches/m);

  const removed = await cli(['parties', 'remove', party.id, '--matter', '1']);
  t.is(removed.stdout, `Removed party ${party.id} from matter 1.\n`);
  t.false((await json<MatterParty[]>(['parties', 'list', '--matter', '1'])).some((p) => p.id === party.id));
  const again = await cli(['parties', 'remove', party.id, '--matter', '1']);
  t.is(again.code, 1);
  t.is(again.stderr, 'caseflow: No such party on this matter.\n');
});

test.serial('caseflow conflicts check: needs a --party, and --email belongs to the --party before it', async (t) => {
  const none = await cli(['conflicts', 'check']);
  t.is(none.code, 1);
  t.is(
    none.stderr,
    'caseflow: Name at least one party with --party "Name" (repeatable; --email after a --party gives its email).\n',
  );
  const emailFirst = await cli(['conflicts', 'check', '--email', 'a@b.example', '--party', 'A']);
  t.is(emailFirst.code, 1);
  t.is(emailFirst.stderr, 'caseflow: --email belongs to the --party before it: put a --party first.\n');
  const noMatter = await cli(['parties', 'list']);
  t.is(noMatter.stderr, 'caseflow: Name the matter with --matter <number-or-id>.\n');
});
