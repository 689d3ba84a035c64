/**
 * Who is calling, and the one guard every owner-only entry point runs (rules §19). A page only
 * hides what a member cannot use; the server refuses it here, whatever the page sends.
 */
import { readJson, KEYS, type AutomationState } from '../core/automation/store';
import type { Settings } from '../core/base/settings';
import { allows, callerOf, refusal, type Access, type Caller } from '../core/roles/roles';
import { currentUserEmail, propertiesStore } from './automation-store';
import { loadSettings } from './settings-store';

export type { Access, Caller } from '../core/roles/roles';

/**
 * The owner: Settings' owner email; before this version made it required, whoever turned the
 * automation on (the state is read only then, so a saved owner costs no extra call).
 */
export function ownerEmail(settings: Settings): string {
  if (settings.ownerEmail) return settings.ownerEmail;
  const state = readJson<AutomationState | null>(
    propertiesStore(PropertiesService.getDocumentProperties()),
    KEYS.state,
    null,
  );
  return state?.on ? state.turnedOnBy : '';
}

/**
 * The account making this call. Session gives the email of whoever clicked, in a sidebar call
 * or a menu item (AuthMode.FULL); a blank email is what Google gives when "security policies
 * do not allow access to the user's email address" ("Class User", getEmail(),
 * https://developers.google.com/apps-script/reference/base/user): such a caller is a member.
 */
export function caller(settings: Settings = loadSettings()): Caller {
  return callerOf(currentUserEmail(), ownerEmail(settings), settings.openTeam);
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
