import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import jest from 'eslint-plugin-jest';

export default tseslint.config(
  { ignores: ['dist/', 'dist-bench/', 'coverage/', 'node_modules/', '.data/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: './tsconfig.test.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    // The Teams page's browser code has its own project (the DOM, no node types; esbuild bundles it).
    files: ['src/web/client/**/*.ts'],
    languageOptions: {
      parserOptions: { project: './src/web/client/tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // A skipped or focused test passes CI quietly while testing less: refuse both (scripts/ci-summary.mjs also
    // fails a run with any skipped or todo test). A test that cannot run on some machine fails and says why.
    // Only these two of the plugin's recommended rules: the others flag patterns the existing tests use on purpose
    // (shared contract suites exported from a test file, expectations inside a loop over cases).
    files: ['test/**/*.ts'],
    plugins: { jest },
    rules: {
      'jest/no-focused-tests': 'error',
      'jest/no-disabled-tests': 'error',
      // The plugin sees `it.skip(...)` but not a skip chosen at run time, such as `(cond ? it : it.skip)(...)`.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'MemberExpression[object.name=/^(it|test|describe)$/][property.name=/^(skip|only|todo|failing)$/]',
          message: 'No skipped, focused or todo tests: a test that cannot run here fails and says why.',
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  prettier,
);
