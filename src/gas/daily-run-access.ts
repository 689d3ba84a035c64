/**
 * What the daily run may do with what its account granted. An installable trigger runs under the
 * account that made it, with that account's authorization ("Installable triggers",
 * https://developers.google.com/apps-script/guides/triggers/installable), and with granular consent
 * that account may have granted some scopes and not others ("Authorization scopes",
 * https://developers.google.com/apps-script/concepts/scopes). The run looks at the scopes it
 * uses alone: one left unticked that it does not use (the logging form's, the sidebar's) stops
 * nothing, and one it needs is named in plain words.
 */
import { KEYS, readJson, type AutomationState, type Store } from '../core/automation/store';
import { sameAccount } from '../core/roles/roles';
import { notOwnerProblem } from './automation-owner';
import {
  automationStore,
  PRIVATE_SETTINGS_KEY,
  TRIGGER_DOCUMENT_PREFIX,
  type PrivateSettings,
} from './automation-store';
import {
  EMAIL_SCOPE,
  PERMISSIONS,
  SEND_MAIL_SCOPE,
  SPREADSHEETS_SCOPE,
  TRIGGERS_SCOPE,
  type Permission,
} from '../core/base/permissions';
import { permissionsFound } from './permissions';
import { loadSettings } from './settings-store';

/**
 * The scopes the daily run uses: the sheets (reading the log, writing its own sheets), the running
 * account's email (whose run it is), its trigger, and sending. Not the form's: only the section
 * that keeps the logging form in step needs it, and it asks for itself (logging-form.ts).
 */
const DAILY_RUN_SCOPES = [SPREADSHEETS_SCOPE, EMAIL_SCOPE, TRIGGERS_SCOPE, SEND_MAIL_SCOPE];
/** Without these the run can neither open the spreadsheet nor tell whose run it is. */
const IDENTITY_SCOPES = [SPREADSHEETS_SCOPE, EMAIL_SCOPE, TRIGGERS_SCOPE];

export interface DailyRunAccess {
  /** The daily run's permissions the running account has not granted. */
  missing: Permission[];
  /** Where that account grants them, when Apps Script gives the page. */
  url: string | null;
  /** Whether Apps Script says this account must authorise (again) for the scopes asked about. */
  required: boolean;
}

/**
 * One call: the daily run's scopes, granted or not, for the account it runs under. The status of
 * getAuthorizationInfo(FULL) is REQUIRED when any of the manifest's scopes is not granted (one the
 * run does not use as well); then getAuthorizedScopes() says which of the run's are missing. The
 * status counts alone when it is REQUIRED with every scope granted (Apps Script asks again for a
 * reason the scopes do not show), or when Apps Script does not name the granted scopes.
 */
export function dailyRunAccess(): DailyRunAccess {
  const found = permissionsFound();
  if (!found.required) return { missing: [], url: found.url, required: false };
  const asked = PERMISSIONS.filter((p) => DAILY_RUN_SCOPES.includes(p.scope));
  const missing = found.missing ? found.missing.filter((p) => asked.includes(p)) : asked;
  return { missing, url: found.url, required: found.missing?.length === 0 };
}

export const granted = (access: DailyRunAccess, scope: string): boolean =>
  !access.missing.some((p) => p.scope === scope);

/** Whether the run can open the spreadsheet and tell whose run it is. */
export const knowsWhoseRun = (access: DailyRunAccess): boolean => IDENTITY_SCOPES.every((s) => granted(access, s));

/** Whether anything stops the run's work: a permission it uses, or Apps Script asking to authorise again. */
export const mustAuthorise = (access: DailyRunAccess): boolean => access.missing.length > 0 || access.required;

/**
 * Whose trigger this is, from the properties alone (they need no scope), for a run whose account
 * cannot open the spreadsheet or ask its own email: `stale` when automation is off or runs under
 * another trigger; `notOwner` with the problem to report when this trigger was turned on by an
 * account that is not the owner's (an owner since replaced); null when it is the owner's, or the
 * properties do not say.
 */
export function whoseTriggerFromProperties(
  triggerUid: string,
): { stale: true } | { stale: false; notOwner: string } | null {
  const documentProperties = PropertiesService.getDocumentProperties();
  const spreadsheetId = PropertiesService.getUserProperties().getProperty(TRIGGER_DOCUMENT_PREFIX + triggerUid);
  if (!documentProperties && !spreadsheetId) return null;
  const { store, mirrored } = automationStore(spreadsheetId ?? '');
  const state = readJson<AutomationState | null>(store, KEYS.state, null);
  if (!state) return null;
  if (!state.on || state.triggerId !== triggerUid) return { stale: true };
  const owner = ownerEmailIn(store, mirrored) || state.turnedOnBy;
  if (!owner || sameAccount(state.turnedOnBy, owner)) return null;
  return { stale: false, notOwner: notOwnerProblem(state.turnedOnBy, owner) };
}

/** The owner's email as the Settings were saved: the document's, else the owner's mirror's. */
function ownerEmailIn(store: Store, mirrored: boolean): string {
  if (!mirrored) return loadSettings().ownerEmail;
  return readJson<Partial<PrivateSettings> | null>(store, PRIVATE_SETTINGS_KEY, null)?.ownerEmail ?? '';
}
