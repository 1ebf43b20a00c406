// Type-aware lint for the server and libs; the SPA brings its own rules (Vue, no bare strings).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import webConfig from './apps/web/eslint.web.mjs';
import sanad from './eslint.rules.mjs';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', '.test-data/**', 'coverage/**'] },
  {
    files: ['**/*.mjs', '**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: [
      'apps/api/**/*.ts',
      'apps/server/**/*.ts',
      'apps/worker/**/*.ts',
      'apps/mail/**/*.ts',
      'libs/**/*.ts',
      'jest.config.ts',
    ],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    plugins: { sanad },
    rules: {
      'sanad/no-relative-import-outside-package': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      // Port implementations are async by contract even when one driver has nothing to await.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['@sanad/*/*'], message: 'Import libs only through @sanad/<lib>.' }],
        },
      ],
    },
  },
  {
    // Only repositories talk to PostgreSQL (the database lib is the driver itself).
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: [
      '**/*.repository.ts',
      '**/*.entity.ts',
      'libs/database/**',
      'libs/testing/**',
      'apps/web/**',
      '**/*.spec.ts',
      '**/*.medium-spec.ts',
      '**/*.e2e-spec.ts',
      'apps/*/test/**',
    ],
    rules: { 'sanad/sql-only-in-repositories': 'error' },
  },
  {
    // Apps are composed by apps/server alone; libraries never import apps.
    files: ['apps/api/**/*.ts', 'apps/worker/**/*.ts', 'apps/mail/**/*.ts', 'libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@sanad/*/*'], message: 'Import libs only through @sanad/<lib>.' },
            {
              group: ['@sanad/app-*'],
              message:
                'Apps never import each other, and libs never import apps: apps/server composes them.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.medium-spec.ts', '**/*.e2e-spec.ts', 'apps/*/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  ...webConfig,
);
