// Which of the manifest's permissions the user granted. Some surfaces let a user grant only some
// of the scopes an add-on asks for, and a script should check with getAuthorizationInfo before
// the code that needs one ("Authorization scopes", https://developers.google.com/apps-script/concepts/scopes,
// granular OAuth consent); AuthorizationInfo.getAuthorizedScopes() names the granted ones among
// those asked about ("Class AuthorizationInfo",
// https://developers.google.com/apps-script/reference/script/authorization-info).

import { missingPermissionsMessage, PERMISSIONS, type Permission } from '../core/base/permissions';

/** A granted scope's name: the last part of its address. */
const scopeName = (url: string) => url.slice(url.lastIndexOf('/') + 1);

export interface PermissionsFound {
  /** The permissions not granted; empty when all are; null when Apps Script does not say. */
  missing: Permission[] | null;
  /** The page where the user grants what is missing (null when nothing is). */
  url: string | null;
  /** Whether the user must authorise at all (again). */
  required: boolean;
}

/**
 * getAuthorizationInfo(FULL) asks about "the required scopes of the script", the manifest's: the
 * status, the URL that asks again, and the granted ones among them. Its status is REQUIRED when
 * any of them is not granted, yet some executions start without every scope granted, and a script
 * guards only the sections of code that need the missing one ("Class AuthorizationInfo"): so
 * `missing` names each, among `scopes` when given (those a section uses). The overload
 * getAuthorizationInfo(authMode, oAuthScopes) would ask about a list alone, but it is not in the
 * type definitions and takes scope addresses; getAuthorizedScopes() already names each one.
 */
export function permissionsFound(scopes?: readonly string[]): PermissionsFound {
  const asked = scopes ? PERMISSIONS.filter((p) => scopes.includes(p.scope)) : PERMISSIONS;
  // getAuthorizedScopes is newer than the type definitions: src/gas/apps-script.d.ts declares it.
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  const granted = typeof info.getAuthorizedScopes === 'function' ? info.getAuthorizedScopes() : null;
  const names = granted && new Set(granted.map(scopeName));
  return {
    missing: names ? asked.filter((p) => !names.has(p.scope)) : null,
    url: info.getAuthorizationUrl() || null,
    required: info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED,
  };
}

/**
 * Throws core's message (missingPermissionsMessage) when a permission `scopes` names is not
 * granted, before anything is done that would fail half-way without it. Nothing when Apps Script
 * does not say.
 */
export function requirePermissions(scopes: readonly string[]): void {
  const found = permissionsFound();
  const missing = found.missing?.filter((p) => scopes.includes(p.scope)) ?? [];
  const message = missingPermissionsMessage(missing, found.url);
  if (message) throw new Error(message);
}
