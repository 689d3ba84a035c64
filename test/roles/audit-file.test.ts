// The named audit sheet (rules §19): in a spreadsheet only the owner can open, linked from the
// dashboard, unless "open team" is on; an earlier version's tab offered for removal, never deleted silently.
import { AuthMode } from '../../packages/fake-apps-script';
import { auditFile } from '../support/fake-bundle';
import { MEMBER, OWNER, roleTeam, runAs } from './support';

const AUDIT = 'Adoption audit';

describe('Run audit to sheet', () => {
  test('creates the owner’s own spreadsheet once, links it, and a member cannot open it', () => {
    const fake = roleTeam();
    const { gas, bundle } = fake;
    bundle.runAuditToSheet();
    const file = auditFile(gas, OWNER);
    expect(file.getName()).toBe('Uptake audit: Uptake test sheet');
    expect(gas.sheetValues(AUDIT, file).length).toBeGreaterThan(10);
    expect(gas.spreadsheet._sheetNamed(AUDIT)).toBeUndefined();
    // The dashboard links to it; no one else can open it.
    expect(bundle.getDashboard(null)).toMatchObject({ auditFileUrl: file.getUrl(), oldAuditTab: false });
    gas.session.setUser(MEMBER);
    expect(() => gas.globals.SpreadsheetApp.openById(file.getId())).toThrow(
      'You do not have permission to access the requested document.',
    );
    gas.session.setUser(OWNER);
    bundle.runAuditToSheet();
    expect(gas.spreadsheetsOf(OWNER)).toHaveLength(1);
  });

  test('creating it needs the full spreadsheets scope, which the manifest lists', () => {
    const { gas, bundle } = roleTeam();
    expect(gas.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets');
    bundle.runAuditToSheet();
    expect(gas.calls.count('SpreadsheetApp.create')).toBe(1);
  });

  test('with "open team" on, it goes to the team spreadsheet, as before', () => {
    const { gas, bundle } = roleTeam({ openTeam: true });
    bundle.runAuditToSheet();
    expect(gas.spreadsheetsOf(OWNER)).toEqual([]);
    expect(gas.sheetValues(AUDIT).length).toBeGreaterThan(10);
    expect(runAs({ gas, bundle }, MEMBER, 'getDashboard', [null])).toMatchObject({ auditFileUrl: null });
  });

  test('an earlier version’s tab is offered for removal: kept on No, removed on Yes, never silently', () => {
    const { gas, bundle } = roleTeam();
    gas.addSheet(AUDIT, [['Written by an earlier Uptake'], ['Ben', 'Reverted']]);
    expect(bundle.getDashboard(null)).toMatchObject({ oldAuditTab: true });
    gas.ui.queueResponse('OK');
    gas.ui.queueResponse('NO');
    bundle.runAuditToSheet();
    expect(gas.ui.dialogs.at(-1)).toMatchObject({ title: 'Remove the old audit tab?', response: 'NO' });
    expect(gas.sheetValues(AUDIT)).toEqual([
      ['Written by an earlier Uptake', ''],
      ['Ben', 'Reverted'],
    ]);
    gas.ui.queueResponse('OK');
    gas.ui.queueResponse('YES');
    bundle.runAuditToSheet();
    expect(gas.spreadsheet._sheetNamed(AUDIT)).toBeUndefined();
  });

  test('the sidebar’s "Remove the old tab" removes it for the owner only', () => {
    const fake = roleTeam();
    fake.gas.addSheet(AUDIT, [['old']]);
    expect(() => runAs(fake, MEMBER, 'removeOldAuditTab')).toThrow(/^Only the owner/);
    expect(fake.gas.spreadsheet._sheetNamed(AUDIT)).toBeDefined();
    expect(fake.bundle.removeOldAuditTab()).toBe('The old "Adoption audit" tab was removed from this spreadsheet.');
    expect(fake.gas.spreadsheet._sheetNamed(AUDIT)).toBeUndefined();
  });
});

describe('the menu shows each person what they can use', () => {
  const captions = (fake: ReturnType<typeof roleTeam>) => fake.gas.ui.menuItems().map((item) => item.caption);

  test('onOpen cannot tell who opened: the dashboard item says it is the owner’s; the first click tells', () => {
    const fake = roleTeam();
    fake.bundle.onOpen({ authMode: AuthMode.LIMITED });
    expect(captions(fake)).toEqual(['Log a run', 'My week', "Owner's dashboard", 'Help']);
    // Once a page is open, it asks for the menu of whoever opened it.
    runAs(fake, MEMBER, 'refreshMenu');
    expect(captions(fake)).toEqual(['Log a run', 'My week', 'Help']);
    runAs(fake, OWNER, 'refreshMenu');
    expect(captions(fake)).toContain('Settings');
    expect(captions(fake)).toContain('Run audit to sheet');
  });

  test('a member who clicks "Owner\'s dashboard" gets a page with no data, whose first call says whose it is', () => {
    const fake = roleTeam();
    fake.bundle.onOpen({ authMode: AuthMode.LIMITED });
    runAs(fake, MEMBER, 'showDashboard');
    expect(fake.gas.ui.sidebars()[0].content).not.toMatch(/Ana|Ben|Cleo/);
    expect(() => runAs(fake, MEMBER, 'getDashboard', [null])).toThrow(
      /^Only the owner of Uptake for this spreadsheet \(owner@example\.com\) can load the dashboard/,
    );
    // The page then asks for the menu of whoever has it open: the member's own.
    runAs(fake, MEMBER, 'refreshMenu');
    expect(captions(fake)).toEqual(['Log a run', 'My week', 'Help']);
  });

  test('with the team open, onOpen offers "Open dashboard" to everyone, and a member keeps it', () => {
    const fake = roleTeam({ openTeam: true });
    fake.bundle.onOpen({ authMode: AuthMode.LIMITED });
    expect(captions(fake)).toEqual(['Log a run', 'My week', 'Open dashboard', 'Help']);
    runAs(fake, MEMBER, 'showMyWeek');
    runAs(fake, MEMBER, 'refreshMenu');
    expect(captions(fake)).toEqual(['Log a run', 'My week', 'Open dashboard', 'Help']);
    expect(fake.gas.ui.sidebars()[0]).toMatchObject({ title: 'My week' });
    expect(fake.gas.ui.sidebars()[0].content).toContain('window.UPTAKE_VIEW="my-week"');
  });
});
