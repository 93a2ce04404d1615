import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import test from 'ava';
import {
  analyze,
  manifestFile,
  readManifest,
  regenerate,
  repoRoot,
  tagsOf,
  type Manifest,
} from '../../widgets/docs/manifest.js';
import { definedTags, undocumented } from '../../widgets/docs/completeness.js';
import { currentReference, readmeFile, renderReference } from '../../widgets/docs/reference.js';

const read = (file: string) => fs.readFileSync(path.join(repoRoot, file), 'utf8');
const fresh = await analyze();
const manifest = readManifest(fresh);

test(`${manifestFile} is what the analyzer writes for the current sources`, (t) => {
  t.is(read(manifestFile), fresh, `${manifestFile} is stale: run ${regenerate}`);
});

test(`the widget reference in ${readmeFile} is the one rendered from the manifest`, async (t) => {
  t.is(
    currentReference(read(readmeFile)),
    await renderReference(manifest),
    `${readmeFile}'s widget reference is stale: run ${regenerate}`,
  );
});

test('every tag, public property, attribute, event, slot, part and CSS property in the manifest is documented', (t) => {
  const problems = undocumented(manifest);
  t.deepEqual(problems, [], `undocumented in the widgets' JSDoc:\n${problems.join('\n')}`);
});

test('every tag registered in widgets/src/define is in the manifest with its class, and no other', (t) => {
  const defined = [...definedTags()].map(([tag, className]) => `<${tag}> ${className}`).sort();
  t.true(defined.length >= 12);
  t.deepEqual(
    tagsOf(manifest)
      .map((tag) => `<${tag.tagName}> ${tag.name}`)
      .sort(),
    defined,
  );
});

test('package.json points tools at the manifest', (t) => {
  t.is((JSON.parse(read('package.json')) as { customElements?: string }).customElements, manifestFile);
});

test("each tag's events are named and typed by their event class, and internals stay out of the API", (t) => {
  const invoiceList = tagsOf(manifest).find((tag) => tag.tagName === 'caseflow-invoice-list')!;
  t.deepEqual(
    invoiceList.events?.map((e) => `${e.name} ${e.type?.text}`),
    [
      'caseflow-error CaseflowErrorEvent',
      'caseflow-checkout-started CaseflowCheckoutStartedEvent',
      'caseflow-paid CaseflowPaidEvent',
    ],
  );
  t.deepEqual(
    invoiceList.members?.map((m) => `${m.name} ${m.attribute}`),
    ['limit limit', 'status status', 'invoiceHref invoice-href', 'hideFilter hide-filter', 'locale locale'],
  );
  const portal = tagsOf(manifest).find((tag) => tag.tagName === 'caseflow-portal')!;
  t.deepEqual(
    portal.members?.map((m) => m.name),
    [
      'locale',
      'baseUrl',
      'tenant',
      'token',
      'tokenStorage',
      'theme',
      'appearance',
      'authState',
      'client',
      'profile',
      'logout',
    ],
  );
});

// Widgets written carelessly: the analyzer run on them must show each gap the tests above guard against.
const fixtureDir = 'test-output/manifest-fixture';
const plugin = pathToFileURL(path.join(repoRoot, 'widgets/docs/manifest-plugins.mjs')).href;
const fixtures = {
  'helper.ts': `import { CaseflowErrorEvent } from '../../widgets/src/events/caseflow-error.js';
export function fail(host: HTMLElement): void {
  host.dispatchEvent(new CaseflowErrorEvent({ code: 'x', message: 'x' }));
}
export function unrelated(host: HTMLElement): void {
  host.dispatchEvent(new Event('other'));
}
`,
  'widget.ts': `import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { fail, unrelated } from './helper.js';

/**
 * A widget documented in part.
 *
 * @event caseflow-paid - Documented.
 * @csspart base
 */
export class CaseflowCareless extends LitElement {
  @property({ attribute: 'shown-value' }) shownValue?: string;
  @state() open = false;
  @state() private hidden = 1;
  private secret = 2;
  protected guarded = 3;

  go(): void {
    fail(this);
  }

  private later(): void {
    unrelated(this);
  }
}
`,
  'base.ts': `import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { CaseflowErrorEvent } from '../../widgets/src/events/caseflow-error.js';

/**
 * What the fixture widgets share.
 *
 * @event caseflow-error - A call failed.
 */
export class CarelessBase extends LitElement {
  /** BCP 47 locale for dates. */
  @property() locale?: string;

  /** @internal */
  client?: unknown;

  protected fail(): void {
    this.dispatchEvent(new CaseflowErrorEvent({ code: 'x', message: 'x' }));
  }
}
`,
  'inheriting.ts': `import { property } from 'lit/decorators.js';
import { CarelessBase } from './base.js';

/**
 * A widget on the base.
 *
 * @tag caseflow-inheriting
 */
export class CaseflowInheriting extends CarelessBase {
  /** Its own. */
  @property() own?: string;
}

/** A widget on the base that forgot its tag. */
export class CaseflowUntagged extends CarelessBase {}
`,
  'config.mjs': `import { caseflowManifestPlugin } from ${JSON.stringify(plugin)};
export default {
  litelement: true,
  globs: ['${fixtureDir}/*.ts', 'widgets/src/events/*.ts'],
  packagejson: false,
  plugins: [caseflowManifestPlugin()],
};
`,
};

const fixture = (async () => {
  const dir = path.join(repoRoot, fixtureDir);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(fixtures)) fs.writeFileSync(path.join(dir, name), text);
  return readManifest(await analyze(`${fixtureDir}/config.mjs`));
})();
test.after.always(() => fs.rmSync(path.join(repoRoot, fixtureDir), { recursive: true, force: true }));

const declared = (manifest: Manifest, file: string, name: string) =>
  manifest.modules.find((m) => m.path === `${fixtureDir}/${file}`)!.declarations!.find((d) => d.name === name)!;

test('an undocumented property, method, attribute, event and part, and a missing tag, are each named', async (t) => {
  const careless = await fixture;
  const widget = declared(careless, 'widget.ts', 'CaseflowCareless');
  t.deepEqual(
    widget.members?.map((m) => m.name),
    ['shownValue', 'go'],
    'private, protected and @state() members are not listed',
  );
  t.deepEqual(widget.events, [
    { name: 'caseflow-paid', description: 'Documented.', type: { text: 'CaseflowPaidEvent' } },
    { name: 'caseflow-error', type: { text: 'CaseflowErrorEvent' } },
  ]);
  const where = `${fixtureDir}/widget.ts`;
  t.deepEqual(undocumented(careless), [
    `CaseflowUntagged (${fixtureDir}/inheriting.ts): no tag name (add @tag caseflow-… to the class's JSDoc)`,
    `CaseflowCareless (${where}): no tag name (add @tag caseflow-… to the class's JSDoc)`,
    `CaseflowCareless (${where}): property shownValue has no description`,
    `CaseflowCareless (${where}): method go() has no description`,
    `CaseflowCareless (${where}): attribute shown-value has no description`,
    `CaseflowCareless (${where}): event caseflow-error (document it with @event) has no description`,
    `CaseflowCareless (${where}): CSS part base has no description`,
  ]);
});

test("a widget on a base inherits the base's public properties and events, not its internals", async (t) => {
  const careless = await fixture;
  const widget = declared(careless, 'inheriting.ts', 'CaseflowInheriting');
  t.deepEqual(
    widget.members?.map((m) => `${m.name} ${m.inheritedFrom?.name ?? 'own'}`),
    ['own own', 'locale CarelessBase'],
  );
  t.deepEqual(
    widget.events?.map((e) => `${e.name} ${e.type?.text} ${e.description} ${e.inheritedFrom?.name}`),
    ['caseflow-error CaseflowErrorEvent A call failed. CarelessBase'],
  );
});
