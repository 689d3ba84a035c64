/**
 * Where the automation keeps its state in Apps Script: the document's properties, or, for a
 * run outside the document, the trigger owner's mirror of them in user properties.
 */
import { dayOfInstant, type Day } from '../core/base/dates';
import { validateSettings, type Settings } from '../core/base/settings';
import { KEYS, readJson, writeJson, type AutomationState, type Store } from '../core/automation/store';
import { loadSettings, settingsCopyIn } from './settings-store';
import { spreadsheetDateOptions } from './spreadsheet-locale';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** User property naming the spreadsheet a trigger was made for, by trigger id. */
export const TRIGGER_DOCUMENT_PREFIX = 'uptake.trigger.';
const MIRROR_PREFIX = 'uptake.doc.';

export function propertiesStore(properties: GoogleAppsScript.Properties.Properties, prefix = ''): Store {
  return {
    get: (key) => properties.getProperty(prefix + key),
    set: (key, value) => {
      properties.setProperty(prefix + key, value);
    },
    remove: (key) => {
      properties.deleteProperty(prefix + key);
    },
  };
}

/** The trigger owner's copy, for this spreadsheet, of what a run outside the document needs. */
export function mirrorStore(spreadsheetId: string): Store {
  return propertiesStore(PropertiesService.getUserProperties(), `${MIRROR_PREFIX}${spreadsheetId}.`);
}

/**
 * The document's properties; outside a document (a trigger without document context, which
 * the platform does not guarantee) the trigger owner's mirror of them for this spreadsheet.
 */
export function automationStore(spreadsheetId: string): { store: Store; mirrored: boolean } {
  const documentProperties = PropertiesService.getDocumentProperties();
  if (documentProperties) return { store: propertiesStore(documentProperties), mirrored: false };
  return { store: mirrorStore(spreadsheetId), mirrored: true };
}

/** Mirrors what a run outside the document needs into the trigger owner's user properties. */
export function writeMirror(spreadsheetId: string, state: AutomationState, settings: Settings): void {
  const mirror = mirrorStore(spreadsheetId);
  writeJson(mirror, KEYS.state, state);
  writeJson(mirror, KEYS.settings, settings);
  if (state.triggerId)
    PropertiesService.getUserProperties().setProperty(TRIGGER_DOCUMENT_PREFIX + state.triggerId, spreadsheetId);
}

/**
 * The settings a run uses: the document's; without document properties, the spreadsheet's own
 * copy (which every editor's save updates), and the trigger owner's mirror only when the
 * spreadsheet has no copy yet.
 */
export function settingsFor(mirrored: boolean, store: Store, spreadsheet: Spreadsheet): Settings {
  if (!mirrored) return loadSettings();
  const copy = settingsCopyIn(spreadsheet);
  if (copy) return copy;
  try {
    return validateSettings(readJson<Partial<Settings>>(store, KEYS.settings, {}));
  } catch {
    return validateSettings({});
  }
}

export function ownerOf(settings: Settings, state: AutomationState | null): string {
  return settings.ownerEmail || state?.turnedOnBy || '';
}

export function currentUserEmail(): string {
  try {
    return Session.getEffectiveUser().getEmail() || Session.getActiveUser().getEmail() || '';
  } catch {
    return '';
  }
}

export function todayIn(spreadsheet: Spreadsheet): { today: Day; timeZone: string } {
  const timeZone = spreadsheetDateOptions(spreadsheet).timeZone;
  return { today: dayOfInstant(Date.now(), timeZone), timeZone };
}

/** The document's lock; outside a document (it is null there) the script's. */
export function automationLock(): GoogleAppsScript.Lock.Lock {
  return LockService.getDocumentLock() ?? LockService.getScriptLock();
}
