/**
 * The "Uptake sent" sheet: one row per (member, milestone) settled and per digest recipient.
 * It is the memory that makes every email go exactly once: a milestone is sent when it is due
 * and no row records it.
 *
 * Identity of a milestone record: the member, the milestone and the programme (training date).
 * - The member is matched by email or by name key: a member renamed in the roster keeps their
 *   history when the roster has their email, and one whose email is corrected keeps it by name.
 *   A member renamed with no email on the roster is a new person to Uptake (as to the log).
 * - A training date that moves by less than PROGRAMME_RESTART_DAYS is a correction of the same
 *   programme (nothing is sent twice); a move of that much or more is a new programme (a second
 *   training), whose milestones are sent again.
 * Identity of a digest record: the digest day and the recipient.
 */
import { readDay, dayToIso, zoneOffsetMinutes, type Day } from '../base/dates';
import { cellText, headerKey, isBlankCell, memberKey } from '../base/text';
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
];
export const DIGEST_MILESTONE = 'Weekly digest';
/**
 * A replacement programme's milestone (spec §17) is written "Replacement programme: <name>",
 * with the programme's start in the Training date column: its identity is (milestone, start,
 * and for a follow-up the member), apart from the §8 milestones of the same names.
 */
export const PROGRAMME_RECORD_PREFIX = 'Replacement programme: ';
/** A training date moved by fewer days than this is a correction, not a new programme. */
export const PROGRAMME_RESTART_DAYS = 14;

/** A row of the sent sheet, all text (it is written as text, never as a formula). */
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
  ];
}

interface ParsedRecord {
  nameKey: string;
  email: string;
  milestoneDay: number | null;
  digest: boolean;
  programme: ProgrammeMilestoneKind | null;
  recipient: string;
  dueDay: Day | null;
  trainingDay: Day | null;
}

function lower(text: string): string {
  return text.trim().toLowerCase();
}

/**
 * Reads the sheet's values (header row first). Columns are found by header so that a column
 * the owner moved still reads; rows that are not records (blank, hand-written notes) are
 * ignored rather than guessed at.
 */
export function parseSentRows(values: unknown[][], timeZone: string): ParsedRecord[] {
  if (values.length === 0) return [];
  const header = values[0].map((cell) => headerKey(cellText(cell)));
  const column = (name: string, fallback: number) => {
    const at = header.indexOf(headerKey(name));
    return at >= 0 ? at : fallback;
  };
  const c = {
    member: column('Team member', 1),
    milestone: column('Milestone', 2),
    recipient: column('Recipient', 3),
    due: column('Due date', 4),
    training: column('Training date', 5),
    email: column('Member email', 6),
  };
  const dateOptions = { timeZone, dateOrder: 'DMY' as const };
  const dayIn = (cell: unknown): Day | null => {
    if (isBlankCell(cell)) return null;
    const read = readDay(cell, dateOptions);
    return read.ok ? read.day : null;
  };
  const records: ParsedRecord[] = [];
  for (const row of values.slice(1)) {
    const milestone = cellText(row[c.milestone]);
    const digest = lower(milestone) === lower(DIGEST_MILESTONE);
    const spec = MILESTONES.find((m) => lower(m.name) === lower(milestone));
    const programme = PROGRAMME_MILESTONES.find((m) => lower(PROGRAMME_RECORD_PREFIX + m.name) === lower(milestone));
    if (!digest && !spec && !programme) continue;
    records.push({
      nameKey: memberKey(cellText(row[c.member])),
      email: lower(cellText(row[c.email])),
      milestoneDay: spec?.day ?? null,
      digest,
      programme: programme?.kind ?? null,
      recipient: lower(cellText(row[c.recipient])),
      dueDay: dayIn(row[c.due]),
      trainingDay: dayIn(row[c.training]),
    });
  }
  return records;
}

export interface MemberIdentity {
  key: string;
  email: string | null;
}

/** What has been sent, looked up by the identities above. */
export class SentIndex {
  private readonly milestones: ParsedRecord[];
  private readonly digests = new Set<string>();
  private readonly programme: ParsedRecord[] = [];

  constructor(records: ParsedRecord[]) {
    this.milestones = records.filter((r) => r.milestoneDay !== null && r.trainingDay !== null);
    for (const r of records) this.index(r);
  }

  private index(r: ParsedRecord): void {
    if (r.digest && r.dueDay !== null) this.digests.add(`${r.dueDay}|${r.recipient}`);
    if (r.programme !== null && r.trainingDay !== null) this.programme.push(r);
  }

  static empty(): SentIndex {
    return new SentIndex([]);
  }

  /** Adds records just written, so a later step of the same run sees them. */
  add(drafts: RecordDraft[]): void {
    for (const parsed of parseSentRows([SENT_HEADERS, ...drafts.map((d) => recordRow({ sentAt: '', ...d }))], 'UTC')) {
      if (parsed.milestoneDay !== null && parsed.trainingDay !== null) this.milestones.push(parsed);
      this.index(parsed);
    }
  }

  private sameMember(record: ParsedRecord, member: MemberIdentity): boolean {
    const email = lower(member.email ?? '');
    return (email !== '' && email === record.email) || record.nameKey === member.key;
  }

  /** The milestone days recorded for this member's programme starting on `trainingDay`. */
  recordedMilestones(member: MemberIdentity, trainingDay: Day): Set<number> {
    const days = new Set<number>();
    for (const r of this.milestones) {
      if (Math.abs(r.trainingDay! - trainingDay) < PROGRAMME_RESTART_DAYS && this.sameMember(r, member))
        days.add(r.milestoneDay!);
    }
    return days;
  }

  hasMilestone(member: MemberIdentity, milestoneDay: number, trainingDay: Day): boolean {
    return this.recordedMilestones(member, trainingDay).has(milestoneDay);
  }

  /**
   * Whether the programme starting on `start` has this milestone recorded: for a follow-up, this
   * member's; for a team milestone, any row of it (one row per member it named).
   */
  hasProgrammeMilestone(kind: ProgrammeMilestoneKind, start: Day, member?: MemberIdentity): boolean {
    return this.programme.some(
      (r) => r.programme === kind && r.trainingDay === start && (!member || this.sameMember(r, member)),
    );
  }

  hasDigest(digestDay: Day, recipient: string): boolean {
    return this.digests.has(`${digestDay}|${lower(recipient)}`);
  }
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
