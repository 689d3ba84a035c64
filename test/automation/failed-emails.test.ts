// Failed emails as the owner reads them: a retried milestone that shares an email with a newly
// due one, retries that go out, members given up, and what a retry says about its delay.
import type { RosterSpec } from '../support/sheets';
import { LEAD, team } from './support';

// Ana's day seven falls on Tuesday 10 March, Ben's on Wednesday 11: both to the same lead, so
// Ana's retry on the 11th and Ben's first email go in one.
const members: RosterSpec[] = [
  { name: 'Ana', training: '2026-03-03', owner: LEAD },
  { name: 'Ben', training: '2026-03-04', owner: LEAD },
];
const digestOf16 = (gas: ReturnType<typeof team>['gas']) =>
  gas.mail.sent.find(
    (m) => m.subject.startsWith('Uptake weekly digest') && m.at.toISOString().startsWith('2026-03-16'),
  );

describe('a retry and a newly due milestone in one email', () => {
  test('when it fails, each member’s failure is reported on its own, and only the one tried three times is given up', () => {
    const { gas, bundle } = team({ members });
    gas.mail.failFor(LEAD);
    bundle.$runDays(11); // through Thursday 12 March: Ana's third attempt, Ben's second
    expect(bundle.getAutomationStatus().problems).toEqual([
      expect.stringMatching(
        /^Day-seven follow-up for Ana to lead@example\.com failed 3 times \(last 2026-03-12 .*Uptake gave up and recorded it as not sent\.$/,
      ),
      expect.stringMatching(
        /^Day-seven follow-up for Ben to lead@example\.com failed 2 times \(last 2026-03-12 .*Uptake tries again at the next run\.$/,
      ),
    ]);
    bundle.$runDays(4); // Ben given up on the 13th; the digest of Monday 16 March
    const digest = digestOf16(gas)!;
    expect(digest.body).toMatch(/Day-seven follow-up for Ana to lead@example\.com failed 3 times .*gave up/);
    expect(digest.body).toMatch(
      /Day-seven follow-up for Ben to lead@example\.com failed 3 times \(last 2026-03-13 .*gave up/,
    );
    expect(digest.body).not.toContain('Ana and Ben to');
  });

  test('when it goes, neither is reported as pending any more, and it says it is a retry', () => {
    const { gas, bundle } = team({ members });
    gas.mail.failFor(LEAD);
    bundle.$runDays(10); // Ana failed on the 10th, Ana and Ben on the 11th
    gas.mail.clearFailures();
    bundle.$runDays(1);
    const [retry] = gas.mail.to(LEAD);
    expect(retry.subject).toBe('Uptake: Day-seven follow-up for Ana and Ben (late)');
    expect(retry.body.match(/tried to send it before, and the email failed: this is another attempt/g)).toHaveLength(2);
    expect(retry.body).not.toContain('did not send it then');
    expect(bundle.getAutomationStatus().problems).toEqual([]);
    bundle.$runDays(4);
    expect(digestOf16(gas)!.body).not.toContain('Problems Uptake ran into');
  });
});

describe('a late email that was not tried before', () => {
  test('says the daily run did not send it then', () => {
    const { gas, bundle } = team({ members: [members[0]] });
    gas.clock.set('2026-03-11T12:00:00Z'); // no run on the 10th or 11th
    bundle.$runDays(1);
    expect(gas.mail.to(LEAD)[0].body).toContain('2 days ago; Uptake’s daily run did not send it then.');
  });
});
