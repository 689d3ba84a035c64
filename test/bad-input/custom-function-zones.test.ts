// USES_PER_WEEK on the built bundle under both answers to how Apps Script hands a custom function
// its date cells (packages/fake-apps-script/answers.ts): the same counts, from date cells without a time
// (told from the Dates alone, at no service call) and from date-times (calibrated against the
// log's first dates, at a bounded cost), with and without a log to calibrate from.
import { LOG_HEADERS } from '../../src/core/sheets/log';
import { dayToIso, isoToDay } from '../../src/core/base/dates';
import { BUILD_DIR, readBuilt } from '../bundle/support';
import { createFakeGas, type UndocumentedAnswers } from '../../packages/fake-apps-script';
import { loadUptake } from '../../local/uptake-bundle';
import { D, type Cell } from './corpus';
import { OWNER, sheetInputOf } from './support';

type Answer = UndocumentedAnswers['customFunctionDates'];
const ANSWERS: Answer[] = ['sheet-zone', 'script-zone'];
/** The manifest's zone (appsscript.json). */
const SCRIPT_ZONE = 'Etc/UTC';
const AS_OF = '2026-03-15';
const plusDays = (iso: string, n: number) => dayToIso(isoToDay(iso)! + n);

/**
 * Ana's runs: one on each day from 9 days before as_of to 2 days after, at `time` (none: a date
 * cell without a time). The week to as_of holds 7; a day misread either way makes it 6 or 8.
 */
function runs(time: string | undefined, rows = 12): Cell[][] {
  return Array.from({ length: rows }, (_, i): Cell[] => [
    D(plusDays(AS_OF, (i % 12) - 9), time),
    i % 12 === 4 ? 'Bo' : 'Ana',
    'Proposal',
    'Used as-is',
    '',
    false,
    '',
  ]);
}
/** Ana's runs in the week to `asOf`, counted from the rows' own date strings. */
function expected(rows: Cell[][], asOf = AS_OF): number {
  const start = plusDays(asOf, -6);
  const dateOf = (cell: Cell) => (cell as { date: string }).date;
  return rows.filter(([d, who]) => who === 'Ana' && dateOf(d) >= start && dateOf(d) <= asOf).length;
}

/**
 * `rows` on the log, or with `noLog` on a sheet without the log's headers (the same cells);
 * `logSheet`: a log chosen in Settings and since deleted.
 */
function sheet(answer: Answer, zone: string, rows: Cell[][], { noLog = false, logSheet = '' } = {}) {
  readBuilt('Code.js');
  const log = !noLog;
  const input = sheetInputOf([LOG_HEADERS, ...rows], zone);
  const gas = createFakeGas({
    customFunctionDates: answer,
    now: `${plusDays(AS_OF, 3)}T12:00:00Z`,
    timeZone: SCRIPT_ZONE,
    user: OWNER,
    spreadsheet: {
      timeZone: zone,
      locale: 'en_US',
      sheets: log ? { 'AI usage log': input } : { Runs: input.slice(1) },
    },
  });
  const bundle = loadUptake(gas, BUILD_DIR);
  if (logSheet) {
    // The log chosen in Settings, then deleted.
    gas.addSheet(logSheet);
    bundle.saveSettings({ logSheet });
    gas.spreadsheet.deleteSheet(gas.sheet(logSheet) as unknown as GoogleAppsScript.Spreadsheet.Sheet);
  }
  const values = gas.sheetValues(log ? 'AI usage log' : 'Runs').slice(log ? 1 : 0);
  /** =USES_PER_WEEK(A2:A, B2:B, "Ana", <as_of cell>, 1), and the service calls it made. */
  const usesPerWeek = (asOfCell: unknown) => {
    gas.calls.reset();
    const result = bundle.$custom(
      'USES_PER_WEEK',
      values.map((r) => [r[0]]),
      values.map((r) => [r[1]]),
      'Ana',
      asOfCell,
      1,
    );
    return { result, calls: gas.calls.methods() };
  };
  return { gas, usesPerWeek };
}

/** The Date a date cell showing as_of (no time) holds in a sheet in `zone`. */
function asOfCell(zone: string): Date {
  const { gas } = sheet('sheet-zone', zone, [[D(AS_OF), 'Ana', 'Proposal', 'Used as-is', '', false, '']]);
  return gas.sheetValues('AI usage log')[1][0] as Date;
}

/** What USES_PER_WEEK read the spreadsheet's zone and locale with, before this change too. */
const DATE_OPTIONS_CALLS = {
  'Spreadsheet.getSpreadsheetLocale': 1,
  'Spreadsheet.getSpreadsheetTimeZone': 1,
  'SpreadsheetApp.getActiveSpreadsheet': 1,
};

/**
 * Date-times on a spreadsheet whose one sheet is the log: the script's zone, then the log found
 * as the add-on finds it (Settings, the sheets, the first 30 rows of each until one has the log's
 * headers; the log's first dates are in those rows), read-only calls all.
 */
const CALIBRATION_CALLS = {
  ...DATE_OPTIONS_CALLS,
  'Session.getScriptTimeZone': 1,
  'SpreadsheetApp.getActiveSpreadsheet': 2,
  'PropertiesService.getDocumentProperties': 1,
  'Properties.getProperty': 1,
  'Spreadsheet.getSheets': 1,
  'Sheet.getName': 1,
  'Sheet.getLastRow': 1,
  'Sheet.getLastColumn': 1,
  'Sheet.getRange': 1,
  'Range.getValues': 1,
};

// West of UTC a date cell read in UTC is the day before in the sheet; GMT+0530 shifts by minutes.
describe.each(['America/New_York', 'GMT-07:00', 'GMT+0530'])('sheet zone %s, script zone UTC', (zone) => {
  describe.each(ANSWERS)('%s', (answer) => {
    test('date cells without a time: the right count, told from the Dates alone', () => {
      const log = runs(undefined);
      const { usesPerWeek } = sheet(answer, zone, log);
      const cell = usesPerWeek(asOfCell(zone));
      expect(cell.result).toBe(expected(log));
      // Under 'sheet-zone' nothing is added; under 'script-zone' only the script's zone is asked.
      expect(cell.calls).toEqual(
        answer === 'sheet-zone' ? DATE_OPTIONS_CALLS : { ...DATE_OPTIONS_CALLS, 'Session.getScriptTimeZone': 1 },
      );
      // No as_of: the week to the latest date, two days after as_of.
      expect(usesPerWeek('').result).toBe(expected(log, plusDays(AS_OF, 2)));
    });

    test("date-times half an hour from midnight: the right count, calibrated on the log's first rows", () => {
      for (const time of ['00:30', '23:30']) {
        const log = runs(time);
        const { usesPerWeek } = sheet(answer, zone, log);
        const cell = usesPerWeek(asOfCell(zone));
        expect([time, cell.result]).toEqual([time, expected(log)]);
        expect(cell.calls['Session.getScriptTimeZone']).toBe(1);
      }
    });

    test('calibration costs the same whatever the log length: its head is read once, never the log', () => {
      const short = sheet(answer, zone, runs('23:30')).usesPerWeek(asOfCell(zone));
      const long = sheet(answer, zone, runs('23:30', 1_200)).usesPerWeek(asOfCell(zone));
      expect(long.calls).toEqual(short.calls);
      expect(long.calls).toEqual(CALIBRATION_CALLS);
    });

    test("a log chosen in Settings that is gone, or no log at all: no error, the sheet's reading kept", () => {
      // Mid-day times: both readings give the same days, so the count is right under either answer.
      const noon = runs('12:00');
      expect(sheet(answer, zone, noon, { logSheet: 'Gone' }).usesPerWeek(asOfCell(zone)).result).toBe(expected(noon));
      expect(sheet(answer, zone, noon, { noLog: true }).usesPerWeek(asOfCell(zone)).result).toBe(expected(noon));
      // Half past midnight and nothing to calibrate from: the sheet's reading is kept, which is
      // right under 'sheet-zone' (a wrong guess would move every run); under 'script-zone' this
      // one case stays open (docs/first-deploy.md).
      if (answer === 'sheet-zone') {
        const early = runs('00:30');
        expect(sheet(answer, zone, early, { noLog: true }).usesPerWeek(asOfCell(zone)).result).toBe(expected(early));
      }
    });
  });
});
