/**
 * Each member's part of a reminder email: the figures gathered for them (since training, in the
 * Settings window, at the week-three check) and the section that states them, with the wording
 * the milestone emails share.
 */
import { dayToLabel, type Day } from '../base/dates';
import { capitalise, percent, plural, windowPhrase } from '../base/text';
import { usesPhrase } from '../audit/diagnosis';
import { adviceLine } from '../audit/advice-wording';
import { editPatternLine } from '../audit/diagnosis-rules';
import type { Audit, MemberReport } from '../audit/audit-types';
import type { Outcome, RunNote } from '../base/types';
import type { EmailBlock } from '../mail/email';
import { atWeekThree, lastCompleteDay, type ChosenMilestone, type ReminderInput } from './reminder-input';

export function nameList(names: string[]): string {
  if (names.length <= 1) return names.join('');
  if (names.length <= 3) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, 2).join(', ')} and ${names.length - 2} others`;
}

export interface MemberDetails {
  item: ChosenMilestone;
  /** This member in the current audit (the Settings window ending on the last complete day). */
  now: MemberReport | undefined;
  /** This member over the runs on and after the training day, up to the last complete day. */
  sinceTraining: MemberReport | undefined;
  /** For a week-three check: the member as of the day before it fell due, which decided it. */
  atCheck: MemberReport | undefined;
  /** An earlier run's email for this milestone failed: this one is a retry, not a catch-up. */
  retry: boolean;
  /** For the day-30 and day-42 emails: the member's training cohort curve point (rules §13). */
  cohort: string | null;
  /** What the tools' usage exports say of the member as of the last complete day (rules §15), one line per tool. */
  usage: string[];
  /** For the day-7 and day-21 emails: the member's notes in the log since training; null for the others. */
  notes: RunNote[] | null;
}

export function memberDetails(
  item: ChosenMilestone,
  input: ReminderInput,
  current: Audit,
  retry: boolean,
  cohort: string | null,
): MemberDetails {
  const trainingDay = item.member.trainingDay;
  const asOf = lastCompleteDay(input.today);
  // Whole weeks that cover the training day; runs before it are left out by `fromDay`.
  const weeks = Math.max(1, Math.ceil((asOf - trainingDay + 1) / 7));
  const since = input.auditAt(asOf, weeks, trainingDay);
  return {
    item,
    now: current.members.find((m) => m.key === item.member.key),
    sinceTraining: since.members.find((m) => m.key === item.member.key),
    atCheck: item.milestone.day === 21 ? atWeekThree(item.member, item.dueDay, input) : undefined,
    retry,
    cohort,
    usage: current.usage?.members.find((m) => m.member === item.member.name)?.lines ?? [],
    notes: NOTED_MILESTONES.has(item.milestone.day)
      ? (input.notesOf?.(item.member.key, trainingDay, asOf) ?? null)
      : null,
  };
}

/** The milestones that prepare a one-to-one follow-up: their emails quote the member's notes. */
const NOTED_MILESTONES = new Set([7, 21]);
/** The latest notes an email quotes, and the characters of each: a follow-up reads a page, not the log. */
export const MAX_NOTES = 10;
export const NOTE_CHARS = 300;

const OUTCOME_WORDS: Record<Outcome, string> = {
  'as-is': 'used as-is',
  light: 'light edit',
  heavy: 'heavy edit',
  'not-used': 'not used',
};

/**
 * The member's notes in the log as email blocks: "Their notes in the log since training (2):",
 * then "Tue 3 Mar 2026, Proposal, heavy edit (missing info): “…”" per run, the latest MAX_NOTES.
 * The note is team text: the email's renderer escapes it.
 */
export function noteBlocks(notes: RunNote[] | null, since: string): EmailBlock[] {
  if (notes === null) return [];
  if (!notes.length) return [{ kind: 'paragraph', text: `No notes in the log ${since}.` }];
  const shown = notes.slice(-MAX_NOTES);
  // One line per note: a cell's line breaks folded, a long note cut.
  const clip = (cell: string) => {
    const text = cell.replace(/\s+/g, ' ');
    return text.length > NOTE_CHARS ? `${text.slice(0, NOTE_CHARS - 1)}…` : text;
  };
  return [
    {
      kind: 'paragraph',
      text: `Their notes in the log ${since} (${notes.length}${shown.length < notes.length ? `, the latest ${shown.length}` : ''}):`,
    },
    {
      kind: 'list',
      items: shown.map(
        (n) =>
          `${dayToLabel(n.day)}, ${n.workflow}, ${OUTCOME_WORDS[n.outcome]}${n.editTypes.length ? ` (${n.editTypes.join(', ')})` : ''}: “${clip(n.note)}”`,
      ),
    },
  ];
}

/** The member's usage lines as the day-7 and day-21 emails quote them (rules §15). */
export function usageItems(d: MemberDetails): string[] {
  return d.usage.map((line) => `Usage export: ${line}`);
}

/** "the week", "the 4 weeks" (followed by "to <day>"). */
export function weeksPhrase(weeks: number): string {
  return weeks === 1 ? 'the week' : `the ${weeks} weeks`;
}

export function dayRange(from: Day, to: Day): string {
  return `${dayToLabel(from)} to ${dayToLabel(to)}`;
}

/** The Settings window ending on `asOf`, with its days: "this week (Mon 2 Mar 2026 to Sun 8 Mar 2026)". */
export function windowWithDays(weeks: number, asOf: Day): string {
  return `${windowPhrase(weeks)} (${dayRange(asOf - 7 * weeks + 1, asOf)})`;
}

/** The member's own figures since training and in the Settings window, as list items; each says which days it covers. */
function figures(d: MemberDetails, input: ReminderInput): string[] {
  const trainingDay = d.item.member.trainingDay;
  const asOf = lastCompleteDay(input.today);
  const { weeks, genuineAt } = input.settings;
  const lines: string[] = [`Trained on ${dayToLabel(trainingDay)}, ${plural(input.today - trainingDay, 'day')} ago.`];
  const s = d.sinceTraining;
  if (s) {
    const o = s.outcomes;
    lines.push(
      `Since training (${dayRange(trainingDay, asOf)}): ${plural(s.runs, 'run')}, ${s.unpromptedRuns} unprompted; used as-is ${o['as-is']}, light edit ${o.light}, ` +
        `heavy edit ${o.heavy}, not used ${o['not-used']}; acceptance rate ${percent(s.acceptanceRate)}.`,
    );
    const pattern = editPatternLine(s.editTypes, 'since training');
    if (pattern) lines.push(pattern);
  }
  const c = d.atCheck;
  if (c && lastCompleteDay(d.item.dueDay) !== asOf) {
    const checkDay = lastCompleteDay(d.item.dueDay);
    lines.push(
      `When the check fell due (${dayRange(checkDay - 7 * weeks + 1, checkDay)}): ${c.category}, ${usesPhrase(c.usesPerWeek)} (Genuine from ${genuineAt}).`,
    );
  }
  const n = d.now;
  if (n) {
    lines.push(
      `${capitalise(windowWithDays(weeks, asOf))}: ${n.category}, ${usesPhrase(n.usesPerWeek)} (Genuine from ${genuineAt}); acceptance rate ${percent(n.acceptanceRate)}.`,
    );
    lines.push(
      n.firstRunDate
        ? `First unprompted run after training: ${dayToLabel(isoDay(n.firstRunDate))} (${plural(n.daysToFirstRun ?? 0, 'day')} after training).`
        : 'No unprompted run since training yet.',
    );
  }
  return lines;
}

/**
 * "the week Mon 23 Feb 2026 to Sun 1 Mar 2026": the Settings window ending on `asOf`, named by
 * its days, so that an email sent on a Tuesday and the Monday digest never both say "this week"
 * of different days.
 */
export function windowDays(weeks: number, asOf: Day): string {
  return `${weeksPhrase(weeks)} ${dayRange(asOf - 7 * weeks + 1, asOf)}`;
}

/** Follow-up reasons and suggested causes: about the Settings window, and labelled with its days. */
function suggestions(d: MemberDetails, input: ReminderInput): string[] {
  const n = d.now;
  if (!n) return [];
  const label = windowDays(input.settings.weeks, lastCompleteDay(input.today));
  return [
    ...n.followUp.map((reason) => `Needs follow-up (${label}): ${reason}.`),
    // No programme email is changed by the usage exports (rules §15): their Logging gap is left
    // out here, and the member's usage line is quoted instead (usageItems).
    ...n.diagnosis
      .filter((f) => f.code !== 'logging-gap')
      .map(
        (f) =>
          `Suggested cause (${label}): ${f.cause}. ${f.step} (${f.evidence.join(' ')})${f.addressed ? ` ${adviceLine(f)}` : ''}`,
      ),
  ];
}

function dueLine(d: MemberDetails, today: Day): string {
  const late = today - d.item.dueDay;
  const base = `${d.item.milestone.name}, day ${d.item.milestone.day} after training`;
  if (late <= 0) return `${base}: due today.`;
  const missed = d.item.superseded.map((s) => `${s.milestone.name} (due ${dayToLabel(s.dueDay)})`);
  return (
    `${base}: due on ${dayToLabel(d.item.dueDay)}, ${plural(late, 'day')} ago; ` +
    (d.retry
      ? 'Uptake’s daily run tried to send it before, and the email failed: this is another attempt.'
      : 'Uptake’s daily run did not send it then.') +
    (missed.length ? ` Also missed, and not sent separately: ${missed.join(', ')}.` : '')
  );
}

export function memberSection(d: MemberDetails, input: ReminderInput, extra: string[] = []): EmailBlock[] {
  return [
    { kind: 'heading', text: d.item.member.name },
    { kind: 'paragraph', text: dueLine(d, input.today) },
    {
      kind: 'list',
      items: [...extra, ...figures(d, input), ...(d.cohort ? [d.cohort] : []), ...suggestions(d, input)],
    },
    ...noteBlocks(d.notes, 'since training'),
  ];
}

export function isoDay(iso: string): Day {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}
