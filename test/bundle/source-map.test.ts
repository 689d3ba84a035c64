// The bundle's source map (build-maps/Code.js.map, written by `npm run build` beside build/): an
// error thrown in the bundle, run in the in-memory Apps Script as the tests and `npm start` run it,
// points at the src/ file and line that threw, while build/Code.js stays the file Apps Script runs.
import fs from 'node:fs';
import path from 'node:path';
import { createFakeGas, loadBundle } from '../../packages/fake-apps-script';
import { loadUptake, sourceMapDirOf } from '../../local/uptake-bundle';
import { BUILD_DIR, readBuilt, ROOT } from './support';

function thrownBy(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return error as Error;
  }
  throw new Error('did not throw');
}

/** The file:line:column of the first frame of a stack. */
function firstFrame(stack: string | undefined): string {
  return /\n\s+at (?:.*?\()?([^()\s]+:\d+:\d+)\)?/.exec(stack ?? '')?.[1] ?? '';
}

test('an error thrown in the bundle names the src/ file, line and column it was thrown from', () => {
  readBuilt('Code.js');
  const bundle = loadUptake(createFakeGas(), BUILD_DIR);
  // A custom function's error reaches the cell as thrown (a sidebar call's failure is data instead).
  const error = thrownBy(() => bundle.$custom('ADOPTION_CATEGORY', 'often'));
  expect(error.message).toMatch(/needs uses per week as a number/);
  const frame = firstFrame(error.stack);
  const [file, line] = frame.split(':');
  expect(path.relative(ROOT, file)).toMatch(/^src\/.+\.ts$/);
  // The line named holds the throw.
  const thrownAt = fs.readFileSync(file, 'utf8').split('\n')[Number(line) - 1];
  expect(thrownAt).toMatch(/throw|Error\(/);
});

test('without the map the same error points into build/Code.js, which carries no map reference', () => {
  const bundle = loadBundle(createFakeGas(), BUILD_DIR);
  const error = thrownBy(() => bundle.$custom('ADOPTION_CATEGORY', 'often'));
  expect(firstFrame(error.stack)).toMatch(/build\/Code\.js:\d+:\d+$/);
  expect(readBuilt('Code.js')).not.toContain('sourceMappingURL');
  expect(fs.existsSync(path.join(sourceMapDirOf(BUILD_DIR), 'Code.js.map'))).toBe(true);
  expect(fs.readdirSync(BUILD_DIR).filter((name) => name.endsWith('.map'))).toEqual([]);
});
