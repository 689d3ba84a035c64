/**
 * Where the replacement programme (spec §17) is kept in Apps Script: the document's properties,
 * with a copy in the spreadsheet's developer metadata, like the settings' copy
 * (src/gas/settings-store.ts), for a daily run that has no document properties (its state is in
 * the trigger owner's mirror, src/gas/automation-store.ts); its milestones then go through the
 * same "Uptake sent" sheet, once.
 *
 * Any editor can read and rewrite that copy (rules §19), so it holds the programme without its
 * baseline (no names, no categories), and a run with document properties never reads it. A run
 * without them freezes the baseline again from the log each time (the week ending the day before
 * the start), and keeps it only in memory.
 */
import { PROGRAMME_KEY } from '../core/automation/programme-store';
import { PROPERTY_VALUE_BYTES, type Store } from '../core/automation/store';
import { propertiesStore } from './automation-store';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// "Class DeveloperMetadata" (https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata):
// DOCUMENT visibility, so any script with access to the spreadsheet reads it. "Read, write, and
// search metadata" (https://developers.google.com/workspace/sheets/api/guides/metadata, "Metadata
// storage limits"): 30,000 characters a spreadsheet; the copy is one value no longer than a 9 KB
// document property, beside the settings' copy of at most the same.
function programmeCopy(spreadsheet: Spreadsheet): GoogleAppsScript.Spreadsheet.DeveloperMetadata | null {
  return spreadsheet.getDeveloperMetadata().find((m) => m.getKey() === PROGRAMME_KEY) ?? null;
}

function writeCopy(spreadsheet: Spreadsheet, value: string): void {
  // One copy, updated in place: a second would leave a reader to guess which is current.
  const copy = programmeCopy(spreadsheet);
  if (copy) copy.setValue(value);
  else spreadsheet.addDeveloperMetadata(PROGRAMME_KEY, value, SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT);
}

/** The programme without its baseline: what the copy every editor can read holds. */
function withoutBaseline(value: string | null): string | null {
  if (value === null) return null;
  try {
    const record = JSON.parse(value) as Record<string, unknown> | null;
    if (!record || typeof record !== 'object' || Array.isArray(record)) return null;
    return JSON.stringify({ ...record, baseline: null });
  } catch {
    return null;
  }
}

/**
 * The programme's store: the document's properties (each write copied into the spreadsheet), or,
 * for a run without document properties, the spreadsheet's copy alone.
 */
export function programmeStore(spreadsheet: Spreadsheet): Store {
  const documentProperties = PropertiesService.getDocumentProperties();
  const only = (key: string) => {
    if (key !== PROGRAMME_KEY) throw new Error(`The programme's store keeps ${PROGRAMME_KEY} only, not ${key}.`);
  };
  if (documentProperties) {
    const document = propertiesStore(documentProperties);
    return {
      ...document,
      // The document's value alone: the copy is for runs without document properties.
      get: (key) => {
        only(key);
        return document.get(key);
      },
      set: (key, value) => {
        only(key);
        document.set(key, value);
        writeCopy(spreadsheet, withoutBaseline(value) ?? value);
      },
    };
  }
  return {
    // A baseline found in the copy (written by an earlier version, or by an editor) is not used.
    get: (key) => {
      only(key);
      return withoutBaseline(programmeCopy(spreadsheet)?.getValue() ?? null);
    },
    set: (key, value) => {
      only(key);
      writeCopy(spreadsheet, withoutBaseline(value) ?? value);
    },
    remove: (key) => {
      only(key);
      programmeCopy(spreadsheet)?.remove();
    },
    valueBytes: PROPERTY_VALUE_BYTES,
  };
}
