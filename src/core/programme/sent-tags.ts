/**
 * The tags that stand for people in the "Uptake sent" sheet (rules §19). The sheet is a tab of
 * the team's spreadsheet, which every editor reads (Sheets can protect a tab from edits, not hide
 * it), so it names nobody: its Team member, Member email and Recipient cells hold keyed one-way
 * tags, HMAC-SHA-256 with a random key of this spreadsheet's that only the owner's runs hold
 * (document properties, and the owner's own user properties for a run outside the document).
 *
 * A tag covers the milestone too: a member's day-seven row and week-three row have different
 * tags, so the rows of a milestone everybody gets cannot be lined up with those of one only some
 * get. A recipient's tag also covers the member the row is about (the digest's: its day), so
 * rows cannot be grouped by who received them either. Equal inputs give equal tags, which is all
 * the exactly-once rules need (sent-records.ts): "was this milestone recorded for this member?"
 * is "is the tag of (milestone, member) in the sheet?".
 *
 * The row's other cells that could tell a member's category are sealed (seal/unseal): its Date
 * sent, Training date and Due date (the Roster shows training dates, so a clear date links a row
 * to a member, and a row sent days after it fell due was an email that waited, not a milestone
 * settled on its day) and its Note ("Not needed…" marks a Genuine adopter's week-three row). A sealed cell is the
 * text XOR a keystream of HMACs of the same key (counter mode), as hex; a note is padded to
 * NOTE_BLOCK bytes first, so its length says nothing either.
 */
import { HmacSha256, toHex, utf8Decode, utf8Encode } from '../base/hmac';

/** How a run makes (or, for rows of an earlier version, reads) the sheet's tags. */
export interface SentTags {
  /**
   * Written in each row's Key column: which key made the row's tags (8 hex digits of an HMAC,
   * not the key). '' for rows written in clear by an earlier version.
   */
  readonly fingerprint: string;
  /** The tag of a member's name key in the rows of `milestone` ('' for no member). */
  member(milestone: string, nameKey: string): string;
  /** The tag of a member's roster email in the rows of `milestone` ('' for none). */
  email(milestone: string, email: string): string;
  /** The tag of a recipient's address, within `scope` (a milestone and member, or a digest's day). */
  recipient(scope: string, email: string): string;
  /** The Key column of rows written by the version whose rows had tags but clear dates and notes. */
  readonly taggedOnlyFingerprint: string;
  /** The Key column of rows written by the version that sealed dates and notes but left Date sent in clear. */
  readonly sentInClearFingerprint: string;
  /** A cell's text sealed under `context` (the row and column); padded to a multiple of `block` bytes when given. */
  seal(context: string, text: string, block?: number): string;
  /** A sealed cell's text; null when it is not a cell sealed under `context` with this key. */
  unseal(context: string, sealed: string): string | null;
}

/** A note is sealed padded to this many bytes, and clipped to fit (an error's may be longer): every note is one length. */
export const NOTE_BLOCK = 256;

/** 16 hex digits (64 bits): two tags of one milestone meet by chance once in 10^19. */
const TAG_HEX = 16;

/** Tags made with this spreadsheet's key. */
export class KeyedTags implements SentTags {
  private readonly mac: HmacSha256;
  readonly fingerprint: string;
  readonly taggedOnlyFingerprint: string;
  readonly sentInClearFingerprint: string;

  constructor(secret: string) {
    this.mac = new HmacSha256(utf8Encode(secret));
    this.taggedOnlyFingerprint = this.sign('key', '', 'uptake sent sheet').slice(0, 8);
    this.sentInClearFingerprint = this.sign('key', '', 'uptake sent sheet, sealed').slice(0, 8);
    this.fingerprint = this.sign('key', '', 'uptake sent sheet, sealed with date sent').slice(0, 8);
  }

  /** `length` bytes of HMAC(key, context, block number), block after block: a keystream no one without the key can tell from random. */
  private keystream(context: string, length: number): number[] {
    const out: number[] = [];
    for (let block = 0; out.length < length; block++)
      out.push(...this.mac.sign(utf8Encode(`cipher\u0000${context}\u0000${block}`)));
    return out;
  }

  seal(context: string, text: string, block = 0): string {
    const bytes = utf8Encode(text);
    const length = block ? Math.max(1, Math.ceil(bytes.length / block)) * block : bytes.length;
    while (bytes.length < length) bytes.push(0);
    const stream = this.keystream(context, length);
    return toHex(bytes.map((b, i) => b ^ stream[i]));
  }

  unseal(context: string, sealed: string): string | null {
    if (!/^(?:[0-9a-f]{2})*$/.test(sealed)) return null;
    const stream = this.keystream(context, sealed.length / 2);
    const bytes = Array.from(
      { length: sealed.length / 2 },
      (_, i) => parseInt(sealed.slice(2 * i, 2 * i + 2), 16) ^ stream[i],
    );
    // Padding is NUL bytes, which no text Uptake writes holds.
    while (bytes.length && bytes[bytes.length - 1] === 0) bytes.pop();
    return utf8Decode(bytes);
  }

  private sign(kind: string, scope: string, value: string): string {
    // NUL separates the parts: no name, address or milestone holds one, so no two inputs share a message.
    return toHex(this.mac.sign(utf8Encode(`${kind}\u0000${scope.toLowerCase()}\u0000${value}`)));
  }

  private tag(kind: string, scope: string, value: string): string {
    return value ? this.sign(kind, scope, value).slice(0, TAG_HEX) : '';
  }

  member(milestone: string, nameKey: string): string {
    return this.tag('member', milestone, nameKey);
  }

  email(milestone: string, email: string): string {
    return this.tag('email', milestone, email.trim().toLowerCase());
  }

  recipient(scope: string, email: string): string {
    return this.tag('recipient', scope, email.trim().toLowerCase());
  }
}

/**
 * The rows an earlier version wrote in clear, read as they are: a "tag" is the text itself.
 * For reading only, when no key exists yet (a preview before the owner's first run).
 */
export const CLEAR_TAGS: SentTags = {
  fingerprint: '',
  member: (_milestone, nameKey) => nameKey,
  email: (_milestone, email) => email.trim().toLowerCase(),
  recipient: (_scope, email) => email.trim().toLowerCase(),
  taggedOnlyFingerprint: '',
  sentInClearFingerprint: '',
  seal: (_context, text) => text,
  unseal: (_context, text) => text,
};

/**
 * A new key from random UUIDs (Utilities.getUuid, "equivalent to using the
 * java.util.UUID.randomUUID() method", "Class Utilities",
 * https://developers.google.com/apps-script/reference/utilities/utilities#getUuid(), whose
 * random UUIDs come from "a cryptographically strong pseudo random number generator", "Class
 * UUID", https://docs.oracle.com/javase/8/docs/api/java/util/UUID.html#randomUUID--): two of
 * them give 244 random bits.
 */
export function keyFromUuids(uuids: string[]): string {
  return uuids.map((uuid) => uuid.replace(/-/g, '').toLowerCase()).join('');
}

/** Whether a text can be a key made by keyFromUuids (a stored value an editor's script garbled is not). */
export function isKey(text: string | null): text is string {
  return !!text && /^[0-9a-f]{64}$/.test(text);
}
