/**
 * What the manifest leaves undocumented: one sentence per gap, naming the tag
 * and the member, so a widget cannot ship a public property or event without
 * saying what it is for. test/widgets/manifest.test.ts expects none.
 */
import fs from 'node:fs';
import path from 'node:path';
import { customElementsOf, publicMembers, repoRoot, type Described, type Manifest } from './manifest.js';

export const defineDir = 'widgets/src/define';

const blank = (text: string | undefined) => !text?.trim();

export function undocumented(manifest: Manifest): string[] {
  const problems: string[] = [];
  const elements = customElementsOf(manifest);
  // A class others extend without a tag of its own is a base (widgets/src/base): its API is checked where it is inherited.
  const extended = new Set(elements.map((e) => e.superclass?.name));
  for (const element of elements) {
    if (!element.tagName && extended.has(element.name)) continue;
    const who = element.tagName ? `<${element.tagName}>` : `${element.name} (${element.module})`;
    const missing = (what: string) => problems.push(`${who}: ${what} has no description`);
    if (!element.tagName) problems.push(`${who}: no tag name (add @tag caseflow-… to the class's JSDoc)`);
    if (blank(element.description)) missing('the class');
    for (const member of publicMembers(element)) {
      if (blank(member.description))
        missing(member.kind === 'method' ? `method ${member.name}()` : `property ${member.name}`);
    }
    for (const attribute of element.attributes ?? []) {
      if (blank(attribute.description)) missing(`attribute ${attribute.name}`);
    }
    for (const event of element.events ?? []) {
      if (blank(event.description)) missing(`event ${event.name} (document it with @event)`);
      if (!event.type?.text) problems.push(`${who}: event ${event.name} has no event class in widgets/src/events`);
    }
    const named = (kind: string, items: Described[] | undefined) => {
      for (const item of items ?? []) if (blank(item.description)) missing(`${kind} ${item.name || '(default)'}`);
    };
    named('slot', element.slots);
    named('CSS part', element.cssParts);
    named('CSS property', element.cssProperties);
  }
  return problems;
}

/** The tags widgets/src/define/*.ts register (`define('caseflow-…', Class)`), tag → class name. */
export function definedTags(dir = path.join(repoRoot, defineDir)): Map<string, string> {
  const tags = new Map<string, string>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const match of source.matchAll(/\bdefine\(\s*'([^']+)'\s*,\s*(\w+)\s*\)/g)) tags.set(match[1]!, match[2]!);
  }
  return tags;
}
