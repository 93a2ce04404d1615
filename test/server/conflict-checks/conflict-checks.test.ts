/**
 * /admin/conflict-checks through the SDK against a real server: a check searches
 * the firm's clients, contacts, matter parties and leads by normalised name and
 * email, is kept with its matches, and is audited without the names searched.
 */
import { randomUUID } from 'node:crypto';
import test from 'ava';
import type { AdminClient } from '../../../sdk/admin-client.js';
import { NotFoundError, ValidationError } from '../../../sdk/errors.js';
import type { ConflictCheck } from '../../../sdk/schemas/conflict-checks.js';
import { anApiKey } from '../../helpers/factories/index.js';
import { loginDemoStaff, startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
let ada: AdminClient;
let sam: AdminClient;
let bea: AdminClient;
let samId: string;

test.before(async () => {
  s = await startTestServer();
  ({ ada, sam, bea } = await loginDemoStaff(s));
  samId = (await sam.me()).principal.id;
});
test.after.always(async () => s?.close());

/** A word no other test (nor the demo data) uses, so tests running side by side find only their own records. */
const word = () => `q${randomUUID().slice(0, 8)}`;

test('POST /admin/conflict-checks — finds one record of each kind, by normalised name and by email, exactly', async (t) => {
  const w = word();
  // The firm's records, written the way people write them.
  const client = await ada.clients.create({ name: `Zephyr ${w} Holdings, LLC` });
  const contact = await ada.contacts.create({
    client_id: client.id,
    first_name: 'Zoë',
    last_name: `Quill-${w}`,
    email: `zoe.${w}@zephyr.example`,
  });
  const matter = await ada.matters.create({ client_id: client.id, title: `Matter ${w}` });
  const party = await ada.matterParties.add(matter.id, { name: `ZOE QUILL ${w.toUpperCase()}`, role: 'witness' });
  const lead = await ada.leads.create({
    name: 'Phil Marlowe',
    company: `Zéphyr ${w} Holdings Inc.`,
    email: `Marlowe.${w}@Counsel.example`,
  });
  const unrelated = await ada.leads.create({ name: `Zephyr ${w} Holdings Two` });

  const check = await sam.conflictChecks.run({
    parties: [
      { name: `zephyr ${w} holdings` },
      { name: `Zoe Quill ${w}`, email: ` ZOE.${w.toUpperCase()}@ZEPHYR.EXAMPLE ` },
      { name: 'Nobody At All', email: `marlowe.${w}@counsel.example` },
    ],
    note: 'New matter intake',
  });
  t.like(check, {
    result: 'potential_conflict',
    match_count: 6,
    matter_id: null,
    lead_id: null,
    note: 'New matter intake',
    run_by: { type: 'staff', id: samId },
  });
  t.deepEqual(check.parties, [
    { name: `zephyr ${w} holdings`, email: null },
    { name: `Zoe Quill ${w}`, email: `ZOE.${w.toUpperCase()}@ZEPHYR.EXAMPLE` },
    { name: 'Nobody At All', email: `marlowe.${w}@counsel.example` },
  ]);
  t.deepEqual(check.matches, [
    {
      party_index: 0,
      kind: 'client',
      record_id: client.id,
      matched_name: `Zephyr ${w} Holdings, LLC`,
      matched_email: null,
      matched_on: 'name',
    },
    {
      party_index: 0,
      kind: 'lead',
      record_id: lead.id,
      matched_name: `Zéphyr ${w} Holdings Inc.`,
      matched_email: `Marlowe.${w}@Counsel.example`,
      matched_on: 'name',
    },
    {
      party_index: 1,
      kind: 'contact',
      record_id: contact.id,
      matched_name: `Zoë Quill-${w}`,
      matched_email: `zoe.${w}@zephyr.example`,
      matched_on: 'name',
    },
    {
      party_index: 1,
      kind: 'contact',
      record_id: contact.id,
      matched_name: `Zoë Quill-${w}`,
      matched_email: `zoe.${w}@zephyr.example`,
      matched_on: 'email',
    },
    {
      party_index: 1,
      kind: 'matter_party',
      record_id: party.id,
      matched_name: `ZOE QUILL ${w.toUpperCase()}`,
      matched_email: null,
      matched_on: 'name',
    },
    {
      party_index: 2,
      kind: 'lead',
      record_id: lead.id,
      matched_name: 'Phil Marlowe',
      matched_email: `Marlowe.${w}@Counsel.example`,
      matched_on: 'email',
    },
  ]);
  t.false(check.matches.some((m) => m.record_id === unrelated.id));
  t.deepEqual(await ada.conflictChecks.retrieve(check.id), check);

  const [event] = (await ada.auditEvents.list({ subject_id: check.id })).data;
  t.like(event, { action: 'conflict_check.run', actor: { type: 'staff', id: samId } });
  // The result and counts, never the names searched.
  t.deepEqual(event!.data, {
    result: 'potential_conflict',
    match_count: 6,
    party_count: 3,
    matter_id: null,
    lead_id: null,
  });
});

test('POST /admin/conflict-checks — nothing found is "clear", kept and audited too', async (t) => {
  const check = await ada.conflictChecks.run({ parties: [{ name: `Nobody ${word()}`, email: `${word()}@x.example` }] });
  t.like(check, { result: 'clear', match_count: 0, matches: [] });
  const [event] = (await ada.auditEvents.list({ subject_id: check.id })).data;
  t.like(event!.data, { result: 'clear', match_count: 0, party_count: 1 });
});

test('POST /admin/conflict-checks — the check’s own lead and its own matter’s parties are not matches', async (t) => {
  const w = word();
  const client = await ada.clients.create({ name: `Own ${w} Client` });
  const matter = await ada.matters.create({ client_id: client.id, title: 'Own matter' });
  const ownParty = await ada.matterParties.add(matter.id, { name: `Rival ${w}`, role: 'opposing_party' });
  const otherMatter = await ada.matters.create({ client_id: client.id, title: 'Other matter' });
  const otherParty = await ada.matterParties.add(otherMatter.id, { name: `Rival ${w}`, role: 'witness' });
  const lead = await ada.leads.create({ name: `Prospect ${w}` });
  const check = await ada.conflictChecks.run({
    parties: [{ name: `Rival ${w}` }, { name: `Prospect ${w}` }],
    matter_id: matter.id,
    lead_id: lead.id,
  });
  t.like(check, { matter_id: matter.id, lead_id: lead.id, match_count: 1 });
  t.deepEqual(
    check.matches.map((m) => [m.kind, m.record_id]),
    [['matter_party', otherParty.id]],
  );
  t.false(check.matches.some((m) => m.record_id === ownParty.id));
});

test('POST /admin/conflict-checks — another firm’s records are never searched', async (t) => {
  // Bluebird's client and contact, searched from Acme.
  const check = await ada.conflictChecks.run({ parties: [{ name: 'Initech', email: 'ian@initech.example' }] });
  t.deepEqual(check.matches, []);
  const own = await bea.conflictChecks.run({ parties: [{ name: 'Initech', email: 'IAN@initech.example' }] });
  t.deepEqual(
    own.matches.map((m) => [m.kind, m.matched_name, m.matched_on]),
    [
      ['client', 'Initech', 'name'],
      ['contact', 'Ian Initech', 'email'],
    ],
  );
});

test('POST /admin/conflict-checks — bad input is a 400 naming the field, and no check is kept', async (t) => {
  const A = word();
  const many = Array.from({ length: 21 }, (_, i) => ({ name: `${A} ${i}` }));
  const cases: [Record<string, unknown>, string, string?][] = [
    [{ parties: [] }, 'body.parties'],
    [{ parties: many }, 'body.parties'],
    [{}, 'body.parties'],
    [{ parties: [{ name: ' ' }] }, 'body.parties.0.name'],
    [{ parties: [{ name: A, email: 'not-mail' }] }, 'body.parties.0.email'],
    [{ parties: [{ name: A, phone: '1' }] }, 'body.parties.0'],
    [{ parties: [{ name: A }], matter_id: 'nope' }, 'body.matter_id'],
    [{ parties: [{ name: A }], matter_id: randomUUID() }, 'body.matter_id', 'No such matter in this firm.'],
    [{ parties: [{ name: A }], lead_id: randomUUID() }, 'body.lead_id', 'No such lead in this firm.'],
  ];
  for (const [body, path, message] of cases) {
    const error = await t.throwsAsync(ada.conflictChecks.run(body as never), { instanceOf: ValidationError });
    t.true(
      error.params.some((p) => p.path === path || p.path.startsWith(`${path}.`)),
      `${JSON.stringify(body).slice(0, 80)} → ${JSON.stringify(error.params)}`,
    );
    if (message) t.is(error.message, message);
  }
  t.deepEqual(
    await s.db
      .owner('conflict_checks')
      .whereRaw('parties::text LIKE ?', [`%${A}%`])
      .select('id'),
    [],
  );
});

test('POST /admin/conflict-checks — an API key runs a check and is recorded as who ran it', async (t) => {
  const { key, token } = await anApiKey(s, { firm: 'acme', role: 'staff', name: 'Intake system' });
  const check = await s.admin('acme', token).conflictChecks.run({ parties: [{ name: 'Northwind Traders Inc' }] });
  t.deepEqual(check.run_by, { type: 'api_key', id: key.id });
  t.true(check.matches.some((m) => m.kind === 'client' && m.matched_name === 'Northwind Traders'));
});

test.serial(
  'GET /admin/conflict-checks — newest first without matches, keyset pages; GET /:id has the matches',
  async (t) => {
    const runs: ConflictCheck[] = [];
    for (let i = 0; i < 3; i++)
      runs.push(await ada.conflictChecks.run({ parties: [{ name: `Listed ${i} ${word()}` }] }));
    const page = await ada.conflictChecks.list({ limit: 2 });
    t.deepEqual(
      page.data.map((c) => c.id),
      [runs[2]!.id, runs[1]!.id],
    );
    t.true(page.has_more);
    t.false('matches' in page.data[0]!);
    const all = await ada.conflictChecks.list({ limit: 2 }).toArray();
    t.deepEqual(
      all.slice(0, 3).map((c) => c.id),
      [runs[2]!.id, runs[1]!.id, runs[0]!.id],
    );
    t.is(new Set(all.map((c) => c.id)).size, all.length);
    // The demo check is the oldest, and found the demo matter's opposing party.
    const demoCheck = all.at(-1)!;
    t.like(demoCheck, { result: 'potential_conflict', match_count: 1, note: 'Before taking on Initrode as a client' });
    const full = await ada.conflictChecks.retrieve(demoCheck.id);
    t.like(full.matches[0], { kind: 'matter_party', matched_name: 'Initrode Ltd', matched_on: 'name', party_index: 0 });
    t.deepEqual(
      (await bea.conflictChecks.list()).data.filter((c) => all.some((a) => a.id === c.id)),
      [],
    );
    await t.throwsAsync(bea.conflictChecks.retrieve(demoCheck.id), { instanceOf: NotFoundError });
  },
);
