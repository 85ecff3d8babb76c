import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Which layer may import which (docs/architecture.md). Each entry: the files,
// and the import specifiers (regular expressions) they may not use. Imports
// flow downward only: api/bot/cli -> program -> graph/auth -> src/core;
// tab/outlook -> ui/client -> src/core; nothing in the app reaches devtenant/.
const devTenant = { regex: '(^|/)devtenant(/|$)', message: 'The app reaches the dev tenant only over HTTP.' };
const server = { regex: '(^|/)server/', message: 'Browser code talks to the server over HTTP (src/client).' };
const surfaces = {
  regex: '(^|/)(tab|outlook)/',
  message: 'Shared code may not import a surface; move what both use to src/ui.',
};
const boundaries = [
  {
    files: ['src/core/**'],
    patterns: [
      devTenant,
      server,
      surfaces,
      { regex: '^node:', message: 'src/core is pure and runs in the browser: no Node modules.' },
      { regex: '(^|/)(client|ui)/', message: 'src/core imports nothing above it.' },
      { regex: '^(react|react-dom|@fluentui/.*)$', message: 'src/core has no UI.' },
    ],
  },
  { files: ['src/ui/**', 'src/client/**'], patterns: [devTenant, server, surfaces] },
  {
    files: ['src/tab/**'],
    patterns: [devTenant, server, { regex: '(^|/)outlook/', message: 'Shared code lives in src/ui.' }],
  },
  {
    files: ['src/outlook/**'],
    patterns: [devTenant, server, { regex: '(^|/)tab/', message: 'Shared code lives in src/ui.' }],
  },
  {
    files: ['server/graph/**', 'server/auth/**'],
    patterns: [
      devTenant,
      { regex: '^(\\.\\./)+(api|bot|cli|program)/', message: 'graph/ and auth/ sit below the use cases and routes.' },
      { regex: '(^|/)src/(tab|outlook|ui|client)/', message: 'The server does not import browser code.' },
    ],
  },
  {
    files: ['server/program/**'],
    patterns: [
      devTenant,
      { regex: '^(\\.\\./)+(api|bot|cli)/', message: 'Use cases do not know their transport (REST, bot, CLI).' },
      { regex: '(^|/)src/(tab|outlook|ui|client)/', message: 'The server does not import browser code.' },
    ],
  },
  {
    files: ['server/*.ts', 'server/api/**', 'server/bot/**', 'server/cli/**'],
    ignores: ['server/cli/serve.ts', 'server/cli/seed.ts'],
    patterns: [
      devTenant,
      { regex: '(^|/)src/(tab|outlook|ui|client)/', message: 'The server does not import browser code.' },
    ],
  },
  {
    files: ['devtenant/**'],
    patterns: [
      {
        regex: '(^|/)(server|src)/',
        message: 'The dev tenant stands in for Microsoft 365: it knows nothing of the app.',
      },
    ],
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'build/**',
      '.data/**',
      'test/artifacts/**',
      'bench/results/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        fetch: 'readonly',
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        localStorage: 'readonly',
        Office: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  ...boundaries.map(({ files, ignores, patterns }) => ({
    files,
    ...(ignores ? { ignores } : {}),
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  })),
  {
    // Small functions a newcomer can read in one screen (tests and benchmarks may be longer).
    files: ['src/**', 'server/**', 'devtenant/**'],
    rules: { 'max-lines-per-function': ['warn', { max: 120, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
