/**
 * A value kept over several properties (src/core/automation/parts.ts): written so that a reader
 * that reads the store at once (getProperties) finds the old value or the new one whole, even when
 * the write stops between two calls (a quota, the 6-minute limit). Callers hold the document lock,
 * so no two writers interleave.
 */
import { headText, parseHead, partKey, partsPrefix, readParts, splitBytes } from '../core/automation/parts';

type Properties = GoogleAppsScript.Properties.Properties;

/**
 * A part's size: under the 9 KB a value may hold ("Quotas for Google Services",
 * https://developers.google.com/apps-script/guides/services/quotas), with room left for its key.
 */
export const PART_BYTES = 8 * 1024;

/**
 * Most parts of one value (96 KB): the roster's approved emails and its approved follow-up owners
 * each keep up to this, and with the old parts still there during a write and Uptake's other
 * values (a few dozen KB), the document's store stays within its 500 KB.
 */
export const MOST_PARTS = 12;

/** MOST_PARTS in KB, as messages say it. */
export const MOST_KB = (MOST_PARTS * PART_BYTES) / 1024;

/** How many parts `value` takes. */
export function partsNeeded(value: string, partBytes = PART_BYTES): number {
  return splitBytes(value, partBytes).length;
}

/** The value kept under `key` in `values` (the store as getProperties read it); null when none. */
export function readStored(values: Record<string, string>, key: string): string | null {
  return readParts((name) => values[name], key);
}

/**
 * Keeps `value` under `key`: in the property itself when it fits one part, else in parts written
 * first, then the head naming them (one call: readers switch from the old value to the new at
 * once), then the old parts removed. An unchanged value is not written again. `values`: the
 * store as read (getProperties), read here when not given; it also shows the parts an
 * interrupted write left, which are removed too.
 */
export function writeStored(
  properties: Properties,
  key: string,
  value: string,
  { partBytes = PART_BYTES, values }: { partBytes?: number; values?: Record<string, string> } = {},
): void {
  const before = values ?? properties.getProperties();
  if (readStored(before, key) === value) return;
  const parts = splitBytes(value, partBytes);
  const written = new Set<string>();
  // A short value that reads like a head is kept in one part, so that it is never taken for one.
  if (parts.length === 1 && !parseHead(value)) properties.setProperty(key, value);
  else {
    const generation = (parseHead(before[key])?.generation ?? 0) + 1;
    parts.forEach((part, index) => {
      const name = partKey(key, generation, index);
      properties.setProperty(name, part);
      written.add(name);
    });
    properties.setProperty(key, headText({ generation, count: parts.length, length: value.length }));
  }
  for (const name of Object.keys(before))
    if (name.startsWith(partsPrefix(key)) && !written.has(name)) properties.deleteProperty(name);
}

/** Removes the value kept under `key`: its head first (readers then find none), then its parts. */
export function removeStored(properties: Properties, key: string, values?: Record<string, string>): void {
  const before = values ?? properties.getProperties();
  if (before[key] !== undefined) properties.deleteProperty(key);
  for (const name of Object.keys(before)) if (name.startsWith(partsPrefix(key))) properties.deleteProperty(name);
}
