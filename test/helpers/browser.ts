import fs from 'node:fs';
import path from 'node:path';
import test, { type TestFn } from 'ava';
import { chromium, type Browser } from 'playwright-core';
import { widgetHead, type WidgetManifest } from '../../sdk/widget-manifest.js';

export const CHROMIUM = process.env.CASEFLOW_CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Browser tests run in Debian's Chromium. Where it is missing they are skipped
 * with a visible message — unless CASEFLOW_REQUIRE_BROWSER=1 (CI), where the
 * missing browser is a failure.
 */
export function browserTest(): TestFn {
  if (fs.existsSync(CHROMIUM)) return test;
  if (process.env.CASEFLOW_REQUIRE_BROWSER === '1') {
    test('Chromium is installed (required by CASEFLOW_REQUIRE_BROWSER=1)', (t) => {
      t.fail(`${CHROMIUM} is missing: apt-get install -y chromium`);
    });
  } else {
    console.warn(`\n  ⚠ browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)\n`);
  }
  return skipping();
}

/**
 * A stand-in for ava's `test` whose tests are all registered as skipped and whose
 * hooks (before, after.always, serial…) do nothing, so a file written for the real
 * one loads and reports its tests as skipped.
 */
function skipping(): TestFn {
  const noop = () => undefined;
  const register = (title: unknown, ...rest: unknown[]) => {
    if (typeof title === 'string') (test.skip as (t: string, fn: unknown) => void)(title, rest[0] ?? noop);
  };
  const chains = new Set<string | symbol>(['serial', 'skip', 'only', 'failing']);
  const handler: ProxyHandler<(...args: unknown[]) => unknown> = {
    get: (_target, prop) => new Proxy(chains.has(prop) ? register : noop, handler),
  };
  return new Proxy(register, handler) as unknown as TestFn;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Every firm subdomain of localhost is this machine.
      '--host-resolver-rules=MAP *.localhost 127.0.0.1',
    ],
  });
}

/** Where a browser test keeps its screenshots. */
export function outputDir(name: string): string {
  const dir = path.resolve(import.meta.dirname, '../../test-output', name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * What a firm's page puts in its <head> to load widgets from the portal host
 * `origin`, from the served manifest (fetched from the test server's own address
 * and moved to `origin`), rendered by the SDK's widgetHead.
 */
export async function embedHead(serverBaseUrl: string, origin: string, entries: string[]): Promise<string> {
  const manifest = (await (await fetch(`${serverBaseUrl}/assets/widgets/manifest.json`)).json()) as WidgetManifest;
  const moved = (url: string) => origin + new URL(url).pathname;
  return widgetHead(
    {
      importmap: {
        imports: {},
        integrity: Object.fromEntries(
          Object.entries(manifest.importmap.integrity).map(([url, sri]) => [moved(url), sri]),
        ),
      },
      entries: Object.fromEntries(
        Object.entries(manifest.entries).map(([name, entry]) => [name, { ...entry, url: moved(entry.url) }]),
      ),
    },
    entries,
  );
}

/** Signs in on a firm's hosted login page (`origin` is the firm's host) and waits for the home page. */
export async function logInOnHostedPortal(
  page: import('playwright-core').Page,
  origin: string,
  login: { email: string; password: string },
): Promise<void> {
  await page.goto(`${origin}/clients/login`);
  await page.fill('caseflow-login #email', login.email);
  await page.fill('caseflow-login #password', login.password);
  await page.click('caseflow-login [part="submit"]');
  await page.waitForURL(`${origin}/clients/`);
}
