import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {
  asciiDomain,
  hasUnicodeLocalPart,
  isEmailAddress,
  normalizeEmail,
  wireAddress,
} from '../../../sdk/email-address.js';
import { loadConfig } from '../../../server/config.js';
import { createMailTransport } from '../../../server/modules/email/transport.js';

test('the normal form: trimmed, NFC, the domain lower-cased in any script, the local part as typed', (t) => {
  t.is(normalizeEmail(' ZOE@ØRSTED.EXAMPLE '), 'ZOE@ørsted.example');
  t.is(normalizeEmail('rene@CAFÉ.example'.normalize('NFD')), 'rene@café.example');
  t.is(normalizeEmail('rene@café.example'.normalize('NFD')).length, 'rene@café.example'.length);
  t.is(normalizeEmail('Δοκιμή@ΠΑΡΆΔΕΙΓΜΑ.ΔΟΚΙΜΉ'), 'Δοκιμή@παράδειγμα.δοκιμή');
  t.is(normalizeEmail(normalizeEmail('A@B.Example')), 'A@b.example');
  // A domain in punycode is the same domain (browsers send that form from an email field).
  t.is(normalizeEmail('zoe@XN--RSTED-UUA.example'), 'zoe@ørsted.example');
  t.is(normalizeEmail('eleni@xn--hxajbheg2az3al.xn--jxalpdlp'), 'eleni@παράδειγμα.δοκιμή');
});

test('a domain’s ASCII form is its punycode; a domain without one has none', (t) => {
  t.is(asciiDomain('ørsted.example'), 'xn--rsted-uua.example');
  t.is(asciiDomain('παράδειγμα.δοκιμή'), 'xn--hxajbheg2az3al.xn--jxalpdlp');
  t.is(asciiDomain('example.com'), 'example.com');
  for (const bad of [
    'ex_ample.com',
    'localhost',
    '1.2.3.4',
    'a..b',
    '-a.com',
    `${'ø'.repeat(70)}.example`,
    'a.c',
    'x/y.com',
  ]) {
    t.is(asciiDomain(bad), undefined, bad);
  }
});

test('an address is a dot-atom local part of at most 64 bytes and a domain with an ASCII form', (t) => {
  for (const good of ['zoe@ørsted.example', 'δοκιμή@παράδειγμα.δοκιμή', "o'brien+tag@example.com", 'a.b@example.com']) {
    t.true(isEmailAddress(good), good);
  }
  for (const bad of [
    '@example.com',
    'a..b@example.com',
    '.a@example.com',
    'a b@example.com',
    'a@localhost',
    `${'é'.repeat(33)}@example.com`,
  ]) {
    t.false(isEmailAddress(bad), bad);
  }
});

test('on the wire: the domain in punycode when the local part is ASCII, the address as it is otherwise', (t) => {
  t.is(wireAddress('zoe@ørsted.example'), 'zoe@xn--rsted-uua.example');
  t.is(wireAddress('nora@northwind.example'), 'nora@northwind.example');
  t.false(hasUnicodeLocalPart('zoe@ørsted.example'));
  t.true(hasUnicodeLocalPart('δοκιμή@παράδειγμα.δοκιμή'));
  t.is(wireAddress('δοκιμή@παράδειγμα.δοκιμή'), 'δοκιμή@παράδειγμα.δοκιμή');
});

test('the mail folder writes the recipient’s domain in punycode in the To header', async (t) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caseflow-mail-'));
  try {
    const transport = createMailTransport(loadConfig({ CASEFLOW_DATA_DIR: dataDir }));
    await transport.send({
      id: 'msg-1',
      from: '"Acme Law" <no-reply@localhost>',
      to: 'zoe@ørsted.example',
      subject: 'Hello',
      text: 'Hello Zoë',
      html: '<p>Hello Zoë</p>',
    });
    transport.close();
    const [file] = fs.readdirSync(path.join(dataDir, 'mail'));
    const eml = fs.readFileSync(path.join(dataDir, 'mail', file!), 'utf8');
    t.regex(eml, /^To: zoe@xn--rsted-uua\.example$/m);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
