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
import { cellText, headerKey, isBlankCell, isDate, memberKey } from '../base/text';
import { CLEAR_TAGS, NOTE_BLOCK, type SentTags } from './sent-tags';
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
/** A training date moved by fewer days than this is a correction, not a new programme. */
export const PROGRAMME_RESTART_DAYS = 14;

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
function milestoneOf(
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

/** Whose a recipient's tag is: a milestone's member's, or a digest's day (rows of one recipient cannot be grouped). */
function recipientScope(milestone: string, nameKey: string, dueDate: string): string {
  return milestone === DIGEST_MILESTONE ? `${milestone}|${dueDate}` : `${milestone}|${nameKey}`;
}

/** An address in a note (a MailApp error quoting the recipient): the sheet names no one. */
const ADDRESS = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+/g;

/**
 * What a row settled without an email (not needed, named in another email) holds as its
 * recipient: a tag like any other, so such a row looks like one whose email went. No address
 * has a space, so no recipient's tag is this one's.
 */
const NO_RECIPIENT = 'no email sent';

/** The scope of NO_RECIPIENT's tag: the row's milestone and member tag (read from the row, name unknown). */
function noRecipientTag(tags: SentTags, milestone: string, memberTag: string): string {
  return tags.fingerprint ? tags.recipient(`${milestone}|none|${memberTag}`, NO_RECIPIENT) : '';
}

interface PeopleTags {
  member: string;
  recipient: string;
  memberEmail: string;
}

/** The three cells that stand for people, as tags of `tags`. */
function peopleTags(
  tags: SentTags,
  milestone: string,
  clear: { member: string; recipient: string; memberEmail: string; dueDate: string },
): PeopleTags {
  const nameKey = memberKey(clear.member);
  const member = tags.member(milestone, nameKey);
  return {
    member,
    recipient: clear.recipient
      ? tags.recipient(recipientScope(milestone, nameKey, clear.dueDate), clear.recipient)
      : noRecipientTag(tags, milestone, member),
    memberEmail: tags.email(milestone, clear.memberEmail),
  };
}

/** The cells sealed under the sheet's key (sent-tags.ts): clear, they would tell who is below Genuine. */
interface SealedCells {
  trainingDate: string;
  dueDate: string;
  note: string;
}

/**
 * Each sealed cell's context: the row's milestone and tags and the column; the due date's and
 * the note's also the training date, so a member's two programmes never share a keystream.
 */
function sealContexts(milestone: string, people: PeopleTags, trainingDate: string) {
  const row = [milestone, people.member, people.recipient, people.memberEmail].join('\u0000');
  return {
    trainingDate: `${row}\u0000Training date`,
    dueDate: `${row}\u0000Due date\u0000${trainingDate}`,
    note: `${row}\u0000Note\u0000${trainingDate}`,
  };
}

function sealCells(tags: SentTags, milestone: string, people: PeopleTags, clear: SealedCells): SealedCells {
  const at = sealContexts(milestone, people, clear.trainingDate);
  return {
    trainingDate: tags.seal(at.trainingDate, clear.trainingDate),
    dueDate: tags.seal(at.dueDate, clear.dueDate),
    note: tags.seal(at.note, clear.note.replace(ADDRESS, '(an address)'), NOTE_BLOCK),
  };
}

/** The sealed cells read back (a cell that is not sealed with this key stays as it is). */
function openCells(tags: SentTags, milestone: string, people: PeopleTags, sealed: SealedCells): SealedCells {
  const trainingDate = tags.unseal(sealContexts(milestone, people, '').trainingDate, sealed.trainingDate);
  const at = sealContexts(milestone, people, trainingDate ?? '');
  return {
    trainingDate: trainingDate ?? sealed.trainingDate,
    dueDate: tags.unseal(at.dueDate, sealed.dueDate) ?? sealed.dueDate,
    note: tags.unseal(at.note, sealed.note) ?? sealed.note,
  };
}

/** A record as the sheet holds it: people as tags, dates and note sealed, the key's fingerprint last. */
export function taggedRow(record: SentRecord, tags: SentTags): string[] {
  const milestone = milestoneOf(record.milestone)?.name ?? record.milestone;
  const people = peopleTags(tags, milestone, record);
  return recordRow({ ...record, ...people, ...sealCells(tags, milestone, people, record) }).map((cell, i) =>
    i === SENT_HEADERS.length - 1 ? tags.fingerprint : cell,
  );
}

/**
 * The sheet's rows (header first, columns in SENT_HEADERS' order) with each tag of `tags` read
 * back as the name or address of `people` it stands for (a tag of no one there stays), and the
 * sealed cells opened: for the owner's own look at the sheet, which holds the key (the local
 * run's reports, the tests).
 */
export function untaggedRows(
  rows: string[][],
  tags: SentTags,
  people: { names: string[]; emails: string[] },
): string[][] {
  const at = (name: string) => SENT_HEADERS.indexOf(name);
  return rows.map((row, i) => {
    const milestone = milestoneOf(row[at('Milestone')] ?? '');
    const rowKey = row[at('Key')] ?? '';
    if (i === 0 || !milestone || !tags.fingerprint) return row;
    if (rowKey !== tags.fingerprint && rowKey !== tags.taggedOnlyFingerprint) return row;
    const cell = (name: string) => row[at(name)] ?? '';
    const tagged = { member: cell('Team member'), recipient: cell('Recipient'), memberEmail: cell('Member email') };
    const opened =
      rowKey === tags.fingerprint
        ? openCells(tags, milestone.name, tagged, {
            trainingDate: cell('Training date'),
            dueDate: cell('Due date'),
            note: cell('Note'),
          })
        : null;
    const dueDate = opened?.dueDate ?? cell('Due date');
    const untag = (tag: string, tagOf: (value: string) => string, values: string[]) =>
      (tag && values.find((value) => tagOf(value) === tag)) || tag;
    const member = untag(tagged.member, (n) => tags.member(milestone.name, memberKey(n)), people.names);
    const scope = recipientScope(milestone.name, memberKey(member), dueDate);
    const out = [...row];
    out[at('Team member')] = member;
    out[at('Recipient')] =
      tagged.recipient === noRecipientTag(tags, milestone.name, tagged.member)
        ? ''
        : untag(tagged.recipient, (e) => tags.recipient(scope, e), people.emails);
    out[at('Member email')] = untag(tagged.memberEmail, (e) => tags.email(milestone.name, e), people.emails);
    if (opened)
      [out[at('Training date')], out[at('Due date')], out[at('Note')]] = [opened.trainingDate, dueDate, opened.note];
    return out;
  });
}

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

function lower(text: string): string {
  return text.trim().toLowerCase();
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
