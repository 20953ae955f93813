import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/dist-e2e/**', '**/node_modules/**', 'data/**', '.test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.test.ts', '**/test/**', '**/e2e/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.mjs', '.ci/**', '**/scripts/**'],
    languageOptions: { globals: globals.node },
  },
  {
    // what the browser runs as it is: the public files and the boot script index.html inlines
    files: ['apps/web/public/**/*.js', 'apps/web/build/boot-script.js'],
    languageOptions: { globals: { ...globals.browser, ...globals.serviceworker } },
  },
);
