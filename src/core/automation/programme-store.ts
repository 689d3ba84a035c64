/**
 * Where the replacement programme (spec §17) is kept: one value of the automation's store (the
 * document's properties), under its own key. Its baseline is frozen there when the programme
 * starts, so the day-30 comparison is against it even if the log is later corrected.
 */
import { type Day } from '../base/dates';
import { freezeBaseline, BASELINE_WEEKS, startDay, type ProgrammeRecord } from '../programme/replacement';
import type { AuditSource } from './ports';
import { readJson, storedBytes, writeJson, type Store } from './store';

export const PROGRAMME_KEY = 'uptake.programme';

export function readProgramme(store: Store): ProgrammeRecord | null {
  const record = readJson<ProgrammeRecord | null>(store, PROGRAMME_KEY, null);
  return record && typeof record.start === 'string' ? record : null;
}

/**
 * Stores the programme; throws with what to do when it would not fit one value (Apps Script
 * refuses a property over 9 KB: "Quotas for Google Services",
 * https://developers.google.com/apps-script/guides/services/quotas).
 */
export function writeProgramme(store: Store, programme: ProgrammeRecord): void {
  const bytes = storedBytes(programme);
  if (bytes > store.valueBytes)
    throw new Error(
      `The programme's baseline takes ${bytes} bytes, more than the ${store.valueBytes} Uptake can store: ` +
        'shorten the longest team member names on the roster, then start it again.',
    );
  writeJson(store, PROGRAMME_KEY, programme);
}

/** The programme with its baseline frozen once the week ending S − 1 is complete (from day S on). */
export function withBaseline(programme: ProgrammeRecord, audits: AuditSource, today: Day): ProgrammeRecord {
  const s = startDay(programme);
  if (programme.baseline || today < s) return programme;
  return { ...programme, baseline: freezeBaseline(audits(s - 1, BASELINE_WEEKS), s) };
}
