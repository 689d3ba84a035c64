/**
 * A row of the "Uptake sent" sheet as Uptake means it, before its people are tagged and its
 * dates sealed (sent-row-sealing.ts): the sheet's columns, the milestones a row can name, and
 * the drafts a run makes of what it sends or settles.
 */
import { dayToIso, zoneOffsetMinutes, type Day } from '../base/dates';
import { milestoneSpec, MILESTONES } from './milestones';
import { PROGRAMME_MILESTONES, type ProgrammeMilestoneKind } from './replacement';

export const SENT_HEADERS = [
  'Date sent',
  'Team member',
  'Milestone',
  'Recipient',
  'Due date',
  'Training date',
  'Member email',
  'Note',
  'Key',
];
export const DIGEST_MILESTONE = 'Weekly digest';
/**
 * A replacement programme's milestone (spec §17) is written "Replacement programme: <name>",
 * with the programme's start in the Training date column: its identity is (milestone, start,
 * and for a follow-up the member), apart from the §8 milestones of the same names.
 */
export const PROGRAMME_RECORD_PREFIX = 'Replacement programme: ';

/** What the automation recorded, in clear: the sheet holds it with its people as tags (taggedRow). */
export interface SentRecord {
  /** "YYYY-MM-DD HH:mm" in the spreadsheet's zone. */
  sentAt: string;
  member: string;
  milestone: string;
  /** Who was emailed; '' when the milestone was settled without an email. */
  recipient: string;
  dueDate: string;
  trainingDate: string;
  memberEmail: string;
  note: string;
}

export type RecordDraft = Omit<SentRecord, 'sentAt'>;

/** A record as an earlier version wrote it: people in clear, no key. */
export function recordRow(record: SentRecord): string[] {
  return [
    record.sentAt,
    record.member,
    record.milestone,
    record.recipient,
    record.dueDate,
    record.trainingDate,
    record.memberEmail,
    record.note,
    '',
  ];
}

/** The milestone a Milestone cell names, by its canonical name; null for a row that is no record. */
export function milestoneOf(
  text: string,
): { name: string; day: number | null; programme: ProgrammeMilestoneKind | null } | null {
  const said = lower(text);
  if (said === lower(DIGEST_MILESTONE)) return { name: DIGEST_MILESTONE, day: null, programme: null };
  const spec = MILESTONES.find((m) => lower(m.name) === said);
  if (spec) return { name: spec.name, day: spec.day, programme: null };
  const programme = PROGRAMME_MILESTONES.find((m) => lower(PROGRAMME_RECORD_PREFIX + m.name) === said);
  if (programme) return { name: PROGRAMME_RECORD_PREFIX + programme.name, day: null, programme: programme.kind };
  return null;
}

function lower(text: string): string {
  return text.trim().toLowerCase();
}

/** A draft for a milestone of a member (the sent sheet's columns, before the send time). */
export function milestoneDraft(args: {
  member: { name: string; email: string | null };
  milestoneDay: number;
  recipient: string;
  dueDay: Day;
  trainingDay: Day;
  note: string;
}): RecordDraft {
  return {
    member: args.member.name,
    milestone: milestoneSpec(args.milestoneDay)?.name ?? String(args.milestoneDay),
    recipient: args.recipient,
    dueDate: dayToIso(args.dueDay),
    trainingDate: dayToIso(args.trainingDay),
    memberEmail: args.member.email ?? '',
    note: args.note,
  };
}

/** A draft for a replacement programme's milestone: one per member it is about ('' for none). */
export function programmeDraft(args: {
  kind: ProgrammeMilestoneKind;
  member: { name: string; email: string | null } | null;
  recipient: string;
  dueDay: Day;
  start: Day;
  note: string;
}): RecordDraft {
  const spec = PROGRAMME_MILESTONES.find((m) => m.kind === args.kind)!;
  return {
    member: args.member?.name ?? '',
    milestone: PROGRAMME_RECORD_PREFIX + spec.name,
    recipient: args.recipient,
    dueDate: dayToIso(args.dueDay),
    trainingDate: dayToIso(args.start),
    memberEmail: args.member?.email ?? '',
    note: args.note,
  };
}

export function digestDraft(digestDay: Day, recipient: string, note: string): RecordDraft {
  return {
    member: '',
    milestone: DIGEST_MILESTONE,
    recipient,
    dueDate: dayToIso(digestDay),
    trainingDate: '',
    memberEmail: '',
    note,
  };
}

/** "2026-03-09 08:14" in the spreadsheet's zone: the time as the owner reads it. */
export function localTimestamp(ms: number, timeZone: string): string {
  const local = new Date(ms + zoneOffsetMinutes(ms, timeZone) * 60_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

/** Drafts made records, sent at `ms`. */
export function stamp(drafts: RecordDraft[], ms: number, timeZone: string): SentRecord[] {
  const sentAt = localTimestamp(ms, timeZone);
  return drafts.map((draft) => ({ sentAt, ...draft }));
}
