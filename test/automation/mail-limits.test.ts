// MailApp's per-message limits are not the daily quota: a refusal of one email fails that email
// alone, and Uptake keeps every email under the body limit ("Quotas for Google Services").
import type { RosterSpec, RunSpec } from '../support/sheets';
import { LEAD, OWNER, team } from './support';

const BODY_LIMIT = 200 * 1024;
const bytes = (text = '') => Buffer.byteLength(text, 'utf8');

describe('a large named digest', () => {
  test('goes, cut short under 200 KB with a note, instead of being refused day after day', () => {
    // 1,500 members with names of 200 characters (the longest the roster reads), none with a run:
    // each is named in the follow-up list of the owner's digest, and the digest is over the limit whole.
    const members: RosterSpec[] = Array.from({ length: 1500 }, (_, i) => ({
      name: `${String(i).padStart(4, '0')}${'x'.repeat(196)}`,
      training: '2026-02-02',
    }));
    const runs: RunSpec[] = [{ date: '2026-02-27', member: members[0].name }];
    const { gas, bundle } = team({ members, runs });
    bundle.$runDays(1); // Monday 2 March: the digest
    const digest = gas.mail.to(OWNER).find((m) => m.subject.startsWith('Uptake weekly digest'))!;
    expect(digest).toBeDefined();
    expect(bytes(digest.body) + bytes(digest.htmlBody)).toBeLessThanOrEqual(BODY_LIMIT);
    expect(digest.body).toContain('cut short to stay within Gmail’s size limit');
    expect(bundle.getAutomationStatus().lastRunReport.join('\n')).not.toContain('quota');
  });
});

describe('MailApp refusing one email for its size', () => {
  test('is a failure of that email, not the end of the day’s quota: the others still go', () => {
    const members: RosterSpec[] = [
      { name: 'Ana', training: '2026-03-03', owner: LEAD },
      { name: 'Ben', training: '2026-03-03' },
    ];
    const { gas, bundle } = team({ members });
    gas.mail.failFor(LEAD, 'Limit Exceeded: Email Body Size.');
    bundle.$runDays(9); // through Tuesday 10 March: both day-seven emails, Ana's first
    expect(gas.mail.to(OWNER).map((m) => m.subject)).toContain('Uptake: Day-seven follow-up for Ben');
    const status = bundle.getAutomationStatus();
    expect(status.lastRunReport.join('\n')).not.toContain('quota');
    expect(status.problems).toEqual([
      expect.stringMatching(
        /^Day-seven follow-up for Ana to lead@example\.com failed .*Limit Exceeded: Email Body Size\./,
      ),
    ]);
  });
});
