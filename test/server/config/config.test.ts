import test from 'ava';
import path from 'node:path';
import { ConfigError, configWith, loadConfig, tenantOrigin } from '../../../server/config.js';

test('defaults: port 4000, base domain localhost, data dir ./.caseflow', (t) => {
  const config = loadConfig({});
  t.like(config, {
    PORT: 4000,
    BASE_DOMAIN: 'localhost',
    PUBLIC_SCHEME: 'http',
    TRUST_PROXY: 0,
    LOG_LEVEL: 'info',
  });
  t.is(config.dataDir, path.resolve('.caseflow'));
  t.is(config.DATABASE_URL, undefined);
});

test('a bad value stops the boot with one line naming the setting', (t) => {
  const cases: [Record<string, string>, string][] = [
    [{ PORT: 'eighty' }, 'Invalid setting PORT: Invalid input: expected number, received NaN'],
    [{ PORT: '70000' }, 'Invalid setting PORT: Too big: expected number to be <=65535'],
    [{ DATABASE_URL: 'mysql://x' }, 'Invalid setting DATABASE_URL: must be a postgres:// connection URL'],
    [
      { TRUST_PROXY: 'true' },
      'Invalid setting TRUST_PROXY: TRUST_PROXY is now the number of proxies in front of the server: set TRUST_PROXY=1 for one (N for N), or 0 for none',
    ],
    [
      { TRUST_PROXY: 'maybe' },
      'Invalid setting TRUST_PROXY: TRUST_PROXY is now the number of proxies in front of the server: set TRUST_PROXY=1 for one (N for N), or 0 for none',
    ],
    [
      { PUBLIC_SCHEME: 'https' },
      'Invalid setting PUBLIC_SCHEME: https needs the TLS proxy in front trusted (TRUST_PROXY=1), since this server speaks plain HTTP itself; or set PUBLIC_SCHEME=http',
    ],
    [
      { PUBLIC_SCHEME: 'https', TRUST_PROXY: '0', NODE_ENV: 'production' },
      'Invalid setting PUBLIC_SCHEME: https needs the TLS proxy in front trusted (TRUST_PROXY=1), since this server speaks plain HTTP itself; or set PUBLIC_SCHEME=http',
    ],
    [{ CASEFLOW_PLATFORM_KEY: 'short' }, 'Invalid setting CASEFLOW_PLATFORM_KEY: must be at least 32 characters'],
    [
      { BASE_DOMAIN: 'Example.COM' },
      'Invalid setting BASE_DOMAIN: must be a lower-case host name such as caseflow.law or localhost',
    ],
  ];
  for (const [env, message] of cases) {
    const error = t.throws(() => loadConfig(env), { instanceOf: ConfigError });
    t.is(error.message, message);
    t.false(error.message.includes('\n'));
  }
});

test('the dev and test defaults (http, no proxy) boot; https boots behind a trusted proxy', (t) => {
  t.like(loadConfig({ NODE_ENV: 'test' }), { PUBLIC_SCHEME: 'http', TRUST_PROXY: 0 });
  t.like(loadConfig({ NODE_ENV: 'development' }), { PUBLIC_SCHEME: 'http', TRUST_PROXY: 0 });
  t.like(loadConfig({ PUBLIC_SCHEME: 'https', TRUST_PROXY: '1' }), { PUBLIC_SCHEME: 'https', TRUST_PROXY: 1 });
});

test('TRUST_PROXY is a hop count: unset or 0 trusts no proxy, N trusts N', (t) => {
  t.is(loadConfig({}).TRUST_PROXY, 0);
  t.is(loadConfig({ TRUST_PROXY: '0' }).TRUST_PROXY, 0);
  t.is(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY, 2);
});

test('links use the public scheme and port, never a request host', (t) => {
  t.is(tenantOrigin(loadConfig({ PORT: '4000' }), 'acme'), 'http://acme.localhost:4000');
  t.is(
    tenantOrigin(
      loadConfig({ BASE_DOMAIN: 'caseflow.law', PUBLIC_SCHEME: 'https', PUBLIC_PORT: '443', TRUST_PROXY: '1' }),
      'acme',
    ),
    'https://acme.caseflow.law',
  );
});

test('the loaded config is frozen: changing a setting after boot throws', (t) => {
  const config = loadConfig({ PORT: '4000' });
  t.true(Object.isFrozen(config));
  t.throws(() => ((config as { PORT: number }).PORT = 5000), { instanceOf: TypeError });
  t.is(config.PORT, 4000);
});

test('configWith makes a new frozen config with the resolved settings and leaves the loaded one as it was', (t) => {
  const loaded = loadConfig({ PORT: '0' });
  const running = configWith(loaded, { PUBLIC_PORT: 54321, CASEFLOW_PLATFORM_KEY: 'p'.repeat(40) });
  t.true(Object.isFrozen(running));
  t.like(running, { PORT: 0, PUBLIC_PORT: 54321, CASEFLOW_PLATFORM_KEY: 'p'.repeat(40) });
  t.is(tenantOrigin(running, 'acme'), 'http://acme.localhost:54321');
  t.is(loaded.PUBLIC_PORT, undefined);
  t.is(loaded.CASEFLOW_PLATFORM_KEY, undefined);
});

test('SMTP_UTF8 is off unless set to true, and any other word stops the boot', (t) => {
  t.is(loadConfig({}).SMTP_UTF8, false);
  t.is(loadConfig({ SMTP_UTF8: 'false' }).SMTP_UTF8, false);
  t.is(loadConfig({ SMTP_UTF8: 'true' }).SMTP_UTF8, true);
  const error = t.throws(() => loadConfig({ SMTP_UTF8: 'yes' }), { instanceOf: ConfigError });
  t.is(error.message, 'Invalid setting SMTP_UTF8: must be true or false');
});
