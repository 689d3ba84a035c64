// What the owner is told when the spreadsheet's set-up stops Uptake, from the facts src/gas finds.
import { HeaderNotFoundError } from '../../src/core/sheets/header';
import { setupErrorMessage } from '../../src/core/sheets/setup-errors';

const header = new HeaderNotFoundError('no header row with Workflow and Outcome in the first 30 rows.', [], []);

describe('setupErrorMessage', () => {
  test('no log', () => {
    expect(setupErrorMessage({ code: 'no-log' })).toBe(
      'Uptake found no log: no sheet has the headers Date, Team member, Workflow and Outcome in its first 30 rows. ' +
        'Use "Set up log and roster" to create one, or choose your log sheet in Settings.',
    );
  });

  test('a sheet chosen in Settings is gone', () => {
    expect(setupErrorMessage({ code: 'log-missing', sheet: 'Runs' })).toBe(
      'The log sheet "Runs" chosen in Settings no longer exists. Choose the log sheet again in Settings.',
    );
    expect(setupErrorMessage({ code: 'roster-missing', sheet: 'Team' })).toBe(
      'The roster sheet "Team" chosen in Settings no longer exists. Choose it again in Settings.',
    );
  });

  test('a header that cannot be read names its sheet; the nearest sheet to a log says it may not be the log', () => {
    expect(setupErrorMessage({ code: 'log-header', sheet: 'Runs', header })).toBe(
      'Log sheet "Runs": no header row with Workflow and Outcome in the first 30 rows.',
    );
    expect(setupErrorMessage({ code: 'log-header', sheet: 'Runs', header, nearest: true })).toBe(
      'Log sheet "Runs": no header row with Workflow and Outcome in the first 30 rows. ' +
        'If this sheet is not your log, choose your log sheet in Settings.',
    );
    expect(setupErrorMessage({ code: 'roster-header', sheet: 'Team', header: { message: 'no Name column.' } })).toBe(
      'Roster sheet "Team": no Name column.',
    );
  });

  test("the only log is a form's answers: the logging form when there is one", () => {
    const head =
      'The only log in this spreadsheet is "Form Responses 1", a form\'s answers sheet, which only its form writes. ';
    const tail = ' "Set up log and roster" to make a team log sheet, where Log a run writes.';
    const form = 'https://docs.google.com/forms/d/e/abc/viewform';
    expect(setupErrorMessage({ code: 'form-answers-only', sheet: 'Form Responses 1', formUrl: form })).toBe(
      `${head}Log the run with the logging form (${form}), or use${tail}`,
    );
    expect(setupErrorMessage({ code: 'form-answers-only', sheet: 'Form Responses 1', formUrl: null })).toBe(
      `${head}Log the run with that form, or use${tail}`,
    );
  });
});
