// What a call needs: the OAuth scopes the manifest must grant, and the auth modes that refuse it.
import type { CallInfo, ServiceName } from './boundary';
import type { AuthModeName } from './enums';

export const SCOPE = (s: string): string => (s.startsWith('https://') ? s : `https://www.googleapis.com/auth/${s}`);

/**
 * Scopes (any one suffices) a call needs when the manifest lists oauthScopes: then Apps Script
 * grants those and no other ("Manifest structure", https://developers.google.com/apps-script/manifest;
 * "Authorization scopes", https://developers.google.com/apps-script/concepts/scopes). Each method's
 * scopes are under "Authorization" on its reference page.
 */
export function requiredScopes(call: CallInfo): string[] | null {
  switch (call.key) {
    // "Class Session", https://developers.google.com/apps-script/reference/base/session: both
    // need userinfo.email. Without it the call throws, so an add-on that catches it finds no email.
    case 'Session.getActiveUser':
    case 'Session.getEffectiveUser':
      return [SCOPE('userinfo.email')];
    case 'SpreadsheetApp.openById':
    case 'SpreadsheetApp.create':
      return [SCOPE('spreadsheets')];
    case 'SpreadsheetApp.getActiveSpreadsheet':
      return [SCOPE('spreadsheets.currentonly'), SCOPE('spreadsheets')];
    case 'Ui.showSidebar':
    case 'Ui.showModelessDialog':
    case 'Ui.alert':
      return [SCOPE('script.container.ui')];
    case 'ScriptApp.newTrigger':
    case 'ScriptApp.getProjectTriggers':
    case 'ScriptApp.getUserTriggers':
    case 'ScriptApp.deleteTrigger':
      return [SCOPE('script.scriptapp')];
  }
  if (call.service === 'mail') return [SCOPE('script.send_mail'), 'https://mail.google.com/'];
  // "Class FormApp" (https://developers.google.com/apps-script/reference/forms/form-app): a form
  // the script creates or opens by id is not the form a script is bound to, which is all that
  // forms.currentonly reaches ("Authorization scopes"); so every Forms call here needs forms.
  if (call.service === 'forms') return [SCOPE('forms')];
  return null;
}

/**
 * AuthMode.NONE and LIMITED ("Editor add-on authorization",
 * https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle): in NONE an
 * add-on may add menu items and little else (no HtmlService, no Charts, no authorization check);
 * LIMITED adds the bound document's services, still without sidebars, dialogs, alerts, prompts or
 * toasts, and no email from Session (session.ts blanks it there).
 */
const NONE_ALLOWED = new Set(['SpreadsheetApp.getUi', 'Ui.createAddonMenu', 'Session.getScriptTimeZone']);
const NONE_ALLOWED_SERVICES = new Set<ServiceName>(['console']);
/** What a dialog or a message on the screen needs: not in LIMITED, nor in NONE. */
const LIMITED_DENIED_UI = new Set(['Ui.showSidebar', 'Ui.showModelessDialog', 'Ui.alert', 'Spreadsheet.toast']);
const AUTH_REQUIRED = new Set([
  'FormApp.create',
  'FormApp.openById',
  'SpreadsheetApp.create',
  'SpreadsheetApp.openById',
  'ScriptApp.newTrigger',
  'ScriptApp.getProjectTriggers',
  'ScriptApp.getUserTriggers',
  'ScriptApp.deleteTrigger',
]);
const SPREADSHEET_MUTATOR =
  /^(set|insert|append|delete|clear|hide|show|activate|protect|merge|breakApart|check|uncheck|remove|update|autoResize|rename|toast|flush)/;

/** Whether a call is refused in an auth mode (as Apps Script refuses it without authorization). */
export function deniedInMode(mode: AuthModeName, call: CallInfo): boolean {
  switch (mode) {
    case 'FULL':
      return false;
    case 'NONE':
      return !(NONE_ALLOWED.has(call.key) || call.cls === 'Menu' || NONE_ALLOWED_SERVICES.has(call.service));
    case 'LIMITED':
      return (
        call.service === 'mail' ||
        AUTH_REQUIRED.has(call.key) ||
        call.cls === 'ClockTriggerBuilder' ||
        call.cls === 'SpreadsheetTriggerBuilder' ||
        LIMITED_DENIED_UI.has(call.key)
      );
    case 'CUSTOM_FUNCTION':
      return (
        call.service === 'mail' ||
        call.service === 'ui' ||
        AUTH_REQUIRED.has(call.key) ||
        call.cls === 'ClockTriggerBuilder' ||
        call.cls === 'SpreadsheetTriggerBuilder' ||
        (call.service === 'spreadsheet' && !call.cls.endsWith('Builder') && SPREADSHEET_MUTATOR.test(call.method))
      );
  }
}
