import fs from 'node:fs';
import path from 'node:path';
import test, { type TestFn } from 'ava';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

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
  return test.skip as unknown as TestFn;
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
