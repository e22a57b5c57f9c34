// ESLint (flat config): the recommended rules of ESLint and typescript-eslint (syntax only, no type information, so it
// needs no build), and the layering rules of the repository. `npm run lint` runs it, then `prettier --check`.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['**/node_modules/', '**/dist/', '**/.turbo/', '**/.tmp/', 'site/', 'datasets/', 'reports/', 'releases/', 'tests/cables/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      // `_name` marks a parameter or binding kept on purpose (a callback's signature, a value destructured away)
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // the readers find control characters on purpose (NUL bytes, C0 controls in hostile input and CSV cells)
      'no-control-regex': 'off',
    },
  },
  {
    // tests poke into parsed JSON on purpose, to break one property of a descriptor or a row
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The command line composes through @cablepress/pipeline and never reaches into the transform step itself (issue 21).
    files: ['packages/cli/**/*.ts', 'packages/cli/**/*.mjs', 'packages/cli/**/*.js'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@cablepress/transform', '@cablepress/transform/*', '**/transform/src/**', '**/transform/dist/**'],
              message: 'packages/cli must not import @cablepress/transform: call @cablepress/pipeline.',
            },
          ],
        },
      ],
    },
  },
);
