// jest's two projects are decided by what each suite imports (test/projects.js): a suite that
// needs no build is `unit`, whatever its folder.
import path from 'path';
import { ROOT } from './checker';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { unitSuites, usesBuild } = require('../projects.js') as {
  unitSuites(): string[];
  usesBuild(file: string): boolean;
};

describe('test/projects.js', () => {
  const unit = unitSuites();

  test('suites of the in-memory Apps Script and of core that load no bundle are unit', () => {
    expect(unit).toEqual(
      expect.arrayContaining([
        'test/core/form-requests.test.ts',
        'test/apps-script/range.test.ts',
        'test/apps-script/services.test.ts',
        'test/apps-script/script-ui.test.ts',
        'test/apps-script/developer-metadata.test.ts',
        'test/layout/imports.test.ts',
        'test/local/csv.test.ts',
      ]),
    );
  });

  test('a suite that loads build/, itself or through a helper it imports, is not', () => {
    for (const suite of [
      'test/apps-script/surface.test.ts', // reads build/Code.js itself
      'test/gas/log-run.test.ts', // through test/support/fake-bundle.ts
      'test/local/cli.test.ts', // through test/local/support.ts
      'test/bench/bench.test.ts',
    ]) {
      expect({ suite, unit: unit.includes(suite) }).toEqual({ suite, unit: false });
      expect(usesBuild(path.join(ROOT, suite))).toBe(true);
    }
    expect(unit.some((suite) => suite.startsWith('test/browser/'))).toBe(false);
  });
});
