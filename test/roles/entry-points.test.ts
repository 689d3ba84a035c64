// Every global function of the BUILT bundle, as an attacker would reach it: google.script.run
// calls any top-level function of build/Code.js by name, whatever the menu and the pages show.
// Each one that is not a member's (rules §19) is called as a member and as an account with no
// email, with crafted arguments, and must refuse (an error, or an alert for a menu item) and
// change nothing: every spreadsheet's cells, the properties, the triggers, the mail sent.
import { ATTACKER, CRAFTED, HIDDEN, MEMBER, roleTeam, runAs, world } from './support';
import type { ServerApi } from '../../src/shared/api';
import type { UptakeEntryPointName } from '../../local/uptake-bundle';

/**
 * What a member may run, each with why. A new global function is neither here nor refused
 * until it is looked at: the first test fails for it.
 */
const A_MEMBERS: Record<string, string> = {
  ADOPTION_CATEGORY: 'a sheet function: reads only its arguments',
  ACCEPTANCE_RATE: 'a sheet function: reads only its arguments',
  USES_PER_WEEK: 'a sheet function: reads only its arguments',
  onOpen: 'builds the menu',
  onInstall: 'builds the menu',
  showLogForm: 'Log a run',
  showMyWeek: 'My week',
  showHelp: 'the help dialog: static text',
  showDashboard: 'a page with no data: its first call, getDashboard, refuses a member',
  showOpeningDashboard:
    'showDashboard; the take-over question only to the Drive owner (test/roles/reclaim-owner.test.ts)',
  getLogForm: 'Log a run',
  logRun: 'Log a run',
  getMyWeek: 'My week: their own figures only',
  refreshMenu: 'the menu of whoever calls',
  runDaily: 'the trigger: runs only as its own trigger, under the owner (test/roles/attacker.test.ts)',
};

/** Arguments a page could send to anything: nothing, junk, and each sidebar call's crafted ones. */
function craftedFor(name: string): unknown[][] {
  const own = CRAFTED[name as keyof ServerApi] ?? [];
  return [[], [{ ownerEmail: ATTACKER, recipients: [ATTACKER], openTeam: true }], ['=HYPERLINK("x")', 42], ...own];
}

const REFUSED =
  /^Only (the owner of Uptake for this spreadsheet|the account that owns this spreadsheet in Google Drive) /;

function globals(): string[] {
  return roleTeam().bundle.$functions();
}

describe('every global function of build/Code.js', () => {
  test('is either a member’s (listed with why) or refused to them', () => {
    const fake = roleTeam();
    const names = fake.bundle.$functions();
    expect(names.length).toBeGreaterThan(30);
    for (const name of names.filter((n) => !(n in A_MEMBERS))) {
      const before = world(fake);
      let message: string;
      try {
        runAs(fake, MEMBER, name as UptakeEntryPointName, []);
        message = String(fake.gas.ui.dialogs.at(-1)?.prompt ?? '');
      } catch (error) {
        message = (error as Error).message;
      }
      expect([name, message]).toEqual([name, expect.stringMatching(REFUSED)]);
      expect(world(fake)).toBe(before);
    }
  });

  const ownerOnly = globals().filter((name) => !(name in A_MEMBERS));
  const cases = ownerOnly.flatMap((name) => craftedFor(name).map((args) => [name, args] as const));

  describe.each([
    ['a member', MEMBER],
    ['an account with no email', HIDDEN],
  ])('called by %s', (_who, user) => {
    test.each(cases)('%s(%j) is refused and changes nothing', (name, args) => {
      const fake = roleTeam();
      fake.bundle.setAutomation(true);
      const before = world(fake);
      const dialogs = fake.gas.ui.dialogs.length;
      let message: string;
      try {
        runAs(fake, user, name as UptakeEntryPointName, [...args]);
        // A menu item does not throw: it says whose it is in an alert.
        expect(fake.gas.ui.dialogs.length).toBe(dialogs + 1);
        message = String(fake.gas.ui.dialogs.at(-1)?.prompt);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(REFUSED);
      expect(world(fake)).toBe(before);
      expect(fake.gas.ui.sidebars()).toEqual([]);
    });
  });
});
