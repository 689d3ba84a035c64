// Two projects, so that `npx jest test/core/...` runs at once: `unit` needs nothing built; `bundle`
// loads build/ (the in-memory Apps Script, the local run, the browser) and its globalSetup builds
// the bundle first. Jest runs a project's globalSetup only when one of its tests runs
// (https://jestjs.io/docs/configuration#globalsetup-string). `npm test` runs both.

const { unitSuites } = require('./test/projects');

/** The suites that read only the sources, decided by what each imports (test/projects.js). */
const UNIT = unitSuites();

const shared = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/build/'],
  modulePathIgnorePatterns: ['<rootDir>/build/'],
  transform: {
    // tsconfig.json sets isolatedModules, so ts-jest only transpiles; `npm run typecheck`
    // is the type gate.
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Some suites start child processes (the build, the CLI) or Chromium; on a loaded 2-core CI
  // machine they can take longer than jest's 5 s default. This is a hang guard, not a speed test.
  testTimeout: 60_000,
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: shared.testTimeout,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: UNIT.map((p) => `<rootDir>/${p}`),
    },
    {
      ...shared,
      displayName: 'bundle',
      // Every suite that loads build/ tests the current source, however jest is started.
      globalSetup: '<rootDir>/test/global-setup.js',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: [
        ...shared.testPathIgnorePatterns,
        ...UNIT.map((p) => `<rootDir>/${p.replace(/\./g, '\\.')}$`),
      ],
    },
  ],
};
