/**
 * Who is calling, and the one guard every owner-only entry point runs (rules §19). A page only
 * hides what a member cannot use; the server refuses it here, whatever the page sends.
 */
import { readJson, KEYS, type AutomationState } from '../core/automation/store';
import type { Settings } from '../core/base/settings';
import { allows, callerOf, refusal, type Access, type Caller } from '../core/roles/roles';
import { currentUserEmail, propertiesStore } from './automation-store';
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
export function ownership(settings: Settings): { owner: string; claimable: boolean } {
  if (settings.ownerEmail) return { owner: settings.ownerEmail, claimable: false };
  const state = readJson<AutomationState | null>(
    propertiesStore(PropertiesService.getDocumentProperties()),
    KEYS.state,
    null,
  );
  if (state?.turnedOnBy) return { owner: state.turnedOnBy, claimable: false };
  if (!hasStoredSettings(settings)) return { owner: '', claimable: true };
  return { owner: spreadsheetOwnerEmail(), claimable: false };
}

/** The email of the spreadsheet's owner in Drive; '' when Google does not give one. */
function spreadsheetOwnerEmail(): string {
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
export function caller(settings: Settings = loadSettings()): Caller {
  const { owner, claimable } = ownership(settings);
  return callerOf(currentUserEmail(), owner, settings.openTeam, claimable);
}

/**
 * The guard: returns the caller when `access` allows them, else throws a NotOwnerError saying
 * who the owner is. `does` finishes "Only the owner … can …". Every owner-only server function
 * calls this (sidebar calls through their `access` in SIDEBAR_CALLS, menu items directly).
 */
export function requireAccess(access: Access, does: string, settings?: Settings): Caller {
  const who = caller(settings);
  if (!allows(who, access)) throw refusal(who, does);
  return who;
}

/** requireAccess('owner', does): the guard for what only the owner may do. */
export function requireOwner(does: string, settings?: Settings): Caller {
  return requireAccess('owner', does, settings);
}
