/**
 * Who is calling, and the one guard every owner-only entry point runs (rules §19). A page only
 * hides what a member cannot use; the server refuses it here, whatever the page sends.
 */
import { readJson, KEYS, type AutomationState } from '../core/automation/store';
import type { Settings } from '../core/base/settings';
import { allows, callerOf, NotOwnerError, refusal, sameAccount, type Access, type Caller } from '../core/roles/roles';
import { currentUserEmail, propertiesStore, snapshotStore } from './automation-store';
import { hasStoredSettings, loadSettings } from './settings-store';

export type { Access, Caller } from '../core/roles/roles';

/**
 * Who owns Uptake for this spreadsheet, and whether, with no owner, the first account to save
 * Settings may become it. The owner is Settings' owner email; before this version made it
 * required, the account that turned the automation on (its trigger runs under that account).
 * Failing both, a new install (no Settings ever saved) is claimable by whoever saves first
 * (rules §19); but Settings an earlier version saved without an owner are not open to any
 * editor: the spreadsheet's owner takes them over. Spreadsheet.getOwner() gives "the owner of
 * the document, or null for a document in a shared drive" ("Class Spreadsheet", getOwner(),
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getowner); with
 * none, nobody may claim it. The state, the stored Settings and the file are read only when no
 * owner is saved, so a saved owner costs no extra call.
 */
export function ownership(
  settings: Settings,
  documentValues?: Record<string, string>,
): { owner: string; claimable: boolean } {
  if (settings.ownerEmail) return { owner: settings.ownerEmail, claimable: false };
  const store = documentValues
    ? snapshotStore(documentValues)
    : propertiesStore(PropertiesService.getDocumentProperties());
  const state = readJson<AutomationState | null>(store, KEYS.state, null);
  if (state?.turnedOnBy) return { owner: state.turnedOnBy, claimable: false };
  if (!hasStoredSettings(settings)) return { owner: '', claimable: true };
  return { owner: spreadsheetOwnerEmail(), claimable: false };
}

/** The email of the spreadsheet's owner in Drive; '' when Google does not give one. */
export function spreadsheetOwnerEmail(): string {
  try {
    return SpreadsheetApp.getActiveSpreadsheet().getOwner()?.getEmail() ?? '';
  } catch {
    // No active spreadsheet (a run outside the document): no one to hand Uptake to.
    return '';
  }
}

/** The owner's email ('' while nobody owns Uptake here): see ownership. */
export function ownerEmail(settings: Settings): string {
  return ownership(settings).owner;
}

/**
 * The account making this call. Session gives the email of whoever clicked, in a sidebar call
 * or a menu item (AuthMode.FULL); a blank email is what Google gives when "security policies
 * do not allow access to the user's email address" ("Class User", getEmail(),
 * https://developers.google.com/apps-script/reference/base/user): such a caller is a member.
 */
export function caller(settings: Settings = loadSettings(), documentValues?: Record<string, string>): Caller {
  const { owner, claimable } = ownership(settings, documentValues);
  return callerOf(currentUserEmail(), owner, settings.openTeam, claimable);
}

/**
 * `who`, with whether they own the spreadsheet in Google Drive (Spreadsheet.getOwner(), "Class
 * Spreadsheet", https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getowner,
 * within the `spreadsheets` scope Uptake already has). Not asked of an account without an email,
 * which cannot be told apart from another.
 */
export function withFileOwnership(who: Caller): Caller {
  if (!who.email || who.ownsFile !== undefined) return who;
  return { ...who, ownsFile: sameAccount(spreadsheetOwnerEmail(), who.email) };
}

/** Menu item and words that let the spreadsheet's Drive owner take Uptake over (src/gas/reclaim-owner.ts). */
export const TAKE_OVER_ITEM = 'Take over Uptake';

/**
 * The refusal `who` gets for `access`; the spreadsheet's owner in Drive is also told how to take
 * Uptake over, for the day the owner email saved is one nobody holds (a typo).
 */
export function refusalFor(who: Caller, access: Access, does: string): NotOwnerError {
  if (access === 'fileOwner')
    return new NotOwnerError(
      `Only the account that owns this spreadsheet in Google Drive can ${does}` +
        (who.owner ? `; the owner of Uptake here is ${who.owner}.` : '.'),
    );
  const refused = refusal(who, does);
  if (!withFileOwnership(who).ownsFile) return refused;
  return new NotOwnerError(
    `${refused.message} You own this spreadsheet in Google Drive, so you can take Uptake over: ` +
      `Extensions › Uptake › ${TAKE_OVER_ITEM}.`,
  );
}

/**
 * The guard: returns the caller when `access` allows them, else throws a NotOwnerError saying
 * who the owner is. `does` finishes "Only the owner … can …". Every owner-only server function
 * calls this (sidebar calls through their `access` in SIDEBAR_CALLS, menu items directly).
 */
export function requireAccess(
  access: Access,
  does: string,
  settings?: Settings,
  documentValues?: Record<string, string>,
): Caller {
  const asked = caller(settings, documentValues);
  const who = access === 'fileOwner' ? withFileOwnership(asked) : asked;
  if (!allows(who, access)) throw refusalFor(who, access, does);
  return who;
}

/** requireAccess('owner', does): the guard for what only the owner may do. */
export function requireOwner(does: string, settings?: Settings): Caller {
  return requireAccess('owner', does, settings);
}
