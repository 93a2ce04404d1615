/**
 * Checks every browser test can make of a page as its user sees it: axe-core's
 * WCAG 2.1 AA rules (issue 14: zero violations of any impact) and no sideways
 * scrolling at the page's current width.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The rules axe runs: WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Pages must come from `browser.newContext()` (axe needs a context of its own). One line per violation and node: rule id, impact, target and axe's summary, so a failing test says what to fix. */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? 'unknown'}) at ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? violation.help}`,
    ),
  );
}

/** How far the page scrolls sideways: 0 when nothing sticks out at this width. */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The widths every hosted page is looked at (DESIGN §12). */
export const WIDTHS = [320, 390, 768, 1280] as const;

/** Waits until the widgets on a hosted page have settled: nothing busy, the navigation (if any) past pending. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  if (await page.locator('caseflow-nav').count())
    await page.waitForSelector('caseflow-nav [part="base"]:not([data-state="pending"])');
  await page.waitForFunction('!document.querySelector("[aria-busy=true]")', undefined, { timeout: 10_000 });
  // Let the last render and layout land.
  await page.waitForTimeout(100);
}
