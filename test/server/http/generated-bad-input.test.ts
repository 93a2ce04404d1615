/**
 * Generated bad input for every operation of the OpenAPI document, sent with
 * real credentials of each audience: no answer is a 5xx, every 4xx carries the
 * error envelope with a message a person can read, and a refused request
 * writes nothing (see write-log.ts). Seeded: BAD_INPUT_SEED reproduces a run,
 * BAD_INPUT_RUNS sets the random cases per operation.
 */
import http from 'node:http';
import test from 'ava';
import fc from 'fast-check';
import { ErrorBody, ParamCode } from '../../../sdk/schemas/common.js';
import { endpoints } from '../../../sdk/schemas/endpoints.js';
import { labelOf } from '../../../server/http/field-messages.js';
import { demo, demoStaff, PLATFORM_KEY, startTestServer, type TestServer } from '../../helpers/server.js';
import {
  caseFactory,
  credentialOf,
  operationsOf,
  withCredentials,
  type Case,
  type Credentials,
  type Operation,
} from './bad-input-cases.js';
import { installWriteLog, lastWriteId, legitimateOnRefusal, writesAfter, type Write } from './write-log.js';

const seed = Number(process.env.BAD_INPUT_SEED ?? 20261201);
const runsPerOperation = Number(process.env.BAD_INPUT_RUNS ?? 100);
const concurrency = 6;

let s: TestServer;
let ops: Operation[];
let agent: http.Agent;
const credentials = {} as Credentials;
const references: Record<string, string> = {};

async function loginContact(): Promise<string> {
  const token = (await s.portal('acme').auth.login(demo.nora)).session.token;
  if (!token) throw new Error('no portal session token');
  return token;
}
async function loginStaff(who: typeof demoStaff.ada): Promise<string> {
  const token = (await s.staffLogin(who)).token;
  if (!token) throw new Error(`no session for ${who.email}`);
  return token;
}

test.before(async () => {
  // Trusted proxy: each case comes from its own X-Forwarded-For address, so the
  // per-IP login and forgot-password limits do not stop the cases before validation.
  // The fake Stripe stands in for Stripe: a case that asks to verify a key gets Stripe's answer, not a 502.
  s = await startTestServer({ stripe: true, env: { TRUST_PROXY: '1' } });
  credentials.contact = await loginContact();
  credentials.staffSession = await loginStaff(demoStaff.sam);
  credentials.adminSession = await loginStaff(demoStaff.ada);
  const ada = await s.staffLogin(demoStaff.ada);
  credentials.adminKey = (await ada.apiKeys.create({ name: 'bad input admin', role: 'admin' })).secret;
  credentials.operator = PLATFORM_KEY;
  // A scratch client and contact for the bodies to name: accepted cases change them, never Nora or her client.
  const scratch = await ada.clients.create({ name: 'Bad Input Scratch LLC' });
  references.client_id = scratch.id;
  references.contact_id = (
    await ada.contacts.create({
      client_id: scratch.id,
      first_name: 'Bad',
      last_name: 'Input',
      email: 'scratch@bad-input.example',
    })
  ).id;
  // A real invoice for the PDF download's Range and If-Range cases (Nora's: the contact credential sees it).
  const acme = await s.db.owner('tenants').where({ slug: 'acme' }).first();
  references['portalInvoicePdf:id'] = (
    await s.db.owner('invoices').where({ tenant_id: acme.id, number: 'INV-0003' }).first()
  ).id;
  const res = await fetch(`${s.baseUrl}/api/v1/openapi.json`);
  ops = operationsOf(await res.json());
  await s.server.jobs.drain();
  await installWriteLog(s.db.owner);
  agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
});
test.after.always(async () => {
  agent?.destroy();
  await s?.close();
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function send(c: Case): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = withCredentials(c.headers, credentials);
    if (c.body) headers['content-length'] = c.body.length;
    const req = http.request(
      { host: '127.0.0.1', port: s.server.port, method: c.method, path: c.path, headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(c.body);
  });
}

const describe = (c: Case) =>
  `${c.op} [${c.kind}] ${c.method} ${c.path.slice(0, 160)} ` +
  `headers=${JSON.stringify({ ...c.headers, 'x-forwarded-for': undefined })} ` +
  `body=${c.body ? JSON.stringify(c.body.subarray(0, 200).toString('utf8')) + (c.body.length > 200 ? `…(${c.body.length} bytes)` : '') : 'none'}`;

/** A message a person can read: a sentence, not a stack trace, an object dump or an echo of a megabyte. */
export function readable(message: string): boolean {
  return (
    message.length >= 8 &&
    message.length <= 1000 &&
    // A sentence may start with a count: "2 fields need attention: …".
    /^[A-Z0-9"'(“]/.test(message) &&
    /\s/.test(message) &&
    // eslint-disable-next-line no-control-regex
    !/\[object |\bat \S+:\d+:\d+|node_modules|^\w*Error:|\u0000/.test(message)
  );
}

/** Words for code, not people: a field path, zod's phrasing, a comparison sign. */
const developerWords = /\b(body|query|path|header)\.\w|\bexpected\b|>=|<=/;
/** Developer words outside what the request itself sent (an unknown key is quoted as it came: “a<=b”). */
const hasDeveloperWords = (message: string) => developerWords.test(message.replace(/“[^”]*”/g, '“”'));

/**
 * The message names the field: by its path (body.lines.0.quantity), its key, or the key's first word ("client"
 * for client_id). A param on the request itself (body, query) has no field to name.
 */
function namesField(message: string, path: string): boolean {
  if (/^(body|query|path|header)$/.test(path)) return true;
  const key =
    path
      .split('.')
      .filter((k) => !/^\d+$/.test(k))
      .pop() ?? path;
  const lower = message.toLowerCase();
  return [
    path,
    path.split('.').pop()!,
    labelOf(key),
    key,
    key.replace(/_/g, ' '),
    key.split('_')[0]!,
    key.split('_').pop()!,
  ].some((name) => lower.includes(name.toLowerCase()));
}

/** What is wrong with an answer, or undefined when it is fine. */
function problemWith(answer: Answer): string | undefined {
  if (answer.status >= 500) return `answered ${answer.status}: ${answer.body.subarray(0, 300).toString()}`;
  if (answer.status < 400) return undefined;
  if (!String(answer.headers['content-type'] ?? '').startsWith('application/json'))
    return `a ${answer.status} without a JSON envelope (content-type ${answer.headers['content-type']}): ${answer.body.subarray(0, 200).toString()}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.body.toString('utf8'));
  } catch {
    return `a ${answer.status} whose body is not JSON`;
  }
  const envelope = ErrorBody.safeParse(parsed);
  if (!envelope.success)
    return `a ${answer.status} whose body is not the error envelope: ${JSON.stringify(parsed).slice(0, 300)}`;
  const { error } = envelope.data;
  if (!readable(error.message))
    return `a ${answer.status} with an unreadable message: ${JSON.stringify(error.message.slice(0, 300))}`;
  if (error.request_id !== answer.headers['x-request-id'])
    return `request_id ${error.request_id} is not the X-Request-Id`;
  if (error.code === 'validation_failed' && error.params?.length && !namesField(error.message, error.params[0]!.path))
    return `a validation message that does not name the field ${error.params[0]!.path}: ${error.message}`;
  if (answer.status === 400 && hasDeveloperWords(error.message))
    return `a 400 whose message has developer words: ${JSON.stringify(error.message.slice(0, 300))}`;
  for (const param of error.params ?? []) {
    if (!ParamCode.safeParse(param.code).success)
      return `a param with a code not in the list: ${JSON.stringify(param)}`;
    if (hasDeveloperWords(param.message) || !readable(param.message))
      return `a param whose message is not for people: ${JSON.stringify(param)}`;
  }
  return undefined;
}

/** The failures, one per kind of case and kind of problem (the first of each), so one cause shows once. */
function distinct(failures: string[]): string[] {
  const seen = new Map<string, number>();
  const out: string[] = [];
  for (const f of failures) {
    const key = `${/\[(.*?)\]/.exec(f)?.[1]}|${/→ (.{0,40})/.exec(f)?.[1]}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    if (n === 0) out.push(f);
  }
  return out.slice(0, 60).map((f) => {
    const key = `${/\[(.*?)\]/.exec(f)?.[1]}|${/→ (.{0,40})/.exec(f)?.[1]}`;
    return `(${seen.get(key)}×) ${f}`;
  });
}

function codeOf(a: Answer): string {
  try {
    return String((JSON.parse(a.body.toString()) as ErrorBody).error.code);
  } catch {
    return '(no envelope)';
  }
}

const isLogout = (op: string) => op === 'portalLogout' || op === 'adminLogout';

/** After a case was accepted: a logout used up its credential, so log in again. */
async function renew(c: Case): Promise<void> {
  const which = credentialOf(c);
  if (which === 'contact') credentials.contact = await loginContact();
  if (which === 'staffSession') credentials.staffSession = await loginStaff(demoStaff.sam);
  if (which === 'adminSession') credentials.adminSession = await loginStaff(demoStaff.ada);
}

/** Every case of a run: each operation's catalogue and its random cases, interleaved so a batch mixes operations. */
function buildCases(runSeed: number, runs = runsPerOperation): Case[] {
  const factory = caseFactory(runSeed, references);
  const perOp: Case[][] = ops.map((op, i) => [
    ...factory.catalogue(op),
    ...fc.sample(factory.random(op), { seed: runSeed + i, numRuns: runs }),
  ]);
  const cases: Case[] = [];
  for (let i = 0; perOp.some((list) => i < list.length); i++)
    for (const list of perOp) if (i < list.length) cases.push(list[i]!);
  return cases;
}

const answer = (status: number, body: unknown, requestId = 'r-1'): Answer => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId },
  body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
});
const envelope = (message: string, extra: Record<string, unknown> = {}) => ({
  error: { type: 'invalid_request', code: 'validation_failed', message, ...extra, request_id: 'r-1' },
});

test.serial('the answer checks refuse a 5xx, a 4xx without the envelope and a message nobody can read', (t) => {
  t.is(problemWith(answer(200, { ok: true })), undefined);
  t.is(problemWith(answer(400, envelope('Enter an email address such as name@example.com.'))), undefined);
  t.regex(problemWith(answer(400, envelope('Invalid body.email: must be an email address')))!, /developer words/);
  t.regex(problemWith(answer(400, envelope('Too big: expected string to have <=254 characters')))!, /developer words/);
  const param = (p: Record<string, string>) => envelope('Email address is required.', { params: [p] });
  t.is(
    problemWith(answer(400, param({ path: 'body.email', code: 'required', message: 'Email address is required.' }))),
    undefined,
  );
  t.regex(
    problemWith(answer(400, param({ path: 'body.email', code: 'missing', message: 'Email address is required.' })))!,
    /not the error envelope/,
  );
  t.regex(
    problemWith(answer(400, param({ path: 'body.email', code: 'required', message: 'Invalid body.email: required' })))!,
    /not for people/,
  );
  t.regex(problemWith(answer(500, envelope('Something went wrong on our side.')))!, /^answered 500/);
  t.regex(problemWith(answer(502, ''))!, /^answered 502/);
  t.regex(problemWith(answer(400, 'Bad Request'))!, /not JSON/);
  t.regex(
    problemWith({ ...answer(400, 'Bad Request'), headers: { 'content-type': 'text/plain' } })!,
    /without a JSON envelope/,
  );
  t.regex(problemWith(answer(404, { message: 'Not Found' }))!, /not the error envelope/);
  t.regex(problemWith(answer(400, envelope('[object Object]')))!, /unreadable/);
  t.regex(problemWith(answer(400, envelope('TypeError: x is undefined at /srv/app.js:1:2')))!, /unreadable/);
  t.regex(problemWith(answer(400, envelope('x')))!, /unreadable/);
  t.regex(problemWith(answer(400, envelope(`The name: ${'y'.repeat(2000)}`)))!, /unreadable/);
  t.regex(problemWith(answer(400, envelope('Invalid input.'), 'other-id'))!, /is not the X-Request-Id/);
  t.regex(
    problemWith(
      answer(
        400,
        envelope('Something is wrong.', {
          params: [{ path: 'body.due_date', code: 'invalid_date', message: 'Due date must be a date.' }],
        }),
      ),
    )!,
    /does not name the field body.due_date/,
  );
  t.is(
    problemWith(
      answer(
        400,
        envelope('No such client in this firm.', {
          params: [{ path: 'body.client_id', code: 'not_found', message: 'No such client in this firm.' }],
        }),
      ),
    ),
    undefined,
  );
});

test.serial('the same seed draws the same cases, another seed other ones', (t) => {
  const describeAll = (cases: Case[]) => cases.map((c) => `${describe(c)} ${c.body?.length ?? 0}`);
  const first = describeAll(buildCases(seed, 10));
  t.deepEqual(describeAll(buildCases(seed, 10)), first);
  t.notDeepEqual(describeAll(buildCases(seed + 1, 10)), first);
});

test.serial('the write log sees what a request commits and nothing of what is rolled back', async (t) => {
  const owner = s.db.owner;
  const start = await lastWriteId(owner);
  await owner
    .transaction(async (trx) => {
      await trx('rate_limits').insert({ key: 'bad-input-probe', points: 1 });
      await trx.raw(`UPDATE clients SET name = name || '' WHERE number = 1001`);
      throw new Error('roll back');
    })
    .catch(() => undefined);
  t.deepEqual(await writesAfter(owner, start), []);
  const res = await send({
    op: 'adminCreateClient',
    kind: 'probe',
    method: 'POST',
    path: '/api/v1/admin/clients',
    headers: { 'caseflow-tenant': 'acme', authorization: 'Bearer {{adminKey}}', 'content-type': 'application/json' },
    body: Buffer.from(JSON.stringify({ name: 'Write Log Probe LLC' })),
  });
  t.is(res.status, 201);
  const writes = await writesAfter(owner, start);
  t.deepEqual(
    writes.filter((w) => w.table_name === 'clients').map((w) => [w.op, w.detail]),
    [['INSERT', null]],
  );
});

test.serial('the OpenAPI document lists every operation of the contract', (t) => {
  t.deepEqual(ops.map((o) => o.operationId).sort(), Object.keys(endpoints).sort());
});

test.serial(
  'generated bad input for every operation: no 5xx, the envelope on every 4xx, nothing written by a refused request',
  async (t) => {
    t.timeout(600_000);
    const cases = buildCases(seed);

    const byStatus: Record<string, number> = {};
    const byOperation: Record<string, number> = {};
    const byCode: Record<string, number> = {};
    const accepted: Record<string, number> = {};
    const acceptedWrites: string[] = [];
    const failures: string[] = [];
    let mixedBatches = 0;
    let resent = 0;
    let checkedBatches = 0;
    const started = Date.now();

    for (let start = 0; start < cases.length; start += concurrency) {
      const batch = cases.slice(start, start + concurrency);
      const before = await lastWriteId(s.db.owner);
      const answers = await Promise.all(
        batch.map((c) =>
          send(c).then(
            (a) => a,
            (error: Error) => ({ status: 0, headers: {}, body: Buffer.from(`connection error: ${error.message}`) }),
          ),
        ),
      );
      let allRefused = true;
      answers.forEach((answer, i) => {
        const c = batch[i]!;
        byStatus[answer.status] = (byStatus[answer.status] ?? 0) + 1;
        byOperation[c.op] = (byOperation[c.op] ?? 0) + 1;
        if (answer.status >= 400) {
          const code = `${answer.status} ${codeOf(answer)}`;
          byCode[code] = (byCode[code] ?? 0) + 1;
        }
        if (answer.status === 0) failures.push(`${describe(c)}\n    → ${answer.body.toString()}`);
        const problem = answer.status ? problemWith(answer) : undefined;
        if (problem) failures.push(`${describe(c)}\n    → ${problem}`);
        if (answer.status < 400) {
          accepted[c.op] = (accepted[c.op] ?? 0) + 1;
          // A read that went through must not write either (GET is safe): only other methods end the check.
          if (c.method !== 'GET') {
            allRefused = false;
            acceptedWrites.push(`${answer.status} ${describe(c)}`);
          }
        }
      });
      if (allRefused) {
        checkedBatches++;
        const writes = (await writesAfter(s.db.owner, before)).filter(
          (w: Write) => !legitimateOnRefusal.some((l) => l.test(w)),
        );
        if (writes.length)
          failures.push(
            `a batch of refused requests wrote ${writes.map((w) => `${w.op} ${w.table_name}(${w.detail ?? ''})`).join(', ')}:\n    ` +
              batch.map(describe).join('\n    '),
          );
      } else {
        // An accepted case may write (and queue mail): settle it, then send the batch's refused cases
        // again one by one, so each refused request's writes are still checked.
        mixedBatches++;
        for (const [i, c] of batch.entries()) if (answers[i]!.status < 400 && isLogout(c.op)) await renew(c);
        await s.server.jobs.drain();
        for (const [i, c] of batch.entries()) {
          if (answers[i]!.status < 400) continue;
          const alone = await lastWriteId(s.db.owner);
          const again = await send(c);
          resent++;
          const writes = (await writesAfter(s.db.owner, alone)).filter(
            (w: Write) => !legitimateOnRefusal.some((l) => l.test(w)),
          );
          if (again.status >= 400 && writes.length)
            failures.push(
              `a refused request wrote ${writes.map((w) => `${w.op} ${w.table_name}(${w.detail ?? ''})`).join(', ')}:\n    ${describe(c)}`,
            );
        }
      }
    }

    const fiveXx = Object.entries(byStatus)
      .filter(([status]) => Number(status) >= 500)
      .reduce((n, [, count]) => n + count, 0);
    t.log(`seed ${seed} (BAD_INPUT_SEED), ${runsPerOperation} random cases per operation (BAD_INPUT_RUNS)`);
    t.log(
      `${cases.length} requests in ${((Date.now() - started) / 1000).toFixed(1)} s over ${ops.length} operations; 5xx: ${fiveXx}`,
    );
    t.log(`by status: ${JSON.stringify(byStatus)}`);
    t.log(`by operation: ${JSON.stringify(byOperation)}`);
    t.log(`4xx by code: ${JSON.stringify(byCode)}`);
    t.log(`accepted (2xx: reads, and values a field may hold): ${JSON.stringify(accepted)}`);
    t.log(`accepted writes (${acceptedWrites.length}, the first 40):\n${acceptedWrites.slice(0, 40).join('\n')}`);
    t.log(
      `write checks: ${checkedBatches} batches of refused requests checked as a batch; ` +
        `${mixedBatches} batches with an accepted request, whose ${resent} refused cases were sent again alone and checked`,
    );
    if (failures.length)
      t.fail(
        `${failures.length} failures with seed ${seed} (rerun with BAD_INPUT_SEED=${seed}):\n` +
          distinct(failures).join('\n'),
      );
    t.true(cases.length >= 5000, `only ${cases.length} requests`);
    t.is(fiveXx, 0);
  },
);
