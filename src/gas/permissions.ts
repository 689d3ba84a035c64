// Which of the manifest's permissions the user granted. Some surfaces let a user grant only some
// of the scopes an add-on asks for, and a script should check with getAuthorizationInfo before
// the code that needs one ("Authorization scopes", https://developers.google.com/apps-script/concepts/scopes,
// granular OAuth consent); AuthorizationInfo.getAuthorizedScopes() names the granted ones among
// those asked about ("Class AuthorizationInfo",
// https://developers.google.com/apps-script/reference/script/authorization-info).

/** A permission of the manifest's (appsscript.json), in the words of Google's consent screen. */
export interface Permission {
  /** The scope's name after https://www.googleapis.com/auth/ (the server code holds no address). */
  scope: string;
  /** As the consent screen lists it. */
  permission: string;
  /** What of Uptake stops without it. */
  neededFor: string;
}

/** Every scope of appsscript.json (test/bad-input/scopes.test.ts keeps the two the same). */
export const PERMISSIONS: readonly Permission[] = [
  {
    scope: 'spreadsheets',
    permission: 'See, edit, create and delete your spreadsheets',
    neededFor: 'reading the log and writing Uptake’s sheets',
  },
  {
    scope: 'script.container.ui',
    permission: 'Display and run third-party web content in prompts and sidebars',
    neededFor: 'the sidebar and Uptake’s dialogs',
  },
  {
    scope: 'script.send_mail',
    permission: 'Send email as you',
    neededFor: 'reminders, the digest and problem reports',
  },
  {
    scope: 'script.scriptapp',
    permission: 'Allow this application to run when you are not present',
    neededFor: 'the daily run (automation)',
  },
  {
    scope: 'userinfo.email',
    permission: 'See your primary Google Account email address',
    neededFor: 'sending the digest to you when Settings name no owner',
  },
  {
    scope: 'forms',
    permission: 'See, edit, create and delete all your Google Forms forms',
    neededFor: 'Create logging form',
  },
];

export const SEND_MAIL_SCOPE = 'script.send_mail';
export const TRIGGERS_SCOPE = 'script.scriptapp';
export const FORMS_SCOPE = 'forms';
export const SPREADSHEETS_SCOPE = 'spreadsheets';
export const EMAIL_SCOPE = 'userinfo.email';

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

/** The permissions in the words of Google's consent screen, each with what of Uptake needs it. */
export function permissionNames(missing: readonly Permission[]): string {
  return missing.map((p) => `“${p.permission}” (${p.neededFor})`).join('; ');
}

/** What to tell the user about permissions not granted; null when none is missing. */
export function missingPermissionsMessage(found: PermissionsFound): string | null {
  if (!found.missing?.length) return null;
  const names = permissionNames(found.missing);
  const how = found.url
    ? `open ${found.url} and tick ${found.missing.length === 1 ? 'it' : 'them'} on Google’s screen`
    : 'choose any item of the Uptake menu: Google asks again for what is missing';
  return `Uptake was not given ${found.missing.length === 1 ? 'this permission' : 'these permissions'}: ${names}. To grant ${found.missing.length === 1 ? 'it' : 'them'}, ${how}.`;
}

/**
 * Throws the message above when a permission `scopes` names is not granted, before anything is
 * done that would fail half-way without it. Nothing when Apps Script does not say.
 */
export function requirePermissions(scopes: readonly string[]): void {
  const found = permissionsFound();
  const missing = found.missing?.filter((p) => scopes.includes(p.scope)) ?? [];
  const message = missingPermissionsMessage({ ...found, missing });
  if (message) throw new Error(message);
}
