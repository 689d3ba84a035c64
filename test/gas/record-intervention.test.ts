// "Record an intervention" on the built bundle: the one row it appends, the sheet it creates the
// first time (headers, date format, dropdowns), and nothing else changed (rules §14).
import { d, logRows, rosterRows } from '../support/sheets';
import { INTERVENTION_TYPES } from '../../src/core/interventions/types';
import { snapshot } from '../support/snapshot';
import { fakeWithBundle, sampleTeam, TODAY } from '../support/fake-bundle';

const FOLLOW_UP = { date: '2026-03-11', member: 'ben', type: 'follow-up session', workflow: '', note: '15 minutes' };

/** The sample team; `openTeam` saves Settings with "open team" on, so interventions live in the team file (rules §19). */
function team(extraSheets: Record<string, unknown[][]> = {}, openTeam = false) {
  const { runs, roster } = sampleTeam();
  const made = fakeWithBundle({
    spreadsheet: { sheets: { Log: logRows(runs), Roster: rosterRows(roster), ...extraSheets } },
  });
  if (openTeam) made.bundle.saveSettings({ openTeam: true });
  return made;
}

/** With the team open (rules §19): the Interventions sheet is the team spreadsheet's. */
const openTeam = (extraSheets: Record<string, unknown[][]> = {}) => team(extraSheets, true);

describe('getInterventionForm', () => {
  test('today, the roster members, the six types and the workflows most run first', () => {
    const { bundle } = team();
    expect(bundle.getInterventionForm()).toEqual({
      today: TODAY,
      members: ['Ana', 'Ben', 'Cleo'],
      types: INTERVENTION_TYPES,
      workflows: ['Client proposal', 'Weekly update'],
      problem: null,
    });
  });
});

describe('recordIntervention', () => {
  test('with the team open, the first time: creates "Interventions" with headers, a date format and dropdowns, and appends row 2', () => {
    const { gas, bundle } = openTeam();
    const before = snapshot(gas, { sheets: ['Log', 'Roster'] });
    const result = bundle.recordIntervention(FOLLOW_UP);
    expect(result).toEqual({
      row: 2,
      sheet: 'Interventions',
      message: 'Recorded in row 2 of "Interventions": Follow-up session for Ben on Wed 11 Mar 2026.',
    });
    expect(gas.inspect.displayValues('Interventions')).toEqual([
      ['Date', 'Team member', 'Type', 'Workflow', 'Note'],
      ['2026-03-11', 'Ben', 'Follow-up session', '', '15 minutes'],
    ]);
    expect(gas.inspect.frozenRows('Interventions')).toBe(1);
    expect(gas.inspect.numberFormat('Interventions', 'A500')).toBe('yyyy-mm-dd');
    expect(gas.inspect.validation('Interventions', 'C2')?.values[0]).toEqual(INTERVENTION_TYPES);
    expect(gas.inspect.validation('Interventions', 'B900')?.values[0]).toBe('Roster!A2:A1000');
    expect(gas.inspect.validation('Interventions', 'D2')?.values[0]).toBe('Log!C2:C1000');
    // Nothing else changed: the log and the roster, cell for cell, format for format.
    expect(snapshot(gas, { sheets: ['Log', 'Roster'] })).toEqual(before);
    expect(gas.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Log', 'Roster', 'Interventions']);
  });

  test('then appends below, the whole team as a blank member, text kept as text; the dashboard reads them', () => {
    const { gas, bundle } = openTeam();
    bundle.recordIntervention(FOLLOW_UP);
    const result = bundle.recordIntervention({
      date: '2026-03-12',
      member: '',
      type: 'Peer advocacy moment',
      workflow: 'Client proposal',
      note: '=1+1',
    });
    expect(result.row).toBe(3);
    expect(result.message).toContain('Peer advocacy moment for the whole team');
    expect(gas.sheetValues('Interventions')[2].slice(1)).toEqual([
      '',
      'Peer advocacy moment',
      'Client proposal',
      '=1+1',
    ]);
    expect(gas.inspect.formulaCells()).toEqual([]);
    const data = bundle.getDashboard({});
    expect(
      data.interventions.interventions.map((i: { row: number; member: string | null }) => [i.row, i.member]),
    ).toEqual([
      [2, 'Ben'],
      [3, null],
    ]);
    expect(data.timeline.find((r) => r.member === 'Ben')?.followUpHeld).toBe('2026-03-11');
  });

  test('a sheet of the team’s own, found by its headers: its column order kept, its other columns untouched', () => {
    const { gas, bundle } = openTeam({
      Actions: [
        ['Note', 'Owner', 'Team member', 'Date', 'Type'],
        ['typed by hand', 'Maya', 'Ana', d('2026-03-01'), 'Context pack fix'],
      ],
    });
    expect(bundle.recordIntervention(FOLLOW_UP)).toMatchObject({ row: 3, sheet: 'Actions' });
    expect(gas.inspect.displayValues('Actions')[2]).toEqual([
      '15 minutes',
      '',
      'Ben',
      '2026-03-11',
      'Follow-up session',
    ]);
    expect(gas.spreadsheet.getSheetByName('Interventions')).toBeNull();
  });

  test('appends after the last row with an intervention, past a tail of rows that only other columns fill', () => {
    // 300 free rows at the end: more than one chunk of lastUsedRow's read from the bottom.
    const rows = [
      ['Date', 'Team member', 'Type', 'Workflow', 'Note', 'Checked'],
      ...Array.from({ length: 450 }, () => [d('2026-03-01'), 'Ana', 'Other', '', '', true]),
      ...Array.from({ length: 300 }, () => ['', '', '', '', '', false]),
    ];
    const { gas, bundle } = openTeam({ Interventions: rows });
    expect(bundle.recordIntervention(FOLLOW_UP).row).toBe(452);
    const values = gas.inspect.displayValues('Interventions');
    expect(values[451].slice(0, 5)).toEqual(['2026-03-11', 'Ben', 'Follow-up session', '', '15 minutes']);
    expect(values[450][1]).toBe('Ana');
    expect(values.length).toBe(751);
  });

  test('grows the sheet past its 1,000 rows instead of writing outside it', () => {
    const full = [
      ['Date', 'Team member', 'Type', 'Workflow', 'Note'],
      ...Array.from({ length: 999 }, () => [d('2026-03-01'), 'Ana', 'Other', '', '']),
    ];
    const { gas, bundle } = openTeam({ Interventions: full });
    const sheet = gas.spreadsheet.getSheetByName('Interventions')!;
    expect(sheet.getMaxRows()).toBe(1000);
    expect(bundle.recordIntervention(FOLLOW_UP).row).toBe(1001);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(gas.inspect.displayValues('Interventions')[1000][1]).toBe('Ben');
  });

  test.each([
    [{ ...FOLLOW_UP, date: '' }, 'Enter the date of the intervention.'],
    [{ ...FOLLOW_UP, date: '11/03/2026' }, 'The date "11/03/2026" is not a date: use YYYY-MM-DD.'],
    [
      { ...FOLLOW_UP, date: '2026-03-16' },
      /in the future: record an intervention once it has happened \(today is 2026-03-15\)/,
    ],
    [
      { ...FOLLOW_UP, member: 'Zed' },
      '"Zed" is neither on the roster nor in the log: choose a team member, or the whole team.',
    ],
    [{ ...FOLLOW_UP, type: 'Lunch' }, /^Choose the type: Follow-up session, /],
    [{ ...FOLLOW_UP, note: 5 }, 'Note must be text.'],
    [
      'nothing',
      'The intervention must be a set of fields, but the page sent a text. Reload the sidebar and try again.',
    ],
  ])('%j is refused with a message, and nothing is written', (request, message) => {
    const { gas, bundle } = team();
    expect(() => bundle.$run('recordIntervention', [request])).toThrow(message);
    expect(gas.spreadsheet.getSheetByName('Interventions')).toBeNull();
  });

  test('writes under the document lock; when someone else holds it, says so and writes nothing', () => {
    const { gas, bundle } = team();
    bundle.recordIntervention(FOLLOW_UP);
    expect(gas.locks.acquisitions.get(gas.locks.key('document'))).toBe(1);
    expect(gas.calls.sequence.filter((c) => /Lock\.(waitLock|releaseLock)/.test(c))).toEqual([
      'Lock.waitLock',
      'Lock.releaseLock',
    ]);
    const busy = team();
    busy.gas.locks.holdElsewhere('document');
    expect(() => busy.bundle.recordIntervention(FOLLOW_UP)).toThrow(
      'Someone else is writing to the spreadsheet right now. Nothing was written: try again in a few seconds.',
    );
    expect(busy.gas.spreadsheet.getSheetByName('Interventions')).toBeNull();
  });
});

// Rules §19: with the team closed (the default), notes about named people are the owner's.
describe('with the team closed, the interventions live in the owner’s own spreadsheet', () => {
  const OWNER = 'user@example.com';

  test('the first one creates "Interventions" there (list dropdowns), nothing in the team spreadsheet; every reader finds it', () => {
    const { gas, bundle } = team();
    const sheetsBefore = gas.spreadsheet.getSheets().map((s) => s.getName());
    const result = bundle.recordIntervention(FOLLOW_UP);
    const [own] = gas.spreadsheetsOf(OWNER);
    expect(own).toBeDefined();
    expect(result).toEqual({
      row: 2,
      sheet: 'Interventions',
      message: `Recorded in row 2 of "Interventions" of your own spreadsheet "${own.getName()}", which only you can open: Follow-up session for Ben on Wed 11 Mar 2026.`,
    });
    expect(gas.spreadsheet.getSheets().map((s) => s.getName())).toEqual(sheetsBefore);
    expect(gas.inspect.displayValues('Interventions', own)).toEqual([
      ['Date', 'Team member', 'Type', 'Workflow', 'Note'],
      ['2026-03-11', 'Ben', 'Follow-up session', '', '15 minutes'],
    ]);
    // A rule's range must be in its own spreadsheet: the roster's names and the log's workflows as lists.
    expect(gas.inspect.validation('Interventions', 'B2', own)?.values[0]).toEqual(['Ana', 'Ben', 'Cleo']);
    expect(gas.inspect.validation('Interventions', 'D2', own)?.values[0]).toEqual(['Client proposal', 'Weekly update']);
    expect(own.getSpreadsheetTimeZone()).toBe(gas.spreadsheet.getSpreadsheetTimeZone());
    // The dashboard, the timeline and the audit sheet read it there.
    const data = bundle.getDashboard({});
    expect(data.interventions.interventions.map((i) => i.member)).toEqual(['Ben']);
    expect(data.oldInterventionsTab).toBeNull();
    expect(data.timeline.find((r) => r.member === 'Ben')?.followUpHeld).toBe('2026-03-11');
    bundle.runAuditToSheet();
    expect(gas.sheetValues('Adoption audit', own).some((row) => String(row[0]).startsWith('Interventions'))).toBe(true);
    // The digest (the daily run's, under the owner's account) reads it there too.
    expect(bundle.previewDigest().text).toContain('Interventions and the change after them');
  });

  test('an earlier version’s tab in the team spreadsheet is read, offered for moving, and a new note is refused until then', () => {
    const old = [
      ['Date', 'Team member', 'Type', 'Workflow', 'Note', 'Follow-up by'],
      [d('2026-03-02'), 'Ana', 'Context pack fix', '', '=HYPERLINK("x")', 'Maya'],
    ];
    const { gas, bundle } = team({ Interventions: old });
    const data = bundle.getDashboard({});
    expect(data.oldInterventionsTab).toBe('Interventions');
    expect(data.interventions.interventions.map((i) => i.member)).toEqual(['Ana']);
    const before = JSON.stringify(gas.sheetValues('Interventions'));
    expect(() => bundle.recordIntervention(FOLLOW_UP)).toThrow(
      /keeps the interventions in this spreadsheet's "Interventions" tab, which every editor can read\. Move them/,
    );
    expect(JSON.stringify(gas.sheetValues('Interventions'))).toBe(before);
    expect(gas.spreadsheetsOf(OWNER)).toEqual([]);
  });

  test('moving it copies every cell as it shows (as text, never a formula), then removes the tab; the dashboard reads the copy', () => {
    const old = [
      ['Date', 'Team member', 'Type', 'Workflow', 'Note', 'Follow-up by'],
      [d('2026-03-02'), 'Ana', 'Context pack fix', '', '=HYPERLINK("x")', 'Maya'],
      [d('2026-03-09'), 'Ben', 'Follow-up session', 'Weekly update', '', ''],
    ];
    const { gas, bundle } = team({ Interventions: old });
    const display = gas.inspect.displayValues('Interventions');
    expect(bundle.moveOldInterventions()).toMatch(
      /^Moved the "Interventions" tab \(3 rows\) to your own spreadsheet "Uptake audit: .*", which only you can open, and removed it from this one\.$/,
    );
    const [own] = gas.spreadsheetsOf(OWNER);
    expect(gas.spreadsheet.getSheetByName('Interventions')).toBeNull();
    expect(gas.inspect.displayValues('Interventions', own)).toEqual(display);
    // A formula typed in the old tab is copied as the value it showed, as text: never a formula.
    const note = own.getSheetByName('Interventions')!.getRange('E2');
    expect(note.getValues()[0][0]).toBe(display[1][4]);
    expect(gas.inspect.formulas('Interventions', 'E2', own)).toEqual([['']]);
    expect(gas.inspect.numberFormat('Interventions', 'E2', own)).toBe('@');
    const data = bundle.getDashboard({});
    expect(data.oldInterventionsTab).toBeNull();
    expect(data.interventions.interventions.map((i) => i.member)).toEqual(['Ana', 'Ben']);
    // New notes now go there too.
    expect(bundle.recordIntervention(FOLLOW_UP).row).toBe(4);
    expect(bundle.moveOldInterventions()).toBe('There is no interventions tab in this spreadsheet any more.');
  });

  test('Run audit to sheet asks before moving; "No" leaves the tab where it is', () => {
    const old = [
      ['Date', 'Team member', 'Type'],
      [d('2026-03-02'), 'Ana', 'Context pack fix'],
    ];
    const { gas, bundle } = team({ Interventions: old });
    for (const button of ['OK', 'NO'] as const) gas.ui.queueResponse(button);
    bundle.runAuditToSheet();
    expect(gas.ui.dialogs.map((dialog) => dialog.title)).toContain('Move the interventions?');
    expect(gas.spreadsheet.getSheetByName('Interventions')).not.toBeNull();
    for (const button of ['OK', 'YES', 'OK'] as const) gas.ui.queueResponse(button);
    bundle.runAuditToSheet();
    expect(gas.ui.dialogs.at(-1)?.prompt).toMatch(/^Moved the "Interventions" tab \(2 rows\)/);
    expect(gas.spreadsheet.getSheetByName('Interventions')).toBeNull();
  });
});
