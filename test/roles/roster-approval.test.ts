// Rules §19: My week finds a member by their email on the Roster, a tab every editor edits, so it
// shows figures only for a (roster name, email) pairing the owner approved with the dashboard's
// Approve, for what the dashboard listed. Saving Settings (the first save included) and turning
// automation on approve nothing; a team this first meets has approved nothing, and the owner
// approves once. Through the built bundle, as the owner and as a member (Ben).
import { MEMBER, OWNER, approveListedRosterEmails, roleTeam, runAs, type Fake } from './support';
import { logRunRequest, TODAY } from '../support/fake-bundle';

const ANA = 'ana@example.com';
const COLLEAGUES = /Ana|Cleo/;

/** Ben's My week, from each place the sidebar shows it: alone, with the Log a run form, after logging. */
function bensWeeks(fake: Fake) {
  return [
    runAs(fake, MEMBER, 'getMyWeek'),
    runAs(fake, MEMBER, 'getLogForm').myWeek,
    runAs(fake, MEMBER, 'logRun', [logRunRequest({ date: TODAY, member: 'Ben', workflow: 'Weekly update' })]).myWeek,
  ];
}

/** Ben moves his email from his own row (3) onto Ana's (2), as any editor can. */
function moveBensEmailOntoAnasRow(fake: Fake) {
  const roster = fake.gas.sheet('Roster');
  expect(roster.getRange(2, 2).getValues()[0][0]).toBe(ANA);
  roster.getRange(2, 2).setValues([[MEMBER]]);
  roster.getRange(3, 2).setValues([['']]);
}

const dashboard = (fake: Fake) => runAs(fake, OWNER, 'getDashboard', [null]);
const waiting =
  /^Your row on the Roster \(your email, ben@example\.com\) waits for the approval of the owner of Uptake for this spreadsheet \(owner@example\.com\), so My week shows no figures yet\. You can log runs as usual/;

describe('a member who moves their email onto a colleague’s row', () => {
  test('sees none of the colleague’s figures, also after the owner approves the roster as it was, until the owner approves the change', () => {
    const fake = roleTeam();
    expect(runAs(fake, MEMBER, 'getMyWeek').week?.member).toBe('Ben');
    const drawnBefore = dashboard(fake).unapprovedRosterEmails;
    expect(drawnBefore).toEqual([]);

    moveBensEmailOntoAnasRow(fake);
    for (const view of bensWeeks(fake)) {
      expect(view).toEqual({ week: null, message: expect.stringMatching(waiting) });
      expect(JSON.stringify(view)).not.toMatch(COLLEAGUES);
    }

    // The owner approves the roster as it was listed before the change (here: nothing) and as it was.
    const original = [
      { name: 'Ana', email: ANA },
      { name: 'Ben', email: MEMBER },
      { name: 'Cleo', email: 'cleo@example.com' },
    ];
    for (const rosterEmails of [drawnBefore, original])
      expect(runAs(fake, OWNER, 'approveRoster', [{ followUpOwners: [], rosterEmails }])).toMatch(
        /^There was nothing left to approve/,
      );
    for (const view of bensWeeks(fake)) expect(JSON.stringify(view)).not.toMatch(COLLEAGUES);

    // The owner's dashboard shows the change; approving what it lists approves the new pairing.
    const listed = dashboard(fake).unapprovedRosterEmails;
    // Marked: the owner approved this email for Ben.
    expect(listed).toEqual([{ name: 'Ana', email: MEMBER, was: ANA, approvedFor: 'Ben' }]);
    expect(approveListedRosterEmails(fake)).toMatch(/^Approved the roster's email of Ana \(ben@example\.com\)/);
    const week = runAs(fake, MEMBER, 'getMyWeek').week;
    expect(week?.member).toBe('Ana');
    // Ana's 4 runs of the sample team (today and the 3 days before), and the one Ben logged as Ben: not hers.
    expect(week?.thisWeek.runs).toBe(4);
    expect(dashboard(fake).unapprovedRosterEmails).toEqual([]);
  });

  test('an email moved back to a row approved once before waits for the owner again', () => {
    const fake = roleTeam();
    moveBensEmailOntoAnasRow(fake);
    approveListedRosterEmails(fake);
    // Ben's email back on Ben's row: (Ben, ben@) was approved, then replaced by (Ana, ben@).
    const roster = fake.gas.sheet('Roster');
    roster.getRange(2, 2).setValues([[ANA]]);
    roster.getRange(3, 2).setValues([[MEMBER]]);
    expect(runAs(fake, MEMBER, 'getMyWeek').message).toMatch(waiting);
    expect(dashboard(fake).unapprovedRosterEmails).toEqual([
      { name: 'Ana', email: ANA, was: MEMBER },
      { name: 'Ben', email: MEMBER, was: null, approvedFor: 'Ana' },
    ]);
  });
});

describe('a team the roster approval first meets (nothing approved yet)', () => {
  test('every member waits, saving Settings and automation approve nothing, and the owner approves once what was listed', () => {
    const fake = roleTeam({}, {}, { rosterApproved: false });
    fake.bundle.setAutomation(true);
    fake.bundle.saveSettings({ digestHour: 8 });
    for (const user of [MEMBER, ANA]) {
      const view = runAs(fake, user, 'getMyWeek');
      expect(view.week).toBeNull();
      expect(view.message).toContain(
        'waits for the approval of the owner of Uptake for this spreadsheet (owner@example.com)',
      );
    }
    const drawn = dashboard(fake);
    expect(drawn.rosterNeverApproved).toBe(true);
    expect(drawn.unapprovedRosterEmails.map((change) => change.name)).toEqual(['Ana', 'Ben', 'Cleo']);
    const line = fake.bundle.getSetupCheck().find((l) => l.id === 'roster-emails-not-approved');
    expect(line).toMatchObject({
      status: 'warn',
      detail: expect.stringMatching(/^You have not approved the roster's emails yet/),
    });
    expect(line?.detail).toContain('Ben: ben@example.com');

    // Ben moves his email onto Ana's row after the list was drawn: the owner's click approves Cleo only.
    moveBensEmailOntoAnasRow(fake);
    const said = runAs(fake, OWNER, 'approveRoster', [
      { followUpOwners: [], rosterEmails: drawn.unapprovedRosterEmails },
    ]);
    expect(said).toBe(
      "Approved the roster's email of Cleo (cleo@example.com): My week shows this member their figures.",
    );
    for (const view of bensWeeks(fake)) expect(JSON.stringify(view)).not.toMatch(COLLEAGUES);
    expect(runAs(fake, 'cleo@example.com', 'getMyWeek').week?.member).toBe('Cleo');
    const after = dashboard(fake);
    expect([after.rosterNeverApproved, after.unapprovedRosterEmails]).toEqual([
      false,
      [{ name: 'Ana', email: MEMBER, was: null }],
    ]);
    expect(fake.bundle.getSetupCheck().find((l) => l.id === 'roster-emails-not-approved')?.detail).toMatch(
      /^A roster row waits for your approval \(Ana: ben@example\.com\)/,
    );
  });

  test('a member whose row waits still logs runs, and the row is written', () => {
    const fake = roleTeam({}, {}, { rosterApproved: false });
    const rows = fake.gas.sheetValues('Log').length;
    const result = runAs(fake, MEMBER, 'logRun', [
      logRunRequest({ date: TODAY, member: 'Ben', workflow: 'Weekly update' }),
    ]);
    expect(result.message).toMatch(/^Logged in row/);
    expect(fake.gas.sheetValues('Log')).toHaveLength(rows + 1);
    expect(result.myWeek.message).toMatch(waiting);
  });

  test('with no owner saved yet, the message says so instead of an address', () => {
    const fake = roleTeam({}, {}, { rosterApproved: false });
    fake.gas.properties.forDocument(fake.gas.spreadsheet.getId()).deleteProperty('uptake.settings');
    expect(runAs(fake, MEMBER, 'getMyWeek').message).toContain('(none is saved in Settings yet)');
  });
});

test('the owner’s own email typed on a colleague’s row waits like any change, marked as the owner’s, and the owner is told', () => {
  const fake = roleTeam();
  // Ben, a member, types the owner's address on Cleo's row (row 4): Cleo's account no longer finds it.
  fake.gas
    .sheet('Roster')
    .getRange(4, 2)
    .setValues([[OWNER]]);
  expect(dashboard(fake).unapprovedRosterEmails).toEqual([
    { name: 'Cleo', email: OWNER, was: 'cleo@example.com', ownersAddress: true },
  ]);
  expect(fake.bundle.getSetupCheck().find((l) => l.id === 'roster-emails-not-approved')?.detail).toContain(
    'Cleo: was cleo@example.com, now owner@example.com (your own address)',
  );
  // Until the owner approves, the owner's own My week does not take Cleo's row either.
  expect(runAs(fake, OWNER, 'getMyWeek').week).toBeNull();
  approveListedRosterEmails(fake);
  expect(runAs(fake, OWNER, 'getMyWeek').week?.member).toBe('Cleo');
  expect(dashboard(fake).unapprovedRosterEmails).toEqual([]);
});
