// The dashboard sidebar's server calls, on the built bundle.
import { isDate } from '../../src/core/base/text';
import type { ServerFailure } from '../../src/shared/failure';
import { plus } from '../support/sheets';
import { fakeWithBundle, teamSheet, TODAY } from '../support/fake-bundle';
import { auditOf } from '../support/dashboard';

function datesIn(value: unknown, path = '$'): string[] {
  if (isDate(value)) return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => datesIn(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => datesIn(v, `${path}.${k}`));
  return [];
}

describe('getDashboard', () => {
  test('is plain JSON: no Date anywhere, and a JSON round trip gives the same data', () => {
    const { bundle } = teamSheet();
    const data = bundle.getDashboard({});
    expect(datesIn(data)).toEqual([]);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  test('holds the audit, the sheets, the settings, the timeline and the automation status', () => {
    const { bundle } = teamSheet();
    bundle.runAuditToSheet();
    const data = bundle.getDashboard({});
    expect(data).toMatchObject({
      today: TODAY,
      timeZone: 'Etc/UTC',
      problem: null,
      logSheet: 'Log',
      rosterSheet: 'Roster',
    });
    expect(auditOf(data).asOf).toBe(TODAY);
    expect(
      auditOf(data)
        .members.map((m) => m.member)
        .sort(),
    ).toEqual(['Ana', 'Ben', 'Cleo']);
    // Uptake's own sheet is not offered as a log or roster.
    expect(data.sheetNames).toEqual(['Log', 'Roster']);
    expect(data.settings).toEqual(bundle.getSettings());
    expect(data.automation).toMatchObject({ on: expect.any(Boolean), hour: 8, digestWeekday: 1 });
    // Next milestone soonest first: Ana (day 20) reaches day 21 tomorrow; Ben and Cleo both in 4 days.
    expect(data.timeline).toEqual([
      {
        member: 'Ana',
        trainingDate: plus(TODAY, -20),
        day: 20,
        reached: 'Peer advocacy moment',
        next: 'Week-three check',
        nextDate: plus(TODAY, 1),
        followUpHeld: null,
        sixWeek: null,
        sixWeekEmailWaiting: false,
      },
      {
        member: 'Ben',
        trainingDate: plus(TODAY, -10),
        day: 10,
        reached: 'Day-seven follow-up',
        next: 'Peer advocacy moment',
        nextDate: plus(TODAY, 4),
        followUpHeld: null,
        sixWeek: null,
        sixWeekEmailWaiting: false,
      },
      {
        member: 'Cleo',
        trainingDate: plus(TODAY, -3),
        day: 3,
        reached: null,
        next: 'Day-seven follow-up',
        nextDate: plus(TODAY, 4),
        followUpHeld: null,
        sixWeek: null,
        sixWeekEmailWaiting: false,
      },
    ]);
  });

  test('takes an as-of date and a window', () => {
    const { bundle } = teamSheet();
    const data = bundle.getDashboard({ asOf: plus(TODAY, -7), weeks: 2 });
    expect(data.audit).toMatchObject({ asOf: plus(TODAY, -7), weeks: 2, windowStart: plus(TODAY, -20) });
  });

  test('a set-up problem comes back as `problem`, not as an error', () => {
    const { bundle } = fakeWithBundle({ spreadsheet: { sheets: { Notes: [['Anything'], ['else']] } } });
    const data = bundle.getDashboard({});
    expect(data.audit).toBeNull();
    expect(data.problem).toEqual({ code: 'no-log', message: expect.stringContaining('Uptake found no log') });
    expect(data.sheetNames).toEqual(['Notes']);
  });

  test('other errors are thrown with a message to show, not a stack', () => {
    const { bundle } = teamSheet();
    expect(() => bundle.getDashboard({ asOf: '15/03/2026' })).toThrow(
      /^"15\/03\/2026" is not a date: use YYYY-MM-DD\.$/,
    );
    expect(() => bundle.getDashboard({ weeks: 0 })).toThrow('The window must be a whole number of weeks');
  });
});

describe('selectLogRow', () => {
  test('activates that row of the log', () => {
    const { gas, bundle } = teamSheet();
    gas.sheet('Roster').activate();
    bundle.selectLogRow(5);
    expect(gas.inspect.selection()).toEqual({ sheet: 'Log', a1: 'A5:G5' });
  });

  test('refuses what is not a row of the log', () => {
    const { gas, bundle } = teamSheet();
    expect(() => bundle.selectLogRow(0)).toThrow('0 is not a row number.');
    expect(() => bundle.selectLogRow(gas.sheet('Log').getMaxRows() + 1)).toThrow('has no row');
  });
});

describe('settings', () => {
  test('getSettings gives the defaults; saveSettings stores valid changes', () => {
    const { bundle } = teamSheet();
    expect(bundle.getSettings()).toMatchObject({ genuineAt: 3, developingAt: 1, acceptanceTarget: 0.7, weeks: 1 });
    const saved = bundle.saveSettings({ weeks: 2, acceptanceTarget: '80%', logSheet: 'Log' });
    expect(saved).toMatchObject({ weeks: 2, acceptanceTarget: 0.8, logSheet: 'Log' });
    expect(bundle.getSettings()).toEqual(saved);
    expect(auditOf(bundle.getDashboard({})).weeks).toBe(2);
  });

  test.each([
    [{ weeks: 0 }, 'weeks', 'The window must be a whole number from 1 to 52.'],
    [{ ownerEmail: 'boss' }, 'ownerEmail', 'Owner email: "boss" is not an email address.'],
    [{ recipients: 'ceo@x.com, nope' }, 'recipients', 'Extra recipients: "nope" is not an email address.'],
    [{ acceptanceTarget: 1.5 }, 'acceptanceTarget', 'The acceptance target must be from 0% to 100%.'],
    [{ logSheet: 'Nope' }, 'logSheet', 'There is no sheet named "Nope" to use as the log.'],
    [
      { logSheet: 'Adoption audit' },
      'logSheet',
      '"Adoption audit" is a sheet Uptake writes itself; choose the team\'s log sheet.',
    ],
    [{ rosterSheet: 'Nobody' }, 'rosterSheet', 'There is no sheet named "Nobody" to use as the roster.'],
    [{ logSheets: ['Log', 'Gone'] }, 'logSheets', 'Log sheets: there is no sheet named "Gone".'],
    [{ logSheet: 'Roster' }, 'logSheet', 'The log and the roster must be two different sheets.'],
    [{ logSheet: 'Log', rosterSheet: 'Log' }, 'rosterSheet', 'The log and the roster must be two different sheets.'],
  ])('%p is refused naming the field %p in data, and nothing is stored', (changes, field, message) => {
    const { bundle } = teamSheet();
    bundle.runAuditToSheet();
    bundle.saveSettings({ rosterSheet: 'Roster' });
    const before = bundle.getSettings();
    // As google.script.run hands it to the page's success handler: the field as data, the words alone.
    expect(bundle.$replies.$runFromClient('saveSettings', changes)).toEqual({ ok: false, failure: { field, message } });
    // As the page (and every test) reads it: a ServerFailure carrying the field.
    expect(() => bundle.saveSettings(changes)).toThrow(
      expect.objectContaining({ name: 'ServerFailure', field, message }),
    );
    expect(bundle.getSettings()).toEqual(before);
  });
});

describe('the Settings form’s replacement programme start (rules §17: "or a Settings date")', () => {
  const refused = (bundle: ReturnType<typeof teamSheet>['bundle'], changes: Record<string, unknown>) => {
    try {
      bundle.saveSettings(changes);
    } catch (error) {
      const { message, field } = error as ServerFailure;
      return { message, field };
    }
    throw new Error('saveSettings accepted the start date');
  };

  test('a date starts the programme on it, with the settings saved beside it; the same date again changes nothing', () => {
    const { bundle } = teamSheet();
    const start = plus(TODAY, -3);
    bundle.saveSettings({ weeks: 2, programmeStart: start });
    expect(bundle.getSettings().weeks).toBe(2);
    expect(bundle.getSettings()).not.toHaveProperty('programmeStart');
    const programme = bundle.getDashboard({}).programme;
    expect(programme).toMatchObject({ start, startedOn: TODAY, baseline: { asOf: plus(start, -1) } });
    bundle.saveSettings({ weeks: 1, programmeStart: start });
    expect(bundle.getDashboard({}).programme).toEqual(programme);
    expect(bundle.getSettings().weeks).toBe(1);
  });

  test('a date that cannot be read is refused naming the field, and nothing is saved or started', () => {
    const { bundle } = teamSheet();
    const before = bundle.getSettings();
    expect(refused(bundle, { weeks: 3, programmeStart: '3/2/2026' })).toEqual({
      field: 'programmeStart',
      message: `Replacement programme start: "3/2/2026" is not a date: write it as YYYY-MM-DD, e.g. ${TODAY}.`,
    });
    expect(refused(bundle, { programmeStart: '2026-02-30' }).field).toBe('programmeStart');
    expect(bundle.getSettings()).toEqual(before);
    expect(bundle.getDashboard({}).programme).toBeNull();
  });

  test('a date whose day 30 is already past is refused naming the field, in Settings and from the sidebar', () => {
    const { bundle } = teamSheet();
    const old = plus(TODAY, -31);
    expect(refused(bundle, { programmeStart: old })).toEqual({
      field: 'programmeStart',
      message: expect.stringMatching(
        new RegExp(
          `^Replacement programme start: A replacement programme starting on ${old} would have reached its day 30 on ${plus(old, 30)}, already past`,
        ),
      ),
    });
    expect(() => bundle.startProgramme({ start: old })).toThrow(
      /already past: its milestones could not be sent on time/,
    );
    expect(bundle.getDashboard({}).programme).toBeNull();
    bundle.saveSettings({ programmeStart: plus(TODAY, -30) });
    expect(bundle.getDashboard({}).programme?.start).toBe(plus(TODAY, -30));
  });

  test('another date while a programme runs is refused naming the field; a bad setting starts nothing', () => {
    const { bundle } = teamSheet();
    bundle.saveSettings({ programmeStart: plus(TODAY, -3) });
    const before = bundle.getSettings();
    const other = refused(bundle, { weeks: 3, programmeStart: plus(TODAY, -1) });
    expect(other.field).toBe('programmeStart');
    expect(other.message).toMatch(
      /^Replacement programme start: A replacement programme started on .* one programme at a time\./,
    );
    expect(bundle.getSettings()).toEqual(before);

    const fresh = teamSheet().bundle;
    expect(refused(fresh, { weeks: 99, programmeStart: TODAY }).field).toBe('weeks');
    expect(fresh.getDashboard({}).programme).toBeNull();
  });
});
