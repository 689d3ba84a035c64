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

// The Apps Script services: server code only, and of that only the adapters in src/gas and src/index.ts.
const appsScriptServices = [
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
];
// The sidebar runs in the browser: server services are reached via google.script.run only.
const serverOnlyInClient = appsScriptServices.map((name) => ({
  name,
  message: `${name} is server-side; call it through google.script.run.`,
}));
// src/core holds the rules, testable in Node without Apps Script: a service is reached through
// src/gas, which passes core what it read.
const serviceInCore = appsScriptServices.map((name) => ({
  name,
  message: `${name} is an Apps Script service: src/core uses none; read or write it in src/gas and pass the values.`,
}));

export default defineConfig(
  { ignores: ['build/', 'build-maps/', 'out/', 'node_modules/', 'test-artifacts/', 'coverage/'] },
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
    files: ['**/*.cjs', 'jest.config.js', 'jest.answers.config.js', 'test/global-setup.js', 'test/projects.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/client/**'],
    rules: { 'no-restricted-globals': ['error', ...notInAppsScript] },
  },
  {
    // One rule's options replace the earlier block's, so core repeats the server-code list.
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...notInAppsScript, ...serviceInCore] },
  },
  {
    files: ['src/client/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...serverOnlyInClient] },
  },
);
