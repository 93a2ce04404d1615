/**
 * `npm run docs` runs the analyzer with this config: widgets/custom-elements.json,
 * every tag's public API read from the components' JSDoc (tags from `@tag`: the
 * components register through define(), which the analyzer does not follow).
 * Paths are relative to the repository root, where the script runs.
 */
import { caseflowManifestPlugin } from './docs/manifest-plugins.mjs';

export default {
  litelement: true,
  globs: ['widgets/src/components/**/*.ts', 'widgets/src/base/**/*.ts', 'widgets/src/events/*.ts'],
  exclude: ['**/*.styles.ts'],
  outdir: 'widgets',
  // package.json names the manifest itself ("customElements"); the analyzer would rewrite the file.
  packagejson: false,
  plugins: [caseflowManifestPlugin()],
};
