/**
 * The custom-elements manifest (widgets/custom-elements.json): running the
 * analyzer, and the parts of the format the reference and the tests read.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import prettier from 'prettier';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const manifestFile = 'widgets/custom-elements.json';
export const configFile = 'widgets/custom-elements-manifest.config.mjs';
export const regenerate = 'npm run docs';

const analyzer = path.join(repoRoot, 'node_modules/@custom-elements-manifest/analyzer/cem.js');

export type TypeText = { text: string };
export type Described = { name: string; description?: string };
export type Member = Described & {
  inheritedFrom?: { name: string; module?: string };
  kind: 'field' | 'method';
  type?: TypeText;
  default?: string;
  attribute?: string;
  reflects?: boolean;
  readonly?: boolean;
  static?: boolean;
  parameters?: (Described & { type?: TypeText; optional?: boolean })[];
  return?: { type?: TypeText };
};
export type ManifestEvent = Described & { type?: TypeText; inheritedFrom?: { name: string; module?: string } };
export type Declaration = Described & {
  kind: string;
  tagName?: string;
  customElement?: boolean;
  superclass?: { name: string; module?: string; package?: string };
  members?: Member[];
  attributes?: (Described & { fieldName?: string; type?: TypeText; default?: string })[];
  events?: ManifestEvent[];
  slots?: Described[];
  cssParts?: Described[];
  cssProperties?: (Described & { default?: string })[];
};
export type Manifest = { schemaVersion: string; modules: { path: string; declarations?: Declaration[] }[] };

/** A widget: its tag and class, with the module that declares it. */
export type Tag = Declaration & { tagName: string; module: string };

async function formatted(text: string, filepath: string): Promise<string> {
  const options = await prettier.resolveConfig(path.join(repoRoot, filepath));
  return prettier.format(text, { ...options, filepath });
}

/**
 * The manifest a fresh analyzer run writes for the current sources (into a temp
 * dir, so the committed file is left alone), formatted as committed. `config`
 * is repo-relative (the tests point it at a fixture).
 */
export async function analyze(config = configFile): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caseflow-cem-'));
  try {
    // The analyzer joins --outdir to its working directory: give it a relative path.
    const outdir = path.relative(repoRoot, dir);
    const run = spawnSync(process.execPath, [analyzer, 'analyze', '--config', config, '--outdir', outdir, '--quiet'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    const file = path.join(dir, 'custom-elements.json');
    if (run.status !== 0 || !fs.existsSync(file)) {
      throw new Error(`the manifest analyzer failed (exit ${run.status}):\n${run.stderr}${run.stdout}`);
    }
    return await formatted(fs.readFileSync(file, 'utf8'), manifestFile);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function readManifest(text = fs.readFileSync(path.join(repoRoot, manifestFile), 'utf8')): Manifest {
  return JSON.parse(text) as Manifest;
}

/** Every custom element with a tag, in tag order. */
export function tagsOf(manifest: Manifest): Tag[] {
  return manifest.modules
    .flatMap((module) =>
      (module.declarations ?? [])
        .filter((d): d is Declaration & { tagName: string } => d.kind === 'class' && Boolean(d.tagName))
        .map((d) => ({ ...d, module: module.path })),
    )
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/**
 * Every custom element class, with or without a tag (the completeness test
 * reports those without): the analyzer's, and any class extending one of them
 * (a widget on the base that forgot its `@tag` is not marked by the analyzer).
 */
export function customElementsOf(manifest: Manifest): (Declaration & { module: string })[] {
  const classes = manifest.modules.flatMap((module) =>
    (module.declarations ?? []).filter((d) => d.kind === 'class').map((d) => ({ ...d, module: module.path })),
  );
  const elements = new Set(classes.filter((c) => c.customElement).map((c) => c.name));
  for (let grew = true; grew;) {
    grew = false;
    for (const c of classes) {
      if (!elements.has(c.name) && c.superclass && elements.has(c.superclass.name)) {
        elements.add(c.name);
        grew = true;
      }
    }
  }
  return classes.filter((c) => elements.has(c.name));
}

/** A class declaration by name (the event classes). */
export function declarationNamed(manifest: Manifest, name: string): Declaration | undefined {
  for (const module of manifest.modules) {
    const found = module.declarations?.find((d) => d.name === name);
    if (found) return found;
  }
  return undefined;
}

/** The public API of a tag: its members, without statics (an event class's `type`, say). */
export function publicMembers(tag: Declaration): Member[] {
  return (tag.members ?? []).filter((m) => !m.static);
}
