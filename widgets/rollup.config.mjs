// Builds the browser bundles into widgets/dist/. Run from the repository root:
//   npx rollup -c widgets/rollup.config.mjs
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/** Gzipped size limits in bytes; the build fails above them. */
const budgets = {
  'caseflow-widgets.js': 40 * 1024,
  'hosted-portal.js': 2 * 1024,
};

/** Modules that must never reach a browser bundle (the SDK imports its schemas as types only). */
const forbidden = [/[\\/]node_modules[\\/]zod[\\/]/, /[\\/]sdk[\\/]schemas[\\/]/];

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Prints each bundle's minified and gzipped size; throws on a broken budget or a forbidden module. */
function budget() {
  return {
    name: 'caseflow-budget',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const intruders = Object.keys(chunk.modules).filter((id) => forbidden.some((re) => re.test(id)));
        if (intruders.length) {
          throw new Error(`${chunk.fileName} must not contain:\n  ${intruders.join('\n  ')}`);
        }
        const minified = Buffer.byteLength(chunk.code);
        const gzipped = gzipSync(chunk.code, { level: 9 }).length;
        const limit = budgets[chunk.fileName];
        console.log(
          `${chunk.fileName.padEnd(22)} ${kb(minified).padStart(9)} min  ${kb(gzipped).padStart(8)} gzip  (budget ${limit ? kb(limit) : 'none'})`,
        );
        if (limit === undefined)
          throw new Error(`no size budget for ${chunk.fileName}: add one to widgets/rollup.config.mjs`);
        if (gzipped > limit)
          throw new Error(`${chunk.fileName} is ${kb(gzipped)} gzipped, over its ${kb(limit)} budget`);
      }
    },
  };
}

/** One self-contained ES module per entry: the hosted script must not share chunks with the widgets. */
const bundle = (input, file) => ({
  input: here(input),
  output: { file: here(`dist/${file}`), format: 'es', plugins: [terser({ ecma: 2022, module: true }), budget()] },
  plugins: [nodeResolve({ browser: true }), typescript({ tsconfig: here('tsconfig.json') })],
  onwarn(warning) {
    // A warning is a build problem here (a missing export, a circular import): fail.
    throw new Error(`${warning.code}: ${warning.message}`);
  },
});

export default [
  bundle('src/index.ts', 'caseflow-widgets.js'),
  bundle('src/hosted/hosted-portal.ts', 'hosted-portal.js'),
];
