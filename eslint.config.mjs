// ESLint (flat config): `npm run lint`, run by `npm test` after the type check (scripts/test.js).
// typescript-eslint's recommended rules (syntax only, no type information: fast, and tsc already checks types)
// plus a few house rules. No stylistic rules: formatting is left as written.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores(['dist/', 'build-ts/', 'coverage/', 'node_modules/', 'examples/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: 'house',
    files: ['**/*.{ts,tsx,js,mjs}'],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      // `ok || fail(...)` and `a && act()` are this code base's idiom for checks that throw
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // a leading underscore marks a binding kept on purpose (a rest sibling left out, a positional parameter)
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    name: 'node scripts (CommonJS)',
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    name: 'browser and Office code',
    files: ['taskpane/**', 'functions/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Excel passes and takes custom-function values as any[][]; the metadata plugin reads those declared types
    name: 'custom functions: Excel values are any',
    files: ['functions/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // shims of Excel and HyperFormula, and deliberately malformed input, need untyped values
    name: 'tests and their support',
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
]);
