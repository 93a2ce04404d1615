/**
 * The demo's international firm: every printed login works, in its own
 * language, with its name exactly as written in its own script.
 */
import test from 'ava';
import { demoLogins } from '../../../server/db/demo.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
test.before(async () => {
  s = await startTestServer();
});
test.after.always(async () => s?.close());

test('each Meridian demo login logs in, in its language, with its name and client exactly as written', async (t) => {
  const meridian = demoLogins.filter((l) => l.firm === 'meridian');
  const seen = [];
  for (const login of meridian) {
    const portal = s.portal('meridian');
    const { profile } = await portal.auth.login({ email: login.email, password: login.password });
    t.is(profile.client.name, login.client);
    seen.push([
      profile.contact.email,
      `${profile.contact.first_name} ${profile.contact.last_name}`,
      profile.contact.language,
    ]);
  }
  t.deepEqual(seen, [
    ['sara@alnoor.example', 'سارة الحسيني', 'ar'],
    ['ines@construcciones-pena.example', 'Inés Peña', 'es'],
    ['lukasz@zolc.example', 'Łukasz Żółć', null],
    ['anh@nguyen.example', 'Ánh Nguyễn Thị', 'en'],
    ['zoe@ørsted.example', 'Zoë Ørsted', 'de'],
  ]);
});

test('the firm is French by default; Sara reads right to left and has three invoices, in two currencies', async (t) => {
  const sara = demoLogins.find((l) => l.email === 'sara@alnoor.example')!;
  const portal = s.portal('meridian');
  const { profile } = await portal.auth.login({ email: sara.email, password: sara.password });
  t.deepEqual([profile.firm.locale, profile.firm.currency, profile.firm.timezone], ['fr-FR', 'EUR', 'Europe/Paris']);
  const invoices = await portal.invoices.list();
  t.deepEqual(invoices.data.map((i) => [i.number, i.status, i.currency]).sort(), [
    ['MA-0001', 'paid', 'EUR'],
    ['MA-0002', 'partially_paid', 'EUR'],
    ['MA-0003', 'unpaid', 'AED'],
  ]);
  const row = await s.db.owner('contacts').where({ email: sara.email }).first('text_direction', 'language');
  t.deepEqual(row, { text_direction: 'rtl', language: 'ar' });
});

test('zoe@ørsted.example logs in with the domain typed in capitals', async (t) => {
  const zoe = demoLogins.find((l) => l.client === 'Ørsted Holding')!;
  const { profile } = await s.portal('meridian').auth.login({ email: 'ZOE@ØRSTED.EXAMPLE', password: zoe.password });
  t.is(profile.contact.email, 'zoe@ørsted.example');
});
