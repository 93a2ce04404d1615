/**
 * `npm run docs`: writes widgets/custom-elements.json from a fresh analyzer run
 * over the components' JSDoc, then the widget reference in widgets/README.md
 * from it. test/widgets/manifest.test.ts fails when either is stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { analyze, manifestFile, readManifest, repoRoot, tagsOf } from './manifest.js';
import { readmeFile, renderReference, spliceReference } from './reference.js';

const text = await analyze();
fs.writeFileSync(path.join(repoRoot, manifestFile), text);
const manifest = readManifest(text);
const readme = path.join(repoRoot, readmeFile);
fs.writeFileSync(readme, spliceReference(fs.readFileSync(readme, 'utf8'), await renderReference(manifest)));
process.stdout.write(`${tagsOf(manifest).length} tags written to ${manifestFile} and ${readmeFile}\n`);
