/**
 * Where the automation keeps its state in Apps Script: the document's properties, or, for a
 * run outside the document, the trigger owner's mirror of them in user properties.
 */
import { validateSettings, type FollowUpApproval, type Settings } from '../core/base/settings';
import {
  fitProperty,
  KEYS,
  PROPERTY_VALUE_BYTES,
  readJson,
  storedBytes,
  writeJson,
  type AutomationState,
  type Store,
} from '../core/automation/store';
import { sameAccount } from '../core/roles/roles';
import { readStored, writeStored } from './property-parts';
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

/**
 * The trigger owner's copy, for this spreadsheet, of what a run outside the document needs;
 * `user`: the user's properties when the caller holds them already.
 */
export function mirrorStore(
  spreadsheetId: string,
  user: GoogleAppsScript.Properties.Properties = PropertiesService.getUserProperties(),
): Store {
  return propertiesStore(user, mirrorPrefix(spreadsheetId), MIRROR_VALUE_BYTES);
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

/** Mirror key: the settings that say where named figures go, as the owner last saved them. */
export const PRIVATE_SETTINGS_KEY = 'uptake.privateSettings';

/** The settings that say who gets named figures: a run outside the document reads them from the owner's mirror alone. */
export type PrivateSettings = Pick<Settings, 'ownerEmail' | 'recipients' | 'namedForRecipients' | 'followUpApprovals'>;

/** Mirror key: the approved follow-up owners, as [address, [members]] in parts of 1 KB (src/gas/property-parts.ts). */
const MIRROR_APPROVALS_KEY = 'uptake.followUpApprovals';

/**
 * Most bytes of approved follow-up owners a mirror keeps: 8 parts of 1 KB, so that a mirror, with
 * its dozen other values of 1 KB at most, stays within its twentieth of the user store. About 350
 * pairings with names of 20 characters: a run outside the document sends the others' follow-ups
 * to the owner, and Check set-up says so (src/core/setup-check/approvals.ts).
 */
const MIRROR_APPROVAL_BYTES = 8 * MIRROR_VALUE_BYTES;

type GroupedApprovals = [address: string, members: string[]][];

/** The pairings grouped by address: a follow-up owner of many members is written once. */
function grouped(approvals: readonly FollowUpApproval[]): GroupedApprovals {
  const byAddress = new Map<string, string[]>();
  for (const pair of approvals) byAddress.set(pair.address, [...(byAddress.get(pair.address) ?? []), pair.member]);
  return [...byAddress];
}

/** The pairings a mirror keeps, back from their groups; none when there are none or they do not parse. */
function parseGrouped(raw: string | null): FollowUpApproval[] {
  try {
    const groups: unknown = JSON.parse(raw ?? '[]');
    if (!Array.isArray(groups)) return [];
    return groups.flatMap((group: unknown) =>
      Array.isArray(group) && Array.isArray(group[1])
        ? group[1].map((member: unknown) => ({ member, address: group[0] }) as FollowUpApproval)
        : [],
    );
  } catch {
    // A mirror edited by hand approves nobody: those follow-ups go to the owner.
    return [];
  }
}

/** The approvals a mirror keeps: the first that fit MIRROR_APPROVAL_BYTES. */
export function mirroredApprovals(approvals: readonly FollowUpApproval[]): FollowUpApproval[] {
  return fitProperty([...approvals], grouped, 'end', MIRROR_APPROVAL_BYTES);
}

/**
 * The private settings as they fit one mirror value (1 KB, MIRROR_VALUE_BYTES): when the list is
 * too long, the last extra recipients are left out, so a run outside the document sends those
 * nothing rather than guess. The follow-up owners are kept apart (mirroredApprovals).
 */
export function privateSettingsToMirror(settings: Settings): Omit<PrivateSettings, 'followUpApprovals'> {
  const kept = {
    ownerEmail: settings.ownerEmail,
    recipients: [...settings.recipients],
    namedForRecipients: settings.namedForRecipients,
  };
  while (storedBytes(kept) > MIRROR_VALUE_BYTES && kept.recipients.length) kept.recipients.pop();
  return kept;
}

/**
 * What a run outside the document needs: the state and the private settings (owner, recipients,
 * approved follow-up owners) in the trigger owner's user properties, which only the owner's own
 * calls write; the trigger's spreadsheet by trigger id; and the other settings in the
 * spreadsheet's own copy (written here if the settings were never saved).
 */
export function writeMirror(spreadsheet: Spreadsheet, state: AutomationState, settings: Settings): void {
  // One handle on the user store and one id for every write below: each is a service call.
  const user = PropertiesService.getUserProperties();
  const id = spreadsheet.getId();
  const mirror = mirrorStore(id, user);
  writeJson(mirror, KEYS.state, state);
  writeJson(mirror, PRIVATE_SETTINGS_KEY, privateSettingsToMirror(settings));
  writeMirroredApprovals(id, settings.followUpApprovals, user);
  if (state.triggerId) user.setProperty(TRIGGER_DOCUMENT_PREFIX + state.triggerId, id);
  if (!settingsCopyIn(spreadsheet)) writeSettingsCopy(spreadsheet, settings);
}

/**
 * Writes the approved follow-up owners into the running user's mirror for `spreadsheetId`;
 * `values`: the user's properties when the caller has read them all.
 */
export function writeMirroredApprovals(
  spreadsheetId: string,
  approvals: readonly FollowUpApproval[],
  user = PropertiesService.getUserProperties(),
  values?: Record<string, string>,
): void {
  const value = JSON.stringify(grouped(mirroredApprovals(approvals)));
  const key = mirrorPrefix(spreadsheetId) + MIRROR_APPROVALS_KEY;
  writeStored(user, key, value, { partBytes: MIRROR_VALUE_BYTES, values });
}

/**
 * The approved follow-up owners written into the running user's mirror for `spreadsheetId` when
 * they keep one (writeMirror made it when their trigger was set): a user with none gets none, so
 * nothing is left in the shared user store that removeStaleMirrors would not find.
 * `userValues`: the user's properties when the caller has read them all.
 */
export function refreshMirroredApprovals(
  spreadsheetId: string,
  approvals: readonly FollowUpApproval[],
  userValues?: Record<string, string>,
): void {
  const user = PropertiesService.getUserProperties();
  const values = userValues ?? user.getProperties();
  if (values[mirrorPrefix(spreadsheetId) + KEYS.state] === undefined) return;
  writeMirroredApprovals(spreadsheetId, approvals, user, values);
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
 * copy for thresholds, sheets and hours, but who gets named figures (owner email, recipients,
 * approved follow-up owners) only from the owner's mirror. The copy is developer metadata of
 * DOCUMENT visibility, which any script an editor runs can rewrite ("Enum
 * DeveloperMetadataVisibility", DOCUMENT: "Document-visible metadata is accessible from any
 * developer project with access to the document",
 * https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-visibility).
 * With no mirror of them, no one but the trigger's owner is named, and no recipient.
 */
export function settingsFor(mirrored: boolean, spreadsheet: Spreadsheet): Settings {
  if (!mirrored) return loadSettings();
  const copy = settingsCopyIn(spreadsheet) ?? validateSettings({});
  // One read of the user store for the private settings and the approvals' parts.
  const values = PropertiesService.getUserProperties().getProperties();
  const prefix = mirrorPrefix(spreadsheet.getId());
  const mirror = readJson<Partial<PrivateSettings> | null>(snapshotStore(values, prefix), PRIVATE_SETTINGS_KEY, null);
  const approvals = parseGrouped(readStored(values, prefix + MIRROR_APPROVALS_KEY));
  return validateSettings({
    ...copy,
    ownerEmail: mirror?.ownerEmail ?? '',
    recipients: mirror?.recipients ?? [],
    namedForRecipients: mirror?.namedForRecipients ?? false,
    // A mirror from an earlier version holds approvals by address alone: they approve nobody here.
    followUpApprovals: [...(mirror?.followUpApprovals ?? []), ...approvals],
    approvedFollowUpOwners: [],
  });
}

/**
 * In a run outside the document: the owner the spreadsheet's own copy of the settings names, when
 * it is not the owner in the trigger owner's mirror (`mirrorOwner`); null when they agree or there
 * is no copy (Settings saved before it existed). Every save of Settings writes the copy, the owner
 * change of Take over Uptake and of a hand-over too, while the old owner's mirror and trigger stay
 * in that account's user properties, which no one else can clear: such a run must send nothing
 * (rules §19). The copy is never trusted to name anyone: a member who rewrites it (see settingsFor)
 * can only make the mirror's owner's run stop, never receive what it would send.
 */
export function ownerMovedFromMirror(spreadsheet: Spreadsheet, mirrorOwner: string): string | null {
  const copy = settingsCopyIn(spreadsheet);
  if (!copy) return null;
  const same = copy.ownerEmail.trim() === '' ? mirrorOwner.trim() === '' : sameAccount(copy.ownerEmail, mirrorOwner);
  return same ? null : copy.ownerEmail;
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
