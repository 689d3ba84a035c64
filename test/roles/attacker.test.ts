// Tests as an attacker would try (rules §19): every owner-only server function, called directly
// as a member or as an account with no email, with crafted arguments, is refused on the server
// and changes nothing; the digest never goes to an address a member set.
import type { UptakeEntryPointName } from '../../local/uptake-bundle';
import { auditOf } from '../support/dashboard';
import { ATTACKER, CRAFTED, guardedCalls, HIDDEN, MEMBER, OWNER, roleTeam, runAs, world } from './support';

const OWNER_ONLY_MENU_ITEMS: UptakeEntryPointName[] = [
  'showSettings',
  'runAuditToSheet',
  'setUpLogAndRoster',
  'showSetupCheck',
  'sendDigestFromMenu',
  'createLoggingForm',
];

describe('every guarded sidebar call has crafted arguments here', () => {
  test('a call added without them fails this test', () => {
    expect(guardedCalls().filter((name) => !CRAFTED[name])).toEqual([]);
  });
});

describe.each([
  ['a member', MEMBER, /^Only the owner of Uptake for this spreadsheet \(owner@example\.com\) can /],
  [
    'an account with no email',
    HIDDEN,
    /^Only the owner of Uptake for this spreadsheet can .*Google did not give Uptake your email/,
  ],
])('called directly by %s', (_who, user, refused) => {
  const cases = guardedCalls().flatMap((name) => (CRAFTED[name] ?? []).map((args) => [name, args] as const));

  test.each(cases)('%s(%j) is refused and changes nothing', (name, args) => {
    const fake = roleTeam();
    fake.bundle.setAutomation(true);
    const before = world(fake);
    expect(() => runAs(fake, user, name, args)).toThrow(refused);
    expect(world(fake)).toBe(before);
  });

  test.each(OWNER_ONLY_MENU_ITEMS)('menu item %s says whose it is and changes nothing', (name) => {
    const fake = roleTeam();
    fake.bundle.setAutomation(true);
    const before = world(fake);
    runAs(fake, user, name);
    expect(world(fake)).toBe(before);
    expect(fake.gas.ui.sidebars()).toEqual([]);
    expect(fake.gas.ui.dialogs.at(-1)?.prompt).toMatch(refused);
  });

  test('the dashboard page holds no data, and its data call refuses them', () => {
    const fake = roleTeam();
    runAs(fake, user, 'showDashboard');
    expect(fake.gas.ui.sidebars()[0].content).not.toMatch(/Ana|Ben|Cleo/);
    expect(() => runAs(fake, user, 'getDashboard', [null])).toThrow(refused);
    // As google.script.run hands it to the page: the refusal's words, and no value at all.
    expect(fake.bundle.$replies.$run('getDashboard', [null], { user })).toEqual({
      ok: false,
      failure: { message: expect.stringMatching(refused), field: null },
    });
  });

  test('their menu, once a page asks for it, holds only what they can use', () => {
    const fake = roleTeam();
    runAs(fake, user, 'refreshMenu');
    expect(fake.gas.ui.menuItems().map((item) => item.functionName)).toEqual(['showLogForm', 'showMyWeek', 'showHelp']);
  });
});

describe('the digest never goes to an address a member set', () => {
  test('a member’s settings are refused, and the digest goes to the owner alone', () => {
    const fake = roleTeam({ digestWeekday: 1 });
    fake.bundle.setAutomation(true);
    for (const changes of [
      { ownerEmail: ATTACKER },
      { recipients: [ATTACKER] },
      { ownerEmail: '', recipients: ATTACKER },
    ])
      expect(() => runAs(fake, MEMBER, 'saveSettings', [changes])).toThrow(/^Only the owner/);
    expect(() => runAs(fake, MEMBER, 'sendDigestNow', [true])).toThrow(/^Only the owner/);
    // A week of daily runs, a Monday digest among them.
    fake.bundle.$runDays(8);
    const digests = fake.gas.mail.sent.filter((m) => m.subject.startsWith('Uptake weekly digest'));
    expect(digests.length).toBeGreaterThan(0);
    expect(fake.gas.mail.sent.flatMap((m) => m.recipients)).not.toContain(ATTACKER);
    expect(new Set(digests.flatMap((m) => m.recipients))).toEqual(new Set([OWNER]));
  });
});

describe('what a member may do', () => {
  test('log a run and see their week, and nothing else is written', () => {
    const fake = roleTeam();
    const form = runAs(fake, MEMBER, 'getLogForm');
    expect(form.problem).toBeNull();
    const result = runAs(fake, MEMBER, 'logRun', [
      {
        date: '2026-03-15',
        member: 'Ben',
        workflow: 'Weekly update',
        outcome: 'Used as-is',
        editTypes: [],
        prompted: false,
        notes: '',
      },
    ]) as { row: number; myWeek: { week: { member: string } } };
    expect(result.myWeek.week.member).toBe('Ben');
    expect(fake.gas.sheetValues('Log')[result.row - 1].slice(1, 3)).toEqual(['Ben', 'Weekly update']);
  });

  test('"open team" lets every editor see the named dashboard, not change Settings or automation', () => {
    const fake = roleTeam({ openTeam: true });
    const data = runAs(fake, MEMBER, 'getDashboard', [null]);
    expect(data.viewer.role).toBe('member');
    expect(auditOf(data).members.length).toBe(3);
    expect(() => runAs(fake, MEMBER, 'saveSettings', [{ openTeam: false }])).toThrow(/^Only the owner/);
    expect(() => runAs(fake, MEMBER, 'setAutomation', [true])).toThrow(/^Only the owner/);
    // Usage exports are the owner's to bring in (rules §19), open team or not.
    const before = world(fake);
    expect(() =>
      runAs(fake, MEMBER, 'importUsageExport', [
        { fileName: 'd.csv', text: 'Email,Date\nben@example.com,2026-03-09\n' },
      ]),
    ).toThrow(/^Only the owner/);
    expect(world(fake)).toBe(before);
    // Still not for an account Google gives no email for? It is an editor too: open team is for every editor.
    expect(runAs(fake, HIDDEN, 'getDashboard', [null])).toMatchObject({ viewer: { role: 'member' } });
  });
});

describe('the daily run, called from a page instead of by its trigger', () => {
  // google.script.run reaches every global function of the bundle, runDaily among them.
  test.each([
    ['a member, with no event', MEMBER, () => []],
    ['a member, with the owner trigger id', MEMBER, (uid: string) => [{ triggerUid: uid }]],
    ['the owner, with no event', OWNER, () => []],
  ])('%s: changes nothing and sends nothing', (_who, user, args) => {
    const fake = roleTeam();
    fake.bundle.setAutomation(true);
    const uid = fake.gas.triggers.records[0]?.uid;
    expect(typeof uid).toBe('string');
    const before = world(fake);
    runAs(fake, user, 'runDaily', args(uid!));
    expect(world(fake)).toBe(before);
  });
});
