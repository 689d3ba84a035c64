// Log a run starts with the member's own roster name (rules §19), found by the email Google gives
// for the account opening it, on the BUILT bundle: nothing when no email is given or the roster
// does not know it, and the name stays a choice the member can change.
import { logRunRequest, teamSheet } from '../support/fake-bundle';

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
