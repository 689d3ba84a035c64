/**
 * "My week" (rules §19): one member's own figures, in plain words, for the Log a run sidebar.
 * Built from that member's runs only, so nothing in it can name anyone else.
 */
import { dayToIso, dayToLabel, isoToDay, type Day } from '../base/dates';
import { percent, plural } from '../base/text';
import type { Category, EditType, Run } from '../base/types';
import { categoryFor, emptyEditTypes } from '../audit/rates';
import { editPatternLine } from '../audit/edit-pattern';
import { programmePosition } from '../programme/milestones';
import { replacementNext, type NextMilestone, type ReplacementStanding } from './my-programme';

/** Days in "this week" and in "last week": the 7 days to today, and the 7 before them. */
const WEEK_DAYS = 7;

export interface WeekCount {
  runs: number;
  unprompted: number;
}

export interface MyWeek {
  /** The member as the roster names them (or as their account is logged). */
  member: string;
  today: string;
  thisWeek: WeekCount;
  lastWeek: WeekCount;
  /** Unprompted uses a week from which a member is a Genuine adopter (Settings). */
  genuineAt: number;
  /** The member's category on this week's unprompted uses, as the audit names it (rules §3). */
  category: Category;
  /** Used as-is or after a light edit, over both weeks; null without runs. */
  acceptanceRate: number | null;
  /** Edit types of the runs edited (light or heavy) over both weeks, as the audit counts them (rules §6). */
  editTypes: Record<EditType, number>;
  /** Of the replacement programme for its participants after its start (rules §17), else of §8's. */
  nextMilestone: NextMilestone | null;
  /** True when the rows read did not reach back two weeks: the counts may be short. */
  partial: boolean;
  /** What the sidebar shows, one sentence each. */
  lines: string[];
}

export interface MyWeekInput {
  member: string;
  /** The member's own runs (any dates; only the last two weeks count). */
  runs: readonly Run[];
  today: Day;
  genuineAt: number;
  /** Unprompted uses a week from which a member is a Developing user (Settings). */
  developingAt: number;
  trainingDay: Day | null;
  /** The first day the rows read are sure to cover; null when the whole log was read. */
  coveredFrom: Day | null;
  /** The running replacement programme, when the member is one of its participants and S has come. */
  replacement?: ReplacementStanding | null;
}

function count(runs: readonly Run[]): WeekCount {
  return { runs: runs.length, unprompted: runs.filter((run) => !run.prompted).length };
}

/** Edit types count only on runs whose output was edited (rules §6), as in the audit. */
function editTypesOf(runs: readonly Run[]): Record<EditType, number> {
  const counts = emptyEditTypes();
  for (const run of runs) {
    if (run.outcome !== 'light' && run.outcome !== 'heavy') continue;
    for (const type of run.editTypes) counts[type]++;
  }
  return counts;
}

function thresholdPhrase(unprompted: number, genuineAt: number): string {
  if (unprompted >= genuineAt) return `that meets the ${genuineAt} a week of a Genuine adopter`;
  return `${Math.ceil(genuineAt - unprompted)} more would reach the ${genuineAt} a week of a Genuine adopter`;
}

export function myWeek(input: MyWeekInput): MyWeek {
  const { today, genuineAt } = input;
  const thisStart = today - WEEK_DAYS + 1;
  const lastStart = thisStart - WEEK_DAYS;
  const thisRuns = input.runs.filter((run) => run.day >= thisStart && run.day <= today);
  const lastRuns = input.runs.filter((run) => run.day >= lastStart && run.day < thisStart);
  const both = [...thisRuns, ...lastRuns];
  const accepted = both.filter((run) => run.outcome === 'as-is' || run.outcome === 'light').length;
  const acceptanceRate = both.length ? accepted / both.length : null;
  const replacement = input.replacement ? replacementNext(input.replacement, input.member, today) : null;
  const nextMilestone = replacement ? replacement.next : trainingNext(input.trainingDay, today);
  const week: MyWeek = {
    member: input.member,
    today: dayToIso(today),
    thisWeek: count(thisRuns),
    lastWeek: count(lastRuns),
    genuineAt,
    category: categoryFor(thisRuns.filter((run) => !run.prompted).length, input),
    acceptanceRate,
    editTypes: editTypesOf(both),
    nextMilestone,
    partial: input.coveredFrom !== null && input.coveredFrom > lastStart,
    lines: [],
  };
  week.lines = myWeekLines(week, replacement?.line ?? trainingLine(nextMilestone, input.trainingDay !== null));
  return week;
}

/** The next milestone of §8's programme, counted from the training date. */
function trainingNext(trainingDay: Day | null, today: Day): NextMilestone | null {
  const position = trainingDay === null ? null : programmePosition(trainingDay, today);
  return position?.nextLabel && position.nextDate && position.next !== null
    ? { label: position.nextLabel, date: position.nextDate, day: position.next, counted: 'training' }
    : null;
}

function trainingLine(next: NextMilestone | null, trained: boolean): string {
  const nextDay = next?.date ? isoToDay(next.date) : null;
  if (next && nextDay !== null)
    return `Next in your programme: ${next.label}, ${dayToLabel(nextDay)} (day ${next.day} after your training).`;
  if (trained) return 'Every milestone of your programme is behind you.';
  return 'The roster has no training date for you yet, so there is no programme milestone to show.';
}

/** What each category means, in the member's words (rules §3's thresholds come from Settings). */
function categoryHint(category: Category): string {
  if (category === 'Genuine adopter') return ': you reach for it without being asked';
  if (category === 'Developing user') return ': you use it, not yet as a habit';
  return ': no unprompted use counted yet';
}

function myWeekLines(week: MyWeek, milestoneLine: string): string[] {
  const lines = [
    `This week (the 7 days to today): ${plural(week.thisWeek.runs, 'run')}, ${week.thisWeek.unprompted} unprompted; ` +
      `${thresholdPhrase(week.thisWeek.unprompted, week.genuineAt)}.`,
    `That makes you a ${week.category} this week${categoryHint(week.category)}.`,
    `Last week: ${plural(week.lastWeek.runs, 'run')}, ${week.lastWeek.unprompted} unprompted.`,
  ];
  const runs = week.thisWeek.runs + week.lastWeek.runs;
  lines.push(
    week.acceptanceRate === null
      ? 'No runs in these two weeks yet, so no acceptance rate.'
      : `You used ${percent(week.acceptanceRate)} of your ${plural(runs, 'output')} as-is or after a light edit.`,
  );
  // What the edits point to, by §10's groups: "most" only when one group is strictly ahead (the
  // same sentence as the follow-up emails), so a tie is never told as one type edited most.
  const pattern = editPatternLine(week.editTypes, 'in these two weeks');
  if (pattern) lines.push(pattern);
  lines.push(milestoneLine);
  if (week.partial)
    lines.push('Counted from the log’s most recent rows only: the team logs a lot, so older runs may be missing.');
  return lines;
}
