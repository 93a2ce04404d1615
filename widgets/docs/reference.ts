/**
 * The widget reference in widgets/README.md, rendered from the manifest: per tag
 * its description, then attributes and properties, methods, events, slots, CSS
 * parts and CSS custom properties.
 */
import path from 'node:path';
import prettier from 'prettier';
import {
  declarationNamed,
  publicMembers,
  regenerate,
  repoRoot,
  tagsOf,
  type Described,
  type Manifest,
  type Member,
  type Tag,
} from './manifest.js';

export const readmeFile = 'widgets/README.md';
export const markers = { start: '<!-- widgets:start -->', end: '<!-- widgets:end -->' };

/**
 * Markdown-safe prose from JSDoc: an element written bare (`<caseflow-portal>`)
 * would be read as HTML and vanish, so it goes in a code span.
 */
function prose(text: string): string {
  return text
    .split(/(```[\s\S]*?```|`[^`]*`)/)
    .map((part, i) => (i % 2 ? part : part.replace(/<\/?[a-z][a-z0-9-]*>/g, (tag) => `\`${tag}\``)))
    .join('');
}

/** A table cell: one line, pipes escaped (also inside code spans, as GitHub needs). */
const cell = (text: string | undefined) =>
  text
    ? prose(text)
        .replace(/\s*\n\s*/g, ' ')
        .replaceAll('|', '\\|')
    : '';
const code = (text: string | undefined) => (text ? `\`${text.replaceAll('|', '\\|')}\`` : '');

function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function namedTable(title: string, head: string, items: Described[] | undefined, label = code): string[] {
  if (!items?.length) return [];
  return [
    `${title}:`,
    table(
      [head, 'Description'],
      items.map((i) => [label(i.name), cell(i.description)]),
    ),
  ];
}

function propertiesTable(tag: Tag): string[] {
  const fields = publicMembers(tag).filter((m) => m.kind === 'field');
  if (!fields.length) return ['No attributes or properties.'];
  const flags = (m: Member) =>
    [m.reflects ? 'reflected' : '', m.readonly ? 'read-only' : ''].filter(Boolean).join(', ');
  return [
    table(
      ['Property', 'Attribute', 'Type', 'Default', 'Description'],
      fields.map((m) => [
        code(m.name),
        m.attribute ? `${code(m.attribute)}${flags(m) ? ` (${flags(m)})` : ''}` : '—',
        code(m.type?.text),
        code(m.default),
        cell(m.description),
      ]),
    ),
  ];
}

function methodsTable(tag: Tag): string[] {
  const methods = publicMembers(tag).filter((m) => m.kind === 'method');
  if (!methods.length) return [];
  const signature = (m: Member) =>
    `${m.name}(${(m.parameters ?? []).map((p) => `${p.name}${p.optional ? '?' : ''}${p.type ? `: ${p.type.text}` : ''}`).join(', ')})${m.return?.type ? `: ${m.return.type.text}` : ''}`;
  return [
    'Methods:',
    table(
      ['Method', 'Description'],
      methods.map((m) => [code(signature(m)), cell(m.description)]),
    ),
  ];
}

function detailOf(manifest: Manifest, className: string | undefined): string | undefined {
  if (!className) return undefined;
  return declarationNamed(manifest, className)?.members?.find((m) => m.name === 'detail')?.type?.text;
}

function eventsTable(manifest: Manifest, tag: Tag): string[] {
  if (!tag.events?.length) return [];
  return [
    'Events:',
    table(
      ['Event', 'Class', '`detail`', 'Description'],
      tag.events.map((e) => [
        code(e.name),
        code(e.type?.text),
        code(detailOf(manifest, e.type?.text)),
        cell(e.description),
      ]),
    ),
  ];
}

function tagSection(manifest: Manifest, tag: Tag): string {
  return [
    `### \`<${tag.tagName}>\``,
    `Class \`${tag.name}\` (\`${tag.module}\`).`,
    prose(tag.description ?? ''),
    ...propertiesTable(tag),
    ...methodsTable(tag),
    ...eventsTable(manifest, tag),
    ...namedTable('Slots', 'Slot', tag.slots, (name) => (name ? code(name) : '(default)')),
    ...namedTable('CSS parts', 'Part', tag.cssParts),
    ...namedTable('CSS custom properties', 'Property', tag.cssProperties),
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** Every event any tag fires: its class, its detail, the tags that fire it. */
function eventIndex(manifest: Manifest, tags: Tag[]): string {
  const events = new Map<string, { className?: string; tags: string[] }>();
  for (const tag of tags) {
    for (const e of tag.events ?? []) {
      const entry = events.get(e.name) ?? { className: e.type?.text, tags: [] };
      entry.tags.push(`\`<${tag.tagName}>\``);
      events.set(e.name, entry);
    }
  }
  const rows = [...events]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, e]) => [
      code(name),
      code(e.className),
      code(detailOf(manifest, e.className)),
      cell(e.className ? declarationNamed(manifest, e.className)?.description : undefined),
      e.tags.join(', '),
    ]);
  return table(['Event', 'Class', '`detail`', 'When', 'Fired by'], rows);
}

function firstSentence(text: string | undefined): string {
  const paragraph = (text ?? '').split(/\n\s*\n/)[0] ?? '';
  const end = paragraph.search(/\.(\s|$)/);
  return end < 0 ? paragraph : paragraph.slice(0, end + 1);
}

async function formatted(text: string): Promise<string> {
  const options = await prettier.resolveConfig(path.join(repoRoot, readmeFile));
  return prettier.format(text, { ...options, filepath: readmeFile });
}

/** The README's reference section, the markers included. */
export async function renderReference(manifest: Manifest): Promise<string> {
  const tags = tagsOf(manifest);
  const body = [
    markers.start,
    `<!-- Generated by \`${regenerate}\` from widgets/custom-elements.json (the components' JSDoc): do not edit. -->`,
    table(
      ['Tag', 'What it does'],
      tags.map((t) => [`\`<${t.tagName}>\``, cell(firstSentence(t.description))]),
    ),
    '### Events',
    "All are `CustomEvent`s that bubble and cross shadow roots (`composed`), typed in `GlobalEventHandlersEventMap`, so `addEventListener('caseflow-login', (e) => e.detail…)` is typed.",
    eventIndex(manifest, tags),
    ...tags.map((tag) => tagSection(manifest, tag)),
    markers.end,
  ].join('\n\n');
  return (await formatted(`${body}\n`)).trimEnd();
}

/** The README with its section between the markers replaced by `section`. */
export function spliceReference(readme: string, section: string): string {
  const start = readme.indexOf(markers.start);
  const end = readme.indexOf(markers.end);
  if (start < 0 || end < start) throw new Error(`${readmeFile} has no ${markers.start} … ${markers.end} section`);
  return readme.slice(0, start) + section + readme.slice(end + markers.end.length);
}

/** The section between the markers as it stands in `readme` (markers included), or undefined. */
export function currentReference(readme: string): string | undefined {
  const start = readme.indexOf(markers.start);
  const end = readme.indexOf(markers.end);
  if (start < 0 || end < start) return undefined;
  return readme.slice(start, end + markers.end.length);
}
