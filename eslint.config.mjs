// Lint: strict TypeScript, no floating promises, type-only imports, and no Node built-ins or
// I/O in deterministic code (workflows/ and src/engine/). Import cycles, type-only imports
// included, are found by test/architecture/import-cycles.test.ts: import-x/no-cycle skips
// type-only imports and, without a TypeScript resolver, resolved none of ours.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const builtins = builtinModules.filter((m) => !['assert', 'url', 'util'].includes(m));
const bannedInSandbox = [
  ...builtins,
  ...builtins.map((m) => `node:${m}`),
  'undici',
  'better-sqlite3',
  'kysely',
  'express',
  'pino',
  '@temporalio/client',
  '@temporalio/worker',
  '@temporalio/activity',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.tools/', '.data/', 'coverage/', 'bench/.work/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    // bin/: the CommonJS launchers npm links as commands; they only load the TypeScript entry.
    files: ['bin/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', process: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // src/console/: the console's browser modules, served as they are (no build step).
    files: ['src/console/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: Object.fromEntries(
        [
          'window',
          'document',
          'location',
          'sessionStorage',
          'fetch',
          'FormData',
          'URLSearchParams',
          'CustomEvent',
          'Node',
          'setTimeout',
        ].map((g) => [g, 'readonly']),
      ),
    },
  },
  {
    // Files a reader can hold (STYLE.md): split by responsibility before this.
    files: ['**/*.ts'],
    rules: { 'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }] },
  },
  {
    // The drivers and the engine read as short functions: a function with its nested closures.
    files: ['workflows/**/*.ts', 'src/engine/**/*.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    files: ['workflows/**/*.ts', 'src/engine/**/*.ts', 'src/model/*/ir.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: bannedInSandbox.map((name) => ({
            name,
            message: 'Deterministic code: no Node built-ins or I/O.',
          })),
        },
      ],
      'no-restricted-globals': ['error', 'setTimeout', 'setInterval', 'process', 'require'],
    },
  },
  {
    files: ['src/engine/**/*.ts', 'src/model/*/ir.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...bannedInSandbox, '@temporalio/workflow'].map((name) => ({
            name,
            message: 'The engine core never touches Temporal or I/O.',
          })),
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: 'The engine reads no clock: time comes in with each event.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The engine reads no clock: time comes in with each event.',
        },
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: 'No randomness in the engine.',
        },
      ],
    },
  },
  {
    // Tests read JSON from HTTP answers; `any` there keeps assertions readable.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['jest.config.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly' },
    },
  },
);
