import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// Node globals for the build scripts and config files (no `globals` package installed).
const nodeGlobals = {
  process: 'readonly',
  console: 'readonly',
  Buffer: 'readonly',
  URL: 'readonly',
  performance: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
  __dirname: 'readonly',
  __filename: 'readonly',
  module: 'writable',
  require: 'readonly',
};

// Apps Script has none of these; the DOM lib in tsconfig.json would let them type-check.
const notInAppsScript = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'fetch',
  'XMLHttpRequest',
  'alert',
  'setTimeout',
  'setInterval',
  'clearTimeout',
  'clearInterval',
  'requestAnimationFrame',
  'process',
  'require',
  'Buffer',
].map((name) => ({ name, message: `${name} does not exist in Apps Script (server code).` }));

// The sidebar runs in the browser: server services are reached via google.script.run only.
const serverOnly = [
  'SpreadsheetApp',
  'MailApp',
  'PropertiesService',
  'ScriptApp',
  'HtmlService',
  'LockService',
  'CacheService',
  'Session',
  'Utilities',
  'UrlFetchApp',
  'DriveApp',
  'Logger',
].map((name) => ({ name, message: `${name} is server-side; call it through google.script.run.` }));

export default defineConfig(
  { ignores: ['build/', 'out/', 'node_modules/', 'test-artifacts/', 'coverage/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    files: ['**/*.cjs', 'jest.config.js', 'test/global-setup.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/client/**'],
    rules: { 'no-restricted-globals': ['error', ...notInAppsScript] },
  },
  {
    files: ['src/client/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...serverOnly] },
  },
);
