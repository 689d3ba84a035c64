/**
 * Where the automation keeps its state in Apps Script: the document's properties, or, for a
 * run outside the document, the trigger owner's mirror of them in user properties.
 */
import { validateSettings, type Settings } from '../core/base/settings';
import {
  KEYS,
  PROPERTY_VALUE_BYTES,
  readJson,
  writeJson,
  type AutomationState,
  type Store,
} from '../core/automation/store';
import { loadSettings, settingsCopyIn, writeSettingsCopy } from './settings-store';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** User property naming the spreadsheet a trigger was made for, by trigger id. */
export const TRIGGER_DOCUMENT_PREFIX = 'uptake.trigger.';
export const MIRROR_PREFIX = 'uptake.doc.';

/**
 * User properties are one store for all of a user's spreadsheets, 500 KB in all ("Quotas for
 * Google Services", https://developers.google.com/apps-script/guides/services/quotas), and a user
 * has at most 20 triggers per script, so at most 20 spreadsheets keep a mirror there. A mirror's
 * values are kept to 1 KB each (against 9 KB in document properties): with its handful of values
 * and the records of one email kept when the sent sheet refuses them, 20 mirrors stay under 500 KB.
 */
export const MIRROR_VALUE_BYTES = 1024;

export function propertiesStore(
  properties: GoogleAppsScript.Properties.Properties,
  prefix = '',
  valueBytes = PROPERTY_VALUE_BYTES,
): Store {
  return {
    get: (key) => properties.getProperty(prefix + key),
    set: (key, value) => {
      properties.setProperty(prefix + key, value);
    },
    remove: (key) => {
      properties.deleteProperty(prefix + key);
    },
    valueBytes,
  };
}

/** A read-only store over properties read at once (getProperties): one call for every key. */
export function snapshotStore(values: Record<string, string>, prefix = ''): Store {
  const readOnly = () => {
    throw new Error('A snapshot of properties only reads.');
  };
  return { get: (key) => values[prefix + key] ?? null, set: readOnly, remove: readOnly, valueBytes: 0 };
}

/** The start of the keys of this spreadsheet's mirror. */
export function mirrorPrefix(spreadsheetId: string): string {
  return `${MIRROR_PREFIX}${spreadsheetId}.`;
}

/** The trigger owner's copy, for this spreadsheet, of what a run outside the document needs. */
export function mirrorStore(spreadsheetId: string): Store {
  return propertiesStore(PropertiesService.getUserProperties(), mirrorPrefix(spreadsheetId), MIRROR_VALUE_BYTES);
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

/**
 * What a run outside the document needs: the state in the trigger owner's user properties, the
 * trigger's spreadsheet by trigger id, and the settings in the spreadsheet's own copy (written
 * here if the settings were never saved), which every editor's save updates.
 */
export function writeMirror(spreadsheet: Spreadsheet, state: AutomationState, settings: Settings): void {
  writeJson(mirrorStore(spreadsheet.getId()), KEYS.state, state);
  if (state.triggerId)
    PropertiesService.getUserProperties().setProperty(TRIGGER_DOCUMENT_PREFIX + state.triggerId, spreadsheet.getId());
  if (!settingsCopyIn(spreadsheet)) writeSettingsCopy(spreadsheet, settings);
}

/**
 * Removes what this user keeps for spreadsheets none of their triggers runs for any more
 * (automation turned off, a trigger deleted by hand, a spreadsheet deleted), so that the mirrors
 * in the shared user store are never more than the 20 a user's triggers allow.
 */
export function removeStaleMirrors(liveTriggerIds: string[]): void {
  const user = PropertiesService.getUserProperties();
  const live = new Set(liveTriggerIds);
  // One read of the whole store: at most 20 mirrors, each a few values.
  const values = user.getProperties();
  const keys = Object.keys(values);
  const stale = new Set<string>();
  for (const key of keys) {
    if (key.startsWith(TRIGGER_DOCUMENT_PREFIX) && !live.has(key.slice(TRIGGER_DOCUMENT_PREFIX.length))) stale.add(key);
    if (!key.startsWith(MIRROR_PREFIX) || !key.endsWith(`.${KEYS.state}`)) continue;
    const prefix = key.slice(0, key.length - KEYS.state.length);
    const state = readJson<AutomationState | null>(snapshotStore(values, prefix), KEYS.state, null);
    if (state?.triggerId && live.has(state.triggerId)) continue;
    for (const other of keys) if (other.startsWith(prefix)) stale.add(other);
  }
  for (const key of stale) user.deleteProperty(key);
}

/**
 * The settings a run uses: the document's; without document properties, the spreadsheet's own
 * copy (which every editor's save updates, and turning automation on writes if need be).
 */
export function settingsFor(mirrored: boolean, spreadsheet: Spreadsheet): Settings {
  if (!mirrored) return loadSettings();
  return settingsCopyIn(spreadsheet) ?? validateSettings({});
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
