/**
 * `npm run generate:routes`: writes the route table, generated from the module
 * registry, into cli/generated/routes.ts (what `caseflow routes` prints) and
 * into the README between its routes markers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { collectRoutes } from './collect.js';
import { apiModules } from '../modules/index.js';
import { generatedFile, readmeSection, repoRoot, routesModule, spliceReadme } from './render.js';

const rows = collectRoutes(apiModules);
fs.mkdirSync(path.dirname(path.join(repoRoot, generatedFile)), { recursive: true });
fs.writeFileSync(path.join(repoRoot, generatedFile), await routesModule(rows));
const readme = path.join(repoRoot, 'README.md');
fs.writeFileSync(readme, spliceReadme(fs.readFileSync(readme, 'utf8'), await readmeSection(rows)));
process.stdout.write(`${rows.length} routes written to ${generatedFile} and README.md\n`);
