// Builds the browser code into widgets/dist/. Run from the repository root:
//   npx rollup -c widgets/rollup.config.mjs
//
// One ES module entry per widget (widgets/src/define/<name>.ts → caseflow-<name>),
// the hosted portal's script, and the chunks they share. Every file name carries
// its content hash; widgets/dist/manifest.json lists each file's Subresource
// Integrity hash, each entry's imports and gzipped sizes, and the build fails
// when an entry (with every chunk it imports) breaks its budget.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import minifyLiterals from 'rollup-plugin-minify-template-literals';
import { budgetsFor, measureBudgets } from './build/budgets.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const { version } = JSON.parse(fs.readFileSync(here('../package.json'), 'utf8'));

const widgetEntries = Object.fromEntries(
  fs
    .readdirSync(here('src/define'))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => [`caseflow-${file.slice(0, -3)}`, here(`src/define/${file}`)]),
);

const budgets = budgetsFor(Object.keys(widgetEntries));

/** Modules that must never reach a browser bundle (the SDK imports its schemas as types only). */
const forbidden = [/[\\/]node_modules[\\/]zod[\\/]/, /[\\/]sdk[\\/]schemas[\\/]/];

/**
 * Shared code every widget needs goes into one chunk instead of a dozen small
 * ones: Lit, the SDK's client, money and date formatting, the widget base and
 * <caseflow-portal>, which every widget needs around it. Not the code only some
 * pages run: Lit's decorators, the brand colour derivation of an `appearance`
 * (sdk/theme.ts, base/appearance.ts, imported on demand), the Loader, reading
 * typed amounts. The invoice list's budget is the measure of what goes in here.
 */
function manualChunks(id) {
  // Lit's decorators (and tslib's helper for them) in one chunk, for the widgets that use them.
  if (/[\\/]node_modules[\\/](lit[\\/]decorators|@lit[\\/]reactive-element[\\/]decorators|tslib)/.test(id))
    return 'decorators';
  if (/[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]/.test(id)) return 'core';
  // Reading typed amounts: only the invoice's partial payments need it (format.ts re-exports it).
  if (/[\\/]sdk[\\/]amounts\.ts$/.test(id)) return 'amounts';
  // Timestamps as dates: the invoice, the payments, the announcements, not the invoice list.
  if (/[\\/]sdk[\\/]timestamps\.ts$/.test(id)) return 'timestamps';
  if (/[\\/]sdk[\\/](?!theme\.ts|theme-tokens\.ts|staff-link-client\.ts|routes[\\/]admin\.ts)/.test(id)) return 'core';
  // What the billing widgets share (the invoice list, the invoice, the payments). In core rather than
  // a chunk of its own: the invoice list page then downloads two files instead of three, which
  // gzip squeezes about 0.5 KB tighter; the other widgets carry about 1.5 KB more, far under 20 KB.
  if (/[\\/]widgets[\\/]src[\\/]shared[\\/](billing|billing-styles|checkout-return)\.ts$/.test(id)) return 'core';
  // The base, but for an appearance's colours and the Loader (the invoice list pages with KeysetPager).
  if (/[\\/]widgets[\\/]src[\\/]base[\\/](appearance|loader|catalogs)\.ts$/.test(id)) return undefined;
  if (/[\\/]widgets[\\/]src[\\/](base[\\/]|events[\\/]caseflow-(error|logout|unauthenticated)\.ts)/.test(id))
    return 'core';
  if (/[\\/]widgets[\\/]src[\\/](components[\\/]portal|define[\\/]portal\.ts)/.test(id)) return 'core';
  return undefined;
}

/**
 * The licences of the packages bundled (Lit, tslib), in one file beside the
 * code, THIRD-PARTY-LICENSES.txt, instead of a comment in every file a page
 * downloads (the minifier drops them from the code).
 */
function licenses() {
  return {
    name: 'caseflow-licenses',
    generateBundle(_options, bundle) {
      const packages = new Set();
      for (const file of Object.values(bundle)) {
        for (const id of Object.keys(file.modules ?? {})) {
          const match = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(id);
          if (match) packages.add(match[1]);
        }
      }
      const notices = [...packages].sort().map((dir) => {
        const { name, version } = JSON.parse(fs.readFileSync(`${dir}/package.json`, 'utf8'));
        const file = fs.readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
        return `${name}@${version}\n\n${file ? fs.readFileSync(`${dir}/${file}`, 'utf8').trim() : '(no licence file)'}\n`;
      });
      this.emitFile({ type: 'asset', fileName: 'THIRD-PARTY-LICENSES.txt', source: notices.join('\n---\n\n') });
    },
  };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const sri = (code) => `sha384-${createHash('sha384').update(code).digest('base64')}`;

/** Writes manifest.json (integrity, imports, sizes) and enforces the budgets. */
function manifest() {
  return {
    name: 'caseflow-manifest',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      for (const chunk of chunks) {
        const intruders = Object.keys(chunk.modules).filter((id) => forbidden.some((re) => re.test(id)));
        if (intruders.length) throw new Error(`${chunk.fileName} must not contain:\n  ${intruders.join('\n  ')}`);
      }
      const files = Object.fromEntries(
        chunks
          .sort((a, b) => a.fileName.localeCompare(b.fileName))
          .map((chunk) => [
            chunk.fileName,
            {
              integrity: sri(chunk.code),
              bytes: Buffer.byteLength(chunk.code),
              gzip: gzipSync(chunk.code, { level: 9 }).length,
            },
          ]),
      );
      const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const closure = (fileName, seen = new Set()) => {
        if (seen.has(fileName)) return seen;
        seen.add(fileName);
        for (const imported of byName.get(fileName).imports) closure(imported, seen);
        return seen;
      };
      // Every chunk a page may fetch later from this one: dynamic imports of the files it loads, and theirs in turn
      // (the language catalogs sit behind the catalog switch, which sits behind the core).
      const onDemand = (fileName) => {
        const found = new Set();
        const visit = (file) => {
          for (const lazy of byName.get(file).dynamicImports) {
            if (found.has(lazy)) continue;
            found.add(lazy);
            for (const loaded of closure(lazy)) if (loaded !== lazy) visit(loaded);
            visit(lazy);
          }
        };
        for (const file of closure(fileName)) visit(file);
        for (const file of closure(fileName)) found.delete(file);
        return found;
      };
      const entryChunks = chunks.filter((chunk) => chunk.isEntry).sort((a, b) => a.name.localeCompare(b.name));
      const entries = Object.fromEntries(
        entryChunks.map((chunk) => {
          const all = [...closure(chunk.fileName)];
          return [
            chunk.name,
            {
              file: chunk.fileName,
              imports: all.filter((f) => f !== chunk.fileName).sort(),
              dynamicImports: [...onDemand(chunk.fileName)].sort(),
              gzip: files[chunk.fileName].gzip,
              totalGzip: all.reduce((sum, f) => sum + files[f].gzip, 0),
            },
          ];
        }),
      );
      const { report, failures } = measureBudgets(budgets, {
        entries: Object.fromEntries(entryChunks.map((chunk) => [chunk.name, chunk.fileName])),
        imports: Object.fromEntries(chunks.map((chunk) => [chunk.fileName, chunk.imports])),
        gzip: Object.fromEntries(Object.entries(files).map(([name, file]) => [name, file.gzip])),
      });
      for (const { name, gzip, limit } of report) {
        console.log(`${name.padEnd(36)} ${kb(gzip).padStart(8)} gzip  (budget ${kb(limit)})`);
      }
      if (failures.length) throw new Error(`widget size budgets broken:\n  ${failures.join('\n  ')}`);
      this.emitFile({
        type: 'asset',
        fileName: 'manifest.json',
        source: `${JSON.stringify({ version, entries, files, budgets: report }, null, 2)}\n`,
      });
    },
  };
}

export default {
  input: { ...widgetEntries, 'hosted-portal': here('src/hosted/hosted-portal.ts') },
  output: {
    dir: here('dist'),
    format: 'es',
    entryFileNames: '[name].[hash].js',
    chunkFileNames: 'chunks/[name].[hash].js',
    manualChunks,
    plugins: [
      terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
      manifest(),
      licenses(),
    ],
  },
  plugins: [
    nodeResolve({ browser: true }),
    typescript({ tsconfig: here('tsconfig.json') }),
    // Lit's css`` and html`` templates keep their indentation otherwise. Runs of
    // whitespace become one space, never nothing: " — by Ada" after a method
    // name must keep its space.
    minifyLiterals({
      options: {
        minifyOptions: {
          caseSensitive: true,
          collapseWhitespace: true,
          conservativeCollapse: true,
          minifyCSS: {},
          removeComments: true,
          removeAttributeQuotes: false,
        },
      },
    }),
    // Old files of earlier builds would be served as long as they sit in dist/.
    { name: 'caseflow-clean', buildStart: () => fs.rmSync(here('dist'), { recursive: true, force: true }) },
  ],
  onwarn(warning) {
    // A warning is a build problem here (a missing export, a circular import): fail.
    throw new Error(`${warning.code}: ${warning.message}`);
  },
};
