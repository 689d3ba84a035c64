// "Check set-up" on the built bundle: the menu item, the panel's lines from what Apps Script says,
// and nothing changed by checking.
import type { FakeGasOptions } from '../../packages/fake-apps-script';
import { FORM_HEADER_WITH_EMAIL, logRows, rosterRows } from '../support/sheets';
import { snapshot } from '../support/snapshot';
import { AuthMode } from '../../packages/fake-apps-script';
import { fakeWithBundle, sampleTeam, teamSheet } from '../support/fake-bundle';

/** The sample team, opened by its lead in London. */
function leadsTeam(options: FakeGasOptions = {}) {
  return teamSheet({ ...options, user: 'lead@example.com', spreadsheet: { timeZone: 'Europe/London' } });
}

/** Everything checking could change: every sheet, the properties (the lead's too), the triggers, mail and forms. */
const snapshotAll = (gas: ReturnType<typeof fakeWithBundle>['gas']) =>
  snapshot(gas, { services: true, users: ['lead@example.com'] });

describe('Check set-up', () => {
  test('the menu has the item, and it opens the sidebar on the check', () => {
    const { gas, bundle } = leadsTeam();
    bundle.onOpen({ authMode: AuthMode.FULL });
    bundle.showSetupCheck();
    // The page asks for its user's menu: the owner's, Check set-up in it, replaces the opening one.
    bundle.refreshMenu();
    expect(gas.ui.menuItems().map((item) => item.functionName)).toContain('showSetupCheck');
    const shown = gas.ui.lastShown();
    expect(shown).toMatchObject({ kind: 'sidebar' });
    expect(shown!.content).toContain('window.UPTAKE_VIEW="setup-check"');
  });

  test('lists one line per check from what Apps Script says, and changes no sheet, property or trigger', () => {
    const { gas, bundle } = leadsTeam();
    bundle.$runFromClient('setAutomation', true);
    const before = snapshotAll(gas);
    const lines = bundle.$runFromClient('getSetupCheck');
    expect(snapshotAll(gas)).toBe(before);
    const lineOf = Object.fromEntries(lines.map((l) => [l.id, l]));
    expect(lines).toHaveLength(15);
    // A team this version first meets: the owner approves the roster's emails once (rules §19).
    expect(lineOf['roster-emails-not-approved']).toMatchObject({
      status: 'warn',
      detail: expect.stringMatching(/^You have not approved the roster's emails yet, so My week shows no member/),
    });
    expect(lineOf.authorization.status).toBe('ok');
    // Whoever saves Settings first is the owner (rules §19).
    expect(lineOf.owner.detail).toBe('lead@example.com (Settings).');
    expect(lineOf.trigger).toMatchObject({ status: 'ok', detail: 'Every day at 08:00 in Europe/London.' });
    expect(lineOf['mail-quota'].detail).toMatch(
      /^100 email recipients left\. Google’s quota restarts 24 hours after the first email it counted, not at midnight/,
    );
    expect(lineOf['time-zones'].detail).toMatch(/^The sheet is in Europe\/London, the script in /);
    expect(lineOf.log.detail).toMatch(/^"Log": \d[\d,]* rows × \d+ columns\.$/);
    expect(lineOf.roster.status).toBe('ok');
    expect(lineOf.sent.detail).toContain('Not made yet');
    expect(lineOf.lock).toMatchObject({ status: 'ok', detail: 'The document lock is free.' });
    expect(lineOf.form.detail).toContain('No logging form');
    // Once approved, the line goes.
    const listed = bundle.$runFromClient('getDashboard', null).unapprovedRosterEmails;
    bundle.$runFromClient('approveRoster', { followUpOwners: [], rosterEmails: listed });
    expect(bundle.$runFromClient('getSetupCheck').map((l) => l.id)).not.toContain('roster-emails-not-approved');
  });

  test('reads each property store once: the document’s with the call’s check, the user’s for the status and sizes', () => {
    const { gas, bundle } = leadsTeam();
    bundle.$runFromClient('setAutomation', true);
    bundle.createLoggingForm();
    gas.calls.reset();
    const lines = bundle.$runFromClient('getSetupCheck');
    expect(lines.find((l) => l.id === 'form')?.status).toBe('ok');
    expect(gas.calls.count('PropertiesService.getDocumentProperties')).toBe(1);
    expect(gas.calls.count('PropertiesService.getUserProperties')).toBe(1);
    expect(gas.calls.count('Properties.getProperties')).toBe(2);
    expect(gas.calls.count('Properties.getProperty')).toBe(0);
  });

  test('reports the logging form: linked and published, then unpublished, answers sheet gone, deleted; never makes one', () => {
    const { gas, bundle } = leadsTeam();
    bundle.createLoggingForm();
    const [form] = [...gas.forms.forms.values()];
    const formLine = () => bundle.$runFromClient('getSetupCheck').find((l) => l.id === 'form')!;
    expect(formLine()).toMatchObject({
      status: 'ok',
      detail: `${form.getPublishedUrl()}: answers land in "Form Responses 1".`,
    });
    form.setPublished(false);
    expect(formLine()).toMatchObject({ status: 'fix', detail: expect.stringContaining('press Publish') });
    form.setPublished(true);
    // Published but closed in the form editor: it takes no answers either.
    gas.forms.close(form.getId());
    expect(formLine()).toMatchObject({
      status: 'fix',
      detail: expect.stringContaining('turn on "Accepting responses"'),
    });
    form.setPublished(true);
    expect(formLine().status).toBe('ok');
    gas.spreadsheet.deleteSheet(gas.spreadsheet.getSheetByName('Form Responses 1')!);
    expect(formLine()).toMatchObject({
      status: 'fix',
      detail: expect.stringContaining('No sheet of this spreadsheet'),
    });
    gas.forms.delete(form.getId());
    const before = snapshotAll(gas);
    expect(formLine()).toMatchObject({ status: 'fix', detail: expect.stringContaining('deleted') });
    expect(snapshotAll(gas)).toBe(before);
    expect(gas.forms.forms.size).toBe(1);
  });

  test('finds the answers sheet by the form’s link: not an older form’s sheet, whatever its name or column B', () => {
    const { gas, bundle } = teamSheet();
    const formLine = () => bundle.$runFromClient('getSetupCheck').find((l) => l.id === 'form')!;
    bundle.createLoggingForm();
    gas.forms.delete([...gas.forms.forms.values()][0].getId());
    gas.ui.queueResponse('YES');
    bundle.createLoggingForm();
    const form = [...gas.forms.forms.values()][1];
    expect(formLine()).toMatchObject({ status: 'ok', detail: expect.stringContaining('"Form Responses 2"') });
    // A form that collects emails puts Email Address in column B; a renamed sheet keeps its link.
    const answers = gas.spreadsheet.getSheetByName('Form Responses 2')!;
    const header = FORM_HEADER_WITH_EMAIL;
    answers.getRange(1, 1, 1, header.length).setValues([header]);
    gas.user.renameSheet(answers.getName(), 'Phone log');
    expect(formLine()).toEqual(
      expect.objectContaining({ status: 'ok', detail: `${form.getPublishedUrl()}: answers land in "Phone log".` }),
    );
    // The old form's answers sheet, headed as answers are, is not the new form's.
    gas.spreadsheet.deleteSheet(answers);
    expect(formLine()).toMatchObject({
      status: 'fix',
      detail: expect.stringContaining('No sheet of this spreadsheet is linked'),
    });
  });

  test('reports a form whose answers sheet is left out of the log sheets pinned in Settings', () => {
    const { gas, bundle } = teamSheet();
    bundle.createLoggingForm();
    expect(gas.spreadsheet.getSheetByName('Form Responses 1')).not.toBeNull();
    bundle.saveSettings({ logSheets: ['Log'] });
    const line = bundle.$runFromClient('getSetupCheck').find((l) => l.id === 'form')!;
    expect(line).toMatchObject({
      status: 'fix',
      detail: expect.stringContaining('"Form Responses 1", which is not among the log sheets pinned in Settings'),
    });
  });

  // Whether getUserTriggers(spreadsheet) lists time-driven triggers is not documented.
  test.each([true, false])(
    'finds the daily trigger whether getUserTriggers lists time-driven ones (%s), and an editor’s as theirs',
    (userTriggersListTimeDriven) => {
      const { gas, bundle } = leadsTeam({ userTriggersListTimeDriven });
      bundle.$runFromClient('setAutomation', true);
      const lines = bundle.$runFromClient('getSetupCheck');
      const trigger = lines.find((l) => l.id === 'trigger');
      expect(trigger).toMatchObject({ status: 'ok', detail: 'Every day at 08:00 in Europe/London.' });
      expect(trigger?.detail).not.toMatch(/gone/);
      // Check set-up is the owner's (rules §19): another editor is refused, naming the owner.
      gas.session.setUser('editor@example.com');
      expect(() => bundle.$runFromClient('getSetupCheck')).toThrow(/^Only the owner .*\(lead@example\.com\)/);
    },
  );

  test('says so when the trigger is gone or the lock is held elsewhere, still changing nothing', () => {
    const { gas, bundle } = leadsTeam();
    bundle.$runFromClient('setAutomation', true);
    gas.triggers.clear();
    gas.locks.holdElsewhere('document');
    const before = snapshotAll(gas);
    const lines = bundle.$runFromClient('getSetupCheck');
    expect(snapshotAll(gas)).toBe(before);
    const lineOf = Object.fromEntries(lines.map((l) => [l.id, l]));
    expect(lineOf.trigger).toMatchObject({ status: 'fix' });
    expect(lineOf.trigger.detail).toMatch(
      /finds no daily run among your scheduled runs.*turn automation off and on again/,
    );
    expect(lineOf.lock).toMatchObject({ status: 'warn' });
    expect(gas.locks.holder('document')).not.toBeNull();
  });
});

describe('Check set-up: the usage sheets (spec §15)', () => {
  const HASH = '0123456789abcdef0123456789abcdef';
  function withSheets(extra: Record<string, unknown[][]>) {
    const { runs, roster } = sampleTeam();
    return fakeWithBundle({
      user: 'lead@example.com',
      spreadsheet: {
        timeZone: 'Europe/London',
        sheets: { Log: logRows(runs), Roster: rosterRows(roster), ...extra },
      },
    });
  }
  const usageLine = (bundle: ReturnType<typeof fakeWithBundle>['bundle']) =>
    bundle.$runFromClient('getSetupCheck').find((l) => l.id === 'usage');

  test('with none, says so and reads no sheet whole for it', () => {
    const { gas, bundle } = withSheets({});
    gas.calls.reset();
    expect(usageLine(bundle)).toMatchObject({ status: 'ok', detail: expect.stringMatching(/^No usage export found/) });
    expect(gas.calls.count('Sheet.getDataRange')).toBe(0);
  });

  test('lists each export with its format, tool and days, and the sheets it could not read, changing none', () => {
    const daily = [
      ['Email', 'Date', 'Tool', 'Prompts'],
      ['ana@example.com', '2026-11-02', 'Claude', 4],
      ['ben@example.com', '2026-11-20', 'Claude', 2],
      ['', 'not a date', 'Claude', 1],
    ];
    const concealed = [
      ['Email', 'Date'],
      [HASH, '2026-11-03'],
    ];
    const { gas, bundle } = withSheets({ 'Claude Nov': daily, Hashed: concealed, Notes: [['Anything', 'else']] });
    const before = snapshotAll(gas);
    gas.calls.reset();
    const line = usageLine(bundle);
    expect(snapshotAll(gas)).toBe(before);
    // Each sheet is read once: these are 30 rows or fewer, so their head rows are the whole of
    // them (a longer export is read whole once more, test/gas/log-sheets.test.ts).
    expect(gas.calls.count('Sheet.getDataRange')).toBe(0);
    expect(gas.calls.count('Range.getValues')).toBeLessThanOrEqual(gas.spreadsheet.getSheets().length);
    expect(line?.status).toBe('warn');
    expect(line?.detail).toMatch(
      /^"Claude Nov" \(daily export, Claude\): 2026-11-02 to 2026-11-20, 2 rows; 2 periods 2026-11-02–2026-11-08, 2026-11-09–2026-11-15; 1 row not read \(row 4: the user \(email\) is blank\)\. Hashed: the user column holds concealed names/,
    );
    expect(line?.detail).not.toContain('Notes');
  });
});
