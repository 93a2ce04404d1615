/**
 * `caseflow practice-areas|matters update|notes|threads|reports revenue|staff update`
 * as real processes against a real server. The firm bills in yen, so amounts
 * typed on the command line follow the yen's exponent (no decimals).
 */
import test from 'ava';
import type { Matter } from '../../sdk/schemas/matters.js';
import type { InternalNote } from '../../sdk/schemas/notes.js';
import type { PracticeArea } from '../../sdk/schemas/practice-areas.js';
import type { RevenueReport } from '../../sdk/schemas/reports.js';
import type { StaffUser } from '../../sdk/schemas/staff.js';
import type { MatterThread, MatterThreadWithMessage, ThreadMessage } from '../../sdk/schemas/threads.js';
import { cliWithApiKey, type KeyedCli } from '../helpers/cli.js';
import { aFirm, anInvoiceRow, aPayment } from '../helpers/factories/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let s: TestServer;
let env: NodeJS.ProcessEnv;
let keyed: KeyedCli;
let adminId: string;

test.before(async () => {
  s = await startTestServer({ seed: false });
  const created = await aFirm(s, { slug: 'kyoto-law', currency: 'JPY', timezone: 'Asia/Tokyo' });
  adminId = created.admin.id;
  keyed = await cliWithApiKey(s.db.owner, {
    baseUrl: s.baseUrl,
    tenant: 'kyoto-law',
    role: 'admin',
    name: 'CLI records',
  });
  env = keyed.env;
});
test.after.always(async () => s?.close());

const cli = (args: string[]) => keyed.cli(args);
const json = <T>(args: string[]) => keyed.json<T>(args);

test.serial(
  'caseflow practice-areas create|list|update, matters update --practice-area by name, and none',
  async (t) => {
    const area = await json<PracticeArea>(['practice-areas', 'create', '--name', 'Corporate']);
    t.like(area, { name: 'Corporate', archived: false });
    const old = await json<PracticeArea>(['practice-areas', 'create', '--name', 'Shipping']);
    const archived = await cli(['practice-areas', 'update', 'shipping', '--archive']);
    t.is(archived.code, 0, archived.stderr);
    t.is(archived.stdout, `Practice area Shipping is archived (id ${old.id}).\n`);
    const listed = await cli(['practice-areas', 'list']);
    t.regex(listed.stdout, /^NAME {7}ARCHIVED {2}ID\nCorporate {2}no {8}[0-9a-f-]{36}\n$/);
    t.deepEqual(
      (await json<PracticeArea[]>(['practice-areas', 'list', '--all'])).map((a) => [a.name, a.archived]),
      [
        ['Corporate', false],
        ['Shipping', true],
      ],
    );

    const client = (await s.admin('kyoto-law', env.CASEFLOW_API_KEY).clients.create({ name: 'Gion Trading' })).number;
    const matter = await json<Matter>(['matters', 'create', '--client', String(client), '--title', 'Share purchase']);
    const updated = await json<Matter>([
      'matters',
      'update',
      String(matter.number),
      '--status',
      'in_progress',
      '--practice-area',
      'CORPORATE',
    ]);
    t.like(updated, { status: 'in_progress', practice_area_id: area.id, title: 'Share purchase' });
    const refused = await cli(['matters', 'update', String(matter.number), '--practice-area', 'Shipping']);
    t.is(refused.code, 1);
    t.is(refused.stderr, 'caseflow: The practice area "Shipping" is archived: unarchive it or choose another.\n');
    const unknown = await cli(['matters', 'update', String(matter.number), '--practice-area', 'Tax']);
    t.is(unknown.stderr, 'caseflow: No practice area named "Tax" in this firm.\n');
    const none = await cli([
      'matters',
      'update',
      String(matter.number),
      '--practice-area',
      'none',
      '--title',
      'Share deal',
    ]);
    t.is(none.stdout, 'Matter 1 Share deal is in_progress.\n');
    t.is((await s.db.owner('matters').where({ id: matter.id }).first()).practice_area_id, null);
  },
);

test.serial('caseflow notes add|list|edit|delete on a client and on a matter', async (t) => {
  const added = await cli(['notes', 'add', '--client', '1001', '--body', 'Owner prefers email.', '--pin']);
  t.is(added.code, 0, added.stderr);
  t.regex(added.stdout, /^Added note [0-9a-f-]{36} \(pinned\)\.\n$/);
  const onMatter = await json<InternalNote>([
    'notes',
    'add',
    '--matter',
    '1',
    '--body',
    'Due diligence starts Monday.',
  ]);
  t.like(onMatter, {
    matter_id: (await s.db.owner('matters').first()).id,
    author: { type: 'api_key', name: 'CLI records' },
  });
  const clientNotes = await json<InternalNote[]>(['notes', 'list', '--client', '1001']);
  t.deepEqual(
    clientNotes.map((n) => [n.body, n.pinned]),
    [
      ['Due diligence starts Monday.', false],
      ['Owner prefers email.', true],
    ],
  );
  const table = await cli(['notes', 'list', '--matter', '1']);
  t.regex(
    table.stdout,
    /^CREATED {11}AUTHOR {7}PINNED {2}NOTE {26}ID\n.{16} {2}CLI records {10}Due diligence starts Monday\. {2}[0-9a-f-]{36}\n$/,
  );
  const edited = await json<InternalNote>([
    'notes',
    'edit',
    onMatter.id,
    '--body',
    'Due diligence starts Tuesday.',
    '--pin',
  ]);
  t.like(edited, { body: 'Due diligence starts Tuesday.', pinned: true });
  const deleted = await cli(['notes', 'delete', onMatter.id]);
  t.is(deleted.stdout, `Deleted note ${onMatter.id}.\n`);
  t.deepEqual(await s.db.owner('internal_notes').where({ id: onMatter.id }), []);
  const both = await cli(['notes', 'list', '--client', '1001', '--matter', '1']);
  t.is(both.code, 1);
  t.is(
    both.stderr,
    'caseflow: Name the client with --client <number-or-id> or the matter with --matter <number-or-id>, not both.\n',
  );
  const empty = await cli(['notes', 'add', '--client', '1001', '--body', ' ']);
  t.is(empty.code, 1);
  t.is(empty.stderr, 'caseflow: Text must not be empty.\n');
});

test.serial('caseflow threads start|reply|list|show', async (t) => {
  const started = await json<MatterThreadWithMessage>([
    'threads',
    'start',
    '--matter',
    '1',
    '--subject',
    'Signing',
    '--body',
    'Who flies to Osaka?',
  ]);
  t.like(started.thread, { subject: 'Signing', message_count: 1, created_by: { name: 'CLI records' } });
  const reply = await json<ThreadMessage>(['threads', 'reply', started.thread.id, '--body', 'I will.']);
  t.is(reply.thread_id, started.thread.id);
  const listed = await json<MatterThread[]>(['threads', 'list', '--matter', '1']);
  t.deepEqual(
    listed.map((th) => [th.subject, th.message_count]),
    [['Signing', 2]],
  );
  const shown = await cli(['threads', 'show', started.thread.id]);
  t.is(shown.code, 0, shown.stderr);
  t.regex(
    shown.stdout,
    /^Signing\n\n.{16} {2}CLI records\nWho flies to Osaka\?\n\n.{16} {2}CLI records\nI will\.\n\n$/,
  );
  const noMatter = await cli(['threads', 'list']);
  t.is(noMatter.stderr, 'caseflow: Name the matter with --matter <number-or-id>.\n');
});

test.serial(
  'caseflow reports revenue prints yen amounts per month and per practice area; --json is the report',
  async (t) => {
    const matter = await s.db.owner('matters').first();
    const invoice = await anInvoiceRow(s, {
      client: matter.client_id,
      matter,
      number: 'K-1',
      status: 'partially_paid',
      currency: 'JPY',
      issue_date: '2026-05-10',
      total: 300_000,
    });
    // 08:00 on 1 June in Tokyo: June's.
    await aPayment(s, { invoice, amount: 120_000, paid_at: '2026-05-31T23:00:00Z' });
    const result = await cli(['reports', 'revenue', '--from', '2026-05', '--to', '2026-06']);
    t.is(result.code, 0, result.stderr);
    t.is(
      result.stdout,
      [
        'Revenue 2026-05 to 2026-06 (months in Asia/Tokyo)',
        '',
        'JPY',
        'MONTH    COLLECTED   OUTSTANDING',
        '2026-05  0 JPY       300000 JPY',
        '2026-06  120000 JPY  180000 JPY',
        'total    120000 JPY  180000 JPY',
        '',
        'PRACTICE_AREA       COLLECTED   OUTSTANDING',
        '(no practice area)  120000 JPY  180000 JPY',
        '',
      ].join('\n'),
    );
    const report = await json<RevenueReport>(['reports', 'revenue', '--from', '2026-06', '--to', '2026-06']);
    t.deepEqual(report.currencies[0]!.totals, { collected: 120_000, outstanding: 180_000 });
    const bad = await cli(['reports', 'revenue', '--from', '2026-6']);
    t.is(bad.code, 1);
    t.regex(bad.stderr, /It must be a month such as 2026-03\./);
  },
);

test.serial(
  'caseflow staff update --phone --hourly-rate takes the rate in the firm currency (yen: no decimals)',
  async (t) => {
    const user = await json<StaffUser>([
      'staff',
      'update',
      adminId,
      '--phone',
      '+81 75 555 0100',
      '--hourly-rate',
      '25000',
    ]);
    t.like(user, { phone: '+81 75 555 0100', hourly_rate: 25_000 });
    const listedWithRate = await cli(['staff', 'list']);
    t.regex(listedWithRate.stdout, /\+81 75 555 0100 +25000 JPY\n/);
    const fraction = await cli(['staff', 'update', adminId, '--hourly-rate', '250.50']);
    t.is(fraction.code, 1);
    t.is(
      fraction.stderr,
      'caseflow: --hourly-rate: "250.50" has more decimals than JPY has (0) (amounts are in JPY, e.g. 25000).\n',
    );
    const cleared = await json<StaffUser>(['staff', 'update', adminId, '--phone', 'none', '--hourly-rate', 'none']);
    t.like(cleared, { phone: null, hourly_rate: null });
    const listed = await cli(['staff', 'list']);
    t.regex(listed.stdout, /PHONE +HOURLY_RATE/);
  },
);
