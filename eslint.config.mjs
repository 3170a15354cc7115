import globals from 'globals';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'out/',
      'schemas/',
      'test/fixtures/',
      '.test-output/',
      'examples/',
      '.prof/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    // The core stays pure: the CLI and tests call it without an editor or a connection.
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vscode', 'vscode-languageserver*', 'vscode-languageclient*', 'vscode-jsonrpc*'],
              message: 'server/src/core must not depend on LSP or vscode.',
            },
            {
              group: ['child_process', 'node:child_process'],
              message: 'The core runs no processes; pass a host in.',
            },
          ],
        },
      ],
    },
  },
  {
    // The deploy engine is tested without an editor; only its vscode/ subfolder talks to VS Code.
    files: ['client/src/deploy/**/*.ts'],
    ignores: ['client/src/deploy/vscode/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vscode'],
              message: 'client/src/deploy is editor-free; UI wiring goes in client/src/deploy/vscode/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Build, bench and e2e scripts run on Node: its globals are defined there.
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: globals.node },
  },
);
