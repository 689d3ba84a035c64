/**
 * A record as the "Uptake sent" sheet holds it (rules §19): its people as tags and its dates
 * (Date sent among them) and note sealed under the sheet's key (sent-tags.ts), and read back by the owner's runs.
 */
import { memberKey, utf8Bytes } from '../base/text';
import { NOTE_BLOCK, type SentTags } from './sent-tags';
import { DIGEST_MILESTONE, milestoneOf, recordRow, SENT_HEADERS, type SentRecord } from './sent-row';

/** Whose a recipient's tag is: a milestone's member's, or a digest's day (rows of one recipient cannot be grouped). */
export function recipientScope(milestone: string, nameKey: string, dueDate: string): string {
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
export function noRecipientTag(tags: SentTags, milestone: string, memberTag: string): string {
  return tags.fingerprint ? tags.recipient(`${milestone}|none|${memberTag}`, NO_RECIPIENT) : '';
}

export interface PeopleTags {
  member: string;
  recipient: string;
  memberEmail: string;
}

/** The three cells that stand for people, as tags of `tags`. */
export function peopleTags(
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
export interface SealedCells {
  sentAt: string;
  trainingDate: string;
  dueDate: string;
  note: string;
}

/**
 * Each sealed cell's context: the row's milestone and tags and the column; the others' also the
 * training date, so a member's two programmes never share a keystream.
 */
function sealContexts(milestone: string, people: PeopleTags, trainingDate: string) {
  const row = [milestone, people.member, people.recipient, people.memberEmail].join('\u0000');
  return {
    sentAt: `${row}\u0000Date sent\u0000${trainingDate}`,
    trainingDate: `${row}\u0000Training date`,
    dueDate: `${row}\u0000Due date\u0000${trainingDate}`,
    note: `${row}\u0000Note\u0000${trainingDate}`,
  };
}

/**
 * A note as sealed: no address, and within NOTE_BLOCK bytes, so that every sealed note has one
 * length (a longer one, a MailApp error quoted in "Not sent after 3 attempts: …", would mark the
 * row as an email that failed). The whole error is in the owner's digest.
 */
function sealableNote(note: string): string {
  const text = note.replace(ADDRESS, '(an address)');
  if (utf8Bytes(text) <= NOTE_BLOCK) return text;
  let kept = '';
  let bytes = utf8Bytes('…');
  for (const char of text) {
    bytes += utf8Bytes(char);
    if (bytes > NOTE_BLOCK) break;
    kept += char;
  }
  return `${kept}…`;
}

export function sealCells(tags: SentTags, milestone: string, people: PeopleTags, clear: SealedCells): SealedCells {
  const at = sealContexts(milestone, people, clear.trainingDate);
  return {
    sentAt: tags.seal(at.sentAt, clear.sentAt),
    trainingDate: tags.seal(at.trainingDate, clear.trainingDate),
    dueDate: tags.seal(at.dueDate, clear.dueDate),
    note: tags.seal(at.note, sealableNote(clear.note), NOTE_BLOCK),
  };
}

/**
 * The sealed cells read back (a cell that is not sealed with this key stays as it is). A row of
 * the version that left Date sent in clear (`sentInClear`) has it as it reads.
 */
export function openCells(
  tags: SentTags,
  milestone: string,
  people: PeopleTags,
  sealed: SealedCells,
  sentInClear = false,
): SealedCells {
  const trainingDate = tags.unseal(sealContexts(milestone, people, '').trainingDate, sealed.trainingDate);
  const at = sealContexts(milestone, people, trainingDate ?? '');
  return {
    sentAt: (!sentInClear && tags.unseal(at.sentAt, sealed.sentAt)) || sealed.sentAt,
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
  const sealedKeys = [tags.fingerprint, tags.sentInClearFingerprint];
  return rows.map((row, i) => {
    const milestone = milestoneOf(row[at('Milestone')] ?? '');
    const rowKey = row[at('Key')] ?? '';
    if (i === 0 || !milestone || !tags.fingerprint) return row;
    if (!sealedKeys.includes(rowKey) && rowKey !== tags.taggedOnlyFingerprint) return row;
    const cell = (name: string) => row[at(name)] ?? '';
    const tagged = { member: cell('Team member'), recipient: cell('Recipient'), memberEmail: cell('Member email') };
    const opened = sealedKeys.includes(rowKey)
      ? openCells(
          tags,
          milestone.name,
          tagged,
          {
            sentAt: cell('Date sent'),
            trainingDate: cell('Training date'),
            dueDate: cell('Due date'),
            note: cell('Note'),
          },
          rowKey === tags.sentInClearFingerprint,
        )
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
      [out[at('Date sent')], out[at('Training date')], out[at('Due date')], out[at('Note')]] = [
        opened.sentAt,
        opened.trainingDate,
        dueDate,
        opened.note,
      ];
    return out;
  });
}
