// One account runs the automation, the owner's (rules §19): installable triggers run under the
// account that made them, so a trigger of anyone else's would mail from their mailbox.
import { OWNER, MEMBER, roleTeam, runAs } from './support';

const NEW_OWNER = 'cleo@example.com';

describe('the owner changes', () => {
  test('the old owner’s trigger stops at once; the new owner turns automation on from their account', () => {
    const fake = roleTeam({ digestWeekday: 1 });
    fake.bundle.setAutomation(true);
    expect(fake.gas.triggers.clock().map((t) => t.owner)).toEqual([OWNER]);
    fake.bundle.saveSettings({ ownerEmail: NEW_OWNER, handOver: true });
    // Handed over: no trigger left, automation off, and the sidebar says who turns it on.
    expect(fake.gas.triggers.clock()).toEqual([]);
    const status = runAs(fake, NEW_OWNER, 'getAutomationStatus');
    expect(status.on).toBe(false);
    expect(status.problems[0]).toMatch(
      /^Uptake now belongs to cleo@example\.com: the daily run under owner@example\.com stopped/,
    );
    // The old owner is a member now.
    expect(() => fake.bundle.setAutomation(true)).toThrow(
      /^Only the owner of Uptake for this spreadsheet \(cleo@example\.com\)/,
    );
    runAs(fake, NEW_OWNER, 'setAutomation', [true]);
    expect(fake.gas.triggers.clock().map((t) => t.owner)).toEqual([NEW_OWNER]);
    // Once the new owner has turned it on, the sidebar no longer tells them to.
    const after = runAs(fake, NEW_OWNER, 'getAutomationStatus');
    expect(after.on).toBe(true);
    expect(after.problems.join('\n')).not.toMatch(/handed over|turns automation on|belongs to/);
    expect(
      runAs(fake, NEW_OWNER, 'getSetupCheck')
        .map((line) => line.detail)
        .join('\n'),
    ).not.toMatch(/turns automation on from their own/);
    fake.bundle.$runDays(8);
    const digests = fake.gas.mail.sent.filter((m) => m.subject.startsWith('Uptake weekly digest'));
    // Two Mondays in the 8 days: both digests to the new owner, from their account's trigger.
    expect(digests.map((m) => m.recipients)).toEqual([[NEW_OWNER], [NEW_OWNER]]);
  });
});

describe('a daily run under an account that is not the owner’s', () => {
  /**
   * A trigger another editor made before roles existed: the member's own trigger, the state
   * pointing at it, Settings naming the owner (as an earlier version allowed).
   */
  function staleTrigger() {
    const fake = roleTeam({ digestWeekday: 1 });
    const { gas } = fake;
    const documentProperties = gas.properties.forDocument(gas.spreadsheet._id);
    // The member's trigger, made as an earlier version let any editor do: under their account.
    gas.session.setUser(MEMBER);
    const uid = gas.globals.ScriptApp.newTrigger('runDaily').timeBased().everyDays(1).atHour(8).create().getUniqueId();
    gas.session.setUser(OWNER);
    const rec = gas.triggers.records.find((r) => r.uid === uid)!;
    documentProperties.setProperty(
      'uptake.automation',
      JSON.stringify({
        on: true,
        triggerId: rec.uid,
        hour: 8,
        spreadsheetId: gas.spreadsheet._id,
        turnedOnBy: MEMBER,
        since: '2026-03-01',
      }),
    );
    return { ...fake, rec };
  }

  test('sends nothing to the team, says why in Check set-up, tells the owner once, and stops', () => {
    const { gas, bundle, rec } = staleTrigger();
    expect(rec.owner).toBe(MEMBER);
    const runs = bundle.$runDays(1);
    expect(runs).toHaveLength(1);
    expect(runs[0].ok).toBe(true);
    // One email, to the owner, about the run; nothing to anyone else.
    expect(gas.mail.sent.map((m) => [m.recipients, m.subject])).toEqual([
      [[OWNER], 'Uptake: the daily run for "Uptake test sheet" needs you'],
    ]);
    expect(gas.mail.sent[0].body).toContain('ran under ben@example.com, not under the owner');
    // The trigger removed itself; automation is off until the owner turns it on.
    expect(gas.triggers.clock()).toEqual([]);
    const lines = bundle.getSetupCheck();
    expect(lines.find((l) => l.id === 'last-run')).toMatchObject({
      status: 'fix',
      detail: expect.stringContaining('ran under ben@example.com, not under the owner’s account'.replace('’', "'")),
    });
    expect(bundle.getAutomationStatus()).toMatchObject({ on: false });
    // Days later, nothing more.
    bundle.$runDays(7);
    expect(gas.mail.sent).toHaveLength(1);
  });

  test('told once even if the same account’s run comes again (a second trigger, a retry)', () => {
    const { gas, bundle, rec } = staleTrigger();
    bundle.$runDays(1);
    // Fired again by hand, as a late duplicate would be.
    gas.triggers.records.push(rec);
    bundle.$fireTrigger(rec);
    expect(gas.mail.sent).toHaveLength(1);
  });

  test('the lock busy at the first run: the trigger stays, and the next run tells the owner once, then stops', () => {
    const { gas, bundle } = staleTrigger();
    gas.locks.holdElsewhere('document');
    bundle.$runDays(1);
    expect(gas.mail.sent).toEqual([]);
    expect(gas.triggers.clock()).toHaveLength(1);
    gas.locks.release('document');
    bundle.$runDays(8);
    expect(gas.mail.sent.map((m) => [m.recipients, m.subject])).toEqual([
      [[OWNER], 'Uptake: the daily run for "Uptake test sheet" needs you'],
    ]);
    expect(gas.triggers.clock()).toEqual([]);
  });
});
