import { utf8Bytes } from '../base/text';
import type { SentRecord } from '../programme/sent-records';

/**
 * What the automation keeps between runs: a small key-value store (document properties, or a
 * user-properties mirror in src/gas/), the keys it uses, and the rules that keep each value
 * within one property.
 */

/** Where the automation keeps its state. */
export interface Store {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
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
  /** Settings copied for runs that cannot read document properties (user-properties mirror only). */
  settings: 'uptake.settings',
};

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
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Drops items (from the start, or the end) until `encode` of the rest fits one property value. */
export function fitProperty<T>(items: T[], encode: (kept: T[]) => unknown, dropFrom: 'start' | 'end'): T[] {
  let kept = items;
  while (kept.length > 0 && utf8Bytes(JSON.stringify(encode(kept))) > PROPERTY_VALUE_BYTES) {
    kept = dropFrom === 'start' ? kept.slice(1) : kept.slice(0, -1);
  }
  return kept;
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
 * Keeps records in as many values as they need, each within one property (9 KB), so that an
 * email that went never loses its record to the size of a value. A record longer than a value
 * on its own (a 50,000-character name) keeps the start of each field.
 */
export function writePending(store: Store, records: SentRecord[]): void {
  const fits = (part: SentRecord[]) => utf8Bytes(JSON.stringify(part)) <= PROPERTY_VALUE_BYTES;
  const parts: SentRecord[][] = [];
  let current: SentRecord[] = [];
  for (const record of records) {
    const whole = fits([record])
      ? record
      : (Object.fromEntries(Object.entries(record).map(([k, v]) => [k, clipped(v, 600)])) as unknown as SentRecord);
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
