// The replacement programme (spec §17), pure: participants, sessions, the milestones due on a
// day, late ones, and each settled once through the sent records.
import { OWNER, plus, type RosterSpec, type RunSpec } from '../support/sheets';
import { DEFAULT_SETTINGS } from '../../src/core/base/types';
import {
  freezeBaseline,
  programmeView,
  replacedBy,
  sessionDay,
  startRefusal,
  withProgrammeSixWeek,
  type ProgrammeRecord,
  type SessionSource,
} from '../../src/core/programme/replacement';
import type { ProgrammeInput } from '../../src/core/programme/replacement-emails';
import { planProgramme } from '../../src/core/programme/replacement-plan';
import { SentIndex } from '../../src/core/programme/sent-records';
import type { RecordDraft } from '../../src/core/programme/sent-row';
import { day } from './fixtures';
import { auditedTeam } from './reminder-fixtures';

const LEAD = 'lead@example.com';
const S = '2026-03-02';

const members: RosterSpec[] = [
  { name: 'Ana', training: '2025-10-06' },
  { name: 'Ben', email: 'ben@example.com', training: '2025-10-06', owner: LEAD },
  { name: 'Cleo', training: '2025-10-06', pack: 'no' },
  { name: 'Dara', training: '2025-10-06', status: 'Principled resistance' },
  { name: 'Eve', training: '2025-10-06', status: 'No suitable anchor workflow' },
  { name: 'Fay', training: '2026-03-02' },
  { name: 'Hal' },
];
const runs: RunSpec[] = Array.from({ length: 90 }, (_, i) => ({ date: plus('2026-01-01', i), member: 'Ana' }));

function setup(sessions: SessionSource, sent: RecordDraft[] = []) {
  const { roster, auditAt } = auditedTeam(members, runs);
  const programme: ProgrammeRecord = {
    start: S,
    startedOn: S,
    baseline: freezeBaseline(auditAt(day(S) - 1, 1), day(S)),
  };
  const index = SentIndex.empty();
  index.add(sent);
  const input = (today: string): ProgrammeInput => ({
    programme,
    roster: roster.members,
    today: day(today),
    sent: index,
    ownerEmail: OWNER,
    settings: { ...DEFAULT_SETTINGS, weeks: 1 },
    auditAt,
    sessionsAt: (asOf) => sessions.filter((s) => day(s.date) <= asOf),
    spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abc/edit',
  });
  return { programme, input, index };
}

const session = (date: string, member: string) => ({ date, member, type: 'Anchor-workflow session' as const });

describe('participants and peers', () => {
  const { programme } = setup([]);
  test('members in scope below Genuine in the week before the start, not the two statuses §7 does not chase, not trained from the start', () => {
    expect(programme.baseline!.participants.map((p) => [p.member, p.category])).toEqual([
      ['Ben', 'Non-adopter'],
      ['Cleo', 'Non-adopter'],
      ['Hal', 'Non-adopter'],
    ]);
    expect(programme.baseline!.peers).toEqual(['Ana']);
    expect(programme.baseline).toMatchObject({ asOf: '2026-03-01', weeks: 1, membersInScope: 6, genuineAdopters: 1 });
  });

  test('§8 is replaced for participants from the start only', () => {
    expect(replacedBy(programme, day(S) - 1)({ name: 'Ben' })).toBe(false);
    expect(replacedBy(programme, day(S))({ name: 'Ben' })).toBe(true);
    expect(replacedBy(programme, day(S))({ name: 'Fay' })).toBe(false);
    expect(replacedBy(programme, day(S))({ name: 'Ana' })).toBe(false);
  });
});

describe('sessions', () => {
  const sessions = [
    session('2026-02-20', 'Ben'),
    session('2026-03-06', 'Ben'),
    session('2026-03-04', 'ben'),
    { date: '2026-03-03', member: 'Cleo', type: 'Follow-up session' as const },
  ];
  test('the first anchor-workflow session on or after the start, whatever the order of the rows', () => {
    expect(sessionDay(sessions, 'Ben', day(S), day('2026-04-01'))).toBe(day('2026-03-04'));
    expect(sessionDay(sessions, 'Cleo', day(S), day('2026-04-01'))).toBeNull();
    expect(sessionDay(sessions, 'Ben', day(S), day('2026-03-03'))).toBeNull();
  });

  test('the view lists each participant’s session and follow-up, and the milestones by due date', () => {
    const { programme } = setup([]);
    const view = programmeView(programme, sessions, day('2026-03-20'));
    expect(view.participants).toEqual([
      { member: 'Ben', baselineCategory: 'Non-adopter', session: '2026-03-04', followUpDue: '2026-03-11' },
      { member: 'Cleo', baselineCategory: 'Non-adopter', session: null, followUpDue: null },
      { member: 'Hal', baselineCategory: 'Non-adopter', session: null, followUpDue: null },
    ]);
    expect(view.milestones).toEqual([
      { milestone: 'Sessions not held', dueDate: '2026-03-09', member: null },
      { milestone: 'Day-seven follow-up', dueDate: '2026-03-11', member: 'Ben' },
      { milestone: 'Peer advocacy moment', dueDate: '2026-03-16', member: null },
      { milestone: 'Adoption reassessment', dueDate: '2026-04-01', member: null },
    ]);
    expect(view.day).toBe(18);
  });
});

describe('one programme at a time', () => {
  const running: ProgrammeRecord = { start: S, startedOn: S, baseline: null };
  test('refused until the previous one’s day 30 has passed; a start still to come may be moved', () => {
    expect(startRefusal(null, day(S), day(S))).toBeNull();
    expect(startRefusal(running, day('2026-04-01'), day('2026-03-10'))).toMatch(/one programme at a time/);
    expect(startRefusal(running, day('2026-04-02'), day('2026-04-01'))).toMatch(/from 2026-04-02/);
    expect(startRefusal(running, day('2026-04-02'), day('2026-04-02'))).toBeNull();
    expect(startRefusal(running, day('2026-03-09'), day('2026-03-01'))).toBeNull();
  });

  test('a start whose day 30 is already past is refused, saying so and what to do; day 30 today is accepted', () => {
    expect(startRefusal(null, day('2026-01-05'), day('2026-03-10'))).toBe(
      'A replacement programme starting on 2026-01-05 would have reached its day 30 on 2026-02-04, already past: ' +
        'its milestones could not be sent on time. Start it today, 2026-03-10, or on a day from 2026-02-08 on.',
    );
    expect(startRefusal(null, day('2026-02-08'), day('2026-03-10'))).toBeNull();
    expect(startRefusal(null, day('2026-02-07'), day('2026-03-10'))).toMatch(/already past/);
    // After a programme ended, an old date is refused too; the running programme's own start is not.
    const ended = { ...running, start: '2025-06-02' };
    expect(startRefusal(ended, day('2025-09-01'), day('2026-03-10'))).toMatch(/already past/);
    expect(startRefusal(ended, day('2025-06-02'), day('2026-03-10'))).toBeNull();
  });
});

describe('the milestones a day sends', () => {
  const sessions = [session('2026-03-04', 'Ben'), session('2026-03-10', 'Cleo')];

  test('nothing before S + 7; on S + 7 the sessions not held, decided on the sessions up to S + 6', () => {
    expect(planProgramme(setup(sessions).input('2026-03-08')).emails).toEqual([]);
    const plan = planProgramme(setup(sessions).input('2026-03-09'));
    expect(plan.emails.map((e) => [e.to, e.kind, e.records.map((r) => r.member)])).toEqual([
      [OWNER, 'sessions', ['Cleo', 'Hal']],
    ]);
  });

  test('sent late, the sessions not held are decided on the sessions recorded up to the day before it is sent', () => {
    // Cleo's session on 10 Mar, after S + 6: the email of 12 Mar does not ask to book it.
    const late = planProgramme(setup(sessions).input('2026-03-12')).emails.find((e) => e.kind === 'sessions')!;
    expect(late.records.map((r) => r.member)).toEqual(['Hal']);
    expect(late.content.text).toContain('had no anchor-workflow session recorded by Wed 11 Mar 2026');
    expect(late.content.text).not.toContain('Cleo');
    // Every session held by then: settled without an email.
    const all = [...sessions, session('2026-03-11', 'Hal')];
    const settled = planProgramme(setup(all).input('2026-03-12'));
    expect(settled.emails.filter((e) => e.kind === 'sessions')).toEqual([]);
    expect(settled.settled.map((r) => r.note)).toEqual([
      'Not needed: every participant had an anchor-workflow session by 2026-03-11',
    ]);
  });

  test('the follow-up goes to the follow-up owner seven days after the session, else to the owner', () => {
    const onTime = planProgramme(setup(sessions).input('2026-03-11'));
    expect(onTime.emails.find((e) => e.kind === 'follow-up')).toMatchObject({
      to: LEAD,
      records: [{ member: 'Ben', dueDate: '2026-03-11', note: '' }],
    });
    const cleo = planProgramme(setup(sessions).input('2026-03-17')).emails.filter((e) => e.kind === 'follow-up');
    expect(cleo.map((e) => [e.to, e.records.map((r) => r.member)])).toEqual([
      [LEAD, ['Ben']],
      [OWNER, ['Cleo']],
    ]);
  });

  test('a participant with no anchor workflow on the roster is not asked "Did you use it?": the follow-up identifies it first', () => {
    const ben = planProgramme(setup(sessions).input('2026-03-11')).emails.find((e) => e.kind === 'follow-up')!;
    expect(ben.content.text).toContain('Ben has no anchor workflow on the roster');
    expect(ben.content.text).not.toContain('What did not work?');
  });

  test('"A week ago" only when the session was seven days ago; sent late, the day of the session and how long ago', () => {
    const onTime = planProgramme(setup(sessions).input('2026-03-11')).emails.find((e) => e.kind === 'follow-up')!;
    expect(onTime.content.text).toContain('A week ago Ben had an anchor-workflow session.');
    const late = planProgramme(setup(sessions).input('2026-03-15')).emails.find((e) => e.kind === 'follow-up')!;
    expect(late.content.text).toContain('Ben had an anchor-workflow session on Wed 4 Mar 2026, 11 days ago.');
    expect(late.content.text).not.toContain('A week ago');
  });

  test('the follow-up carries the participant’s pre-filled logging-form link, to forward; the plain link for a name the form lacks', () => {
    const form = {
      url: 'https://docs.google.com/forms/d/e/abc/viewform',
      prefilledFor: (name: string) =>
        name === 'Ben' ? 'https://docs.google.com/forms/d/e/abc/viewform?usp=pp_url&entry.7=Ben' : null,
    };
    const ben = planProgramme({ ...setup(sessions).input('2026-03-11'), form }).emails.find(
      (e) => e.kind === 'follow-up',
    )!;
    expect(ben.content.text).toContain(
      'Ben: the logging form, name already chosen: https://docs.google.com/forms/d/e/abc/viewform?usp=pp_url&entry.7=Ben\n',
    );
    expect(ben.content.html).toContain(
      'href="https://docs.google.com/forms/d/e/abc/viewform?usp=pp_url&amp;entry.7=Ben"',
    );
    const cleo = planProgramme({ ...setup(sessions).input('2026-03-17'), form }).emails.find(
      (e) => e.kind === 'follow-up' && e.to === OWNER,
    )!;
    expect(cleo.content.text).toContain(
      'Cleo: the logging form (their name is not in its list yet): https://docs.google.com/forms/d/e/abc/viewform\n',
    );
    const without = planProgramme(setup(sessions).input('2026-03-11')).emails.find((e) => e.kind === 'follow-up')!;
    expect(without.content.text).not.toContain('logging form');
  });

  test('late: sent once, with the day it was due; recorded: never again', () => {
    const { input, index } = setup(sessions);
    const late = planProgramme(input('2026-04-05'));
    expect(late.emails.map((e) => [e.kind, e.content.subject.endsWith('(late)'), e.records[0].note])).toEqual([
      ['follow-up', true, 'Due 2026-03-11, sent 25 days late'],
      ['follow-up', true, 'Due 2026-03-17, sent 19 days late'],
      ['sessions', true, 'Due 2026-03-09, sent 27 days late'],
      ['peers', true, 'Due 2026-03-16, sent 20 days late'],
      ['reassessment', true, 'Due 2026-04-01, sent 4 days late'],
    ]);
    index.add(late.emails.flatMap((e) => e.records));
    expect(planProgramme(input('2026-04-05'))).toEqual({ emails: [], settled: [] });
    expect(planProgramme(input('2026-04-06'))).toEqual({ emails: [], settled: [] });
  });

  test('when every participant had a session by S + 6, the sessions milestone is settled without an email', () => {
    const all = [session('2026-03-03', 'Ben'), session('2026-03-03', 'Cleo'), session('2026-03-08', 'Hal')];
    const plan = planProgramme(setup(all).input('2026-03-09'));
    expect(plan.emails.filter((e) => e.kind === 'sessions')).toEqual([]);
    expect(plan.settled).toMatchObject([
      { milestone: 'Replacement programme: Sessions not held', recipient: '', dueDate: '2026-03-09' },
    ]);
  });

  test('the reassessment names participants below Genuine whose context pack is not ready', () => {
    const plan = planProgramme(setup(sessions).input('2026-04-01'));
    const reassessment = plan.emails.find((e) => e.kind === 'reassessment')!;
    expect(reassessment.records.map((r) => r.member)).toEqual(['Cleo']);
    expect(reassessment.content.text).toContain('the next diagnosis is the context pack');
  });

  test('a new programme (another start) is not settled by the previous one’s records', () => {
    const { input } = setup(sessions, [
      {
        member: 'Ben',
        milestone: 'Replacement programme: Day-seven follow-up',
        recipient: LEAD,
        dueDate: '2026-03-11',
        trainingDate: '2025-12-01',
        memberEmail: 'ben@example.com',
        note: '',
      },
    ]);
    expect(planProgramme(input('2026-03-11')).emails.map((e) => e.kind)).toEqual(['follow-up', 'sessions']);
  });
});

describe('the six-week line of a participant (rules §17 stops §8’s day 42 for them)', () => {
  const notYet = (member: string) => ({
    member,
    key: member.toLowerCase(),
    sixWeek: {
      status: 'not-yet' as const,
      label: 'Not yet (day 20 of 42)',
      nextStep: 'Measure on 2026-03-20',
      dueDate: '2026-03-20',
      frequencyMet: null,
      acceptanceMet: null,
      expansion: null,
    },
  });
  const audit = (asOf: string) => ({ asOf, members: [notYet('Ben'), notYet('Ana')] }) as never;

  test('from S: the programme’s reassessment, then the day it was reassessed; the others and the days before S keep §9’s line', () => {
    const { programme } = setup([]);
    const labels = (asOf: string) =>
      (withProgrammeSixWeek(audit(asOf), programme) as { members: { sixWeek: { label: string } }[] }).members.map(
        (m) => m.sixWeek.label,
      );
    expect(labels('2026-03-10')).toEqual([
      'In the replacement programme: reassessment on 2026-04-01',
      'Not yet (day 20 of 42)',
    ]);
    expect(labels('2026-04-02')[0]).toBe('In the replacement programme: reassessed on 2026-04-01');
    expect(labels('2026-03-01')[0]).toBe('Not yet (day 20 of 42)');
  });
});
