// `npm run test:answers`: the suites whose results could depend on what Apps Script does where
// Google does not document it (packages/fake-apps-script/answers.ts) run once under each other answer.
// `npm test` covers the default answers; each project here sets one switch for a whole suite.
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');
const base = require('./jest.config.js').projects.find((project) => project.displayName === 'bundle');

/** ANSWER_VARIANTS from answers.ts (a file without imports), so the list is kept in one place. */
function answerVariants() {
  const source = fs.readFileSync(path.join(__dirname, 'packages', 'fake-apps-script', 'answers.ts'), 'utf8');
  const { code } = esbuild.transformSync(source, { loader: 'ts', format: 'cjs' });
  const mod = { exports: {} };
  new Function('module', 'exports', code)(mod, mod.exports);
  return mod.exports.ANSWER_VARIANTS.filter((v) => Object.keys(v).length > 0);
}

// The automation, dashboard and custom-function suites (the custom functions also in time-zones).
const SUITES = [
  '<rootDir>/test/automation/**/*.test.ts',
  '<rootDir>/test/gas/dashboard.test.ts',
  '<rootDir>/test/bad-input/custom-functions.test.ts',
  '<rootDir>/test/bad-input/time-zones.test.ts',
];

/** @type {import('jest').Config} */
module.exports = {
  globalSetup: base.globalSetup,
  testTimeout: base.testTimeout,
  projects: answerVariants().map((answers) => ({
    displayName: JSON.stringify(answers),
    testEnvironment: base.testEnvironment,
    roots: base.roots,
    testMatch: SUITES,
    testPathIgnorePatterns: base.testPathIgnorePatterns,
    modulePathIgnorePatterns: base.modulePathIgnorePatterns,
    transform: base.transform,
    moduleFileExtensions: base.moduleFileExtensions,
    globals: { UPTAKE_FAKE_ANSWERS: JSON.stringify(answers) },
    setupFiles: ['<rootDir>/test/answers-setup.js'],
  })),
};
