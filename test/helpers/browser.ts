import fs from 'node:fs';
import path from 'node:path';
import test, { type TestFn } from 'ava';
import { chromium, type Browser } from 'playwright-core';

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

interface ServedManifest {
  entries: Record<string, { url: string; integrity: string }>;
  importmap: { imports: Record<string, string>; integrity: Record<string, string> };
}

/**
 * What a firm's page puts in its <head> to load widgets from the portal host
 * `origin`: the import map with every file's integrity (so the chunks the
 * entries import are checked too) and one module script per entry, as the
 * served manifest gives them.
 */
export async function embedHead(serverBaseUrl: string, origin: string, entries: string[]): Promise<string> {
  const manifest = (await (await fetch(`${serverBaseUrl}/assets/widgets/manifest.json`)).json()) as ServedManifest;
  const moved = (url: string) => origin + new URL(url).pathname;
  const importmap = {
    imports: {},
    integrity: Object.fromEntries(Object.entries(manifest.importmap.integrity).map(([url, sri]) => [moved(url), sri])),
  };
  const scripts = entries.map((name) => {
    const entry = manifest.entries[name]!;
    return `<script type="module" src="${moved(entry.url)}" integrity="${entry.integrity}" crossorigin="anonymous"></script>`;
  });
  return `<script type="importmap">${JSON.stringify(importmap)}</script>\n${scripts.join('\n')}`;
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
