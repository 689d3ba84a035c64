/**
 * Settings live in the document's properties: they belong to the spreadsheet, not to a user. A
 * copy is kept in the spreadsheet's developer metadata, which every editor's save updates and
 * every trigger owner's run can read, for a run that has no document properties.
 */
import { validateSettings, type FollowUpApproval, type Settings } from '../core/base/settings';
import { parseRosterApprovals, ROSTER_APPROVALS_KEY, type RosterEmailPair } from '../core/roles/roster-approval';
import { MOST_PARTS, partsNeeded, readStored, writeStored } from './property-parts';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const SETTINGS_KEY = 'uptake.settings';

/**
 * The approved (member, follow-up owner) pairings, kept apart from the other settings as
 * [member, address] pairs in as many properties as they take (src/gas/property-parts.ts): a
 * team of 1,000 has more than one value holds. Earlier versions kept them in the settings' JSON.
 */
const FOLLOW_UP_APPROVALS_KEY = 'uptake.followUpApprovals';

/** Each member's follow-up owner approved before their cell changed (Settings.followUpWas), kept the same way. */
const FOLLOW_UP_WAS_KEY = 'uptake.followUpWas';

const approvalsText = (approvals: readonly FollowUpApproval[]) =>
  JSON.stringify(approvals.map((pair) => [pair.member, pair.address]));

/** Whether `approvals` fit the properties Uptake keeps them in (MOST_PARTS). */
export function followUpApprovalsFit(approvals: readonly FollowUpApproval[]): boolean {
  return partsNeeded(approvalsText(approvals)) <= MOST_PARTS;
}

/** The stored pairings as validateSettings takes them (it drops ill-formed ones); [] when unreadable. */
function parseApprovals(raw: string): unknown[] {
  try {
    const pairs: unknown = JSON.parse(raw);
    return Array.isArray(pairs)
      ? pairs.map((pair) => Array.isArray(pair) && { member: pair[0], address: pair[1] })
      : [];
  } catch {
    return [];
  }
}

/**
 * Settings from stored JSON and the approvals kept apart (null: none, as before this version);
 * null when there is none or it no longer validates.
 */
function parseSettings(
  raw: string | null,
  approvals: string | null = null,
  was: string | null = null,
): Settings | null {
  if (!raw) return null;
  try {
    const stored = JSON.parse(raw) as Record<string, unknown>;
    if (approvals !== null) stored.followUpApprovals = parseApprovals(approvals);
    if (was !== null) stored.followUpWas = parseApprovals(was);
    return validateSettings(stored);
  } catch {
    // Stored settings that no longer validate (an older version, a hand edit) count as none.
    return null;
  }
}

/** Settings objects loadSettings returned, and whether they were stored: hasStoredSettings then asks no service. */
const storedOnLoad = new WeakMap<Settings, boolean>();

/**
 * What Uptake keeps in the document's properties about the team, read together: the settings and
 * the owner's approval of the Roster's (name, email) pairings (rules §19,
 * src/core/roles/roster-approval.ts). Every reader of the roster takes `approved` from here.
 */
export interface StoredSettings {
  settings: Settings;
  /** The roster's (name, email) pairings the owner approved. */
  approved: RosterEmailPair[];
  /** Whether the owner ever approved any (a team roster approval first meets has approved none: My week waits). */
  everApproved: boolean;
}

/**
 * The settings and the roster's approvals; `documentValues`: the document's properties when the
 * caller has read them all (getProperties), else read here in one call.
 */
export function loadStoredSettings(documentValues?: Record<string, string>): StoredSettings {
  const values = documentValues ?? PropertiesService.getDocumentProperties().getProperties();
  const raw = values[SETTINGS_KEY] ?? null;
  const settings =
    parseSettings(raw, readStored(values, FOLLOW_UP_APPROVALS_KEY), readStored(values, FOLLOW_UP_WAS_KEY)) ??
    validateSettings({});
  storedOnLoad.set(settings, raw !== null);
  const approvals = readStored(values, ROSTER_APPROVALS_KEY);
  return { settings, approved: parseRosterApprovals(approvals), everApproved: approvals !== null };
}

/** The stored settings alone (loadStoredSettings). */
export function loadSettings(documentValues?: Record<string, string>): Settings {
  return loadStoredSettings(documentValues).settings;
}

/**
 * The settings without the approved follow-up owners (Settings.followUpApprovals is then []):
 * one small read for a custom function, where every cell is a call of its own.
 */
export function loadSettingsWithoutApprovals(): Settings {
  return parseSettings(PropertiesService.getDocumentProperties().getProperty(SETTINGS_KEY)) ?? validateSettings({});
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

/**
 * The "was" addresses (Settings.followUpWas) as they fit the MOST_PARTS properties Uptake keeps
 * them in, each part under the 9 KB a property value may hold ("Quotas for Google Services",
 * https://developers.google.com/apps-script/guides/services/quotas: "Properties value size"):
 * display only, so the oldest go first rather than the write failing.
 */
function fittedWas(was: FollowUpApproval[]): FollowUpApproval[] {
  let kept = was;
  while (kept.length && !followUpApprovalsFit(kept)) kept = kept.slice(Math.ceil(kept.length / 10));
  return kept;
}

/**
 * Validates and stores; returns what was stored. Throws SettingsError naming the bad field. Every
 * write of the settings goes through here, so the "was" addresses are fitted here (fittedWas).
 */
export function storeSettings(spreadsheet: Spreadsheet, changes: Partial<Settings>): Settings {
  const properties = PropertiesService.getDocumentProperties();
  const values = properties.getProperties();
  const merged = validateSettings({ ...loadSettings(values), ...changes });
  const settings = { ...merged, followUpWas: fittedWas(merged.followUpWas) };
  // Written before the settings that no longer hold them, so that no reader finds neither.
  if (settings.followUpApprovals.length || values[FOLLOW_UP_APPROVALS_KEY] !== undefined)
    writeStored(properties, FOLLOW_UP_APPROVALS_KEY, approvalsText(settings.followUpApprovals), { values });
  if (settings.followUpWas.length || values[FOLLOW_UP_WAS_KEY] !== undefined)
    writeStored(properties, FOLLOW_UP_WAS_KEY, approvalsText(settings.followUpWas), { values });
  properties.setProperty(SETTINGS_KEY, JSON.stringify({ ...settings, followUpApprovals: [], followUpWas: [] }));
  writeSettingsCopy(spreadsheet, settings);
  return settings;
}

/**
 * Writes the spreadsheet's copy of the settings, without the approved follow-up owners: a run
 * outside the document takes those from the owner's own mirror only (automation-store.ts), and
 * the copy stays one short value.
 */
export function writeSettingsCopy(spreadsheet: Spreadsheet, settings: Settings): void {
  const json = JSON.stringify({ ...settings, followUpApprovals: [], followUpWas: [] });
  // One copy, updated in place: a second would leave a reader to guess which is current.
  const copy = settingsMetadata(spreadsheet);
  if (copy) copy.setValue(json);
  else spreadsheet.addDeveloperMetadata(SETTINGS_KEY, json, SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT);
}
