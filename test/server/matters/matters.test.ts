/**
 * Matter updates through the SDK against a real server: retitling, status and practice area,
 * what is refused with which message, and the audit trail each update leaves.
 */
import test from 'ava';
import type { AdminClient } from '../../../sdk/admin-client.js';
import { NotFoundError, ValidationError } from '../../../sdk/errors.js';
import type { Matter } from '../../../sdk/schemas/matters.js';
import { rawRequest } from '../../helpers/http.js';
import { auditTrail } from '../../helpers/audit.js';
import { aMatter } from '../../helpers/factories/index.js';
import { loginDemoStaff, startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
let ada: AdminClient;
let sam: AdminClient;
let bea: AdminClient;
let ids: { northwind: string };

test.before(async () => {
  s = await startTestServer();
  ({ ada, sam, bea } = await loginDemoStaff(s));
  const northwind = await ada.clients.list({ number: 1001 });
  ids = {
    northwind: northwind.data[0]!.id,
  };
});
test.after.always(async () => s?.close());

const newMatter = (clientId = ids.northwind): Promise<Matter> => aMatter(s, { admin: ada, client: clientId });
const audits = (subjectId: string) => auditTrail(s, subjectId);

test('PATCH /admin/matters/:id — retitles, moves the status, files under a practice area; an archived area is refused with a clear 400', async (t) => {
  const matter = await newMatter();
  t.is(matter.practice_area_id, null);
  const family = await ada.practiceAreas.create({ name: 'Family law (matters test)' });
  const old = await ada.practiceAreas.create({ name: 'Retired area' });
  await ada.practiceAreas.update(old.id, { archived: true });

  const updated = await sam.matters.update(matter.id, {
    title: 'Custody arrangement',
    status: 'in_progress',
    practice_area_id: family.id,
  });
  t.like(updated, { title: 'Custody arrangement', status: 'in_progress', practice_area_id: family.id });
  t.deepEqual(await sam.matters.retrieve(matter.id), updated);

  const refused = await t.throwsAsync(sam.matters.update(matter.id, { practice_area_id: old.id }));
  t.true(refused instanceof ValidationError);
  t.is((refused as ValidationError).code, 'practice_area_archived');
  t.is(refused!.message, 'The practice area "Retired area" is archived: unarchive it or choose another.');
  t.deepEqual((refused as ValidationError).params, [
    {
      path: 'body.practice_area_id',
      code: 'invalid',
      message: 'The practice area "Retired area" is archived: unarchive it or choose another.',
    },
  ]);
  const onCreate = await t.throwsAsync(
    ada.matters.create({ client_id: ids.northwind, title: 'New', practice_area_id: old.id }),
  );
  t.is((onCreate as ValidationError).code, 'practice_area_archived');
  const foreign = (await bea.practiceAreas.create({ name: 'Bluebird only' })).id;
  const unknown = await t.throwsAsync(sam.matters.update(matter.id, { practice_area_id: foreign }));
  t.deepEqual((unknown as ValidationError).params, [
    { path: 'body.practice_area_id', code: 'not_found', message: 'No such practice area in this firm.' },
  ]);
  t.is((await sam.matters.retrieve(matter.id)).practice_area_id, family.id);

  // A matter keeps an area archived after it was given; it can leave it.
  await ada.practiceAreas.update(family.id, { archived: true });
  t.like(await sam.matters.update(matter.id, { title: 'Custody (final)' }), { practice_area_id: family.id });
  t.like(await sam.matters.update(matter.id, { practice_area_id: null }), { practice_area_id: null });

  const created = await ada.matters.create({
    client_id: ids.northwind,
    title: 'With area',
    practice_area_id: (await ada.practiceAreas.create({ name: 'Open area' })).id,
  });
  t.truthy(created.practice_area_id);

  t.deepEqual(
    (await audits(matter.id)).filter((a) => a.action === 'matter.updated').map((a) => a.data),
    [
      {
        title: { from: matter.title, to: 'Custody arrangement' },
        status: { from: 'not_started', to: 'in_progress' },
        practice_area_id: { from: null, to: family.id },
      },
      { title: { from: 'Custody arrangement', to: 'Custody (final)' } },
      { practice_area_id: { from: family.id, to: null } },
    ],
  );
});

test('PATCH /admin/matters/:id — refuses an unknown status and an empty body; another firm’s matter is not found', async (t) => {
  const matter = await newMatter();
  const status = await t.throwsAsync(ada.matters.update(matter.id, { status: 'won' as never }));
  t.deepEqual(
    (status as ValidationError).params.map((p) => p.path),
    ['body.status'],
  );
  t.true((await t.throwsAsync(ada.matters.update(matter.id, {}))) instanceof ValidationError);
  t.true((await t.throwsAsync(bea.matters.update(matter.id, { title: 'Mine' }))) instanceof NotFoundError);
  const res = await rawRequest(s.server.port, {
    method: 'PATCH',
    path: `/api/v1/admin/matters/${matter.id}`,
    headers: { 'caseflow-tenant': 'acme', authorization: `Bearer ${ada.token}`, 'content-type': 'application/json' },
    body: '{"title": 5}',
  });
  t.is(res.status, 400);
  t.is((await ada.matters.retrieve(matter.id)).title, matter.title);
});
