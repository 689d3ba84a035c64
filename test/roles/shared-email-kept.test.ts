// Rules §19 and §15: an email on two roster rows stays with the row whose (name, email) pairing
// the owner approved, for everything that matches people by email, not My week alone: the
// dashboard's figures, the daily run's reminders and the usage exports. The other row gets
// nothing under the email; with no row approved, the email is no one's. Through the built bundle.
import { MEMBER, OWNER, roleTeam, runAs, type Fake } from './support';
import { auditOf } from '../support/dashboard';
import { sentRows } from '../automation/support';

const ANA = 'ana@example.com';
const EMAIL_COLUMN = 2;
const ROW = { Ana: 2, Ben: 3 };
/** The sample team's log: Ana's four runs (today and the three days before) on rows 2 to 5. */
const ANA_LOG_ROWS = { first: 2, count: 4 };

/**
 * The sample team, the roster approved unless `rosterApproved` is false, with Ana's runs logged
 * under her email (as a logging form that collects emails writes them), then Ben's row given
 * Ana's email.
 */
function team(rosterApproved = true): Fake {
  const fake = roleTeam({}, {}, { rosterApproved });
  const log = fake.gas.sheet('Log').getRange(ANA_LOG_ROWS.first, 2, ANA_LOG_ROWS.count, 1);
  expect(log.getValues().flat()).toEqual(['Ana', 'Ana', 'Ana', 'Ana']);
  log.setValues(Array.from({ length: ANA_LOG_ROWS.count }, () => [ANA]));
  fake.gas
    .sheet('Roster')
    .getRange(ROW.Ben, EMAIL_COLUMN)
    .setValues([['ANA@Example.com']]);
  return fake;
}

const audit = (fake: Fake) => auditOf(runAs(fake, OWNER, 'getDashboard', [{ asOf: '2026-03-15', weeks: 1 }]));
const member = (fake: Fake, name: string) => audit(fake).members.find((m) => m.member === name);

describe('the dashboard', () => {
  test('counts the runs under the email as the approved row’s, and none as the other row’s', () => {
    const fake = team();
    expect(member(fake, 'Ana')).toMatchObject({ email: ANA, runs: 4, category: 'Genuine adopter' });
    expect(member(fake, 'Ben')).toMatchObject({ email: null, runs: 4 });
    expect(audit(fake).members.map((m) => m.member)).toEqual(expect.not.arrayContaining([ANA]));
  });

  test('with no row approved, the runs under the email are no one’s', () => {
    const fake = team(false);
    expect(member(fake, 'Ana')).toMatchObject({ email: null, runs: 0 });
    expect(member(fake, 'Ben')).toMatchObject({ email: null, runs: 4 });
    expect(member(fake, ANA)).toMatchObject({ onRoster: false, runs: 4 });
  });
});

test('the daily run decides Ana’s week-three check on her runs under the email, and tells Ben nothing', () => {
  const fake = team();
  runAs(fake, OWNER, 'setAutomation', [true]);
  // Ana trained on 23 Feb: her week-three check falls due on 16 Mar, decided on the week to 15 Mar.
  fake.bundle.$runDays(2);
  const subjects = fake.gas.mail.sent.map((mail) => mail.subject);
  expect(subjects.length).toBeGreaterThan(0);
  expect(subjects.filter((subject) => /Week-three check for Ana/.test(subject))).toEqual([]);
  expect(fake.gas.mail.sent.filter((mail) => mail.to.toLowerCase().includes(MEMBER))).toEqual([]);
  // Settled without an email, recorded under the approved row's name and email.
  expect(sentRows(fake.gas).find((row) => row.milestone === 'Week-three check' && row.member === 'Ana')).toMatchObject({
    memberEmail: ANA,
    note: expect.stringMatching(/^Not needed at the week-three check/),
  });
});

test('with no row approved, the daily run counts Ana no runs under the email', () => {
  const fake = team(false);
  runAs(fake, OWNER, 'setAutomation', [true]);
  fake.bundle.$runDays(2);
  expect(fake.gas.mail.sent.map((mail) => mail.subject)).toContain('Uptake: Week-three check for Ana');
});

describe('a usage export', () => {
  const EXPORT = ['Email,Period start,Period end,Active days,Tool', `${ANA},2026-03-09,2026-03-15,2,Gemini`].join('\n');
  const importAndRead = (fake: Fake) => {
    runAs(fake, OWNER, 'importUsageExport', [{ fileName: 'gemini.csv', text: EXPORT }]);
    return audit(fake).usage!;
  };

  test('is matched to the approved row by the email, and to no other row', () => {
    const usage = importAndRead(team());
    expect(usage.notOnRoster).toEqual([]);
    expect(usage.periods.map((p) => [p.member, p.activeDays])).toEqual([['Ana', 2]]);
    expect(usage.members.find((m) => m.member === 'Ana')?.lines).toEqual([
      'Gemini: 2 active days in 9–15 Mar; 4 runs logged on 4 days',
    ]);
    expect(usage.members.find((m) => m.member === 'Ben')?.periods).toEqual([]);
  });

  test('with no row approved, is matched to no one', () => {
    const usage = importAndRead(team(false));
    expect(usage.notOnRoster.map((n) => n.key)).toEqual([ANA]);
    expect(usage.periods).toEqual([]);
  });
});
