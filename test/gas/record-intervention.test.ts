// "Record an intervention" on the built bundle: the one row it appends, the sheet it creates the
// first time (headers, date format, dropdowns), and nothing else changed (rules §14).
import { d } from '../core/fixtures';
import { fakeWithBundle, logSheetRows, rosterSheetRows, sampleTeam, TODAY } from './support';

const FOLLOW_UP = { date: '2026-03-11', member: 'ben', type: 'follow-up session', workflow: '', note: '15 minutes' };

function team(extraSheets: Record<string, unknown[][]> = {}) {
  const { runs, roster } = sampleTeam();
  return fakeWithBundle({
    spreadsheet: { sheets: { Log: logSheetRows(runs), Roster: rosterSheetRows(roster), ...extraSheets } },
  });
}

type Gas = ReturnType<typeof team>['gas'];

/** Values and number formats of a whole sheet, to compare before and after. */
function snapshot(gas: Gas, name: string) {
  const sheet = gas.spreadsheet.getSheetByName(name)!;
  const range = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
  return { values: range.getValues(), formats: range.getNumberFormats(), validations: range.getDataValidations() };
}

/** The types the form offers and the Type column's dropdown lists, in the sidebar's order. */
const SIX_TYPES = [
  'Follow-up session',
  'Anchor-workflow session',
  'Context pack fix',
  'Peer advocacy moment',
  'Second training session',
  'Other',
];

describe('getInterventionForm', () => {
  test('today, the roster members, the six types and the workflows most run first', () => {
    const { bundle } = team();
    expect(bundle.getInterventionForm()).toEqual({
      today: TODAY,
      members: ['Ana', 'Ben', 'Cleo'],
      types: SIX_TYPES,
      workflows: ['Client proposal', 'Weekly update'],
      problem: null,
    });
  });
});

describe('recordIntervention', () => {
  test('the first time: creates "Interventions" with headers, a date format and dropdowns, and appends row 2', () => {
    const { gas, bundle } = team();
    const before = { log: snapshot(gas, 'Log'), roster: snapshot(gas, 'Roster') };
    const result = bundle.recordIntervention(FOLLOW_UP);
    expect(result).toEqual({
      row: 2,
      sheet: 'Interventions',
      message: 'Recorded in row 2 of "Interventions": Follow-up session for Ben on Wed 11 Mar 2026.',
    });
    const sheet = gas.spreadsheet.getSheetByName('Interventions')!;
    expect(gas.sheetDisplayValues('Interventions')).toEqual([
      ['Date', 'Team member', 'Type', 'Workflow', 'Note'],
      ['2026-03-11', 'Ben', 'Follow-up session', '', '15 minutes'],
    ]);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getRange('A500').getNumberFormat()).toBe('yyyy-mm-dd');
    const type = sheet.getRange('C2').getDataValidation()!;
    expect(type.getCriteriaValues()[0]).toEqual(SIX_TYPES);
    const member = sheet.getRange('B900').getDataValidation()!.getCriteriaValues()[0] as {
      getSheet(): { getName(): string };
      getA1Notation(): string;
    };
    expect([member.getSheet().getName(), member.getA1Notation()]).toEqual(['Roster', 'A2:A1000']);
    const workflow = sheet.getRange('D2').getDataValidation()!.getCriteriaValues()[0] as typeof member;
    expect([workflow.getSheet().getName(), workflow.getA1Notation()]).toEqual(['Log', 'C2:C1000']);
    // Nothing else changed: the log and the roster, cell for cell, format for format.
    expect({ log: snapshot(gas, 'Log'), roster: snapshot(gas, 'Roster') }).toEqual(before);
    expect(gas.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Log', 'Roster', 'Interventions']);
  });

  test('then appends below, the whole team as a blank member, text kept as text; the dashboard reads them', () => {
    const { gas, bundle } = team();
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
    expect(gas.formulaCells()).toEqual([]);
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
    const { gas, bundle } = team({
      Actions: [
        ['Note', 'Owner', 'Team member', 'Date', 'Type'],
        ['typed by hand', 'Maya', 'Ana', d('2026-03-01'), 'Context pack fix'],
      ],
    });
    expect(bundle.recordIntervention(FOLLOW_UP)).toMatchObject({ row: 3, sheet: 'Actions' });
    expect(gas.sheetDisplayValues('Actions')[2]).toEqual(['15 minutes', '', 'Ben', '2026-03-11', 'Follow-up session']);
    expect(gas.spreadsheet.getSheetByName('Interventions')).toBeNull();
  });

  test('grows the sheet past its 1,000 rows instead of writing outside it', () => {
    const full = [
      ['Date', 'Team member', 'Type', 'Workflow', 'Note'],
      ...Array.from({ length: 999 }, () => [d('2026-03-01'), 'Ana', 'Other', '', '']),
    ];
    const { gas, bundle } = team({ Interventions: full });
    const sheet = gas.spreadsheet.getSheetByName('Interventions')!;
    expect(sheet.getMaxRows()).toBe(1000);
    expect(bundle.recordIntervention(FOLLOW_UP).row).toBe(1001);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(gas.sheetDisplayValues('Interventions')[1000][1]).toBe('Ben');
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
