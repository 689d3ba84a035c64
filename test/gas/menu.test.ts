// The add-on menu and the panels its items open, run from the built bundle.
import { logRows } from '../support/sheets';
import { AuthMode } from '../../packages/fake-apps-script';
import { readBuilt } from '../bundle/support';
import { fakeWithBundle, sampleTeam } from '../support/fake-bundle';

/** What onOpen builds where nobody owns Uptake yet, not knowing who opened the spreadsheet (src/gas/menu.ts). */
const OPENING_MENU = [
  ['Log a run', 'showLogForm'],
  ['My week', 'showMyWeek'],
  ['Open dashboard', 'showOpeningDashboard'],
  ['Help', 'showHelp'],
];

/** The owner's menu, built by the first item they click. */
const MENU = [
  ['Log a run', 'showLogForm'],
  ['My week', 'showMyWeek'],
  ['Open dashboard', 'showDashboard'],
  ['Run audit to sheet', 'runAuditToSheet'],
  ['Set up log and roster', 'setUpLogAndRoster'],
  ['Create logging form', 'createLoggingForm'],
  ['Check set-up', 'showSetupCheck'],
  ['Send digest now', 'sendDigestFromMenu'],
  ['Settings', 'showSettings'],
  ['Help', 'showHelp'],
];

function withLog() {
  return fakeWithBundle({ spreadsheet: { sheets: { Log: logRows(sampleTeam().runs) } } });
}

describe('onOpen', () => {
  test('in AuthMode.NONE builds the add-on menu and touches nothing else', () => {
    const { gas, bundle } = withLog();
    bundle.onOpen({ authMode: AuthMode.NONE });
    expect(gas.ui.menuItems().map((item) => [item.caption, item.functionName])).toEqual(OPENING_MENU);
    expect(gas.ui.addonMenu()).toBeDefined();
    const called = gas.calls.sequence;
    expect(called.length).toBeGreaterThan(0);
    // Only the Ui and its menu: no properties, no document, no sheet.
    expect(
      called.filter((key) => !['SpreadsheetApp.getUi', 'Ui.createAddonMenu'].includes(key) && !key.startsWith('Menu.')),
    ).toEqual([]);
    expect(gas.calls.properties).toBe(0);
    const execution = gas.executions[gas.executions.length - 1];
    expect(execution.authMode).toBe('NONE');
    expect(execution.error).toBeUndefined();
    expect(execution.topLevelCalls).toEqual([]);
  });

  test('onInstall (AuthMode.FULL) knows who installed: on a new install, the owner-to-be, who gets everything', () => {
    const { gas, bundle } = withLog();
    bundle.onInstall({ authMode: AuthMode.FULL });
    expect(gas.ui.menuItems().map((item) => [item.caption, item.functionName])).toEqual(MENU);
  });

  test('in AuthMode.LIMITED with no owner saved yet: the same menu as in NONE, from the Settings alone', () => {
    const { gas, bundle } = withLog();
    bundle.onOpen({ authMode: AuthMode.LIMITED });
    expect(gas.ui.menuItems().map((item) => [item.caption, item.functionName])).toEqual(OPENING_MENU);
    expect(gas.executions.at(-1)?.error).toBeUndefined();
  });

  test('a page, once open, rebuilds the menu with everything that is the owner’s', () => {
    const { gas, bundle } = withLog();
    bundle.onOpen({ authMode: AuthMode.LIMITED });
    bundle.showLogForm();
    bundle.refreshMenu();
    expect(gas.ui.menuItems().map((item) => [item.caption, item.functionName])).toEqual(MENU);
  });

  test.each(MENU)('menu item "%s" runs %s, a top-level function of Code.js', (_caption, functionName) => {
    const { bundle } = withLog();
    expect(bundle.$functions()).toContain(functionName);
    expect(readBuilt('Code.js')).toMatch(new RegExp(`^function ${functionName}\\(`, 'm'));
  });
});

describe('panels', () => {
  test('"Log a run" opens the log form (build/logrun.html) in a 300 px sidebar', () => {
    const { gas, bundle } = withLog();
    bundle.showLogForm();
    const [shown] = gas.ui.sidebars();
    expect(shown).toMatchObject({ kind: 'sidebar', title: 'Log a run', width: 300 });
    expect(shown.content).toBe(readBuilt('logrun.html'));
  });

  test('"Open dashboard" opens build/sidebar.html as it was built', () => {
    const { gas, bundle } = withLog();
    bundle.showDashboard();
    const [shown] = gas.ui.sidebars();
    expect(shown).toMatchObject({ kind: 'sidebar', title: 'Uptake', width: 300 });
    expect(shown.content).toBe(readBuilt('sidebar.html'));
    expect(shown.content).not.toContain('UPTAKE_VIEW="settings"');
  });

  test('"Settings" opens the dashboard page on its Settings view', () => {
    const { gas, bundle } = withLog();
    bundle.showSettings();
    const [shown] = gas.ui.sidebars();
    expect(shown.width).toBe(300);
    expect(shown.content.startsWith(readBuilt('sidebar.html'))).toBe(true);
    expect(shown.content.endsWith('<script>window.UPTAKE_VIEW="settings"</script>')).toBe(true);
  });

  test('"Help" shows a dialog saying what Uptake does, where the rules are and how to get support', () => {
    const { gas, bundle } = withLog();
    bundle.showHelp();
    const shown = gas.ui.lastShown();
    expect(shown?.kind).toBe('modeless');
    expect(shown?.title).toBe('Uptake help');
    expect(shown?.content).toBe(readBuilt('help.html'));
    expect(shown?.content).toContain('What Uptake does');
    expect(shown?.content).toContain('adoption rules');
    expect(shown?.content).toContain('Support');
  });

  test('"Send digest now" that cannot send says why in an alert, and sends nothing', () => {
    // No log sheet: the digest has nothing to report on (its sidebar call answers with a failure).
    const { gas, bundle } = fakeWithBundle();
    bundle.saveSettings({ ownerEmail: gas.session.activeUser });
    bundle.sendDigestFromMenu();
    expect(gas.ui.dialogs.at(-1)).toMatchObject({ title: 'Uptake', prompt: expect.stringMatching(/log/i) });
    expect(gas.mail.sent).toEqual([]);
    expect(gas.executions.at(-1)?.error).toBeUndefined();
  });
});
