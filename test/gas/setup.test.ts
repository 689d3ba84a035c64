// "Set up log and roster" on the built bundle: creates what is missing, asks before touching a log.
import { EDIT_TYPE_CHOICES, LOG_HEADERS, OUTCOME_CHOICES } from '../../src/core/sheets/log';
import { ROSTER_HEADERS } from '../../src/core/sheets/roster';
import { d, logRows, rosterRows } from '../support/sheets';
import { snapshot } from '../support/snapshot';
import { fakeWithBundle, sampleTeam, TODAY } from '../support/fake-bundle';

type Gas = ReturnType<typeof fakeWithBundle>['gas'];

function lastAlert(gas: Gas) {
  return gas.ui.dialogs[gas.ui.dialogs.length - 1];
}

describe('on an empty spreadsheet', () => {
  const { gas, bundle } = fakeWithBundle();
  bundle.setUpLogAndRoster();

  test('creates the log with its headers, a frozen header row and dropdowns', () => {
    const log = gas.sheet('AI usage log');
    expect(gas.sheetValues('AI usage log')).toEqual([LOG_HEADERS]);
    expect(gas.inspect.frozenRows('AI usage log')).toBe(1);
    const maxRow = log.getMaxRows();
    for (const row of [2, maxRow]) {
      expect(gas.inspect.validation('AI usage log', `D${row}`)).toMatchObject({
        criteria: 'VALUE_IN_LIST',
        values: [OUTCOME_CHOICES, true],
        allowInvalid: false,
      });
      expect(gas.inspect.validation('AI usage log', `E${row}`)).toMatchObject({
        criteria: 'VALUE_IN_LIST',
        values: [EDIT_TYPE_CHOICES, true],
        allowInvalid: true,
      });
      expect(gas.inspect.validation('AI usage log', `F${row}`)).toMatchObject({ criteria: 'CHECKBOX' });
    }
    expect(gas.inspect.validation('AI usage log', 'D1')).toBeNull();
    expect(gas.inspect.validation('AI usage log', 'E2')?.helpText).toContain('tone, format');
    expect(gas.inspect.numberFormat('AI usage log', 'A2')).toBe('yyyy-mm-dd');
    expect(gas.inspect.numberFormat('AI usage log', 'C2')).toBe('@');
  });

  test('creates the roster with its headers, a frozen row, dropdowns and a date column', () => {
    expect(gas.sheetValues('Roster')).toEqual([ROSTER_HEADERS]);
    expect(gas.inspect.frozenRows('Roster')).toBe(1);
    expect(gas.inspect.validation('Roster', 'G2')).toMatchObject({
      criteria: 'VALUE_IN_LIST',
      values: [['Principled resistance', 'No suitable anchor workflow'], true],
      allowInvalid: false,
    });
    expect(gas.inspect.validation('Roster', 'H2')).toMatchObject({
      criteria: 'VALUE_IN_LIST',
      values: [['yes', 'no'], true],
    });
    expect(gas.inspect.validation('Roster', 'D2')).toMatchObject({ criteria: 'DATE_IS_VALID_DATE' });
    expect(gas.inspect.numberFormat('Roster', 'D2')).toBe('yyyy-mm-dd');
  });

  test('says what it did, without asking anything', () => {
    expect(gas.ui.dialogs).toHaveLength(1);
    expect(lastAlert(gas).buttons).toBe('OK');
    expect(lastAlert(gas).prompt).toContain('Created the log "AI usage log"');
    expect(lastAlert(gas).prompt).toContain('Created the roster "Roster"');
  });

  test('the new log is found by the dashboard and takes a logged run', () => {
    expect(bundle.getDashboard({}).problem).toBeNull();
    const result = bundle.logRun({
      date: TODAY,
      member: 'Ana',
      workflow: 'Proposal',
      outcome: 'used',
      editTypes: [],
      prompted: false,
      notes: '',
    });
    expect(result.row).toBe(2);
    expect(gas.inspect.displayValues('AI usage log')[1]).toEqual([
      TODAY,
      'Ana',
      'Proposal',
      'Used as-is',
      '',
      'FALSE',
      '',
    ]);
  });

  test('a second run finds everything in place and changes nothing', () => {
    const before = snapshot(gas, { sheets: ['AI usage log', 'Roster'] });
    const sheets = gas.spreadsheet._sheets.length;
    bundle.setUpLogAndRoster();
    expect(gas.spreadsheet._sheets.length).toBe(sheets);
    expect(snapshot(gas, { sheets: ['AI usage log', 'Roster'] })).toEqual(before);
    expect(lastAlert(gas).prompt).toContain('already set up');
  });
});

describe('on an existing log without dropdowns', () => {
  const team = sampleTeam();
  // A title row above the header, a text "Prompted" column, and an outcome outside the list.
  const rows = [
    ['Team AI log', '', '', '', '', '', ''],
    ...logRows(team.runs).map((row, i) => (i === 0 ? row : [...row.slice(0, 5), i % 2 ? 'yes' : '', row[6]])),
    [d(TODAY), 'Ana', 'Proposal', 'accepted', '', '', '=1+1'],
  ];
  const setup = () => {
    const fake = fakeWithBundle({
      spreadsheet: { sheets: { 'Team log': rows, Roster: rosterRows(team.roster) } },
    });
    return { ...fake, before: snapshot(fake.gas, { sheets: ['Team log'], validations: false }) };
  };

  test('asks first; on yes adds dropdowns from the row after the header down, changing no value', () => {
    const { gas, bundle, before } = setup();
    gas.ui.queueResponse('YES');
    bundle.setUpLogAndRoster();
    const [question, report] = gas.ui.dialogs;
    expect(question.buttons).toBe('YES_NO');
    expect(question.prompt).toContain('Outcome, Edit type, Prompted');
    expect(question.prompt).toContain('from row 3 down');
    expect(question.prompt).toContain('1 existing cell outside the lists will only be flagged');
    expect(report.prompt).toContain('Added dropdowns to the log "Team log"');

    const maxRow = gas.sheet('Team log').getMaxRows();
    for (const row of [3, maxRow]) {
      expect(gas.inspect.validation('Team log', `D${row}`)?.criteria).toBe('VALUE_IN_LIST');
      expect(gas.inspect.validation('Team log', `E${row}`)?.criteria).toBe('VALUE_IN_LIST');
      // The team writes "yes" in Prompted: a checkbox would flag every such cell.
      expect(gas.inspect.validation('Team log', `F${row}`)).toMatchObject({
        criteria: 'VALUE_IN_LIST',
        values: [['yes', 'no'], true],
        allowInvalid: true,
      });
    }
    expect(gas.inspect.validation('Team log', 'D2')).toBeNull();
    expect(snapshot(gas, { sheets: ['Team log'], validations: false })).toEqual(before);
  });

  test('on no changes nothing at all', () => {
    const { gas, bundle, before } = setup();
    const sheetNames = gas.spreadsheet._sheets.map((s) => s._name);
    gas.ui.queueResponse('NO');
    bundle.setUpLogAndRoster();
    expect(gas.ui.dialogs[0].buttons).toBe('YES_NO');
    expect(snapshot(gas, { sheets: ['Team log'], validations: false })).toEqual(before);
    expect(gas.inspect.validation('Team log', 'D3')).toBeNull();
    expect(gas.spreadsheet._sheets.map((s) => s._name)).toEqual(sheetNames);
    expect(lastAlert(gas).prompt).toContain('Left the log "Team log" as it was');
  });

  test('a log whose Prompted column holds only checkboxes gets a checkbox rule', () => {
    const { gas, bundle } = fakeWithBundle({ spreadsheet: { sheets: { Log: logRows(team.runs) } } });
    gas.ui.queueResponse('YES');
    bundle.setUpLogAndRoster();
    expect(gas.inspect.validation('Log', 'F2')?.criteria).toBe('CHECKBOX');
    expect(gas.inspect.validation('Log', 'D2')?.allowInvalid).toBe(false);
  });
});
