/**
 * Where the replacement programme (spec §17) is kept in Apps Script: the document's properties,
 * with a copy in the spreadsheet's developer metadata, like the settings' copy
 * (src/gas/settings-store.ts). A daily run that has no document properties (its state is in the
 * trigger owner's mirror, src/gas/automation-store.ts) reads the programme, and freezes its
 * baseline, in that copy; its milestones then go through the same "Uptake sent" sheet, once.
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

function unfrozen(value: string): boolean {
  try {
    return (JSON.parse(value) as { baseline?: unknown }).baseline === null;
  } catch {
    return false;
  }
}

/** The copy, when it is the same programme (same start) with its baseline frozen. */
function frozenCopy(spreadsheet: Spreadsheet, stored: string): string | null {
  const copy = programmeCopy(spreadsheet)?.getValue() ?? null;
  if (!copy || unfrozen(copy)) return null;
  try {
    const start = (text: string) => (JSON.parse(text) as { start?: unknown }).start;
    return start(copy) === start(stored) ? copy : null;
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
      get: (key) => {
        only(key);
        const value = document.get(key);
        // Not frozen here yet: a run without document properties may have frozen it in the copy.
        return value && unfrozen(value) ? (frozenCopy(spreadsheet, value) ?? value) : value;
      },
      set: (key, value) => {
        only(key);
        document.set(key, value);
        writeCopy(spreadsheet, value);
      },
    };
  }
  return {
    get: (key) => {
      only(key);
      return programmeCopy(spreadsheet)?.getValue() ?? null;
    },
    set: (key, value) => {
      only(key);
      writeCopy(spreadsheet, value);
    },
    remove: (key) => {
      only(key);
      programmeCopy(spreadsheet)?.remove();
    },
    valueBytes: PROPERTY_VALUE_BYTES,
  };
}
