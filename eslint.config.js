// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'out/', 'coverage/', 'samples/', 'vendor/', 'lib/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // src/ is host-agnostic: it runs in Node and in the task pane alike, so it may not
    // reach for Office, the DOM or React. Only addin/ touches those.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
              message: 'src/ must not import React; UI lives in addin/.',
            },
            {
              group: ['@fluentui/*'],
              message: 'src/ must not import Fluent UI; UI lives in addin/.',
            },
            {
              group: ['@microsoft/office-js', 'office-*', '@types/office-js'],
              message: 'src/ must not touch Office; adapters live in addin/.',
            },
            {
              group: ['**/addin/**', '../addin/*', '../../addin/*'],
              message: 'src/ must not import from addin/.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'Office',
          'Excel',
          'Word',
          'OfficeExtension',
          'window',
          'document',
          'navigator',
          'localStorage',
          'HTMLElement',
        ].map((name) => ({
          name,
          message: `src/ is host-agnostic: no ${name} here (addin/ adapters only).`,
        })),
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
