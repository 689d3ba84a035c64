// Which programme milestones are due, to whom, and what the reminder emails say (spec §8).
import { parseLog } from '../../src/core/log';
import { MemberDirectory, parseRoster } from '../../src/core/roster';
import { runAudit } from '../../src/core/audit';
import { DEFAULT_SETTINGS, type RosterMember } from '../../src/core/types';
import {
  outstandingMilestones,
  planReminders,
  STALE_AFTER_DAYS,
  upcomingMilestones,
  type ReminderInput,
} from '../../src/core/reminders';
import { parseSentRows, SentIndex, SENT_HEADERS, PROGRAMME_RESTART_DAYS, type RecordDraft } from '../../src/core/sent-records';
import { day, logRows, plus, rosterRows, runsOf, UTC, type RosterSpec, type RunSpec } from './fixtures';

const OWNER = 'owner@example.com';
const TRAINED = '2026-03-02';

function roster(members: RosterSpec[]): RosterMember[] {
  return parseRoster(rosterRows(members), UTC).members;
}

/** A reminder input over a log and roster, with nothing sent yet unless `sent` says so. */
function input(options: { members: RosterSpec[]; runs?: RunSpec[]; today: string; sent?: RecordDraft[] }): ReminderInput {
  const parsedRoster = parseRoster(rosterRows(options.members), UTC);
  const log = parseLog(logRows(options.runs ?? []), { ...UTC, directory: new MemberDirectory(parsedRoster.members) });
  const sent = SentIndex.empty();
  if (options.sent) sent.add(options.sent);
  return {
    roster: parsedRoster.members,
    today: day(options.today),
    sent,
    ownerEmail: OWNER,
    settings: { ...DEFAULT_SETTINGS, weeks: 1 },
    auditAt: (asOf, weeks, fromDay) =>
      runAudit({
        runs: fromDay === undefined ? log.runs : log.runs.filter((r) => r.day >= fromDay),
        roster: parsedRoster,
        names: log.names,
        asOf,
        weeks,
        settings: DEFAULT_SETTINGS,
      }),
    spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abc/edit',
  };
}

function draft(member: string, milestone: string, trainingDate: string, email = ''): RecordDraft {
  return { member, milestone, recipient: OWNER, dueDate: trainingDate, trainingDate, memberEmail: email, note: '' };
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
    const due = outstandingMilestones(roster([{ name: 'Ana', training: TRAINED }]), day(plus(TRAINED, 7 + 29)), SentIndex.empty());
    expect(due[0].outstanding.map((o) => o.milestone.day)).toEqual([14, 21, 30]);
  });

  test('a recorded milestone is not due again, nor is anything older than it', () => {
    const sent = SentIndex.empty();
    sent.add([draft('Ana', 'Week-three check', TRAINED)]);
    const due = outstandingMilestones(roster([{ name: 'Ana', training: TRAINED }]), day(plus(TRAINED, 30)), sent);
    expect(due[0].outstanding.map((o) => o.milestone.day)).toEqual([30]);
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
    expect(outstandingMilestones(roster([{ name: ' ana ', email: 'ana@example.com', training: TRAINED }]), at, sent)).toEqual([]);
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
    expect(outstandingMilestones(roster([{ name: 'Ana', training: corrected }]), day(plus(corrected, 7)), sent)).toEqual([]);
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
    const index = new SentIndex(parseSentRows(values, 'UTC'));
    expect(index.hasMilestone({ key: 'ana', email: null }, 7, day(TRAINED))).toBe(true);
    expect(index.hasMilestone({ key: 'ben', email: null }, 7, day(TRAINED))).toBe(false);
    expect(index.hasDigest(day('2026-03-09'), 'boss@example.com')).toBe(true);
    expect(index.hasDigest(day('2026-03-16'), 'boss@example.com')).toBe(false);
  });
});

describe('planning the reminders', () => {
  test('day 7 goes to the follow-up owner, else to the owner; several members are grouped per recipient', () => {
    const plan = planReminders(
      input({
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
      input({ members: [{ name: 'Ana', training: TRAINED, owner: 'lead@example.com' }], today: plus(TRAINED, n), sent: [draft('Ana', n === 14 ? 'Day-seven follow-up' : 'Peer advocacy moment', TRAINED)] }),
    );
    expect(plan.emails.map((e) => [e.milestone.day, e.to])).toEqual([[n, to]]);
  });

  test('the week-three check is settled without an email for a Genuine adopter, sent for the others', () => {
    const today = plus(TRAINED, 21);
    const plan = planReminders(
      input({
        members: [
          { name: 'Ana', training: TRAINED },
          { name: 'Ben', training: TRAINED },
        ],
        runs: runsOf('Ana', 4, today),
        today,
        sent: [draft('Ana', 'Peer advocacy moment', TRAINED), draft('Ben', 'Peer advocacy moment', TRAINED)],
      }),
    );
    expect(plan.settled).toEqual([expect.objectContaining({ member: 'Ana', milestone: 'Week-three check', recipient: '', note: expect.stringMatching(/^Not needed: a Genuine adopter/) })]);
    expect(plan.emails.map((e) => e.records.map((r) => r.member))).toEqual([['Ben']]);
    expect(plan.emails[0].content.text).toContain('below the Genuine adopter threshold (3 unprompted uses a week)');
    expect(plan.emails[0].content.text).toContain('not another group session');
  });

  test('a late milestone says when it was due; older missed ones are named in it and recorded', () => {
    const today = plus(TRAINED, 16);
    const plan = planReminders(input({ members: [{ name: 'Ana', training: TRAINED }], today }));
    expect(plan.emails).toHaveLength(1);
    const email = plan.emails[0];
    expect(email.milestone.day).toBe(14);
    expect(email.content.subject).toBe('Uptake: Peer advocacy moment for Ana (late)');
    expect(email.content.text).toContain('due on Mon 16 Mar 2026, 2 days ago');
    expect(email.content.text).toContain('Also missed, and not sent separately: Day-seven follow-up (due Mon 9 Mar 2026)');
    expect(email.records.map((r) => [r.milestone, r.dueDate, r.note])).toEqual([
      ['Peer advocacy moment', plus(TRAINED, 14), 'Due 2026-03-16, sent 2 days late'],
      ['Day-seven follow-up', plus(TRAINED, 7), 'Not sent separately (due 2026-03-09): named in the Peer advocacy moment email'],
    ]);
  });

  test('the day-seven email shows the member’s own runs and outcomes since training, not before', () => {
    const today = plus(TRAINED, 7);
    const runs: RunSpec[] = [
      { date: plus(TRAINED, -1), member: 'Ana', outcome: 'Not used' },
      ...runsOf('Ana', 2, today),
      { date: plus(TRAINED, 3), member: 'Ana', outcome: 'Heavy edit', edit: 'tone', prompted: true },
    ];
    const text = planReminders(input({ members: [{ name: 'Ana', training: TRAINED }], runs, today })).emails[0].content.text;
    expect(text).toContain('Did you use it?');
    expect(text).toContain('Since training: 3 runs, 2 unprompted; used as-is 2, light edit 0, heavy edit 1, not used 0; acceptance rate 67%.');
    expect(text).toContain('This week: Developing user, 2 unprompted uses a week (Genuine from 3).');
    expect(text).toContain('https://docs.google.com/spreadsheets/d/abc/edit');
  });

  test('day 14 names the members to invite, with their best workflow; non-adopters are followed up instead', () => {
    const today = plus(TRAINED, 14);
    const runs: RunSpec[] = [
      ...runsOf('Ana', 3, today, { workflow: 'Proposal' }),
      ...runsOf('Ana', 2, today, { workflow: 'Summary', outcome: 'Heavy edit' }),
      ...runsOf('Cleo', 1, today, { workflow: 'Summary', outcome: 'Heavy edit' }),
    ];
    const names = ['Ana', 'Ben', 'Cleo'];
    const sent = names.map((name) => draft(name, 'Day-seven follow-up', TRAINED));
    const text = planReminders(input({ members: names.map((name) => ({ name, training: TRAINED })), runs, today, sent })).emails[0].content.text;
    expect(text).toContain('Cleo (Developing user, 1 unprompted use a week): no workflow at the 70% acceptance target yet: ask for the result they are proudest of.');
    expect(text).toContain('Ana (Genuine adopter, 5 unprompted uses a week): best workflow "Proposal" (100% accepted over 3 runs).');
    expect(text).not.toContain('"Summary"'); // 0% accepted: not a result to present
    expect(text).toMatch(/Not ready to share yet: follow up instead[\s\S]*Ben: Non-adopter: 0 unprompted uses a week/);
  });

  test('day 30 compares the adoption rate with the start of the programme and names the context pack when short', () => {
    const today = plus(TRAINED, 30);
    const plan = planReminders(
      input({ members: [{ name: 'Ana', training: TRAINED }, { name: 'Ben', training: TRAINED }], runs: runsOf('Ana', 3, today), today, sent: [draft('Ana', 'Week-three check', TRAINED), draft('Ben', 'Week-three check', TRAINED)] }),
    );
    const text = plan.emails[0].content.text;
    expect(text).toContain('Adoption rate now (this week): 50%, 1 of 2 members in scope are Genuine adopters.');
    expect(text).toContain('At the programme’s start (the week before the training on Mon 2 Mar 2026): 0%.');
    expect(text).toContain('the next diagnosis is the context pack');
  });

  test('day 42 gives the six-week decision table', () => {
    const today = plus(TRAINED, 42);
    const plan = planReminders(
      input({ members: [{ name: 'Ana', training: TRAINED, trained: 'Proposal' }], runs: runsOf('Ana', 4, today, { workflow: 'Proposal' }), today, sent: [draft('Ana', 'Adoption reassessment', TRAINED)] }),
    );
    const text = plan.emails[0].content.text;
    expect(text).toContain('Member  Frequency met  Acceptance met  Expanded  Meaning');
    expect(text).toMatch(/Ana\s+yes\s+yes\s+no\s+Stable, not deepening\s+Second session on additional workflows/);
  });

  test('team text is escaped in the HTML and kept as typed in the text and the records', () => {
    const evil = '<b>x</b>';
    const formula = '=HYPERLINK("http://evil")';
    const plan = planReminders(input({ members: [{ name: evil, training: TRAINED }, { name: formula, training: TRAINED }], today: plus(TRAINED, 7) }));
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
      { member: 'Ana', milestone: 'Day-seven follow-up', milestoneDay: 7, dueDate: '2026-03-09', recipient: 'lead@example.com' },
      { member: 'Ben', milestone: 'Peer advocacy moment', milestoneDay: 14, dueDate: '2026-03-09', recipient: OWNER },
    ]);
  });
});
