/**
 * The "Uptake sent" sheet read back: one row per (member, milestone) settled and per digest recipient.
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
import { readDay, dayToIso, type Day } from '../base/dates';
import { cellText, headerKey, isBlankCell, isDate } from '../base/text';
import { CLEAR_TAGS, type SentTags } from './sent-tags';
import { MILESTONES } from './milestones';
import { PROGRAMME_MILESTONES, type ProgrammeMilestoneKind } from './replacement';
import {
  DIGEST_MILESTONE,
  localTimestamp,
  milestoneOf,
  PROGRAMME_RECORD_PREFIX,
  SENT_HEADERS,
  type RecordDraft,
} from './sent-row';
import {
  noRecipientTag,
  openCells,
  peopleTags,
  recipientScope,
  sealCells,
  taggedRow,
  type PeopleTags,
  type SealedCells,
} from './sent-row-sealing';

/** A training date moved by fewer days than this is a correction, not a new programme. */
export const PROGRAMME_RESTART_DAYS = 14;

interface ParsedRecord {
  milestone: string;
  nameTag: string;
  emailTag: string;
  recipientTag: string;
  milestoneDay: number | null;
  digest: boolean;
  programme: ProgrammeMilestoneKind | null;
  dueDay: Day | null;
  trainingDay: Day | null;
}

/** The sheet as a run reads it. */
export interface SentSheet {
  index: SentIndex;
  /**
   * The sheet's values with every row an earlier version wrote in clear re-written as tags
   * (the header row first, with the Key column): for one setValues over the rows read. Null when
   * no row is in clear, or when the tags are CLEAR_TAGS (no key yet: nothing can be re-written).
   */
  retagged: string[][] | null;
}

/**
 * Reads the sheet's values (header row first). Columns are found by header so that a column
 * the owner moved still reads; rows that are not records (blank, hand-written notes) are
 * ignored rather than guessed at. A row tagged with another key than `tags`' cannot be read:
 * the index says so (SentIndex.unreadable), and a run sends nothing it would have to look up.
 */
export function readSentSheet(values: unknown[][], timeZone: string, tags: SentTags): SentSheet {
  const { records, retagged, unreadable } = parseSentRows(values, timeZone, tags);
  return { index: new SentIndex(records, tags, unreadable), retagged };
}

type SentColumns = Record<'member' | 'milestone' | 'recipient' | 'due' | 'training' | 'email' | 'note' | 'key', number>;

/** Where each column is, by its header, so that a column the owner moved still reads. */
function sentColumns(header: string[]): SentColumns {
  const column = (name: string, fallback: number) => {
    const at = header.indexOf(headerKey(name));
    return at >= 0 ? at : fallback;
  };
  return {
    member: column('Team member', 1),
    milestone: column('Milestone', 2),
    recipient: column('Recipient', 3),
    due: column('Due date', 4),
    training: column('Training date', 5),
    email: column('Member email', 6),
    note: column('Note', 7),
    key: column('Key', 8),
  };
}

function parseSentRows(
  values: unknown[][],
  timeZone: string,
  tags: SentTags,
): { records: ParsedRecord[]; retagged: string[][] | null; unreadable: number } {
  if (values.length === 0) return { records: [], retagged: null, unreadable: 0 };
  const header = values[0].map((cell) => headerKey(cellText(cell)));
  const c = sentColumns(header);
  const dateOptions = { timeZone, dateOrder: 'DMY' as const };
  const dayIn = (cell: unknown): Day | null => {
    if (isBlankCell(cell)) return null;
    const read = readDay(cell, dateOptions);
    return read.ok ? read.day : null;
  };
  const records: ParsedRecord[] = [];
  const width = Math.max(SENT_HEADERS.length, ...values.map((row) => row.length));
  // Cells as they read: a date (typed by hand) as the day or time it shows, the rest as written.
  const asText = (cell: unknown, i: number): string => {
    if (!isDate(cell)) return cell === null || cell === undefined ? '' : String(cell);
    return i === c.due || i === c.training ? dayToIsoOrText(dayIn(cell), '') : localTimestamp(cell.getTime(), timeZone);
  };
  const rewritten = values.map((row) => Array.from({ length: width }, (_, i) => asText(row[i], i)));
  let upgraded = 0;
  let unreadable = 0;
  values.slice(1).forEach((row, i) => {
    const milestone = milestoneOf(cellText(row[c.milestone]));
    if (!milestone) return;
    const rowKey = cellText(row[c.key]).trim();
    const cells = {
      member: cellText(row[c.member]).trim(),
      recipient: cellText(row[c.recipient]).trim(),
      memberEmail: cellText(row[c.email]).trim(),
      dueDate: dayToIsoOrText(dayIn(row[c.due]), cellText(row[c.due])),
      trainingDate: dayToIsoOrText(dayIn(row[c.training]), cellText(row[c.training])),
      note: cellText(row[c.note]),
    };
    let tagged: PeopleTags;
    let dates = { dueDay: dayIn(row[c.due]), trainingDay: dayIn(row[c.training]) };
    if (rowKey === tags.fingerprint && rowKey !== '') {
      tagged = { member: cells.member, recipient: cells.recipient, memberEmail: cells.memberEmail };
      const opened = openCells(tags, milestone.name, tagged, cells);
      dates = { dueDay: dayIn(opened.dueDate), trainingDay: dayIn(opened.trainingDate) };
    } else if (rowKey === '' || rowKey === tags.taggedOnlyFingerprint) {
      tagged = upgradedPeople(tags, milestone.name, cells, rowKey === '');
      if (tags.fingerprint) {
        upgraded++;
        rewriteRow(rewritten[i + 1], c, tagged, sealCells(tags, milestone.name, tagged, cells), tags.fingerprint);
      }
    } else {
      unreadable++;
      return;
    }
    records.push({
      milestone: milestone.name,
      nameTag: tagged.member,
      emailTag: tagged.memberEmail,
      recipientTag: tagged.recipient,
      milestoneDay: milestone.day,
      digest: milestone.name === DIGEST_MILESTONE,
      programme: milestone.programme,
      ...dates,
    });
  });
  // A sheet of an earlier version has no Key header: it gets one with its first tagged rows.
  const noKeyHeader = !header.includes(headerKey('Key'));
  rewritten[0][c.key] = 'Key';
  const retagged = (upgraded || noKeyHeader) && tags.fingerprint ? rewritten : null;
  return { records, retagged, unreadable };
}

/** A row an earlier version wrote: people in clear (no key), or tags with clear dates and notes. */
function upgradedPeople(
  tags: SentTags,
  milestone: string,
  cells: PeopleTags & { dueDate: string },
  inClear: boolean,
): PeopleTags {
  if (inClear) return peopleTags(tags, milestone, cells);
  return { ...cells, recipient: cells.recipient || noRecipientTag(tags, milestone, cells.member) };
}

/** Puts a row's tags, sealed cells and fingerprint in its place among the rows re-written. */
function rewriteRow(out: string[], c: SentColumns, tagged: PeopleTags, sealed: SealedCells, fingerprint: string): void {
  [out[c.member], out[c.recipient], out[c.email]] = [tagged.member, tagged.recipient, tagged.memberEmail];
  [out[c.training], out[c.due], out[c.note]] = [sealed.trainingDate, sealed.dueDate, sealed.note];
  out[c.key] = fingerprint;
}

function dayToIsoOrText(day: Day | null, text: string): string {
  return day === null ? text.trim() : dayToIso(day);
}

export interface MemberIdentity {
  key: string;
  email: string | null;
}

/** What has been sent, looked up by the identities above, through the tags of the sheet's key. */
export class SentIndex {
  private readonly byTag = new Map<string, ParsedRecord[]>();
  private readonly digests = new Set<string>();
  private readonly programme: ParsedRecord[] = [];

  constructor(
    records: ParsedRecord[],
    private readonly tags: SentTags = CLEAR_TAGS,
    /** Rows tagged with a key this run does not hold: what they record cannot be looked up. */
    readonly unreadable = 0,
  ) {
    for (const r of records) this.index(r);
  }

  private index(r: ParsedRecord): void {
    if (r.digest && r.dueDay !== null) this.digests.add(`${r.dueDay}|${r.recipientTag}`);
    if (r.programme !== null && r.trainingDay !== null) this.programme.push(r);
    for (const tag of new Set([r.nameTag, r.emailTag])) {
      if (!tag) continue;
      const list = this.byTag.get(`${r.milestone}|${tag}`) ?? [];
      list.push(r);
      this.byTag.set(`${r.milestone}|${tag}`, list);
    }
  }

  static empty(): SentIndex {
    return new SentIndex([]);
  }

  /**
   * Why a run cannot record what it sends, so must send nothing it would record; null when it
   * can. Without the key (CLEAR_TAGS) nothing can be written; with rows another key tagged,
   * what they record cannot be looked up.
   */
  get recordingProblem(): string | null {
    if (this.unreadable)
      return (
        `${this.unreadable === 1 ? '1 row' : `${this.unreadable} rows`} of the "Uptake sent" sheet were tagged with a key this spreadsheet does not hold ` +
        '(its document properties were cleared, or the rows were copied from another spreadsheet), so Uptake cannot tell what they record ' +
        "and sent no reminder and no digest rather than send one twice. Restore the sheet as Uptake left it; rows that are not this team's can be moved to another sheet."
      );
    if (!this.tags.fingerprint)
      return (
        'This run could not read the key of the "Uptake sent" sheet (Apps Script gave it none of the document\'s properties, and the owner\'s copy of the key is not made yet), ' +
        'so it sent no reminder and no digest rather than send one twice: they go at the next run that has the key.'
      );
    return null;
  }

  /** Adds records just written, so a later step of the same run sees them. */
  add(drafts: RecordDraft[]): void {
    const rows = drafts.map((d) => taggedRow({ sentAt: '', ...d }, this.tags));
    for (const parsed of parseSentRows([SENT_HEADERS, ...rows], 'UTC', this.tags).records) this.index(parsed);
  }

  /** This member's records of a milestone: by their name's tag or their email's (sameMember before tags). */
  private memberRecords(milestone: string, member: MemberIdentity): ParsedRecord[] {
    const found = new Set<ParsedRecord>();
    const tags = [this.tags.member(milestone, member.key), this.tags.email(milestone, member.email ?? '')];
    for (const tag of tags) if (tag) for (const r of this.byTag.get(`${milestone}|${tag}`) ?? []) found.add(r);
    return [...found];
  }

  /** The milestone days recorded for this member's programme starting on `trainingDay`. */
  recordedMilestones(member: MemberIdentity, trainingDay: Day): Set<number> {
    const days = new Set<number>();
    for (const spec of MILESTONES) {
      const recorded = this.memberRecords(spec.name, member).some(
        (r) => r.trainingDay !== null && Math.abs(r.trainingDay - trainingDay) < PROGRAMME_RESTART_DAYS,
      );
      if (recorded) days.add(spec.day);
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
    const spec = PROGRAMME_MILESTONES.find((m) => m.kind === kind)!;
    const rows = member ? this.memberRecords(PROGRAMME_RECORD_PREFIX + spec.name, member) : this.programme;
    return rows.some((r) => r.programme === kind && r.trainingDay === start);
  }

  hasDigest(digestDay: Day, recipient: string): boolean {
    const tag = this.tags.recipient(recipientScope(DIGEST_MILESTONE, '', dayToIso(digestDay)), recipient);
    return this.digests.has(`${digestDay}|${tag}`);
  }
}
