// The day-30 reassessment and the day-42 measurement show the member's point on their training
// cohort's curve (rules §13), from one history per run. Figures worked out by hand below.
import { plus, type RosterSpec, type RunSpec } from '../support/sheets';
import { dayToIso, type Day } from '../../src/core/base/dates';
import { planReminders } from '../../src/core/programme/reminders';
import type { RecordDraft } from '../../src/core/programme/sent-row';
import { runsOf } from './fixtures';
import { OWNER, reminderInput } from './reminder-fixtures';

/** A Monday: Ana and Ben are trained on it, Cleo on the Friday of the same week. */
const MONDAY = '2026-03-02';
const MEMBERS: RosterSpec[] = [
  { name: 'Ana', training: MONDAY },
  { name: 'Ben', training: MONDAY },
  { name: 'Cleo', training: plus(MONDAY, 4) },
];
const NAMES: Record<number, string> = {
  7: 'Day-seven follow-up',
  14: 'Peer advocacy moment',
  21: 'Week-three check',
  30: 'Adoption reassessment',
};

/** Records of the milestones an on-time programme has sent to `member` before day `n`. */
function sentBefore(member: string, n: number, training: string): RecordDraft[] {
  return [7, 14, 21, 30]
    .filter((m) => m < n)
    .map((m) => ({
      member,
      milestone: NAMES[m],
      recipient: OWNER,
      dueDate: plus(training, m),
      trainingDate: training,
      memberEmail: '',
      note: '',
    }));
}

/** The reminder input of MEMBERS, and the days its history was asked for (none without `withHistory`). */
function input(runs: RunSpec[], today: string, sent: RecordDraft[], withHistory = true) {
  const historyCalls: string[] = [];
  const onHistory = withHistory ? (asOf: Day) => void historyCalls.push(dayToIso(asOf)) : undefined;
  return { reminderInput: reminderInput({ members: MEMBERS, runs, today, sent, onHistory }), historyCalls };
}

/** The text of the member's section: from their heading to the next member's. */
function sectionOf(text: string, name: string): string {
  const start = text.indexOf(`\n${name}\n`);
  expect(start).toBeGreaterThan(-1);
  return text.slice(start);
}

describe('the cohort line of the day-30 and day-42 emails', () => {
  // Ana: 3 unprompted runs in days 26–28 (her week 4) and in days 33–35 (week 5); Ben: 2 in
  // week 4, none after; Cleo: none.
  const runs = [
    ...runsOf('Ana', 3, plus(MONDAY, 28)),
    ...runsOf('Ana', 3, plus(MONDAY, 35)),
    ...runsOf('Ben', 2, plus(MONDAY, 28)),
  ];

  test('day 30: the latest week since training that has ended, over the members whose week has ended', () => {
    // Sent on day 30, figures as of day 29: Ana's and Ben's week 4 (days 22–28) has ended, Cleo's
    // (ending on her day 28, Monday's day 32) has not: 1 of 2.
    const sent = [
      ...sentBefore('Ana', 30, MONDAY),
      ...sentBefore('Ben', 30, MONDAY),
      ...sentBefore('Cleo', 26, plus(MONDAY, 4)),
    ];
    const { reminderInput, historyCalls } = input(runs, plus(MONDAY, 30), sent);
    const plan = planReminders(reminderInput);
    expect(plan.emails.map((e) => [e.milestone.day, e.summary])).toEqual([
      [30, ['Adoption reassessment for Ana', 'Adoption reassessment for Ben']],
    ]);
    const line = (name: string) =>
      `Training cohort (week of Mon 2 Mar 2026): 1 of 2 is a Genuine adopter in week 4 since training (50%; for ${name} the 7 days Tue 24 Mar 2026 to Mon 30 Mar 2026, not the week of the figures above); programme target 70%–80%.`;
    const text = plan.emails[0].content.text;
    expect(sectionOf(text, 'Ana')).toContain(line('Ana'));
    expect(sectionOf(text, 'Ben')).toContain(line('Ben'));
    expect(plan.emails[0].content.html).toContain(
      'Training cohort (week of Mon 2 Mar 2026): 1 of 2 is a Genuine adopter',
    );
    // One history for the run, as of the last complete day.
    expect(historyCalls).toEqual([plus(MONDAY, 29)]);
  });

  test('day 42: week 5, the last ended by day 41; one history for two emails', () => {
    // As of day 41: week 5 (days 29–35) has ended for all three; only Ana was Genuine in it.
    // Cleo's day-30 reassessment (her day 38 now, week 5 ended on her day 35) goes the same run.
    const sent = [
      ...sentBefore('Ana', 42, MONDAY),
      ...sentBefore('Ben', 42, MONDAY),
      ...sentBefore('Cleo', 30, plus(MONDAY, 4)),
    ];
    const { reminderInput, historyCalls } = input(runs, plus(MONDAY, 42), sent);
    const plan = planReminders(reminderInput);
    expect(plan.emails.map((e) => [e.milestone.day, e.summary])).toEqual([
      [30, ['Adoption reassessment for Cleo (due 2026-04-05)']],
      [42, ['Six-week measurement for Ana', 'Six-week measurement for Ben']],
    ]);
    const line =
      'Training cohort (week of Mon 2 Mar 2026): 1 of 3 is a Genuine adopter in week 5 since training (33%; for ';
    for (const email of plan.emails) expect(email.content.text).toContain(line);
    expect(plan.emails[1].content.text).toContain(
      'for Ana the 7 days Tue 31 Mar 2026 to Mon 6 Apr 2026, not the week of the figures above); programme target 70%–80%.',
    );
    expect(historyCalls).toEqual([plus(MONDAY, 41)]);
  });

  test('other milestones neither show the line nor compute a history', () => {
    const { reminderInput, historyCalls } = input(runs, plus(MONDAY, 7), []);
    const plan = planReminders(reminderInput);
    expect(plan.emails.map((e) => e.milestone.day)).toEqual([7]);
    expect(plan.emails[0].content.text).not.toContain('Training cohort');
    expect(historyCalls).toEqual([]);
  });

  test('without a history the day-30 email has no cohort line', () => {
    const sent = [
      ...sentBefore('Ana', 30, MONDAY),
      ...sentBefore('Ben', 30, MONDAY),
      ...sentBefore('Cleo', 26, plus(MONDAY, 4)),
    ];
    const { reminderInput } = input(runs, plus(MONDAY, 30), sent, false);
    const plan = planReminders(reminderInput);
    expect(plan.emails.map((e) => e.milestone.day)).toEqual([30]);
    expect(plan.emails[0].content.text).not.toContain('Training cohort');
  });
});
