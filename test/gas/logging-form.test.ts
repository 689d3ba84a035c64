// "Create logging form" (rules §16) on the built bundle, with FormApp in the in-memory Apps Script:
// the form, its answers read as part of the log, a second run, a deleted form, and the owner.
import { FORM_HEADER, logRows, rosterRows } from '../support/sheets';
import { timeDrivenEvent } from '../../packages/fake-apps-script';
import { fakeWithBundle, sampleTeam } from '../support/fake-bundle';
import { auditOf } from '../support/dashboard';

const ANSWERS = 'Form Responses 1';

function team() {
  const { runs, roster } = sampleTeam();
  return fakeWithBundle({
    user: 'lead@example.com',
    spreadsheet: { sheets: { Log: logRows(runs), Roster: rosterRows(roster) } },
  });
}

function lastAlert(gas: ReturnType<typeof team>['gas']) {
  return gas.ui.dialogs[gas.ui.dialogs.length - 1];
}

function onlyForm(gas: ReturnType<typeof team>['gas']) {
  const forms = [...gas.forms.forms.values()];
  expect(forms).toHaveLength(1);
  return forms[0];
}

describe('Create logging form', () => {
  test('makes one published form linked to this spreadsheet, with the log’s questions', () => {
    const { gas, bundle } = team();
    const before = { log: gas.sheetValues('Log'), roster: gas.sheetValues('Roster') };
    bundle.createLoggingForm();
    const form = onlyForm(gas);
    expect(form.isPublished()).toBe(true);
    expect(form.getDestinationId()).toBe(gas.spreadsheet.getId());
    expect(form._items.map((item) => [item.title, item._kind, item.required])).toEqual([
      ['Team member', 'LIST', true],
      ['Workflow', 'LIST', true],
      ['Outcome', 'MULTIPLE_CHOICE', true],
      ['Edit types', 'CHECKBOX', false],
      ['Prompted', 'MULTIPLE_CHOICE', false],
      ['Notes', 'PARAGRAPH_TEXT', false],
    ]);
    // The roster's names; the roster's anchor workflows, then the log's most used, then Other.
    expect(form._items[0].choices).toEqual(['Ana', 'Ben', 'Cleo']);
    expect(form._items[1].choices).toEqual(['Client proposal', 'Weekly update', 'Board memo', 'Other']);
    expect(gas.sheetValues(ANSWERS)[0]).toEqual(FORM_HEADER);
    expect(lastAlert(gas).prompt).toContain(form.getPublishedUrl());
    // Nothing of the team's own sheets changed.
    expect({ log: gas.sheetValues('Log'), roster: gas.sheetValues('Roster') }).toEqual(before);
  });

  test('answers submitted to the form are read as part of the log, and Log a run still appends to the team’s log', () => {
    const { gas, bundle } = team();
    const runsBefore = auditOf(bundle.getDashboard({})).team.runs;
    bundle.createLoggingForm();
    const form = onlyForm(gas);
    gas.forms.submit(form.getId(), {
      'Team member': 'Cleo',
      Workflow: 'Board memo',
      Outcome: 'Light edit',
      'Edit types': ['tone', 'format'],
      Prompted: 'No',
    });
    const data = bundle.getDashboard({});
    expect(auditOf(data).team.runs).toBe(runsBefore + 1);
    const cleo = auditOf(data).members.find((m) => m.member === 'Cleo');
    expect(cleo?.runs).toBe(1);
    expect(data.logSheet).toBe('Log');
    expect(gas.sheetValues(ANSWERS)).toHaveLength(2);
    expect(String(gas.sheetValues(ANSWERS)[1][4])).toBe('tone, format');
  });

  test('run again: offers to update the dropdowns of the same form instead of making a second', () => {
    const { gas, bundle } = team();
    bundle.createLoggingForm();
    gas.user.appendRow('Roster', ['Dara', 'dara@example.com', '', '', 'Invoices', '', '', '', '']);
    gas.ui.queueResponse('YES');
    bundle.createLoggingForm();
    const form = onlyForm(gas);
    expect(form._items[0].choices).toEqual(['Ana', 'Ben', 'Cleo', 'Dara']);
    expect(form._items[1].choices).toContain('Invoices');
    expect(gas.sheetValues(ANSWERS)).toHaveLength(1);
    gas.ui.queueResponse('NO');
    bundle.createLoggingForm();
    expect(lastAlert(gas).prompt).toBe('Nothing changed.');
  });

  test('a deleted form is reported, and made again only when the owner says so', () => {
    const { gas, bundle } = team();
    bundle.createLoggingForm();
    gas.forms.delete(onlyForm(gas).getId());
    gas.ui.queueResponse('NO');
    bundle.createLoggingForm();
    expect(gas.ui.dialogs.at(-2)!.prompt).toContain('was deleted or can no longer be opened');
    expect(lastAlert(gas).prompt).toBe('No new form was made.');
    expect([...gas.forms.forms.values()].filter((f) => !f._deleted)).toHaveLength(0);
    gas.ui.queueResponse('YES');
    bundle.createLoggingForm();
    expect([...gas.forms.forms.values()].filter((f) => !f._deleted)).toHaveLength(1);
    // The second answers sheet is a sheet of its own; the first stays as it was.
    expect(gas.sheetValues('Form Responses 2')[0][0]).toBe('Timestamp');
  });

  test('the daily run keeps the dropdowns in step with the roster, opening the form once, and reports a deleted form', () => {
    const { gas, bundle } = team();
    bundle.createLoggingForm();
    bundle.$runFromClient('setAutomation', true);
    const form = onlyForm(gas);
    // runDaily works only when called by the running user's daily trigger (automation.ts).
    const byTrigger = timeDrivenEvent(gas.triggers.clock()[0], gas.clock.now());
    gas.user.appendRow('Roster', ['Dara', 'dara@example.com', '', '', 'Invoices', '', '', '', '']);
    gas.calls.reset();
    bundle.runDaily(byTrigger);
    expect(gas.calls.count('FormApp.openById')).toBe(1);
    expect(gas.calls.count('Item.setChoiceValues')).toBe(2);
    expect(form._items[0].choices).toEqual(['Ana', 'Ben', 'Cleo', 'Dara']);
    expect(form._items[1].choices).toContain('Invoices');
    const status = () => bundle.$runFromClient('getAutomationStatus');
    expect(status().lastRunReport).toContain("Updated the logging form's dropdowns: 4 team members, 5 workflows.");
    // Nothing changed in the roster: nothing is written to the form.
    gas.calls.reset();
    bundle.runDaily(byTrigger);
    expect(gas.calls.count('Item.setChoiceValues')).toBe(0);
    expect(status().lastRunReport.join(' ')).not.toContain('logging form');
    gas.forms.delete(form.getId());
    bundle.runDaily(byTrigger);
    expect(status().lastRunReport).toContain(
      'The logging form cannot be opened by lead@example.com (deleted, or lead@example.com is not one of its editors), so its dropdowns were not updated: see Check set-up.',
    );
    expect(gas.forms.forms.size).toBe(1);
  });

  test('only the owner named in Settings may create the form', () => {
    const { gas, bundle } = team();
    bundle.saveSettings({ ownerEmail: 'owner@example.com', handOver: true });
    bundle.createLoggingForm();
    expect(gas.ui.dialogs.at(-1)?.prompt).toMatch(
      /^Only the owner of Uptake for this spreadsheet \(owner@example.com\)/,
    );
    expect(gas.forms.forms.size).toBe(0);
  });
});
