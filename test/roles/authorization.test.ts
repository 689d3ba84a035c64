// Each person authorizes Uptake for themselves ("Authorization for Google Services",
// https://developers.google.com/apps-script/guides/services/authorization; granular consent lets
// them leave scopes unticked: "Authorization scopes",
// https://developers.google.com/apps-script/concepts/scopes), and the daily trigger runs under the
// account that made it, with that account's authorization ("Installable triggers",
// https://developers.google.com/apps-script/guides/triggers/installable). The BUILT bundle in the
// in-memory Apps Script, with the owner, a member and an account whose email Google does not give.
import { logRunRequest } from '../support/fake-bundle';
import { HIDDEN, MEMBER, OWNER, roleTeam, runAs } from './support';

const SEND_MAIL = 'script.send_mail';
const TRIGGERS = 'script.scriptapp';
/** appsscript.json's scopes but those two: what a member ticked who wants to log and nothing more. */
const LOGGING_ONLY = ['spreadsheets', 'script.container.ui', 'userinfo.email', 'forms'];

/** The sample team; the owner granted every scope, the member and the account without email only LOGGING_ONLY. */
function team() {
  const fake = roleTeam(
    { digestWeekday: 1 },
    { grants: { [OWNER]: 'all', [MEMBER]: LOGGING_ONLY, [HIDDEN]: LOGGING_ONLY } },
  );
  fake.bundle.setAutomation(true);
  return fake;
}

const sentFrom = (fake: ReturnType<typeof team>) => [...new Set(fake.gas.mail.sent.map((m) => m.from))];

describe('each account’s own authorization', () => {
  test('the owner, who granted everything, turns automation on: the trigger is theirs', () => {
    const { gas } = team();
    expect(gas.triggers.clock().map((t) => [t.owner, t.handler])).toEqual([[OWNER, 'runDaily']]);
  });

  test('a member who left sending email unticked still logs a run and sees My week', () => {
    const fake = team();
    // What the member left unticked is exactly what Uptake asks for beyond logging.
    const unticked = (fake.gas.oauthScopes ?? []).filter((s) => !fake.gas.authorization.scopesOf(MEMBER)?.includes(s));
    expect(unticked.map((s) => s.replace('https://www.googleapis.com/auth/', ''))).toEqual([SEND_MAIL, TRIGGERS]);
    const logged = runAs(fake, MEMBER, 'logRun', [logRunRequest({ member: 'Ben', workflow: 'Weekly update' })]);
    expect(logged.message).toMatch(/Ben/);
    expect(logged.myWeek.week?.member).toBe('Ben');
    expect(runAs(fake, MEMBER, 'getMyWeek').week?.member).toBe('Ben');
    expect(fake.gas.mail.sent).toEqual([]);
  });

  test.each([
    ['a member', MEMBER, /^Only the owner of Uptake for this spreadsheet \(owner@example\.com\)/],
    [
      'an account with no email',
      HIDDEN,
      /^Only the owner of Uptake for this spreadsheet can .*did not give Uptake your email/,
    ],
  ])(
    '%s cannot turn automation on: refused for their role, before any permission is asked about',
    (_, user, refusal) => {
      const fake = team();
      const before = fake.gas.triggers.records.slice();
      expect(() => runAs(fake, user, 'setAutomation', [true])).toThrow(refusal);
      expect(() => runAs(fake, user, 'setAutomation', [true])).not.toThrow(/was not given|permission/);
      expect(fake.gas.triggers.records).toEqual(before);
    },
  );

  test('the owner’s daily run sends with the owner’s authorization while the member is at the keyboard', () => {
    const fake = team();
    fake.gas.session.setUser(MEMBER);
    const runs = fake.bundle.$runDays(8);
    expect(runs.every((r) => r.ok)).toBe(true);
    expect(fake.gas.mail.sent.length).toBeGreaterThan(0);
    expect(sentFrom(fake)).toEqual([OWNER]);
    expect(fake.gas.failureSummaries()).toEqual([]);
  });

  test('an account with no email has grants of its own: the owner revoking leaves its Log a run working', () => {
    const fake = team();
    fake.gas.authorization.revoke(OWNER);
    expect(fake.gas.authorization.scopesOf(HIDDEN)).toEqual(
      LOGGING_ONLY.map((s) => `https://www.googleapis.com/auth/${s}`),
    );
    expect(runAs(fake, HIDDEN, 'getLogForm').members).toEqual(['Ana', 'Ben', 'Cleo']);
  });
});

describe('the owner revokes Uptake in their Google Account', () => {
  test('the next daily run sends nothing, says why, and fails so that Google’s failure summary tells the owner', () => {
    const fake = team();
    const { gas, bundle } = fake;
    gas.session.setUser(MEMBER);
    gas.authorization.revoke(OWNER);
    const runs = bundle.$runDays(1);
    expect(gas.mail.sent).toEqual([]);
    // The trigger still fires (it is not deleted by the revocation) and fails with what to do.
    expect(runs.map((r) => [r.handler, r.ok])).toEqual([['runDaily', false]]);
    const why =
      /^Uptake needs to be authorised again before it can send anything: open Uptake from the Extensions menu/;
    expect(runs[0].error?.message).toMatch(why);
    // Google tells the trigger's creator, the owner, not the member at the keyboard.
    expect(gas.failureSummaries().map((f) => [f.to, f.handler])).toEqual([[OWNER, 'runDaily']]);
    expect(gas.failureSummaries()[0].error).toMatch(why);
    // The member's own Log a run and My week do not depend on the owner's authorization.
    expect(runAs(fake, MEMBER, 'getMyWeek').week?.member).toBe('Ben');
    // The owner's sidebar says why once they authorize again (Google asks them when they open it).
    gas.authorization.grant(OWNER, 'all');
    expect(runAs(fake, OWNER, 'getAutomationStatus').problems).toEqual([expect.stringMatching(why)]);
    // Authorized again, the next run catches up and sends, from the owner's account.
    const next = bundle.$runDays(1);
    expect(next.map((r) => r.ok)).toEqual([true]);
    expect(gas.mail.sent.length).toBeGreaterThan(0);
    expect(sentFrom(fake)).toEqual([OWNER]);
    expect(runAs(fake, OWNER, 'getAutomationStatus').problems).toEqual([]);
    expect(gas.failureSummaries()).toHaveLength(1);
  });

  test('with sending email unticked on re-authorizing, the run still sends nothing and fails the same way', () => {
    const { gas, bundle } = team();
    gas.authorization.revoke(OWNER);
    gas.authorization.grant(OWNER, LOGGING_ONLY.concat(TRIGGERS));
    const runs = bundle.$runDays(1);
    expect(gas.mail.sent).toEqual([]);
    expect(runs.map((r) => r.ok)).toEqual([false]);
    expect(gas.failureSummaries().map((f) => f.to)).toEqual([OWNER]);
    expect(gas.authorization.scopesOf(OWNER)).not.toContain(`https://www.googleapis.com/auth/${SEND_MAIL}`);
  });
});
