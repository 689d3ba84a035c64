/**
 * Settings live in the document's properties: they belong to the spreadsheet, not to a user. A
 * copy is kept in the spreadsheet's developer metadata, which every editor's save updates and
 * every trigger owner's run can read, for a run that has no document properties.
 */
import { validateSettings, type Settings } from '../core/base/settings';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const SETTINGS_KEY = 'uptake.settings';

/** Settings from stored JSON; null when there is none or it no longer validates. */
function parseSettings(raw: string | null): Settings | null {
  if (!raw) return null;
  try {
    return validateSettings(JSON.parse(raw));
  } catch {
    // Stored settings that no longer validate (an older version, a hand edit) count as none.
    return null;
  }
}

/** Settings objects loadSettings returned, and whether they were stored: hasStoredSettings then asks no service. */
const storedOnLoad = new WeakMap<Settings, boolean>();

/** The stored settings; `documentValues`: the document's properties when the caller has read them all (getProperties). */
export function loadSettings(documentValues?: Record<string, string>): Settings {
  const raw = documentValues
    ? (documentValues[SETTINGS_KEY] ?? null)
    : PropertiesService.getDocumentProperties().getProperty(SETTINGS_KEY);
  const settings = parseSettings(raw) ?? validateSettings({});
  storedOnLoad.set(settings, raw !== null);
  return settings;
}

/**
 * Whether Settings were ever saved here (by this version or an earlier one): known without a
 * call when `settings` came from loadSettings, else read.
 */
export function hasStoredSettings(settings?: Settings): boolean {
  const known = settings && storedOnLoad.get(settings);
  if (known !== undefined) return known;
  return PropertiesService.getDocumentProperties().getProperty(SETTINGS_KEY) !== null;
}

// "Class DeveloperMetadata" (https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata)
// and Spreadsheet.addDeveloperMetadata(key, value, visibility) in "Class Spreadsheet"
// (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet): DOCUMENT
// visibility, so any script with access to the spreadsheet reads it. "Read, write, and search
// metadata" (https://developers.google.com/workspace/sheets/api/guides/metadata, "Metadata storage
// limits") allows a spreadsheet 30,000 characters of metadata, keys and values together; the copy
// is one value no longer than a 9 KB document property.
function settingsMetadata(spreadsheet: Spreadsheet): GoogleAppsScript.Spreadsheet.DeveloperMetadata | null {
  return spreadsheet.getDeveloperMetadata().find((m) => m.getKey() === SETTINGS_KEY) ?? null;
}

/** The spreadsheet's copy of the settings; null when there is none (saved before it existed). */
export function settingsCopyIn(spreadsheet: Spreadsheet): Settings | null {
  return parseSettings(settingsMetadata(spreadsheet)?.getValue() ?? null);
}

/** Validates and stores; returns what was stored. Throws SettingsError naming the bad field. */
export function storeSettings(spreadsheet: Spreadsheet, changes: Partial<Settings>): Settings {
  const settings = validateSettings({ ...loadSettings(), ...changes });
  const json = JSON.stringify(settings);
  PropertiesService.getDocumentProperties().setProperty(SETTINGS_KEY, json);
  writeSettingsCopy(spreadsheet, settings);
  return settings;
}

/** Writes the spreadsheet's copy of the settings. */
export function writeSettingsCopy(spreadsheet: Spreadsheet, settings: Settings): void {
  const json = JSON.stringify(settings);
  // One copy, updated in place: a second would leave a reader to guess which is current.
  const copy = settingsMetadata(spreadsheet);
  if (copy) copy.setValue(json);
  else spreadsheet.addDeveloperMetadata(SETTINGS_KEY, json, SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT);
}
