// What the daily run's reminders say and to whom, on the built bundle: figures as of the last
// complete day (the run goes in the morning, before the day's runs are logged), as the digest's.
import { logRows, plus, type RosterSpec } from '../support/sheets';
import { LEAD, LOG, OWNER, sentRows, team } from './support';

const TRAINED = '2026-03-02'; // a Monday: day 7, 14, 21 and 42 are Mondays, digest days

describe('a member who runs Mon/Wed/Fri every week, outputs used as-is', () => {
  const members: RosterSpec[] = [{ name: 'Ana', training: TRAINED, trained: 'Proposal', owner: LEAD }];
  const { gas, bundle } = team({ members });
  // The daily runs from Mon 2 March to Mon 13 April, each at 8:xx; Ana logs her run later that day.
  for (let n = 0; n <= 42; n++) {
    bundle.$runDays(1);
    if ([0, 2, 4].includes(n % 7))
      gas.user.appendRow(LOG, logRows([{ date: plus(TRAINED, n), member: 'Ana', workflow: 'Proposal' }])[1]);
  }
  const on = (day: string) => gas.mail.sent.filter((m) => m.at.toISOString().startsWith(day));
  const digestOn = (day: string) => on(day).find((m) => m.subject.startsWith('Uptake weekly digest'))!;
  const reminderOn = (day: string) => on(day).find((m) => m.subject.startsWith('Uptake: '))!;

  test('her day-42 email says frequency met: Stable, not deepening, not Reverted', () => {
    const mail = reminderOn('2026-04-13');
    expect(mail.subject).toBe('Uptake: Six-week measurement for Ana');
    expect(mail.body).toMatch(/Ana\s+yes\s+yes\s+no\s+Stable, not deepening/);
    expect(mail.body).not.toContain('Reverted');
  });

  test('her day-30 email shows her training cohort in week 4 since training (rules §13)', () => {
    const mail = reminderOn('2026-04-01');
    expect(mail.subject).toBe('Uptake: Adoption reassessment for Ana');
    // Week 4 is days 22–28 (Tue 24 to Mon 30 March): 3 unprompted runs, Genuine; the cohort is Ana alone.
    expect(mail.body).toContain(
      'Training cohort (week of Mon 2 Mar 2026): 1 of 1 is a Genuine adopter in week 4 since training (100%; for Ana the 7 days Tue 24 Mar 2026 to Mon 30 Mar 2026, not the week of the figures above); programme target 70%–80%.',
    );
  });

  test('the digest and the reminder sent the same morning agree on her category', () => {
    for (const day of ['2026-03-09', '2026-03-16', '2026-04-13']) {
      const digest = digestOn(day);
      const reminder = reminderOn(day);
      expect([day, digest.body]).toEqual([day, expect.stringMatching(/Genuine adopter\s+1\s/)]);
      expect([day, digest.body]).toEqual([
        day,
        expect.stringContaining('Nobody: every member in scope is a Genuine adopter'),
      ]);
      expect([day, reminder.body]).toEqual([
        day,
        expect.stringMatching(/This week[^:]*: Genuine adopter, 3 unprompted uses a week/),
      ]);
      expect([day, reminder.body]).not.toEqual([day, expect.stringContaining('Needs follow-up')]);
    }
  });

  test('her week-three check is not needed: no email, recorded as such', () => {
    expect(gas.mail.sent.filter((m) => m.subject.includes('Week-three check'))).toEqual([]);
    expect(sentRows(gas).find((r) => r.milestone === 'Week-three check')).toMatchObject({
      recipient: '',
      note: 'Not needed at the week-three check (the week to 2026-03-22, the day before it fell due)',
    });
  });
});

describe('a member added to the roster three weeks after training', () => {
  test('the owner gets the late day 14, the follow-up owner the late day 21 naming day 7; each recorded to its recipient', () => {
    const { gas, bundle } = team({ members: [{ name: 'Ana', training: '2026-02-07', owner: LEAD }] });
    bundle.$runDays(1); // Mon 2 March: day 23
    const reminders = gas.mail.sent.filter((m) => m.subject.startsWith('Uptake: '));
    expect(reminders.map((m) => [m.recipients, m.subject])).toEqual([
      [[OWNER], 'Uptake: Peer advocacy moment for Ana (late)'],
      [[LEAD], 'Uptake: Week-three check for Ana (late)'],
    ]);
    expect(reminders[1].body).toContain(
      'Also missed, and not sent separately: Day-seven follow-up (due Sat 14 Feb 2026).',
    );
    expect(reminders[0].body).not.toContain('Also missed');
    expect(
      sentRows(gas)
        .filter((r) => r.member === 'Ana')
        .map((r) => [r.milestone, r.recipient]),
    ).toEqual([
      ['Peer advocacy moment', OWNER],
      ['Week-three check', LEAD],
      ['Day-seven follow-up', LEAD],
    ]);
    bundle.$runDays(6); // nothing more until day 30, Mon 9 March
    expect(gas.mail.sent.filter((m) => m.subject.startsWith('Uptake: '))).toHaveLength(2);
  });

  test('an owner’s email that fails is retried even though the follow-up owner’s later one went', () => {
    const { gas, bundle } = team({ members: [{ name: 'Ana', training: '2026-02-07', owner: LEAD }] });
    gas.mail.failFor(OWNER);
    bundle.$runDays(1);
    expect(gas.mail.to(LEAD).map((m) => m.subject)).toEqual(['Uptake: Week-three check for Ana (late)']);
    gas.mail.clearFailures();
    bundle.$runDays(1);
    expect(
      gas.mail
        .to(OWNER)
        .filter((m) => m.subject.startsWith('Uptake: '))
        .map((m) => m.subject),
    ).toEqual(['Uptake: Peer advocacy moment for Ana (late)']);
    expect(
      sentRows(gas)
        .filter((r) => r.member === 'Ana')
        .map((r) => r.milestone)
        .sort(),
    ).toEqual(['Day-seven follow-up', 'Peer advocacy moment', 'Week-three check']);
  });
});
