// The daily run asks about the permissions it uses alone ("Class AuthorizationInfo",
// https://developers.google.com/apps-script/reference/script/authorization-info: with a list of
// scopes, getAuthorizedScopes() answers among those): one unticked that it does not use stops
// nothing; one it uses is named. And whose run it is comes first: a trigger that is not the
// owner's says so, whatever its account granted. The BUILT bundle in the in-memory Apps Script.
import { MEMBER, OWNER, roleTeam, type Fake } from './support';

const ALL_BUT = (...left: string[]) =>
  ['spreadsheets', 'script.container.ui', 'userinfo.email', 'script.send_mail', 'script.scriptapp', 'forms'].filter(
    (s) => !left.includes(s),
  );

function team(): Fake {
  const fake = roleTeam({ digestWeekday: 1 }, { grants: { [OWNER]: 'all' } });
  fake.bundle.setAutomation(true);
  return fake;
}

/** The owner removes Uptake in their Google Account, then accepts again with `left` unticked. */
function reconsentWithout(fake: Fake, ...left: string[]): void {
  fake.gas.authorization.revoke(OWNER);
  fake.gas.authorization.grant(OWNER, ALL_BUT(...left));
}

const lastRunLine = (fake: Fake) => fake.bundle.getSetupCheck().find((l) => l.id === 'last-run');

describe('the owner leaves a permission unticked', () => {
  test('the logging form’s: every daily run works and sends; only the form’s dropdowns wait, and the report says why', () => {
    const fake = team();
    fake.bundle.createLoggingForm();
    reconsentWithout(fake, 'forms');
    const runs = fake.bundle.$runDays(3);
    expect(runs.map((r) => [r.handler, r.ok])).toEqual([
      ['runDaily', true],
      ['runDaily', true],
      ['runDaily', true],
    ]);
    expect(fake.gas.mail.sent.length).toBeGreaterThan(0);
    expect([...new Set(fake.gas.mail.sent.map((m) => m.from))]).toEqual([OWNER]);
    expect(fake.gas.failureSummaries()).toEqual([]);
    const report = fake.bundle.getAutomationStatus().lastRunReport.join('\n');
    expect(report).toContain(
      "The logging form's dropdowns were not updated: owner@example.com did not give Uptake the permission “See, edit, create and delete all your Google Forms forms” (Create logging form).",
    );
    expect(report).not.toMatch(/authorised again/);
    // Check set-up names the permission too (its permissions line), and no run problem.
    const lines = fake.bundle.getSetupCheck();
    expect(lines.map((l) => l.detail).join('\n')).toContain(
      '“See, edit, create and delete all your Google Forms forms”',
    );
    expect(lastRunLine(fake)?.detail ?? '').not.toMatch(/authorised again/);
  });

  test('sending email: nothing is sent, and the report and Check set-up name that permission', () => {
    const fake = team();
    reconsentWithout(fake, 'script.send_mail');
    const runs = fake.bundle.$runDays(1);
    expect(runs.map((r) => r.ok)).toEqual([false]);
    expect(fake.gas.mail.sent).toEqual([]);
    const why =
      /^Uptake needs to be authorised again before it can send anything: .* Not granted: “Send email as you” \(reminders, the digest and problem reports\)\.$/;
    expect(runs[0].error?.message).toMatch(why);
    expect(fake.gas.failureSummaries().map((f) => f.to)).toEqual([OWNER]);
    expect(lastRunLine(fake)?.detail).toContain('Not granted: “Send email as you”');
  });
});

describe('a trigger that is not the owner’s, under an account that took back its permissions', () => {
  /**
   * The member's trigger, made as an earlier version let any editor do (or by an owner since
   * replaced): under their account, the automation state pointing at it, Settings naming the owner.
   */
  function staleTrigger(): Fake {
    const fake = roleTeam({ digestWeekday: 1 }, { grants: { [OWNER]: 'all', [MEMBER]: 'all' } });
    const { gas } = fake;
    gas.session.setUser(MEMBER);
    const uid = gas.globals.ScriptApp.newTrigger('runDaily').timeBased().everyDays(1).atHour(8).create().getUniqueId();
    gas.session.setUser(OWNER);
    gas.properties.forDocument(gas.spreadsheet._id).setProperty(
      'uptake.automation',
      JSON.stringify({
        on: true,
        triggerId: uid,
        hour: 8,
        spreadsheetId: gas.spreadsheet._id,
        turnedOnBy: MEMBER,
        since: '2026-03-01',
      }),
    );
    return fake;
  }

  const notOwner =
    /ran under ben@example\.com, not under the owner's account \(owner@example\.com\), so it sent nothing/;

  test.each([
    ['took back everything', (fake: Fake) => fake.gas.authorization.revoke(MEMBER)],
    [
      'kept only what logging needs',
      (fake: Fake) => {
        fake.gas.authorization.revoke(MEMBER);
        fake.gas.authorization.grant(MEMBER, ALL_BUT('script.send_mail', 'script.scriptapp'));
      },
    ],
    [
      'unticked sending email alone',
      (fake: Fake) => {
        fake.gas.authorization.revoke(MEMBER);
        fake.gas.authorization.grant(MEMBER, ALL_BUT('script.send_mail'));
      },
    ],
  ])('%s: the run says it is not the owner’s, sends nothing, and does not fail', (_, takeBack) => {
    const fake = staleTrigger();
    takeBack(fake);
    const runs = fake.bundle.$runDays(2);
    expect(runs.map((r) => [r.handler, r.ok])).toEqual([
      ['runDaily', true],
      ['runDaily', true],
    ]);
    expect(fake.gas.mail.sent).toEqual([]);
    // No failure summary every day to an account that is not the owner's.
    expect(fake.gas.failureSummaries()).toEqual([]);
    const detail = lastRunLine(fake)?.detail ?? '';
    expect(detail).toMatch(notOwner);
    expect(detail).not.toMatch(/authorised again/);
  });
});
