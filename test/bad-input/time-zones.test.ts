// Time zones: the spreadsheet's zone (not the script's, not UTC) decides every calendar day.
// Windows ending on a daylight-saving change in both hemispheres (Europe/London in March and
// October, Australia/Sydney in April and October), runs logged half an hour after midnight, and
// "today" read half an hour after midnight. The same figures come out of the sidebar
// (getDashboard), the custom function (USES_PER_WEEK), the digest (previewDigest and the daily
// run) and the CSV run. The in-memory Apps Script stores dates as instants: a date cell of a
// Sydney sheet is midnight Sydney time, 13:00 or 14:00 UTC the day before.
import { LOG_HEADERS } from '../../src/core/sheets/log';
import { dayOfInstant, dayToIso, isoToDay } from '../../src/core/base/dates';
import { localInstant, runInMemory } from '../../local/gas-run';
import { parseCsv } from '../../local/csv';
import { BUILD_DIR, readBuilt } from '../bundle/support';
import { createFakeGas, type UndocumentedAnswers } from '../../packages/fake-apps-script';
import { loadUptake } from '../../local/uptake-bundle';
import { D, type Cell } from './corpus';
import { csvOf, OWNER, sheetInputOf } from './support';

/** The script's zone in every case: far from both spreadsheets' zones. */
const SCRIPT_ZONE = 'America/Los_Angeles';

interface Scenario {
  zone: string;
  /** A Sunday: the window is the seven days ending on it, and the clocks change on it. */
  asOf: string;
  change: string;
}

const SCENARIOS: Scenario[] = [
  { zone: 'Europe/London', asOf: '2026-03-29', change: 'clocks go forward (GMT to BST)' },
  { zone: 'Europe/London', asOf: '2026-10-25', change: 'clocks go back (BST to GMT)' },
  { zone: 'Australia/Sydney', asOf: '2026-04-05', change: 'clocks go back (AEDT to AEST)' },
  { zone: 'Australia/Sydney', asOf: '2026-10-04', change: 'clocks go forward (AEST to AEDT)' },
  // Custom offsets, which Sheets allows as a spreadsheet's zone and Intl rejects.
  { zone: 'GMT-03:00', asOf: '2026-03-29', change: 'a custom offset zone' },
  { zone: 'GMT+0530', asOf: '2026-10-04', change: 'a custom offset zone with minutes, written without a colon' },
];

const plusDays = (iso: string, n: number) => dayToIso(isoToDay(iso)! + n);

/**
 * Ana's runs: 3 the day before the window, one on each of its 7 days (half past midnight or
 * half past eleven at night), 5 the day after. A window off by a day either way counts 9 or 11,
 * and a day read in UTC moves the runs near midnight into the day before.
 */
function logOf(asOf: string): Cell[][] {
  const row = (date: string, time: string): Cell[] => [D(date, time), 'Ana', 'Proposal', 'Used as-is', '', false, ''];
  return [
    LOG_HEADERS,
    ...[1, 2, 3].map(() => row(plusDays(asOf, -7), '00:30')),
    ...[6, 5, 4, 3, 2, 1, 0].map((back) => row(plusDays(asOf, -back), back % 2 ? '00:30' : '23:30')),
    ...[1, 2, 3, 4, 5].map(() => row(plusDays(asOf, 1), '00:30')),
  ];
}

const HEADLINE =
  '1 team member ran 7 workflow sessions this week; blended acceptance rate 100%; 0 workflows below threshold under review.';

describe.each(SCENARIOS.map((s) => [`${s.zone}, week to ${s.asOf} (${s.change})`, s] as const))('%s', (_label, s) => {
  const asOfDay = isoToDay(s.asOf)!;
  /** Half past midnight on the Monday after, in the sheet's zone: still Sunday in UTC and in the script's zone. */
  const mondayEarly = localInstant(asOfDay + 1, 0, 30, s.zone);

  function sheet(customFunctionDates?: UndocumentedAnswers['customFunctionDates']) {
    readBuilt('Code.js');
    const gas = createFakeGas({
      customFunctionDates,
      now: mondayEarly,
      timeZone: SCRIPT_ZONE,
      user: OWNER,
      valueParsing: 'text',
      activeSpreadsheetInTimeTriggers: true,
      spreadsheet: {
        timeZone: s.zone,
        locale: 'en_GB',
        sheets: { 'AI usage log': sheetInputOf(logOf(s.asOf), s.zone) },
      },
    });
    const bundle = loadUptake(gas, BUILD_DIR);
    bundle.saveSettings({ ownerEmail: OWNER, digestHour: 0 });
    return { gas, bundle };
  }

  test("the set-up is a real test: at that instant it is still Sunday in the script's zone", () => {
    expect(dayOfInstant(mondayEarly, SCRIPT_ZONE)).toBe(asOfDay);
    expect(dayOfInstant(mondayEarly, s.zone)).toBe(asOfDay + 1);
  });

  test("sidebar: today is the sheet's Monday; the week to Sunday has 7 runs; the default window moves with today", () => {
    const { bundle } = sheet();
    const week = bundle.$runFromClient('getDashboard', { asOf: s.asOf, weeks: 1 });
    expect(week.timeZone).toBe(s.zone);
    expect(week.today).toBe(plusDays(s.asOf, 1));
    expect(week.audit!.headline).toBe(HEADLINE);
    expect(week.audit!.members.map((m) => [m.member, m.usesPerWeek])).toEqual([['Ana', 7]]);
    const today = bundle.$runFromClient('getDashboard', {}).audit!;
    expect([today.asOf, today.windowStart, today.team.runs]).toEqual([plusDays(s.asOf, 1), plusDays(s.asOf, -5), 11]);
  });

  function customFunctionCounts(customFunctionDates: UndocumentedAnswers['customFunctionDates']) {
    const { gas, bundle } = sheet(customFunctionDates);
    const values = gas.sheetValues('AI usage log').slice(1);
    const dates = values.map((r) => [r[0]]);
    const members = values.map((r) => [r[1]]);
    const asOfCell = new Date(localInstant(asOfDay, 0, 0, s.zone));
    return [
      bundle.$custom('USES_PER_WEEK', dates, members, 'Ana', asOfCell, 1),
      bundle.$custom('USES_PER_WEEK', dates, members, 'ana', '', 1),
      bundle.$custom('USES_PER_WEEK', dates, members, 'Ana', asOfCell, 2),
    ];
  }

  test('custom function: USES_PER_WEEK over the date cells gives 7 for the week, 11 as of the latest date', () => {
    expect(customFunctionCounts('sheet-zone')).toEqual([7, 11, 5]);
  });

  // If Apps Script hands a custom function its date cells read in the script's zone (undocumented;
  // docs/first-deploy.md checks it). These runs are all date-times, midnight in neither zone: the
  // add-on tells the reading from the log's first dates (src/gas/argument-zone.ts).
  test('custom function, date cells read in the script zone: the same counts', () => {
    expect(customFunctionCounts('script-zone')).toEqual([7, 11, 5]);
  });

  test('digest: the preview at 00:30 on Monday, and the daily run at midnight, cover the week to Sunday', () => {
    const { gas, bundle } = sheet();
    const preview = bundle.$runFromClient('previewDigest');
    expect(preview.text.split('\n')[0]).toBe(HEADLINE);
    expect(preview.subject).toContain(`the week to Sun`);
    // Automation turned on at Sunday noon, the daily run at 00:xx Monday in the sheet's zone.
    gas.clock.set(localInstant(asOfDay, 12, 0, s.zone));
    bundle.setAutomation(true);
    const runs = bundle.$runDueTriggers(localInstant(asOfDay + 1, 6, 0, s.zone));
    expect(runs.map((r) => r.ok)).toEqual([true]);
    const digest = gas.mail.sent.filter((m) => m.subject.startsWith('Uptake weekly digest'));
    expect(digest.map((m) => m.body.split('\n')[0])).toEqual([HEADLINE]);
    expect(digest[0].subject).toBe(preview.subject);
  });

  test('CSV run: the same figures from the same log downloaded as text', () => {
    const result = runInMemory(
      { log: parseCsv(csvOf(logOf(s.asOf))), roster: null, logSource: 'log.csv', rosterSource: null },
      {
        buildDir: BUILD_DIR,
        asOf: s.asOf,
        weeks: 1,
        locale: 'en_GB',
        timeZone: s.zone,
        owner: OWNER,
        days: 1,
        sidebarWeeks: [],
        nowMs: mondayEarly,
        progress: () => undefined,
      },
    );
    expect(result.audit.headline).toBe(HEADLINE);
    expect(result.audit.members.map((m) => [m.member, m.usesPerWeek])).toEqual([['Ana', 7]]);
    expect(result.digest.text.split('\n')[0]).toBe(HEADLINE);
    expect(
      result.emails
        .filter((m) => m.subject.startsWith('Uptake weekly digest'))
        .map((m) => [m.day, m.body.split('\n')[0]]),
    ).toEqual([[plusDays(s.asOf, 1), HEADLINE]]);
  });
});

describe('a spreadsheet zone different from the script zone', () => {
  test.each(['Australia/Sydney', 'GMT+10:00', 'GMT+10'])(
    "\"Log a run\" writes the sheet's today, and refuses the sheet's tomorrow though it is today in the script's zone (%s)",
    (sheetZone) => {
      readBuilt('Code.js');
      // 23:30 on 14 March in Los Angeles (the script) is 17:30 (or 16:30) on 15 March in Sydney (the sheet).
      const gas = createFakeGas({
        now: '2026-03-15T06:30:00Z',
        timeZone: SCRIPT_ZONE,
        user: OWNER,
        spreadsheet: { timeZone: sheetZone, locale: 'en_AU', sheets: { 'AI usage log': [LOG_HEADERS] } },
      });
      const bundle = loadUptake(gas, BUILD_DIR);
      expect(bundle.$runFromClient('getLogForm').today).toBe('2026-03-15');
      const logged = bundle.$runFromClient('logRun', {
        date: '2026-03-15',
        member: 'Ana',
        workflow: 'Proposal',
        outcome: 'Used as-is',
        editTypes: [],
        prompted: false,
        notes: '',
      });
      expect(logged.row).toBe(2);
      expect(gas.inspect.displayValues('AI usage log')[1][0]).toBe('2026-03-15');
      expect(() =>
        bundle.$runFromClient('logRun', {
          date: '2026-03-16',
          member: 'Ana',
          workflow: 'Proposal',
          outcome: 'Used as-is',
          editTypes: [],
          prompted: false,
          notes: '',
        }),
      ).toThrow("The date 2026-03-16 is in the future: today is 2026-03-15 in the spreadsheet's time zone.");
      const data = bundle.$runFromClient('getDashboard', {});
      expect([data.today, data.audit!.team.runs]).toEqual(['2026-03-15', 1]);
    },
  );
});
