/**
 * Staff profile fields beyond the name: phone and hourly rate (minor units of
 * the firm's currency), through the SDK. Admins change anyone's; a staff member
 * may change their own phone and nothing else.
 */
import test from 'ava';
import type { AdminClient } from '../../../sdk/admin-client.js';
import { PermissionError, ValidationError } from '../../../sdk/errors.js';
import { demoStaff, startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
let ada: AdminClient;
let sam: AdminClient;
let ids: { ada: string; sam: string };

test.before(async () => {
  s = await startTestServer();
  [ada, sam] = await Promise.all([s.staffLogin(demoStaff.ada), s.staffLogin(demoStaff.sam)]);
  ids = { ada: (await ada.me()).principal.id, sam: (await sam.me()).principal.id };
});
test.after.always(async () => s?.close());

const audits = (subjectId: string) =>
  s.db
    .owner('audit_events')
    .where({ subject_id: subjectId })
    .orderBy('occurred_at')
    .select('action', 'actor_id', 'data');

test.serial('GET /admin/staff — lists phone and hourly rate (the demo firm’s seeded values)', async (t) => {
  const staff = (await sam.staff.list()).data;
  t.deepEqual(
    staff.map((u) => [u.email, u.phone, u.hourly_rate]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    [
      ['ada@acme-law.example', '+1 212 555 0100', 45000],
      ['sam@acme-law.example', '+1 212 555 0101', 25000],
    ],
  );
});

test.serial(
  'PATCH /admin/staff/:id — an admin sets and clears phone and hourly rate; each change is audited',
  async (t) => {
    const updated = await ada.staff.update(ids.sam, { phone: ' +44 20 7946 0958 ', hourly_rate: 27500 });
    t.like(updated, { id: ids.sam, phone: '+44 20 7946 0958', hourly_rate: 27500, first_name: 'Sam' });
    const cleared = await ada.staff.update(ids.sam, { phone: null, hourly_rate: null });
    t.like(cleared, { phone: null, hourly_rate: null });
    const row = await s.db.owner('staff_users').where({ id: ids.sam }).first();
    t.is(row.phone, null);
    t.is(row.hourly_rate, null);
    const events = (await audits(ids.sam)).filter((e) => e.action === 'staff.updated');
    t.deepEqual(events.slice(-2), [
      {
        action: 'staff.updated',
        actor_id: ids.ada,
        data: { phone: { from: '+1 212 555 0101', to: '+44 20 7946 0958' }, hourly_rate: { from: 25000, to: 27500 } },
      },
      {
        action: 'staff.updated',
        actor_id: ids.ada,
        data: { phone: { from: '+44 20 7946 0958', to: null }, hourly_rate: { from: 27500, to: null } },
      },
    ]);
    await ada.staff.update(ids.sam, { phone: '+1 212 555 0101', hourly_rate: 25000 });
  },
);

test.serial(
  'PATCH /admin/staff/:id — a staff member changes their own phone, but not their rate nor anyone else’s phone',
  async (t) => {
    const mine = await sam.staff.update(ids.sam, { phone: '+1 646 555 0199' });
    t.like(mine, { phone: '+1 646 555 0199', hourly_rate: 25000 });
    for (const call of [
      () => sam.staff.update(ids.sam, { hourly_rate: 99900 }),
      () => sam.staff.update(ids.sam, { phone: '+1 646 555 0100', first_name: 'Samuel' }),
      () => sam.staff.update(ids.ada, { phone: '+1 646 555 0100' }),
    ]) {
      const error = await t.throwsAsync(call());
      t.true(error instanceof PermissionError);
      t.is(error!.message, 'Only firm admins may change staff users; you may change your own phone.');
    }
    const row = await s.db.owner('staff_users').where({ id: ids.sam }).first();
    t.like(row, { phone: '+1 646 555 0199', first_name: 'Sam' });
    t.is(Number(row.hourly_rate), 25000);
    t.is((await s.db.owner('staff_users').where({ id: ids.ada }).first()).phone, '+1 212 555 0100');
  },
);

test('PATCH /admin/staff/:id — refuses a phone that is no phone number and a negative or fractional rate, naming the field', async (t) => {
  for (const [body, path] of [
    [{ phone: 'call me maybe' }, 'body.phone'],
    [{ phone: '' }, 'body.phone'],
    [{ hourly_rate: -1 }, 'body.hourly_rate'],
    [{ hourly_rate: 12.5 }, 'body.hourly_rate'],
    [{ hourly_rate: '250.00' }, 'body.hourly_rate'],
  ] as const) {
    const error = await t.throwsAsync(ada.staff.update(ids.sam, body as never));
    t.true(error instanceof ValidationError, JSON.stringify(body));
    t.deepEqual(
      (error as ValidationError).params.map((p) => p.path),
      [path],
      JSON.stringify(body),
    );
  }
});
