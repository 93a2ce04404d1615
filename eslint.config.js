import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'widgets/dist/', '.caseflow/', 'test-output/', 'scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read settings through server/config.ts (loadConfig).' },
      ],
    },
  },
  {
    // Entry points and tooling that legitimately read the environment.
    files: ['server/config.ts', 'test/**', 'cli/**', 'widgets/rollup.config.mjs', 'server/db/embedded.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['widgets/src/**'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        customElements: 'readonly',
        sessionStorage: 'readonly',
        location: 'readonly',
      },
    },
  },
);
