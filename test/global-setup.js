// Builds the bundle once before any suite runs, whatever subset of suites jest was given, so a
// test never loads a build/ older than src/. A failed build stops the run with its message.
const { execFileSync } = require('child_process');
const path = require('path');

module.exports = function buildBundleOnce() {
  execFileSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'build.mjs')], {
    cwd: path.join(__dirname, '..'),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
};
