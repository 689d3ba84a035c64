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
import { dayToIso, type Day } from '../base/dates';
import { memberKey } from '../base/text';
import { CLEAR_TAGS, type SentTags } from './sent-tags';
import { MILESTONES } from './milestones';
import { PROGRAMME_MILESTONES, type ProgrammeMilestoneKind } from './replacement';
import { DIGEST_MILESTONE, PROGRAMME_RECORD_PREFIX, SENT_HEADERS, type RecordDraft } from './sent-row';
import { recipientScope, taggedRow } from './sent-row-sealing';
import { parseSentRows, type ParsedRecord } from './sent-rows-read';
import { unreadableRowsProblem, type UnreadableRow } from './sent-unreadable';

/** A training date moved by fewer days than this is a correction, not a new programme. */
export const PROGRAMME_RESTART_DAYS = 14;

/** The sheet as a run reads it. */
export interface SentSheet {
  index: SentIndex;
  /**
   * The sheet's values with every row an earlier version wrote (names, dates or Date sent in
   * clear) re-written as this version writes it (the header row first, with the Key column): for
   * one setValues over the rows read. Null when every row is, or when the tags are CLEAR_TAGS (no
   * key yet: nothing can be re-written).
   */
  retagged: string[][] | null;
}

/**
 * Reads the sheet's values (header row first). Columns are found by header so that a column
 * the owner moved still reads; rows that are not records (blank, hand-written notes) are
 * ignored rather than guessed at. A row tagged with another key than `tags`', or whose Key or
 * tags are no longer the text Uptake wrote, cannot be read: the index names them
 * (SentIndex.unreadableRows), and a run sends nothing it would have to look up.
 */
export function readSentSheet(values: unknown[][], timeZone: string, tags: SentTags): SentSheet {
  const { records, retagged, unreadable } = parseSentRows(values, timeZone, tags);
  return { index: new SentIndex(records, tags, unreadable), retagged };
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
    /** Rows tagged with a key this run does not hold, or whose Key or tags are not text: what they record cannot be looked up. */
    readonly unreadableRows: readonly UnreadableRow[] = [],
  ) {
    for (const r of records) this.index(r);
  }

  /** How many rows cannot be read (unreadableRows). */
  get unreadable(): number {
    return this.unreadableRows.length;
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
    if (this.unreadable) return unreadableRowsProblem(this.unreadableRows);
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

  /**
   * A number below `choices` that only the sheet's key gives for this draft: where a run writes
   * a record settled without an email among its emails' records (settled-turns.ts), so that
   * the order of the rows tells no one which went by email. Not written anywhere.
   */
  turnOf(draft: RecordDraft, choices: number): number {
    const tag = this.tags.member(`turn\u0000${draft.milestone}\u0000${draft.dueDate}`, memberKey(draft.member) || '-');
    const turn = parseInt(tag.slice(0, 8), 16);
    return Number.isFinite(turn) ? turn % choices : 0;
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
