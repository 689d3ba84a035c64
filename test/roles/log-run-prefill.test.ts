// Log a run starts with the member's own roster name (rules §19), found by the email Google gives
// for the account opening it on a row the owner approved, on the BUILT bundle: nothing when no
// email is given, the roster does not know it or the row waits for approval (it may be a
// colleague's), and the name stays a choice the member can change.
import { logRunRequest } from '../support/fake-bundle';
import { approveListedRosterEmails, roleTeam } from './support';

/** The sample team, its roster approved by the owner. */
const teamSheet = () => roleTeam();

const RUN = logRunRequest({ workflow: 'Board memo', outcome: 'Light edit' });

describe('Log a run preselects the roster name of the account opening it', () => {
  test('a member on the roster finds their own name, matched by email whatever its case', () => {
    const { bundle } = teamSheet();
    expect(bundle.$run('getLogForm', [], { user: 'ben@example.com' }).member).toBe('Ben');
    expect(bundle.$run('getLogForm', [], { user: 'Cleo@Example.com' }).member).toBe('Cleo');
  });

  test('an account the roster does not know, or one whose email Google does not give, gets no name', () => {
    const { bundle, gas } = teamSheet();
    expect(bundle.$run('getLogForm', [], { user: 'visitor@example.com' }).member).toBe('');
    gas.hideEmailOf('ana@example.com');
    expect(bundle.$run('getLogForm', [], { user: 'ana@example.com' }).member).toBe('');
  });

  test('the name can be changed: whom the account last logged as comes first next time', () => {
    const { bundle } = teamSheet();
    const logged = bundle.$run('logRun', [{ ...RUN, member: 'Cleo' }], { user: 'ben@example.com' });
    expect(logged.message).toMatch(/Cleo, Board memo/);
    expect(bundle.$run('getLogForm', [], { user: 'ben@example.com' }).member).toBe('Cleo');
  });

  test('the preselected member’s own recent workflows come first; the look-up costs two calls at most', () => {
    const { bundle, gas } = teamSheet();
    const unknown = bundle.$run('getLogForm', [], { user: 'visitor@example.com' });
    gas.calls.reset();
    const ben = bundle.$run('getLogForm', [], { user: 'ben@example.com' });
    const lookedUp = gas.calls.total;
    // The sample team: Ben's latest run is Weekly update (today), the team's most run Client proposal.
    expect(ben.workflows[0]).toBe('Weekly update');
    expect(unknown.workflows[0]).toBe('Client proposal');
    // Once Ben has logged as himself, the name is remembered and his email is not asked for.
    bundle.$run('logRun', [{ ...RUN, member: 'Ben' }], { user: 'ben@example.com' });
    gas.calls.reset();
    expect(bundle.$run('getLogForm', [], { user: 'ben@example.com' }).member).toBe('Ben');
    expect(lookedUp - gas.calls.total).toBeGreaterThan(0);
    expect(lookedUp - gas.calls.total).toBeLessThanOrEqual(2);
  });
});

describe('Log a run shows no colleague’s name for a row waiting for approval', () => {
  const ANA = 'ana@example.com';

  /** Ana moved her email onto Ben's row (and off her own): the pairing waits for the owner. */
  function anaOnBensRow() {
    const fake = roleTeam();
    const roster = fake.gas.sheet('Roster');
    roster.getRange(3, 2).setValues([[ANA]]);
    roster.getRange(2, 2).setValues([['']]);
    return fake;
  }

  test('no name is preselected and the workflows are not ordered by the colleague’s runs', () => {
    const fake = anaOnBensRow();
    const form = fake.bundle.$run('getLogForm', [], { user: ANA });
    expect(form.member).toBe('');
    // Ben's latest run is Weekly update; the team's most run is Client proposal.
    expect(form.workflows[0]).toBe('Client proposal');
    expect(JSON.stringify(form.myWeek)).not.toMatch(/Ben|Weekly update/);
    // Once the owner approves the pairing, the row is the account's to use.
    approveListedRosterEmails(fake);
    const approved = fake.bundle.$run('getLogForm', [], { user: ANA });
    expect([approved.member, approved.workflows[0]]).toEqual(['Ben', 'Weekly update']);
  });

  test('an email only on a row skipped for repeating a name is told so, not that it is not in the roster', () => {
    const fake = roleTeam();
    fake.gas.user.appendRow('Roster', ['Ana', 'dee@example.com']);
    const week = fake.bundle.$run('getMyWeek', [], { user: 'dee@example.com' });
    expect(week.week).toBeNull();
    expect(week.message).toMatch(/^Your Google account \(dee@example\.com\) is on a Roster row that Uptake skips/);
    expect(week.message).not.toMatch(/Ana|not in the roster/);
    expect(fake.bundle.$run('getLogForm', [], { user: 'dee@example.com' }).member).toBe('');
  });
});
