// ScriptApp: trigger management over the triggers store (triggers.ts), the trigger builders
// (trigger-builders.ts) and a scriptable authorization status.
import { nonEmptyString } from './arguments';
import { api, type FakeInfo } from './boundary';
import { AuthMode, AuthModeNames, AuthorizationStatus, enumName, type AuthorizationStatusName } from './enums';
import type { FakeContext } from './context';
import { FakeSpreadsheet } from './spreadsheet';
import { FakeTriggerBuilder } from './trigger-builders';
import { FakeTrigger, type TriggerState } from './triggers';

type GScriptApp = GoogleAppsScript.Script.ScriptApp;
type GTrigger = GoogleAppsScript.Script.Trigger;
type GTriggerBuilder = GoogleAppsScript.Script.TriggerBuilder;
type GAuthInfo = GoogleAppsScript.Script.AuthorizationInfo;
type GAuthMode = GoogleAppsScript.Script.AuthMode;
type GAuthStatus = GoogleAppsScript.Script.AuthorizationStatus;

/**
 * "Class AuthorizationInfo" (https://developers.google.com/apps-script/reference/script/authorization-info):
 * the status, the URL that asks again, and getAuthorizedScopes(), the granted ones among those
 * asked about (granular consent lets a user grant only some: "Authorization scopes",
 * https://developers.google.com/apps-script/concepts/scopes).
 */
export class FakeAuthorizationInfo implements Pick<
  GAuthInfo,
  'getAuthorizationStatus' | 'getAuthorizationUrl' | 'getAuthorizedScopes'
> {
  static readonly fakeInfo: FakeInfo = { service: 'script', cls: 'AuthorizationInfo' };
  constructor(
    private readonly status: AuthorizationStatusName,
    private readonly url: string,
    private readonly authorized: string[] | null,
  ) {}
  getAuthorizedScopes(): string[] | null {
    return this.authorized && this.authorized.slice();
  }
  getAuthorizationStatus(): GAuthStatus {
    return api<GAuthStatus>(this.status as unknown as object);
  }
  getAuthorizationUrl(): string {
    // Apps Script gives a URL only when authorization is needed.
    return this.status === 'REQUIRED' ? this.url : (null as unknown as string);
  }
}

export class FakeScriptApp implements Pick<
  GScriptApp,
  | 'AuthMode'
  | 'AuthorizationStatus'
  | 'newTrigger'
  | 'deleteTrigger'
  | 'getProjectTriggers'
  | 'getUserTriggers'
  | 'getAuthorizationInfo'
> {
  static readonly fakeInfo: FakeInfo = { service: 'script', cls: 'ScriptApp' };
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;

  constructor(
    private readonly ctx: FakeContext,
    private readonly triggers: TriggerState,
  ) {}

  newTrigger(functionName: string): GTriggerBuilder {
    const handler = nonEmptyString(functionName, 'ScriptApp.newTrigger needs a function name.');
    return api<GTriggerBuilder>(new FakeTriggerBuilder(this.ctx, this.triggers, handler));
  }
  deleteTrigger(trigger: GTrigger): void {
    if (!(trigger instanceof FakeTrigger)) throw new Error('ScriptApp.deleteTrigger needs a Trigger.');
    this.triggers._delete(trigger._rec.uid);
  }
  getProjectTriggers(): GTrigger[] {
    return this.triggers.list(this.ctx.currentUser()).map((r) => api<GTrigger>(new FakeTrigger(r)));
  }
  getUserTriggers(
    document:
      GoogleAppsScript.Spreadsheet.Spreadsheet | GoogleAppsScript.Document.Document | GoogleAppsScript.Forms.Form,
  ): GTrigger[] {
    if (!(document instanceof FakeSpreadsheet))
      throw new Error('ScriptApp.getUserTriggers needs a Spreadsheet in this fake.');
    // Whether time-driven triggers count as "in the given spreadsheet" is not documented (answers.ts).
    const listsClock = this.ctx.options.userTriggersListTimeDriven;
    return this.triggers
      .list(this.ctx.currentUser())
      .filter((r) => r.documentId === document._id || r.sourceId === document._id)
      .filter((r) => listsClock || r.eventType !== 'CLOCK')
      .map((r) => api<GTrigger>(new FakeTrigger(r)));
  }
  getAuthorizationInfo(authMode: GAuthMode, oAuthScopes?: string[]): GAuthInfo {
    if (!enumName(AuthModeNames, authMode))
      throw new Error('ScriptApp.getAuthorizationInfo needs a ScriptApp.AuthMode.');
    if (oAuthScopes !== undefined && !(Array.isArray(oAuthScopes) && oAuthScopes.every((x) => typeof x === 'string')))
      throw new Error('ScriptApp.getAuthorizationInfo: oAuthScopes must be an array of scope URLs.');
    const t = this.triggers;
    // The running user's grants: in a trigger, its creator's (authorization.ts).
    const granted = this.ctx.grantedScopes();
    const asked = oAuthScopes ?? this.ctx.oauthScopes;
    const authorized = granted && asked ? asked.filter((s) => granted.includes(s)) : null;
    const missing = authorized !== null && asked !== null && authorized.length < asked.length;
    const status = missing ? 'REQUIRED' : t.authorizationOf(this.ctx.currentUser());
    return api<GAuthInfo>(new FakeAuthorizationInfo(status, t.authorizationUrl, authorized));
  }
}
