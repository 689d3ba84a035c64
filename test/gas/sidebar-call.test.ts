// The one wrapper of every sidebar entry point: argument checks and plain error messages,
// on the source (sidebarCall) and on the built bundle (as google.script.run calls it).
import { logRows, rosterRows } from '../support/sheets';
import { SettingsError } from '../../src/core/base/settings';
import { SIDEBAR_CALLS, sidebarCall } from '../../src/gas/sidebar-call';
import type { ServerApi } from '../../src/shared/api';
import { fakeWithBundle, sampleTeam } from '../support/fake-bundle';

// sidebarCall first asks who is calling (rules §19): on the source, outside Apps Script, the
// caller is an account with an email in a spreadsheet whose Settings were never saved, which
// acts as the owner. The guard itself is tested on the bundle (test/roles/).
beforeAll(() => {
  Object.assign(globalThis, {
    PropertiesService: { getDocumentProperties: () => ({ getProperty: () => null, getProperties: () => ({}) }) },
    Session: { getEffectiveUser: () => ({ getEmail: () => 'owner@example.com' }) },
  });
});
afterAll(() => {
  delete (globalThis as Record<string, unknown>).PropertiesService;
  delete (globalThis as Record<string, unknown>).Session;
});

/** The words of the failure sidebarCall returns for `name` with `args`, the body never being reached. */
function refusal(name: keyof ServerApi, args: unknown[]): string {
  let reached = false;
  const reply = sidebarCall(name, args, (() => {
    reached = true;
  }) as never);
  expect(reached).toBe(false);
  if (reply.ok) throw new Error(`${name} accepted ${JSON.stringify(args)}`);
  expect(reply.failure.field).toBeNull();
  return reply.failure.message;
}

describe('sidebarCall: arguments of the wrong type get a plain message naming the argument', () => {
  test.each([
    [
      'getDashboard',
      [{ asOf: 42 }],
      /^The as-of date must be a text \(or left empty\), but the page sent the number 42\./,
    ],
    ['getDashboard', [{ weeks: '2' }], /^The window in weeks must be a number, but the page sent a text\./],
    ['getDashboard', ['2026-03-11'], /^The dashboard request must be a set of fields, but the page sent a text\./],
    ['selectLogRow', ['7'], /^The row number must be a number, but the page sent a text\./],
    ['saveSettings', [null], /^The settings must be a set of fields, but the page sent nothing\./],
    ['saveSettings', [['weeks', 2]], /^The settings must be a set of fields, but the page sent a list\./],
    ['logRun', ['Ana'], /^The run must be a set of fields, but the page sent a text\./],
    ['setAutomation', ['yes'], /^Whether automation is on must be true or false, but the page sent a text\./],
  ] as [keyof ServerApi, unknown[], RegExp][])('%s(%j)', (name, args, message) => {
    const text = refusal(name, args);
    expect(text).toMatch(message);
    expect(text).toMatch(/Reload the sidebar and try again\.$/);
  });

  test('well-typed arguments reach the body, checked and unchanged', () => {
    const seen: unknown[] = [];
    sidebarCall('getDashboard', [{ asOf: '2026-03-11', weeks: 2 }], (request) => {
      seen.push(request);
      return null as never;
    });
    sidebarCall('getDashboard', [undefined], (request) => {
      seen.push(request);
      return null as never;
    });
    sidebarCall('setAutomation', [false], (on) => {
      seen.push(on);
      return null as never;
    });
    expect(seen).toEqual([{ asOf: '2026-03-11', weeks: 2 }, null, false]);
  });

  test('sendDigestNow is quiet only when the page says true (a menu click passes nothing)', () => {
    const quiet = [[], [true], [{ authMode: 'FULL' }]].map((args) =>
      sidebarCall('sendDigestNow', args, (q) => String(q)),
    );
    expect(quiet).toEqual(['false', 'true', 'false'].map((value) => ({ ok: true, value })));
  });
});

describe('sidebarCall: errors become messages a sheet user can act on', () => {
  const failWith = (error: unknown) =>
    sidebarCall('getDashboard', [], () => {
      throw error;
    });
  /** The reply of a failure whose words match `words`, naming no field. */
  const failure = (words: RegExp) => ({ ok: false, failure: { message: expect.stringMatching(words), field: null } });

  test('an error meant for the user keeps its words and loses its class name', () => {
    class SetupError extends Error {
      override name = 'SetupError';
    }
    expect(failWith(new SetupError('Uptake found no log sheet.'))).toEqual(failure(/^Uptake found no log sheet\.$/));
    expect(failWith(new RangeError('The window must be a whole number of weeks from 1 to 520, not 0.'))).toEqual(
      failure(/^The window must be a whole number of weeks from 1 to 520, not 0\.$/),
    );
  });

  test('a settings error names its field in data, beside its words', () => {
    expect(failWith(new SettingsError('weeks', 'The window must be a whole number from 1 to 52.'))).toEqual({
      ok: false,
      failure: { message: 'The window must be a whole number from 1 to 52.', field: 'weeks' },
    });
  });

  test('a fault in Uptake is thrown (the execution fails), saying what could not be done and what to do', () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(() => failWith(new TypeError("Cannot read properties of undefined (reading 'trim')"))).toThrow(
        /^Uptake could not load the dashboard because of a fault in Uptake itself \(.*\)\. Reload the sidebar and try again; if it happens again, report this message\.$/,
      );
      // The stack goes to the execution log, for whoever maintains the add-on.
      expect(spy).toHaveBeenCalledTimes(1);
      expect(spy.mock.calls[0][0]).toMatch(
        /^TypeError: Cannot read properties of undefined \(reading 'trim'\)\n\s+at /,
      );
    } finally {
      spy.mockRestore();
    }
  });

  test('an empty error or a thrown non-Error still says something', () => {
    expect(failWith(new Error(''))).toEqual(failure(/^Uptake could not load the dashboard; please try again\.$/));
    expect(failWith(undefined)).toEqual(failure(/^Uptake could not load the dashboard; please try again\.$/));
    expect(failWith('The log is busy.')).toEqual(failure(/^The log is busy\.$/));
  });

  test('every call says what it does, in words', () => {
    for (const [name, call] of Object.entries(SIDEBAR_CALLS))
      expect([name, call.does]).toEqual([name, expect.stringMatching(/^[a-z][a-z -]+$/)]);
  });
});

describe('the built sidebar entry points, called as google.script.run calls them', () => {
  function team() {
    const { runs, roster } = sampleTeam();
    return fakeWithBundle({ spreadsheet: { sheets: { Log: logRows(runs), Roster: rosterRows(roster) } } });
  }

  test('getDashboard with a non-text as-of date names the argument (it used to reach .trim())', () => {
    const { bundle } = team();
    expect(() => bundle.$runFromClient('getDashboard', { asOf: 20260311 })).toThrow(
      /^The as-of date must be a text \(or left empty\), but the page sent the number 20260311\./,
    );
    expect(() => bundle.$runFromClient('getDashboard', { asOf: ['2026-03-11'] })).toThrow(
      /^The as-of date must be a text \(or left empty\), but the page sent a list\./,
    );
  });

  test('setAutomation, selectLogRow, saveSettings and logRun refuse arguments of the wrong type, changing nothing', () => {
    const { bundle, gas } = team();
    const before = JSON.stringify(gas.sheet('Log').getDataRange().getValues());
    expect(() => bundle.$runFromClient('setAutomation', 'on')).toThrow(
      /^Whether automation is on must be true or false/,
    );
    expect(() => bundle.$runFromClient('selectLogRow', '3')).toThrow(/^The row number must be a number/);
    expect(() => bundle.$runFromClient('saveSettings', 'weeks=2')).toThrow(/^The settings must be a set of fields/);
    expect(() => bundle.$runFromClient('logRun', null)).toThrow(
      /^The run must be a set of fields, but the page sent nothing/,
    );
    expect(JSON.stringify(gas.sheet('Log').getDataRange().getValues())).toBe(before);
    expect(bundle.getAutomationStatus().on).toBe(false);
  });
  // "View executions", https://developers.google.com/apps-script/guides/executions: the
  // maintainer's execution list shows each run as Completed or Failed; a run that returns is Completed.
  test('an expected failure is returned as data, and the execution is recorded as completed', () => {
    const { bundle, gas } = team();
    expect(bundle.$replies.$runFromClient('getDashboard', { weeks: '2' })).toEqual({
      ok: false,
      failure: { message: expect.stringMatching(/^The window in weeks must be a number/), field: null },
    });
    expect(gas.executions.at(-1)).toMatchObject({ name: 'getDashboard', error: undefined });
  });

  test('a fault in Uptake is thrown in plain words, and the execution is recorded as failed with its stack logged', () => {
    const { bundle, gas } = team();
    gas.onCall((call) => {
      if (call.key === 'Range.getValues') throw new TypeError("Cannot read properties of undefined (reading 'trim')");
    });
    const plain =
      /^Uptake could not load the dashboard because of a fault in Uptake itself \(.*\)\. Reload the sidebar/;
    expect(() => bundle.$replies.$runFromClient('getDashboard', null)).toThrow(plain);
    const execution = gas.executions.at(-1);
    expect(execution?.name).toBe('getDashboard');
    expect(execution?.error).toEqual(expect.objectContaining({ message: expect.stringMatching(plain) }));
    expect(gas.logs.messages().join('\n')).toMatch(/TypeError: Cannot read properties of undefined \(reading 'trim'\)/);
  });
});
