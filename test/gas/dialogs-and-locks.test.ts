// alert and prompt suspend the script, and "LockService locks don't persist across the
// suspension" ("Class Ui", https://developers.google.com/apps-script/reference/base/ui): Uptake
// must open no dialog while it holds a lock, so nothing it writes after one relies on a lock.
import type { CallInfo } from '../../packages/fake-apps-script';
import { d, logRows, rosterRows } from '../support/sheets';
import { fakeWithBundle, sampleTeam, TODAY } from '../support/fake-bundle';

type Gas = ReturnType<typeof fakeWithBundle>['gas'];

/** Records, for each alert or prompt, the locks the running execution held when it opened. */
function locksAtDialogs(gas: Gas): string[][] {
  const seen: string[][] = [];
  gas.onCall((call: CallInfo) => {
    if (call.key !== 'Ui.alert' && call.key !== 'Ui.prompt') return;
    const me = gas.executionId();
    seen.push((['document', 'script', 'user'] as const).filter((scope) => gas.locks.holder(scope) === me));
  });
  return seen;
}

describe('no dialog is opened while Uptake holds a lock', () => {
  const team = sampleTeam();

  test('Set up log and roster: the dropdown question and the report', () => {
    const rows = [...logRows(team.runs), [d(TODAY), 'Ana', 'Proposal', 'accepted', '', '', '']];
    const { gas, bundle } = fakeWithBundle({
      spreadsheet: { sheets: { 'Team log': rows, Roster: rosterRows(team.roster) } },
    });
    const seen = locksAtDialogs(gas);
    gas.ui.queueResponse('YES');
    bundle.setUpLogAndRoster();
    expect(seen).toEqual([[], []]);
  });

  test('Run audit to sheet: a set-up problem and the busy answer', () => {
    const { gas, bundle } = fakeWithBundle();
    const seen = locksAtDialogs(gas);
    bundle.runAuditToSheet();
    gas.locks.holdElsewhere('document');
    bundle.runAuditToSheet();
    expect(gas.ui.dialogs.map((dialog) => dialog.title)).toEqual([
      'Uptake could not run the audit',
      'Uptake could not run the audit',
    ]);
    expect(seen).toEqual([[], []]);
  });
});
