// Which programme milestones are due, to whom, and what the reminder emails say (spec §8).
import { plus, rosterRows, type RosterSpec, type RunSpec } from '../support/sheets';
import { parseRoster } from '../../src/core/sheets/roster';
import type { RosterMember } from '../../src/core/base/types';
import type { MemberReport } from '../../src/core/audit/audit-types';
import {
  outstandingMilestones,
  planReminders,
  STALE_AFTER_DAYS,
  upcomingMilestones,
} from '../../src/core/programme/reminders';
import { bestWorkflow } from '../../src/core/programme/milestone-emails';
import { readSentSheet, SentIndex, PROGRAMME_RESTART_DAYS } from '../../src/core/programme/sent-records';
import { SENT_HEADERS, type RecordDraft } from '../../src/core/programme/sent-row';
import { CLEAR_TAGS } from '../../src/core/programme/sent-tags';
import { day, runsOf, UTC } from './fixtures';
import { OWNER, reminderInput } from './reminder-fixtures';

const TRAINED = '2026-03-02';

function roster(members: RosterSpec[]): RosterMember[] {
  return parseRoster(rosterRows(members), UTC).members;
}

function draft(member: string, milestone: string, trainingDate: string, email = ''): RecordDraft {
  return { member, milestone, recipient: OWNER, dueDate: trainingDate, trainingDate, memberEmail: email, note: '' };
}

const NAME_OF: Record<number, string> = {
  7: 'Day-seven follow-up',
  14: 'Peer advocacy moment',
  21: 'Week-three check',
  30: 'Adoption reassessment',
  42: 'Six-week measurement',
};

/** Records of every milestone of `member` before day `n`: what an on-time programme has sent. */
function sentBefore(member: string, n: number, trainingDate = TRAINED): RecordDraft[] {
  return [7, 14, 21, 30, 42].filter((m) => m < n).map((m) => draft(member, NAME_OF[m], trainingDate));
}

/** Runs of `member` on the days after training whose weekday (0 = the training day's) is in `weekdays`, from day `from` to day `to`. */
function weekly(member: string, weekdays: number[], from: number, to: number, extra: Partial<RunSpec> = {}): RunSpec[] {
  const runs: RunSpec[] = [];
  for (let n = from; n <= to; n++)
    if (weekdays.includes(n % 7)) runs.push({ date: plus(TRAINED, n), member, ...extra });
  return runs;
}

describe('which milestones are due', () => {
  const members: RosterSpec[] = [
    { name: 'Ana', training: TRAINED },
    { name: 'Ben', training: TRAINED, status: 'Principled resistance' },
    { name: 'Cleo', training: TRAINED, status: 'No suitable anchor workflow' },
    { name: 'Dev' },
  ];

  test.each([
    [6, []],
    [7, [7]],
    [13, [7]],
    [14, [7, 14]],
    [42, [14, 21, 30, 42]],
  ])('on day %i after training, the outstanding milestones are %p', (n, expected) => {
    const due = outstandingMilestones(roster(members), day(plus(TRAINED, n)), SentIndex.empty());
    expect(due.map((d) => d.member.name)).toEqual(expected.length ? ['Ana'] : []);
    expect((due[0]?.outstanding ?? []).map((o) => o.milestone.day)).toEqual(expected);
  });

  test('principled resistance, out of scope and untrained members get no reminders', () => {
    const due = outstandingMilestones(roster(members), day(plus(TRAINED, 50)), SentIndex.empty());
    expect(due.map((d) => d.member.name)).toEqual(['Ana']);
  });

  test('a milestone due more than the stale horizon ago is not sent', () => {
    expect(STALE_AFTER_DAYS).toBe(28);
    const due = outstandingMilestones(
      roster([{ name: 'Ana', training: TRAINED }]),
      day(plus(TRAINED, 7 + 29)),
      SentIndex.empty(),
    );
    expect(due[0].outstanding.map((o) => o.milestone.day)).toEqual([14, 21, 30]);
  });

  test('a recorded milestone is not due again, nor is anything older than it for the same recipient', () => {
    const sent = SentIndex.empty();
    sent.add([draft('Ana', 'Week-three check', TRAINED)]);
    // Day 21 (the follow-up owner's) closes day 7, not the owner's day 14: that email may have failed.
    const due = outstandingMilestones(roster([{ name: 'Ana', training: TRAINED }]), day(plus(TRAINED, 30)), sent);
    expect(due[0].outstanding.map((o) => o.milestone.day)).toEqual([14, 30]);
    sent.add([draft('Ana', 'Adoption reassessment', TRAINED)]);
    expect(outstandingMilestones(roster([{ name: 'Ana', training: TRAINED }]), day(plus(TRAINED, 30)), sent)).toEqual(
      [],
    );
  });
});

describe('identity of a sent record', () => {
  const at = day(plus(TRAINED, 7));

  test('a member renamed in the roster is matched by email', () => {
    const sent = SentIndex.empty();
    sent.add([draft('Ana', 'Day-seven follow-up', TRAINED, 'ana@example.com')]);
    const renamed = roster([{ name: 'Ana Silva', email: 'Ana@Example.com', training: TRAINED }]);
    expect(outstandingMilestones(renamed, at, sent)).toEqual([]);
  });

  test('a member whose email was corrected is matched by name', () => {
    const sent = SentIndex.empty();
    sent.add([draft('Ana', 'Day-seven follow-up', TRAINED, 'ana@exmaple.com')]);
    expect(
      outstandingMilestones(roster([{ name: ' ana ', email: 'ana@example.com', training: TRAINED }]), at, sent),
    ).toEqual([]);
  });

  test('a member renamed with no email on the roster is a new member', () => {
    const sent = SentIndex.empty();
    sent.add([draft('Ana', 'Day-seven follow-up', TRAINED)]);
    const due = outstandingMilestones(roster([{ name: 'Ana Silva', training: TRAINED }]), at, sent);
    expect(due.map((d) => d.member.name)).toEqual(['Ana Silva']);
  });

  test('a training date corrected by a few days is the same programme; a new training is a new one', () => {
    const sent = SentIndex.empty();
    sent.add([draft('Ana', 'Day-seven follow-up', TRAINED)]);
    const corrected = plus(TRAINED, PROGRAMME_RESTART_DAYS - 1);
    expect(
      outstandingMilestones(roster([{ name: 'Ana', training: corrected }]), day(plus(corrected, 7)), sent),
    ).toEqual([]);
    const retrained = plus(TRAINED, PROGRAMME_RESTART_DAYS);
    const due = outstandingMilestones(roster([{ name: 'Ana', training: retrained }]), day(plus(retrained, 7)), sent);
    expect(due[0].outstanding.map((o) => o.milestone.day)).toEqual([7]);
  });

  test('the sheet is read by header, dates as text or cells, and rows that are not records are ignored', () => {
    const values: unknown[][] = [
      [...SENT_HEADERS],
      ['2026-03-09 08:00', 'Ana', 'Day-seven follow-up', OWNER, '2026-03-09', new Date(Date.UTC(2026, 2, 2)), '', ''],
      ['note', 'Ben', 'a hand-written line', '', '', '', '', ''],
      ['2026-03-09 08:00', '', 'Weekly digest', 'Boss@Example.com', '2026-03-09', '', '', ''],
    ];
    const index = readSentSheet(values, 'UTC', CLEAR_TAGS).index;
    expect(index.hasMilestone({ key: 'ana', email: null }, 7, day(TRAINED))).toBe(true);
    expect(index.hasMilestone({ key: 'ben', email: null }, 7, day(TRAINED))).toBe(false);
    expect(index.hasDigest(day('2026-03-09'), 'boss@example.com')).toBe(true);
    expect(index.hasDigest(day('2026-03-16'), 'boss@example.com')).toBe(false);
  });
});

describe('planning the reminders', () => {
  test('day 7 goes to the follow-up owner, else to the owner; several members are grouped per recipient', () => {
    const plan = planReminders(
      reminderInput({
        members: [
          { name: 'Ana', training: TRAINED, owner: 'lead@example.com' },
          { name: 'Ben', training: TRAINED },
          { name: 'Cleo', training: TRAINED },
        ],
        today: plus(TRAINED, 7),
      }),
    );
    expect(plan.emails.map((e) => [e.to, e.milestone.day, e.records.map((r) => r.member)])).toEqual([
      ['lead@example.com', 7, ['Ana']],
      [OWNER, 7, ['Ben', 'Cleo']],
    ]);
    expect(plan.emails[1].content.subject).toBe('Uptake: Day-seven follow-up for Ben and Cleo');
    expect(plan.settled).toEqual([]);
  });

  test.each([
    [14, OWNER],
    [21, 'lead@example.com'],
    [30, OWNER],
    [42, OWNER],
  ])('day %i goes to %s', (n, to) => {
    const plan = planReminders(
      reminderInput({
        members: [{ name: 'Ana', training: TRAINED, owner: 'lead@example.com' }],
        today: plus(TRAINED, n),
        sent: sentBefore('Ana', n),
      }),
    );
    expect(plan.emails.map((e) => [e.milestone.day, e.to])).toEqual([[n, to]]);
  });

  test('the week-three check is settled without an email for a Genuine adopter, sent for the others', () => {
    const today = plus(TRAINED, 21);
    const plan = planReminders(
      reminderInput({
        members: [
          { name: 'Ana', training: TRAINED },
          { name: 'Ben', training: TRAINED },
        ],
        runs: runsOf('Ana', 4, plus(today, -1)),
        today,
        sent: [...sentBefore('Ana', 21), ...sentBefore('Ben', 21)],
      }),
    );
    expect(plan.settled).toEqual([
      expect.objectContaining({
        member: 'Ana',
        milestone: 'Week-three check',
        recipient: '',
        note: 'Not needed at the week-three check (the week to 2026-03-22, the day before it fell due)',
      }),
    ]);
    expect(plan.emails.map((e) => e.records.map((r) => r.member))).toEqual([['Ben']]);
    expect(plan.emails[0].content.text).toContain('below the Genuine adopter threshold (3 unprompted uses a week)');
    expect(plan.emails[0].content.text).toContain('not another group session');
  });

  test('a late milestone says when it was due; older missed ones are named in it and recorded', () => {
    const today = plus(TRAINED, 16);
    const plan = planReminders(reminderInput({ members: [{ name: 'Ana', training: TRAINED }], today }));
    expect(plan.emails).toHaveLength(1);
    const email = plan.emails[0];
    expect(email.milestone.day).toBe(14);
    expect(email.content.subject).toBe('Uptake: Peer advocacy moment for Ana (late)');
    expect(email.content.text).toContain('due on Mon 16 Mar 2026, 2 days ago');
    expect(email.content.text).toContain(
      'Also missed, and not sent separately: Day-seven follow-up (due Mon 9 Mar 2026)',
    );
    expect(email.records.map((r) => [r.milestone, r.dueDate, r.note])).toEqual([
      ['Peer advocacy moment', plus(TRAINED, 14), 'Due 2026-03-16, sent 2 days late'],
      [
        'Day-seven follow-up',
        plus(TRAINED, 7),
        'Not sent separately (due 2026-03-09): named in the Peer advocacy moment email',
      ],
    ]);
  });

  test('the day-seven email shows the member’s own runs and outcomes since training, not before, up to yesterday', () => {
    const today = plus(TRAINED, 7);
    const runs: RunSpec[] = [
      { date: plus(TRAINED, -1), member: 'Ana', outcome: 'Not used' },
      ...runsOf('Ana', 2, plus(today, -1)),
      { date: plus(TRAINED, 3), member: 'Ana', outcome: 'Heavy edit', edit: 'tone', prompted: true },
      // Logged this morning, before the daily run: today is not over, and counts from tomorrow.
      { date: today, member: 'Ana', outcome: 'Not used' },
    ];
    const text = planReminders(reminderInput({ members: [{ name: 'Ana', training: TRAINED }], runs, today })).emails[0]
      .content.text;
    expect(text).toContain('Did you use it?');
    expect(text).toContain(
      'Since training (Mon 2 Mar 2026 to Sun 8 Mar 2026): 3 runs, 2 unprompted; used as-is 2, light edit 0, heavy edit 1, not used 0; acceptance rate 67%.',
    );
    expect(text).toContain(
      'This week (Mon 2 Mar 2026 to Sun 8 Mar 2026): Developing user, 2 unprompted uses a week (Genuine from 3); acceptance rate 67%.',
    );
    expect(text).toContain('https://docs.google.com/spreadsheets/d/abc/edit');
  });

  test('day 14 names the members to invite, with their best workflow; non-adopters are followed up instead', () => {
    const today = plus(TRAINED, 14);
    const runs: RunSpec[] = [
      ...runsOf('Ana', 3, plus(today, -1), { workflow: 'Proposal' }),
      ...runsOf('Ana', 2, plus(today, -1), { workflow: 'Summary', outcome: 'Heavy edit' }),
      ...runsOf('Cleo', 1, plus(today, -1), { workflow: 'Summary', outcome: 'Heavy edit' }),
    ];
    const names = ['Ana', 'Ben', 'Cleo'];
    const sent = names.map((name) => draft(name, 'Day-seven follow-up', TRAINED));
    const text = planReminders(
      reminderInput({ members: names.map((name) => ({ name, training: TRAINED })), runs, today, sent }),
    ).emails[0].content.text;
    expect(text).toContain(
      'Cleo (the week Mon 9 Mar 2026 to Sun 15 Mar 2026: Developing user, 1 unprompted use a week): no workflow at the 70% acceptance target yet: ask for the result they are proudest of.',
    );
    expect(text).toContain(
      'Ana (the week Mon 9 Mar 2026 to Sun 15 Mar 2026: Genuine adopter, 5 unprompted uses a week): best workflow since training "Proposal" (100% accepted over 3 runs).',
    );
    expect(text).not.toContain('"Summary"'); // 0% accepted: not a result to present
    expect(text).toMatch(
      /Not ready to share yet: follow up instead[\s\S]*Ben \(the week Mon 9 Mar 2026 to Sun 15 Mar 2026\): Non-adopter: 0 unprompted uses a week/,
    );
  });

  test('day 30 compares the adoption rate with the start of the programme and names the context pack when short', () => {
    const today = plus(TRAINED, 30);
    const plan = planReminders(
      reminderInput({
        members: [
          { name: 'Ana', training: TRAINED },
          { name: 'Ben', training: TRAINED },
        ],
        runs: runsOf('Ana', 3, plus(today, -1)),
        today,
        sent: [...sentBefore('Ana', 30), ...sentBefore('Ben', 30)],
      }),
    );
    const text = plan.emails[0].content.text;
    expect(text).toContain(
      'Adoption rate now, this week (Wed 25 Mar 2026 to Tue 31 Mar 2026): 50%, 1 of 2 members in scope is a Genuine adopter.',
    );
    expect(text).toContain(
      'At the programme’s start for Ana and Ben (the week Mon 23 Feb 2026 to Sun 1 Mar 2026, before training on Mon 2 Mar 2026): 0%, 0 of 2 members in scope are Genuine adopters.',
    );
    expect(text.match(/At the programme’s start/g)).toHaveLength(1);
    expect(text).toContain('the next diagnosis is the context pack');
  });

  test('day 42 gives the six-week decision table', () => {
    const today = plus(TRAINED, 42);
    const plan = planReminders(
      reminderInput({
        members: [{ name: 'Ana', training: TRAINED, trained: 'Proposal' }],
        runs: runsOf('Ana', 4, plus(today, -1), { workflow: 'Proposal' }),
        today,
        sent: sentBefore('Ana', 42),
      }),
    );
    const text = plan.emails[0].content.text;
    expect(text).toContain('Member  Frequency met  Acceptance met  Expanded  Meaning');
    expect(text).toMatch(/Ana\s+yes\s+yes\s+no\s+Stable, not deepening\s+Second session on additional workflows/);
  });

  test('team text is escaped in the HTML and kept as typed in the text and the records', () => {
    const evil = '<b>x</b>';
    const formula = '=HYPERLINK("http://evil")';
    const plan = planReminders(
      reminderInput({
        members: [
          { name: evil, training: TRAINED },
          { name: formula, training: TRAINED },
        ],
        today: plus(TRAINED, 7),
      }),
    );
    const { html, text, subject } = plan.emails[0].content;
    expect(html).not.toContain('<b>x</b>');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(html).toContain('=HYPERLINK(&quot;http://evil&quot;)');
    expect(html).not.toMatch(/href="http:\/\/evil/);
    expect(text).toContain(evil);
    expect(subject).toContain(evil);
    expect(plan.emails[0].records.map((r) => r.member).sort()).toEqual([evil, formula].sort());
  });
});

describe('milestones in the coming week (for the digest)', () => {
  test('lists due dates in order with who will be emailed', () => {
    const members = roster([
      { name: 'Ana', training: '2026-03-02', owner: 'lead@example.com' },
      { name: 'Ben', training: '2026-02-23' },
      { name: 'Cleo', training: '2026-02-23', status: 'Principled resistance' },
    ]);
    expect(upcomingMilestones(members, day('2026-03-09'), day('2026-03-15'), OWNER)).toEqual([
      {
        member: 'Ana',
        milestone: 'Day-seven follow-up',
        milestoneDay: 7,
        dueDate: '2026-03-09',
        recipient: 'lead@example.com',
      },
      { member: 'Ben', milestone: 'Peer advocacy moment', milestoneDay: 14, dueDate: '2026-03-09', recipient: OWNER },
    ]);
  });
});

describe('reminder figures are as of the last complete day (the run goes in the morning)', () => {
  // Mon/Wed/Fri every week, used as-is: 3 unprompted uses in every Monday-to-Sunday week. TRAINED
  // is a Monday, so every milestone day (7, 14, 21, 42) is a Monday whose runs are not logged yet.
  const members: RosterSpec[] = [{ name: 'Ana', training: TRAINED, trained: 'Proposal', owner: 'lead@example.com' }];
  /** What the log holds on the morning of day n: the runs up to the day before. */
  const runsBefore = (n: number) => weekly('Ana', [0, 2, 4], 0, n - 1, { workflow: 'Proposal' });

  test('the day-42 decision counts the whole sixth week: frequency met, not Reverted', () => {
    const plan = planReminders(
      reminderInput({ members, runs: runsBefore(42), today: plus(TRAINED, 42), sent: sentBefore('Ana', 42) }),
    );
    const text = plan.emails[0].content.text;
    expect(text).toMatch(/Ana\s+yes\s+yes\s+no\s+Stable, not deepening/);
    expect(text).not.toContain('Reverted');
    expect(text).toContain(
      'Frequency met: at least 3 unprompted uses a week, this week (Mon 6 Apr 2026 to Sun 12 Apr 2026).',
    );
    expect(text).toContain(
      'This week (Mon 6 Apr 2026 to Sun 12 Apr 2026): Genuine adopter, 3 unprompted uses a week (Genuine from 3); acceptance rate 100%.',
    );
  });

  test('the day-42 decision sees expansion since training, up to the last complete day', () => {
    const expanded = [...runsBefore(42), { date: plus(TRAINED, 20), member: 'Ana', workflow: 'Board memo' }];
    const text = planReminders(
      reminderInput({ members, runs: expanded, today: plus(TRAINED, 42), sent: sentBefore('Ana', 42) }),
    ).emails[0].content.text;
    expect(text).toMatch(/Ana\s+yes\s+yes\s+yes\s+Adoption is working/);
  });

  test('on day 21 the same member is a Genuine adopter: the week-three check is not needed', () => {
    const plan = planReminders(
      reminderInput({ members, runs: runsBefore(21), today: plus(TRAINED, 21), sent: sentBefore('Ana', 21) }),
    );
    expect(plan.emails).toEqual([]);
    expect(plan.settled.map((r) => [r.member, r.milestone, r.note])).toEqual([
      [
        'Ana',
        'Week-three check',
        'Not needed at the week-three check (the week to 2026-03-22, the day before it fell due)',
      ],
    ]);
  });

  test('the day-7 email counts the first week since training, Monday to Sunday', () => {
    const text = planReminders(reminderInput({ members, runs: runsBefore(7), today: plus(TRAINED, 7) })).emails[0]
      .content.text;
    expect(text).toContain(
      'This week (Mon 2 Mar 2026 to Sun 8 Mar 2026): Genuine adopter, 3 unprompted uses a week (Genuine from 3)',
    );
    expect(text).toContain('Since training (Mon 2 Mar 2026 to Sun 8 Mar 2026): 3 runs, 3 unprompted');
  });
});

describe('the week-three check is decided on the day before it fell due, even when sent late', () => {
  const members: RosterSpec[] = [{ name: 'Ana', training: TRAINED, owner: 'lead@example.com' }];
  const today = plus(TRAINED, 24); // three runs missed: the check was due on day 21

  test('a Genuine adopter then, who stopped since: not needed', () => {
    const plan = planReminders(
      reminderInput({ members, runs: weekly('Ana', [0, 1, 2], 14, 16), today, sent: sentBefore('Ana', 21) }),
    );
    expect(plan.emails).toEqual([]);
    expect(plan.settled.map((r) => r.note)).toEqual([
      'Not needed at the week-three check (the week to 2026-03-22, the day before it fell due)',
    ]);
  });

  test('below the threshold then, a Genuine adopter since: sent, saying what it was decided on', () => {
    const plan = planReminders(
      reminderInput({ members, runs: weekly('Ana', [0, 1, 2], 21, 23), today, sent: sentBefore('Ana', 21) }),
    );
    expect(plan.settled).toEqual([]);
    expect(plan.emails.map((e) => [e.to, e.milestone.day])).toEqual([['lead@example.com', 21]]);
    const text = plan.emails[0].content.text;
    expect(text).toContain(
      'Three weeks after training, Ana was below the Genuine adopter threshold (3 unprompted uses a week) when the check fell due.',
    );
    expect(text).toContain(
      'When the check fell due (Mon 16 Mar 2026 to Sun 22 Mar 2026): Non-adopter, 0 unprompted uses a week (Genuine from 3).',
    );
    expect(text).toContain(
      'This week (Thu 19 Mar 2026 to Wed 25 Mar 2026): Genuine adopter, 3 unprompted uses a week (Genuine from 3)',
    );
  });
});

describe('missed milestones are folded only into an email to the same recipient', () => {
  const members: RosterSpec[] = [{ name: 'Ana', training: TRAINED, owner: 'lead@example.com' }];
  const today = plus(TRAINED, 22); // days 7, 14 and 21 all outstanding

  test('the owner gets their day 14; the follow-up owner their day 21, naming day 7', () => {
    const plan = planReminders(reminderInput({ members, today }));
    expect(plan.emails.map((e) => [e.to, e.milestone.day, e.records.map((r) => [r.milestone, r.recipient])])).toEqual([
      [OWNER, 14, [['Peer advocacy moment', OWNER]]],
      [
        'lead@example.com',
        21,
        [
          ['Week-three check', 'lead@example.com'],
          ['Day-seven follow-up', 'lead@example.com'],
        ],
      ],
    ]);
    const [owner, lead] = plan.emails.map((e) => e.content.text);
    expect(owner).not.toContain('Also missed');
    expect(owner).not.toContain('Day-seven');
    expect(lead).toContain('Also missed, and not sent separately: Day-seven follow-up (due Mon 9 Mar 2026).');
    expect(lead).not.toContain('Peer advocacy moment (due');
    expect(plan.emails[0].records[0].note).toBe('Due 2026-03-16, sent 8 days late');
  });

  test('without a follow-up owner, everything goes to the owner in one email, the latest', () => {
    const plan = planReminders(reminderInput({ members: [{ name: 'Ana', training: TRAINED }], today }));
    expect(plan.emails.map((e) => [e.to, e.milestone.day, e.records.map((r) => r.milestone)])).toEqual([
      [OWNER, 21, ['Week-three check', 'Day-seven follow-up', 'Peer advocacy moment']],
    ]);
  });

  test('a Genuine adopter’s check waits until the day-seven email it would close has gone', () => {
    const runs = weekly('Ana', [0, 2, 4], 14, 20);
    const first = planReminders(reminderInput({ members, runs, today }));
    expect(first.emails.map((e) => [e.to, e.milestone.day, e.records.map((r) => r.milestone)])).toEqual([
      ['lead@example.com', 7, ['Day-seven follow-up']],
      [OWNER, 14, ['Peer advocacy moment']],
    ]);
    expect(first.settled).toEqual([]);
    // The next day, with both recorded, the check is settled as not needed, as of day 20.
    const sent = first.emails.flatMap((e) => e.records);
    const next = planReminders(reminderInput({ members, runs, today: plus(today, 1), sent }));
    expect(next.emails).toEqual([]);
    expect(next.settled.map((r) => [r.milestone, r.note])).toEqual([
      ['Week-three check', expect.stringContaining('the week to 2026-03-22')],
    ]);
  });
});

describe('every window-based figure in an email says which window it is', () => {
  test('"since training" and "this week" figures are labelled; the follow-up reasons name their window', () => {
    const today = plus(TRAINED, 21);
    const runs: RunSpec[] = [
      ...weekly('Ana', [1, 3, 5], 1, 12),
      { date: plus(TRAINED, 15), member: 'Ana', outcome: 'Heavy edit', edit: 'tone' },
      { date: plus(TRAINED, 18), member: 'Ana' },
    ];
    const text = planReminders(
      reminderInput({ members: [{ name: 'Ana', training: TRAINED }], runs, today, sent: sentBefore('Ana', 21) }),
    ).emails[0].content.text;
    expect(text).toContain(
      'Since training (Mon 2 Mar 2026 to Sun 22 Mar 2026): 8 runs, 8 unprompted; used as-is 7, light edit 0, heavy edit 1, not used 0; acceptance rate 88%.',
    );
    expect(text).toContain(
      'This week (Mon 16 Mar 2026 to Sun 22 Mar 2026): Developing user, 2 unprompted uses a week (Genuine from 3); acceptance rate 50%.',
    );
    expect(text).toContain(
      'Needs follow-up (the week Mon 16 Mar 2026 to Sun 22 Mar 2026): Acceptance 50% is below the 70% target.',
    );
    expect(text).not.toMatch(/Needs follow-up: /);
  });

  test('with a window of several weeks, the label says so', () => {
    const today = plus(TRAINED, 21);
    const base = reminderInput({
      members: [{ name: 'Ana', training: TRAINED }],
      runs: runsOf('Ana', 2, plus(today, -1)),
      today,
      sent: sentBefore('Ana', 21),
    });
    const text = planReminders({ ...base, settings: { ...base.settings, weeks: 3 } }).emails[0].content.text;
    expect(text).toContain('In the last 3 weeks (Mon 2 Mar 2026 to Sun 22 Mar 2026): Non-adopter');
    expect(text).toContain('Needs follow-up (the 3 weeks Mon 2 Mar 2026 to Sun 22 Mar 2026): Non-adopter');
  });
});

describe('the peer advocacy moment’s best workflow', () => {
  test('is the one with the most accepted runs, not the highest rate over one run', () => {
    const report = {
      workflows: [
        { workflow: 'Proposal', runs: 1, acceptanceRate: 1 },
        { workflow: 'Summary', runs: 11, acceptanceRate: 10 / 11 },
        { workflow: 'Board memo', runs: 3, acceptanceRate: 1 / 3 },
      ],
    } as unknown as MemberReport;
    expect(bestWorkflow(report, 0.7)).toBe('"Summary" (91% accepted over 11 runs)');
  });

  test('ties on accepted runs go to the higher rate, then to more runs', () => {
    const report = {
      workflows: [
        { workflow: 'A', runs: 5, acceptanceRate: 4 / 5 },
        { workflow: 'B', runs: 4, acceptanceRate: 1 },
      ],
    } as unknown as MemberReport;
    expect(bestWorkflow(report, 0.7)).toBe('"B" (100% accepted over 4 runs)');
  });

  test('in the day-14 email', () => {
    const today = plus(TRAINED, 14);
    const runs: RunSpec[] = [
      { date: plus(TRAINED, 1), member: 'Ana', workflow: 'Proposal' },
      ...runsOf('Ana', 10, plus(today, -1), { workflow: 'Summary' }),
      { date: plus(TRAINED, 2), member: 'Ana', workflow: 'Summary', outcome: 'Heavy edit' },
    ];
    const text = planReminders(
      reminderInput({ members: [{ name: 'Ana', training: TRAINED }], runs, today, sent: sentBefore('Ana', 14) }),
    ).emails[0].content.text;
    expect(text).toContain('best workflow since training "Summary" (91% accepted over 11 runs)');
  });
});

describe('the day-seven email carries what the follow-up needs (issue: emails that follow up)', () => {
  test('edit types since training, and whether the pattern points to context, prompt or format', () => {
    const runs: RunSpec[] = [
      { date: plus(TRAINED, 2), member: 'Ana', outcome: 'heavy', edit: 'format' },
      { date: plus(TRAINED, 3), member: 'Ana', outcome: 'light', edit: 'format, tone' },
      { date: plus(TRAINED, 4), member: 'Ana', outcome: 'heavy', edit: 'scope' },
    ];
    const text = planReminders(
      reminderInput({
        members: [{ name: 'Ana', training: TRAINED, anchor: 'Proposal' }],
        runs,
        today: plus(TRAINED, 7),
      }),
    ).emails[0].content.text;
    expect(text).toContain(
      'Edit types since training: tone 1, scope 1, format 2. Most are format edits (2 of 4): the pattern points to format (an output template).',
    );
  });

  test('a member with no anchor workflow is not asked "Did you use it?": the follow-up identifies it', () => {
    const members: RosterSpec[] = [
      { name: 'Ana', training: TRAINED, anchor: 'Proposal' },
      { name: 'Ben', training: TRAINED },
    ];
    const both = planReminders(reminderInput({ members, today: plus(TRAINED, 7) })).emails[0].content.text;
    expect(both).toContain('Book a 15-minute follow-up with Ana this week, one to one, and ask three questions:');
    expect(both).toContain(
      'Ben has no anchor workflow on the roster: there is nothing yet to ask "Did you use it?" about.',
    );
    const benAlone = planReminders(reminderInput({ members: [members[1]], today: plus(TRAINED, 7) })).emails[0].content
      .text;
    expect(benAlone).not.toContain('- Did you use it?');
    expect(benAlone).toContain('the one weekly task that takes the most time and gives the least satisfaction');
  });
});
