/**
 * The key of the "Uptake sent" sheet's tags (src/core/programme/sent-tags.ts): random, made once
 * by the owner's run, kept in the document's properties ("Properties Service",
 * https://developers.google.com/apps-script/guides/properties: a document's properties are shared
 * by the users of the add-on in that document, not shown in the sheet) and copied to the owner's
 * own user properties, where a run that Apps Script gives no document properties reads it.
 */
import { KEYS, type Store } from '../core/automation/store';
import { isKey, keyFromUuids } from '../core/programme/sent-tags';
import { mirrorStore } from './automation-store';
import { hasTaggedRows } from './sent-sheet';
import { SENT_HEADERS } from '../core/programme/sent-row';
import { SENT_SHEET } from '../core/base/sheet-names';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The key for a run that records (the daily run, Send digest now), or null when this run cannot
 * have it: a run outside the document whose owner's copy has none, or a sheet whose rows were
 * tagged with a key the store no longer holds (a key is made only for a sheet no key has tagged:
 * a new one would match none of its rows, and every email would go again).
 */
export function sentKeyForRun(
  opened: { store: Store; mirrored: boolean },
  spreadsheetId: string,
  values: unknown[][],
): string | null {
  const stored = opened.store.get(KEYS.sentKey);
  if (isKey(stored)) {
    if (!opened.mirrored) mirrorKey(spreadsheetId, stored);
    return stored;
  }
  if (opened.mirrored || hasTaggedRows(values)) return null;
  const key = keyFromUuids([Utilities.getUuid(), Utilities.getUuid()]);
  opened.store.set(KEYS.sentKey, key);
  mirrorKey(spreadsheetId, key);
  return key;
}

/** The key as stored, for a look that writes nothing (the digest's preview); null when none. */
export function storedSentKey(store: Store): string | null {
  const stored = store.get(KEYS.sentKey);
  return isKey(stored) ? stored : null;
}

function mirrorKey(spreadsheetId: string, key: string): void {
  const mirror = mirrorStore(spreadsheetId);
  if (mirror.get(KEYS.sentKey) !== key) mirror.set(KEYS.sentKey, key);
}

/**
 * When the owner turns automation on: the key made if none exists and no key has tagged the
 * sheet, and copied to the owner's user properties, so that the trigger's first run, should
 * Apps Script give it no document properties, has it. Reads the sheet's header and last row
 * only (a person waits for this): a sheet whose rows a lost key tagged is left to the daily
 * run, which reads them all and says what it found.
 */
export function prepareSentKey(spreadsheet: Spreadsheet, store: Store): void {
  const stored = store.get(KEYS.sentKey);
  if (isKey(stored)) {
    mirrorKey(spreadsheet.getId(), stored);
    return;
  }
  const sheet = spreadsheet.getSheetByName(SENT_SHEET);
  const last = sheet?.getLastRow() ?? 0;
  if (sheet && last > 1) {
    const width = Math.max(SENT_HEADERS.length, sheet.getLastColumn());
    const [header, row] = [
      sheet.getRange(1, 1, 1, width).getValues()[0],
      sheet.getRange(last, 1, 1, width).getValues()[0],
    ];
    if (hasTaggedRows([header, row])) return;
  }
  const key = keyFromUuids([Utilities.getUuid(), Utilities.getUuid()]);
  store.set(KEYS.sentKey, key);
  mirrorKey(spreadsheet.getId(), key);
}
