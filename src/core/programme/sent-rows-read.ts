/**
 * The "Uptake sent" sheet's values read as records: columns found by header (a column the owner
 * moved still reads), rows that are no record ignored, and rows an earlier version wrote (names
 * in clear, dates in clear, or Date sent in clear) sealed again as this version writes them.
 */
import { readDay, dayToIso, type Day } from '../base/dates';
import { cellText, headerKey, isBlankCell, isDate } from '../base/text';
import type { SentTags } from './sent-tags';
import type { ProgrammeMilestoneKind } from './replacement';
import { DIGEST_MILESTONE, localTimestamp, milestoneOf, SENT_HEADERS } from './sent-row';
import {
  noRecipientTag,
  openCells,
  peopleTags,
  sealCells,
  type PeopleTags,
  type SealedCells,
} from './sent-row-sealing';
import type { UnreadableRow } from './sent-unreadable';

export interface ParsedRecord {
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

type SentColumns = Record<
  'sent' | 'member' | 'milestone' | 'recipient' | 'due' | 'training' | 'email' | 'note' | 'key',
  number
>;

/** Where each column is, by its header, so that a column the owner moved still reads. */
function sentColumns(header: string[]): SentColumns {
  const column = (name: string, fallback: number) => {
    const at = header.indexOf(headerKey(name));
    return at >= 0 ? at : fallback;
  };
  return {
    sent: column('Date sent', 0),
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

export function parseSentRows(
  values: unknown[][],
  timeZone: string,
  tags: SentTags,
): { records: ParsedRecord[]; retagged: string[][] | null; unreadable: UnreadableRow[] } {
  if (values.length === 0) return { records: [], retagged: null, unreadable: [] };
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
  const unreadable: UnreadableRow[] = [];
  values.slice(1).forEach((row, i) => {
    const milestone = milestoneOf(cellText(row[c.milestone]));
    if (!milestone) return;
    const notText = cellsNotAsWritten(row, c);
    if (notText.length) {
      unreadable.push({ row: i + 2, reason: 'not-text', columns: notText });
      return;
    }
    const read = readRecordRow(row, {
      columns: c,
      milestone: milestone.name,
      tags,
      dayIn,
      sentAt: rewritten[i + 1][c.sent],
    });
    if (!read) {
      unreadable.push({ row: i + 2, reason: 'other-key', columns: ['Key'] });
      return;
    }
    if (read.resealed) {
      upgraded++;
      rewriteRow(rewritten[i + 1], c, read.people, read.resealed, tags.fingerprint);
    }
    records.push({
      milestone: milestone.name,
      nameTag: read.people.member,
      emailTag: read.people.memberEmail,
      recipientTag: read.people.recipient,
      milestoneDay: milestone.day,
      digest: milestone.name === DIGEST_MILESTONE,
      programme: milestone.programme,
      dueDay: read.dueDay,
      trainingDay: read.trainingDay,
    });
  });
  // A sheet of an earlier version has no Key header: it gets one with its first tagged rows.
  const noKeyHeader = !header.includes(headerKey('Key'));
  rewritten[0][c.key] = 'Key';
  const retagged = (upgraded || noKeyHeader) && tags.fingerprint ? rewritten : null;
  return { records, retagged, unreadable };
}

interface RowRead {
  people: PeopleTags;
  dueDay: Day | null;
  trainingDay: Day | null;
  /** The row's cells sealed as this version writes them, for a row an earlier version wrote; null when they are. */
  resealed: SealedCells | null;
}

/**
 * One record row read through `tags`: its tags and days, and how this version seals a row an
 * earlier version wrote (names in clear; tags with clear dates and notes; or everything sealed
 * but Date sent). Null for a row another key tagged: what it records cannot be looked up. Its Key and tags are
 * text (cellsNotAsWritten).
 */
function readRecordRow(
  row: unknown[],
  at: { columns: SentColumns; milestone: string; tags: SentTags; dayIn: (cell: unknown) => Day | null; sentAt: string },
): RowRead | null {
  const { columns: c, milestone, tags, dayIn } = at;
  const rowKey = cellText(row[c.key]).trim();
  const cells = {
    sentAt: at.sentAt,
    member: cellText(row[c.member]).trim(),
    recipient: cellText(row[c.recipient]).trim(),
    memberEmail: cellText(row[c.email]).trim(),
    dueDate: dayToIsoOrText(dayIn(row[c.due]), cellText(row[c.due])),
    trainingDate: dayToIsoOrText(dayIn(row[c.training]), cellText(row[c.training])),
    note: cellText(row[c.note]),
  };
  if (rowKey !== '' && (rowKey === tags.fingerprint || rowKey === tags.sentInClearFingerprint)) {
    const people = { member: cells.member, recipient: cells.recipient, memberEmail: cells.memberEmail };
    const sentInClear = rowKey !== tags.fingerprint;
    const opened = openCells(tags, milestone, people, cells, sentInClear);
    const resealed = sentInClear ? sealCells(tags, milestone, people, opened) : null;
    return { people, dueDay: dayIn(opened.dueDate), trainingDay: dayIn(opened.trainingDate), resealed };
  }
  if (rowKey !== '' && rowKey !== tags.taggedOnlyFingerprint) return null;
  const people = upgradedPeople(tags, milestone, cells, rowKey === '');
  const resealed = tags.fingerprint ? sealCells(tags, milestone, people, cells) : null;
  return { people, dueDay: dayIn(row[c.due]), trainingDay: dayIn(row[c.training]), resealed };
}

/**
 * The columns, in the sheet's order, where a row's Key cell, or a keyed row's tags, do not hold
 * what Uptake wrote there: text (every version writes the sheet as text), or nothing. A
 * fingerprint or tag that Sheets read as a number ("6e885545", "0123…", rows pasted back or
 * imported as typed input) no longer says which key made the row, nor whom it records. Such a
 * row is unreadable: taken for a row without a key, its tags would be tagged again, match no
 * member, and what it records would be sent again. Named by their headers, in the sheet's
 * order (a column the owner moved is named where it is); none for a row as written.
 */
function cellsNotAsWritten(row: unknown[], c: SentColumns): string[] {
  const asWritten = (cell: unknown) => typeof cell === 'string' || isBlankCell(cell);
  if (isBlankCell(row[c.key])) return [];
  const keyed: [number, string][] = [
    [c.key, 'Key'],
    [c.member, 'Team member'],
    [c.recipient, 'Recipient'],
    [c.email, 'Member email'],
  ];
  return keyed
    .filter(([at]) => !asWritten(row[at]))
    .sort(([a], [b]) => a - b)
    .map(([, header]) => header);
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
  [out[c.sent], out[c.training], out[c.due], out[c.note]] = [
    sealed.sentAt,
    sealed.trainingDate,
    sealed.dueDate,
    sealed.note,
  ];
  out[c.key] = fingerprint;
}

function dayToIsoOrText(day: Day | null, text: string): string {
  return day === null ? text.trim() : dayToIso(day);
}
