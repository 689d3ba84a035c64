// The manifest's permissions in the words of Google's consent screen, and what Uptake tells a user
// about those not granted. src/gas/permissions.ts asks Apps Script which are granted; the words are here.

/** A permission of the manifest's (appsscript.json), in the words of Google's consent screen. */
export interface Permission {
  /** The scope's name after https://www.googleapis.com/auth/ (the server code holds no address). */
  scope: string;
  /** As the consent screen lists it. */
  permission: string;
  /** What of Uptake stops without it. */
  neededFor: string;
}

export const SPREADSHEETS_SCOPE = 'spreadsheets';
export const SEND_MAIL_SCOPE = 'script.send_mail';
export const TRIGGERS_SCOPE = 'script.scriptapp';
export const EMAIL_SCOPE = 'userinfo.email';
export const FORMS_SCOPE = 'forms';

/** Every scope of appsscript.json (test/gas/partial-consent.test.ts keeps the two the same). */
export const PERMISSIONS: readonly Permission[] = [
  {
    scope: SPREADSHEETS_SCOPE,
    permission: 'See, edit, create and delete your spreadsheets',
    neededFor: 'reading the log and writing Uptake’s sheets',
  },
  {
    scope: 'script.container.ui',
    permission: 'Display and run third-party web content in prompts and sidebars',
    neededFor: 'the sidebar and Uptake’s dialogs',
  },
  {
    scope: SEND_MAIL_SCOPE,
    permission: 'Send email as you',
    neededFor: 'reminders, the digest and problem reports',
  },
  {
    scope: TRIGGERS_SCOPE,
    permission: 'Allow this application to run when you are not present',
    neededFor: 'the daily run (automation)',
  },
  {
    scope: EMAIL_SCOPE,
    permission: 'See your primary Google Account email address',
    neededFor: 'sending the digest to you when Settings name no owner',
  },
  {
    scope: FORMS_SCOPE,
    permission: 'See, edit, create and delete all your Google Forms forms',
    neededFor: 'Create logging form',
  },
];

/** The permissions in the words of Google's consent screen, each with what of Uptake needs it. */
export function permissionNames(missing: readonly Permission[]): string {
  return missing.map((p) => `“${p.permission}” (${p.neededFor})`).join('; ');
}

/**
 * What to tell the user about the permissions `missing` (not granted); null when none is.
 * `grantUrl`: the page where Google asks again for them (AuthorizationInfo.getAuthorizationUrl()),
 * null when Apps Script gives none.
 */
export function missingPermissionsMessage(
  missing: readonly Permission[] | null,
  grantUrl: string | null,
): string | null {
  if (!missing?.length) return null;
  const one = missing.length === 1;
  const how = grantUrl
    ? `open ${grantUrl} and tick ${one ? 'it' : 'them'} on Google’s screen`
    : 'choose any item of the Uptake menu: Google asks again for what is missing';
  return `Uptake was not given ${one ? 'this permission' : 'these permissions'}: ${permissionNames(missing)}. To grant ${one ? 'it' : 'them'}, ${how}.`;
}

/**
 * The daily run's report when it must stop for its permissions: what to do (at `grantUrl` when
 * Apps Script gives one), and which of the run's permissions are `missing` (none when Apps Script
 * asks to authorise again for a reason the scopes do not show).
 */
export function authorisationProblem(missing: readonly Permission[], grantUrl: string | null): string {
  const how = `open Uptake from the Extensions menu and accept${grantUrl ? ` (${grantUrl})` : ''}`;
  const notGranted = missing.length ? ` Not granted: ${permissionNames(missing)}.` : '';
  return `Uptake needs to be authorised again before it can send anything: ${how}.${notGranted}`;
}

/**
 * The daily run's line when it could not update the logging form's dropdowns: `account` (the
 * run's, '' when Google does not say) did not grant the forms permission(s) `missing`.
 */
export function formNotUpdatedLine(account: string, missing: readonly Permission[]): string {
  const who = account || 'the account the daily run runs under';
  return `The logging form's dropdowns were not updated: ${who} did not give Uptake the permission ${permissionNames(missing)}. Choose any item of the Uptake menu from that account: Google asks again for it.`;
}
