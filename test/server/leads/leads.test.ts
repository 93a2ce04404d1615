/**
 * /admin/leads through the SDK against a real server: the pipeline of
 * prospective clients, staff-only, audited.
 */
import test from 'ava';
import type { AdminClient } from '../../../sdk/admin-client.js';
import { NotFoundError, ValidationError } from '../../../sdk/errors.js';
import type { Lead } from '../../../sdk/schemas/leads.js';
import { loginDemoStaff, startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
let ada: AdminClient;
let sam: AdminClient;
let bea: AdminClient;
let samId: string;
let adaId: string;

test.before(async () => {
  s = await startTestServer();
  ({ ada, sam, bea } = await loginDemoStaff(s));
  adaId = (await ada.me()).principal.id;
  samId = (await sam.me()).principal.id;
});
test.after.always(async () => s?.close());

const masked = (lead: Lead) => ({ ...lead, id: '<id>', created_at: '<time>', updated_at: '<time>' });

test('POST /admin/leads — a staff user adds a lead; the currency defaults to the firm’s and every field comes back', async (t) => {
  const lead = await sam.leads.create({
    name: '  Dinesh Chugtai ',
    email: ' Dinesh@PiedPiper.example ',
    phone: '+1 650 555 0101',
    company: 'Pied Piper',
    source: 'referral',
    owner_id: samId,
    value: 1_250_000,
    notes: 'Met at the conference.',
  });
  t.deepEqual(masked(lead), {
    id: '<id>',
    name: 'Dinesh Chugtai',
    email: 'Dinesh@PiedPiper.example',
    phone: '+1 650 555 0101',
    company: 'Pied Piper',
    stage: 'new',
    source: 'referral',
    owner_id: samId,
    value: 1_250_000,
    currency: 'USD',
    notes: 'Met at the conference.',
    created_at: '<time>',
    updated_at: '<time>',
  });
  t.deepEqual(await ada.leads.retrieve(lead.id), lead);
  const [event] = (await ada.auditEvents.list({ subject_id: lead.id })).data;
  t.like(event, { action: 'lead.created', actor: { type: 'staff', id: samId } });
  t.deepEqual(event!.data, { name: 'Dinesh Chugtai', stage: 'new', owner_id: samId });
});

test('POST /admin/leads — only a name is required; a currency may be given', async (t) => {
  const lead = await ada.leads.create({ name: 'Yen lead', value: 500, currency: 'JPY', stage: 'contacted' });
  t.like(lead, {
    name: 'Yen lead',
    email: null,
    phone: null,
    company: null,
    source: null,
    owner_id: null,
    stage: 'contacted',
    value: 500,
    currency: 'JPY',
    notes: null,
  });
});

test('POST /admin/leads — bad input is a 400 naming the field, and nothing is written', async (t) => {
  const cases: [Record<string, unknown>, string][] = [
    [{ name: '   ' }, 'body.name'],
    [{ name: 'X', email: 'not-an-email' }, 'body.email'],
    [{ name: 'X', stage: 'closed' }, 'body.stage'],
    [{ name: 'X', value: -1 }, 'body.value'],
    [{ name: 'X', value: 1.5 }, 'body.value'],
    [{ name: 'X', currency: 'usd' }, 'body.currency'],
    [{ name: 'X', currency: 'XYZ' }, 'body.currency'],
    [{ name: 'X', owner_id: '00000000-0000-4000-8000-000000000000' }, 'body.owner_id'],
    [{ name: 'Nul\u0000byte' }, 'body.name'],
    [{ name: 'X', colour: 'red' }, 'body'],
  ];
  for (const [body, path] of cases) {
    const error = await t.throwsAsync(ada.leads.create(body as never), { instanceOf: ValidationError });
    t.is(error.status, 400, JSON.stringify(body));
    t.true(
      error.params.some((p) => p.path === path || p.path.startsWith(`${path}.`)),
      `${JSON.stringify(body)} → ${JSON.stringify(error.params)}`,
    );
  }
  const unknown = await t.throwsAsync(ada.leads.create({ name: 'X', currency: 'XYZ' }), {
    instanceOf: ValidationError,
  });
  t.is(unknown.message, '"XYZ" is not an ISO 4217 currency an invoice can use (e.g. USD, EUR, JPY, KWD).');
  const owner = await t.throwsAsync(ada.leads.create({ name: 'X', owner_id: '00000000-0000-4000-8000-000000000000' }), {
    instanceOf: ValidationError,
  });
  t.is(owner.message, 'No such staff user in this firm.');
  t.deepEqual(await s.db.owner('leads').whereIn('name', ['X', 'Nul']).select('id'), []);
});

test('POST /admin/leads — the owner must be staff of this firm: Bluebird’s admin cannot be owner at Acme', async (t) => {
  const beaId = (await bea.me()).principal.id;
  const error = await t.throwsAsync(ada.leads.create({ name: 'Cross-firm', owner_id: beaId }), {
    instanceOf: ValidationError,
  });
  t.deepEqual(error.params, [
    { path: 'body.owner_id', code: 'not_found', message: 'No such staff user in this firm.' },
  ]);
});

test('PATCH /admin/leads/:id — moves the stage, changes and clears fields; the audit lists exactly what changed', async (t) => {
  const lead = await ada.leads.create({
    name: 'Jared Dunn',
    email: 'jared@hooli.example',
    source: 'website',
    notes: 'x',
  });
  const updated = await sam.leads.update(lead.id, {
    stage: 'proposal',
    email: null,
    owner_id: adaId,
    value: 300_000,
    notes: 'Sent the engagement proposal.',
    source: 'website',
  });
  t.like(updated, {
    id: lead.id,
    name: 'Jared Dunn',
    stage: 'proposal',
    email: null,
    owner_id: adaId,
    value: 300_000,
    currency: 'USD',
    source: 'website',
    notes: 'Sent the engagement proposal.',
    created_at: lead.created_at,
  });
  t.true(updated.updated_at > lead.updated_at);
  const [event] = (await ada.auditEvents.list({ subject_id: lead.id, action: 'lead.updated' })).data;
  t.like(event, { actor: { type: 'staff', id: samId } });
  t.deepEqual(event!.data, {
    email: { from: 'jared@hooli.example', to: null },
    stage: { from: 'new', to: 'proposal' },
    owner_id: { from: null, to: adaId },
    value: { from: null, to: 300_000 },
    notes: { changed: true },
  });
});

test('PATCH /admin/leads/:id — nothing changed, nothing written (no audit event, same updated_at)', async (t) => {
  const lead = await ada.leads.create({ name: 'Same Again', stage: 'qualified' });
  const again = await ada.leads.update(lead.id, { name: 'Same Again', stage: 'qualified' });
  t.deepEqual(again, lead);
  t.deepEqual(
    (await ada.auditEvents.list({ subject_id: lead.id })).data.map((e) => e.action),
    ['lead.created'],
  );
});

test('PATCH /admin/leads/:id — a bad stage is a 400; an unknown or other firm’s lead is a 404', async (t) => {
  const lead = await ada.leads.create({ name: 'Stage test' });
  const bad = await t.throwsAsync(ada.leads.update(lead.id, { stage: 'archived' as never }), {
    instanceOf: ValidationError,
  });
  t.is(bad.params[0]!.path, 'body.stage');
  t.is((await ada.leads.retrieve(lead.id)).stage, 'new');
  await t.throwsAsync(bea.leads.update(lead.id, { stage: 'won' }), { instanceOf: NotFoundError });
  await t.throwsAsync(bea.leads.retrieve(lead.id), { instanceOf: NotFoundError });
  await t.throwsAsync(ada.leads.retrieve('00000000-0000-4000-8000-000000000000'), {
    instanceOf: NotFoundError,
    message: 'No such lead.',
  });
});

test.serial(
  'GET /admin/leads — newest first, keyset pages, filters by stage and owner, never another firm’s',
  async (t) => {
    const tag = `List ${Date.now()}`;
    const made: Lead[] = [];
    for (const [i, stage] of (['won', 'lost', 'won'] as const).entries()) {
      made.push(await ada.leads.create({ name: `${tag} ${i}`, stage, ...(i === 2 ? { owner_id: samId } : {}) }));
    }
    const all = await ada.leads.list({ limit: 2 }).toArray();
    const ours = all.filter((l) => l.name.startsWith(tag)).map((l) => l.name);
    t.deepEqual(ours, [`${tag} 2`, `${tag} 1`, `${tag} 0`]);
    const page = await ada.leads.list({ limit: 2 });
    t.is(page.data.length, 2);
    t.true(page.has_more);
    t.is(page.next_cursor, page.data[1]!.id);

    const won = await ada.leads.list({ stage: 'won', limit: 100 }).toArray();
    t.true(won.every((l) => l.stage === 'won'));
    t.deepEqual(
      won.filter((l) => l.name.startsWith(tag)).map((l) => l.name),
      [`${tag} 2`, `${tag} 0`],
    );
    const samsWon = await ada.leads.list({ stage: 'won', owner_id: samId }).toArray();
    t.deepEqual(
      samsWon.map((l) => l.id),
      [made[2]!.id],
    );
    t.deepEqual((await bea.leads.list()).data, []);
  },
);

test('the demo firm shows its pipeline: three leads at their stages, newest first', async (t) => {
  const demoLeads = (await ada.leads.list({ limit: 100 }).toArray()).filter((l) =>
    ['Gavin Belson', 'Richard Hendricks', 'Monica Hall'].includes(l.name),
  );
  t.deepEqual(
    demoLeads.map((l) => [l.name, l.company, l.stage, l.value, l.owner_id]),
    [
      ['Monica Hall', 'Raviga Capital', 'proposal', 900_000, samId],
      ['Richard Hendricks', 'Pied Piper', 'new', null, null],
      ['Gavin Belson', 'Hooli, Inc.', 'qualified', 2_500_000, adaId],
    ],
  );
});
