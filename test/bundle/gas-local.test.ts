// Loads build/ the way Apps Script does: every .js file of the folder run in one shared
// global scope, then entry points called by name. gas-local uses its own vm realm, so
// values coming back are compared structurally (toEqual), never with instanceof.
import { createRequire } from 'module';
import { BUILD_DIR, readBuilt, sourceEntryPoints } from './support';

interface GasLocal {
  require(folder: string, globals?: object): Record<string, unknown>;
}
// gas-local ships no type declarations.
const gasLocal = createRequire(__filename)('gas-local') as GasLocal;

const entries = sourceEntryPoints();

function load(): Record<string, unknown> {
  readBuilt('Code.js');
  return gasLocal.require(BUILD_DIR, { Logger: { log: () => undefined }, console });
}

function isErrorFromAnyRealm(value: unknown): value is Error {
  return Object.prototype.toString.call(value) === '[object Error]';
}

describe('build/ loaded with gas-local', () => {
  test('exposes every entry point of src/index.ts as a global function', () => {
    const ctx = load();
    expect(entries.map((e) => [e.name, typeof ctx[e.name]])).toEqual(entries.map((e) => [e.name, 'function']));
  });

  describe.each(entries.filter((e) => e.custom).map((e) => [e.name] as const))('custom function %s', (name) => {
    test('answers a call without arguments with a value or a readable error', () => {
      // A sheet user typing =NAME() must see a message they can act on, not a crash
      // such as "Cannot read properties of undefined".
      const fn = load()[name] as (...args: unknown[]) => unknown;
      let thrown: unknown;
      try {
        fn();
      } catch (err) {
        thrown = err;
      }
      if (thrown !== undefined) {
        expect(isErrorFromAnyRealm(thrown)).toBe(true);
        const { name: kind, message } = thrown as Error;
        expect([kind, message]).toEqual([
          expect.not.stringMatching(/^(TypeError|ReferenceError|RangeError)$/),
          expect.stringMatching(/\S/),
        ]);
      }
    });
  });
});

describe('custom functions called as a sheet would', () => {
  // Values shaped like Sheets' own arguments: ranges as 2-D arrays, '' for blank cells,
  // Date objects made in this (another) realm.
  test('ADOPTION_CATEGORY takes a number and a range', () => {
    const ctx = load();
    const fn = ctx.ADOPTION_CATEGORY as (...args: unknown[]) => unknown;
    expect(typeof fn(5)).toBe('string');
    const result = fn([[5], [''], [0]]) as unknown[][];
    expect(result.map((row) => row.map((cell) => typeof cell))).toEqual([['string'], ['string'], ['string']]);
    expect(result[1][0]).toBe('');
  });

  test('ACCEPTANCE_RATE returns a share between 0 and 1', () => {
    const fn = load().ACCEPTANCE_RATE as (...args: unknown[]) => unknown;
    const rate = fn([['used as-is'], ['not used'], ['']]);
    expect(typeof rate).toBe('number');
    expect(rate).toBeGreaterThanOrEqual(0);
    expect(rate).toBeLessThanOrEqual(1);
  });

  test('USES_PER_WEEK counts from Date cells made outside the bundle', () => {
    const fn = load().USES_PER_WEEK as (...args: unknown[]) => unknown;
    const dates = [[new Date(2025, 0, 6)], [new Date(2025, 0, 7)], [new Date(2025, 0, 8)]];
    const members = [['Ana'], ['ana '], ['Ben']];
    const uses = fn(dates, members, 'Ana');
    expect(typeof uses).toBe('number');
    expect(uses).toBeGreaterThan(0);
  });
});
