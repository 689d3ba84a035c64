/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // Every suite that loads build/ tests the current source, however jest is started.
  globalSetup: '<rootDir>/test/global-setup.js',
  roots: ['<rootDir>/test'],
  testMatch: ['<rootDir>/test/**/*.test.ts'],
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
