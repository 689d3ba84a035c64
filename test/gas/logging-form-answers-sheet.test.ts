// A form's answers sheet is written by its form alone (rules §16), on the built bundle: when it is
// the only log, Log a run says where to log instead and set-up makes the team a log of its own.
import { FORM_HEADER, logRows, rosterRows } from '../support/sheets';
import { fakeWithBundle, logRunRequest, sampleTeam } from '../support/fake-bundle';
import { auditOf } from '../support/dashboard';

const ANSWERS = 'Form Responses 1';
const RUN = logRunRequest();

/** A roster and the logging form's answers sheet, renamed, with one answer: the only log. */
function formOnly() {
  const { roster } = sampleTeam();
  const fake = fakeWithBundle({ user: 'lead@example.com', spreadsheet: { sheets: { Roster: rosterRows(roster) } } });
  fake.bundle.createLoggingForm();
  const form = [...fake.gas.forms.forms.values()][0];
  fake.gas.forms.submit(form.getId(), { 'Team member': 'Ana', Workflow: 'Client proposal', Outcome: 'Light edit' });
  // Renamed, and its first header typed over: only the link says it is the form's.
  const sheet = fake.gas.spreadsheet.getSheetByName(ANSWERS)!;
  fake.gas.user.renameSheet(ANSWERS, 'Phone answers');
  sheet.getRange(1, 1).setValues([['Date']]);
  return { ...fake, form };
}

describe('a form’s answers sheet as the only log', () => {
  test('Log a run writes nothing there and says to use the form or set up a team log', () => {
    const { gas, bundle, form } = formOnly();
    const before = gas.sheetValues('Phone answers');
    expect(() => bundle.logRun(RUN)).toThrow(
      /"Phone answers", a form's answers sheet.*logging form \(https:.*"Set up log and roster"/s,
    );
    expect(gas.sheetValues('Phone answers')).toEqual(before);
    const page = bundle.getLogForm();
    expect(page.problem?.code).toBe('form-answers-only');
    expect(page.formUrl).toBe(form.getPublishedUrl());
  });

  test('a pasted copy of a form’s answers (Timestamp first, no link) is not written either', () => {
    const rows = [FORM_HEADER, [new Date('2026-03-14T10:00:00Z'), 'Ana', 'X', 'Used as-is', '', 'No', '']];
    const { gas, bundle } = fakeWithBundle({ user: 'lead@example.com', spreadsheet: { sheets: { Answers: rows } } });
    expect(() => bundle.logRun(RUN)).toThrow(/"Answers", a form's answers sheet/);
    expect(gas.sheetValues('Answers')).toHaveLength(2);
  });

  test('set-up makes a log of its own and leaves the answers sheet alone; Log a run then writes there', () => {
    const { gas, bundle } = formOnly();
    const answers = gas.spreadsheet.getSheetByName('Phone answers')!;
    const before = gas.sheetValues('Phone answers');
    bundle.setUpLogAndRoster();
    expect(gas.ui.dialogs[gas.ui.dialogs.length - 1].prompt).toMatch(
      /"Phone answers" is a form's answers sheet: Uptake left it as it is/,
    );
    expect(gas.sheetValues('Phone answers')).toEqual(before);
    expect(answers.getRange('D2').getDataValidation()).toBeNull();
    expect(gas.inspect.frozenRows('Phone answers')).toBe(0);
    const result = bundle.logRun(RUN);
    expect(result.message).toContain('"AI usage log"');
    expect(gas.sheetValues('Phone answers')).toEqual(before);
    // Both sheets are the log: the form's answer and the run just logged.
    expect(auditOf(bundle.getDashboard({})).team.runs).toBe(2);
  });
});

describe('a form made when Settings pin the log sheets', () => {
  test('its answers sheet joins the pinned list, and the creation message says so', () => {
    const { runs, roster } = sampleTeam();
    const { gas, bundle } = fakeWithBundle({
      user: 'lead@example.com',
      spreadsheet: { sheets: { Log: logRows(runs), Roster: rosterRows(roster) } },
    });
    bundle.saveSettings({ logSheet: 'Log', logSheets: ['Log'] });
    const before = auditOf(bundle.getDashboard({})).team.runs;
    bundle.createLoggingForm();
    expect(gas.ui.dialogs[gas.ui.dialogs.length - 1].prompt).toContain(
      `The log sheets are pinned in Settings: "${ANSWERS}" was added to them.`,
    );
    expect(bundle.getSettings().logSheets).toEqual(['Log', ANSWERS]);
    const form = [...gas.forms.forms.values()][0];
    gas.forms.submit(form.getId(), { 'Team member': 'Cleo', Workflow: 'Board memo', Outcome: 'Light edit' });
    expect(auditOf(bundle.getDashboard({})).team.runs).toBe(before + 1);
  });
});
