// What the automation keeps between runs: a small key-value store (document properties, or a
// user-properties mirror in src/gas/), the keys it uses, and the rules that keep each value
// within one property.
import { utf8Bytes } from '../base/text';
import type { SentRecord } from '../programme/sent-row';

/** Where the automation keeps its state. */
export interface Store {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
  /** The most one value may hold, in UTF-8 bytes: 9 KB, or less where several stores share 500 KB. */
  readonly valueBytes: number;
}

export const KEYS = {
  state: 'uptake.automation',
  lastRun: 'uptake.automation.lastRun',
  problem: 'uptake.automation.problem',
  failures: 'uptake.automation.failures',
  attempts: 'uptake.automation.attempts',
  pending: 'uptake.automation.pending',
  /** The roster sheet the last run read: a run that finds none after one existed says so. */
  roster: 'uptake.automation.roster',
  /** A run that could not take the lock: the next run does its work and says so. */
  missed: 'uptake.automation.missed',
  /** The members whose six-week email the last run left outstanding (six-week-waiting.ts). */
  sixWeekWaiting: 'uptake.automation.sixWeekWaiting',
  /** The last hand-over of Uptake to a new owner (HandOver): what the sidebar says about it. */
  handOver: 'uptake.automation.handOver',
  /**
   * The key of the "Uptake sent" sheet's tags (sent-tags.ts): made once by the owner's run, in
   * the document's properties and the owner's mirror; never shown, never in the sheet.
   */
  sentKey: 'uptake.sent.key',
};

/** Uptake handed to a new owner while the daily run was on under the old one's account. */
export interface HandOver {
  /** ISO time of the hand-over. */
  at: string;
  /** The account whose daily run stopped. */
  from: string;
  /** The new owner, who turns automation on from their own account. */
  to: string;
}

export interface AutomationState {
  on: boolean;
  triggerId: string | null;
  /** The hour the trigger was made for (Settings.digestHour then). */
  hour: number;
  spreadsheetId: string;
  /** Who turned automation on: the owner when Settings names none, and the trigger's owner. */
  turnedOnBy: string;
  /** ISO day automation was turned on: digests due before it are not caught up. */
  since: string;
}

export interface LastRun {
  at: string;
  report: string[];
  /** Why the run could not work at all (no authorisation, no spreadsheet): shown among the problems. */
  problem?: string;
}

/** A daily run that found the lock held for longer than it may wait. */
export interface MissedRun {
  /** Local time, as the owner reads it. */
  at: string;
  waitedSeconds: number;
}

/** A set-up problem the daily run emailed to the owner (kept so that it is emailed once). */
export interface StoredProblem {
  hash: string;
  code: string;
  message: string;
  emailed: boolean;
  since: string;
}

/**
 * Apps Script refuses a property value over 9 KB (counted in UTF-8 bytes): "Quotas for Google
 * Services", https://developers.google.com/apps-script/guides/services/quotas
 */
export const PROPERTY_VALUE_BYTES = 9 * 1024;
/** Report lines and stored messages are cut to this: a 50,000-character name must not fill a property. */
export const STORED_LINE_CHARS = 300;

export function readJson<T>(store: Store, key: string, fallback: T): T {
  const raw = store.get(key);
  if (!raw) return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

export function writeJson(store: Store, key: string, value: unknown): void {
  store.set(key, JSON.stringify(value));
}

export function clipped(text: string, max = STORED_LINE_CHARS): string {
  if (text.length <= max) return text;
  let end = max - 1;
  // Never half a character: a lone surrogate shows as � in the sidebar and the email.
  if (end > 0 && /[\uD800-\uDBFF]/.test(text[end - 1])) end--;
  return `${text.slice(0, end)}…`;
}

/** The bytes a value takes as stored: its JSON in UTF-8 (a quote or a control character escaped takes 2 to 6). */
export function storedBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value));
}

/**
 * Drops items (from the start, or the end) until `encode` of the rest fits one value of
 * `limitBytes`.
 */
export function fitProperty<T>(
  items: T[],
  encode: (kept: T[]) => unknown,
  dropFrom: 'start' | 'end',
  limitBytes = PROPERTY_VALUE_BYTES,
): T[] {
  const keep = (n: number) => (dropFrom === 'start' ? items.slice(items.length - n) : items.slice(0, n));
  const fits = (n: number) => storedBytes(encode(keep(n))) <= limitBytes;
  if (fits(items.length)) return items;
  // The most items that fit, by halving: a few encodings, not one per item dropped.
  let [low, high] = [0, items.length - 1];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return keep(low);
}

/**
 * An object of texts (and other small fields) cut until its JSON fits `limitBytes`: the longest
 * text is halved, again and again, so short fields keep every character. Clipping by characters
 * alone is not enough: a text of quotes or control characters takes up to six bytes a character.
 */
export function shrinkToFit<T extends object>(value: T, limitBytes: number): T {
  let fitted = value;
  while (storedBytes(fitted) > limitBytes) {
    const texts = Object.entries(fitted).filter((e): e is [string, string] => typeof e[1] === 'string');
    const [key, text] = texts.reduce((a, b) => (b[1].length > a[1].length ? b : a), ['', '']);
    if (text.length <= 1) return fitted;
    fitted = { ...fitted, [key]: clipped(text, Math.ceil(text.length / 2)) };
  }
  return fitted;
}

function pendingKey(index: number): string {
  return index === 0 ? KEYS.pending : `${KEYS.pending}.${index}`;
}

/** Records of emails that went but could not be written to the sent sheet yet. */
export function readPending(store: Store): SentRecord[] {
  const records: SentRecord[] = [];
  for (let i = 0; ; i++) {
    const part = readJson<SentRecord[] | null>(store, pendingKey(i), null);
    if (!part) return records;
    records.push(...part);
  }
}

/**
 * Keeps records in as many values as they need, each within one value of the store, so that an
 * email that went never loses its record to the size of a value. A record longer than a value
 * on its own (a 50,000-character name) keeps the start of its longest fields.
 */
export function writePending(store: Store, records: SentRecord[]): void {
  const fits = (part: SentRecord[]) => storedBytes(part) <= store.valueBytes;
  const parts: SentRecord[][] = [];
  let current: SentRecord[] = [];
  for (const record of records) {
    // The array's brackets take 2 bytes of the value.
    const whole = fits([record]) ? record : shrinkToFit(record, store.valueBytes - 2);
    if (current.length && !fits([...current, whole])) {
      parts.push(current);
      current = [];
    }
    current.push(whole);
  }
  if (current.length) parts.push(current);
  parts.forEach((part, i) => writeJson(store, pendingKey(i), part));
  clearPending(store, parts.length);
}

/** Removes the pending values from `from` on. */
export function clearPending(store: Store, from = 0): void {
  for (let i = from; store.get(pendingKey(i)) !== null; i++) store.remove(pendingKey(i));
}
