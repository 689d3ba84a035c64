// ScriptApp: trigger management over the triggers store (triggers.ts), the trigger builders
// (trigger-builders.ts) and a scriptable authorization status.
import { api, type FakeInfo } from './boundary';
import {
  AuthMode,
  AuthModeNames,
  AuthorizationStatus,
  EventType,
  InstallationSource,
  TriggerSource,
  Weekday,
  enumName,
  type AuthorizationStatusName,
} from './enums';
import type { FakeGas } from './harness';
import { FakeSpreadsheet } from './spreadsheet';
import { FakeTriggerBuilder } from './trigger-builders';
import { FakeTrigger } from './triggers';

type GScriptApp = GoogleAppsScript.Script.ScriptApp;
type GTrigger = GoogleAppsScript.Script.Trigger;
type GTriggerBuilder = GoogleAppsScript.Script.TriggerBuilder;
type GAuthInfo = GoogleAppsScript.Script.AuthorizationInfo;
type GAuthMode = GoogleAppsScript.Script.AuthMode;
type GAuthStatus = GoogleAppsScript.Script.AuthorizationStatus;

export class FakeAuthorizationInfo implements Pick<GAuthInfo, 'getAuthorizationStatus' | 'getAuthorizationUrl'> {
  static readonly fakeInfo: FakeInfo = { service: 'script', cls: 'AuthorizationInfo' };
  constructor(
    private readonly status: AuthorizationStatusName,
    private readonly url: string,
  ) {}
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
  | 'EventType'
  | 'TriggerSource'
  | 'WeekDay'
  | 'InstallationSource'
  | 'newTrigger'
  | 'deleteTrigger'
  | 'getProjectTriggers'
  | 'getUserTriggers'
  | 'getAuthorizationInfo'
  | 'getScriptId'
> {
  static readonly fakeInfo: FakeInfo = { service: 'script', cls: 'ScriptApp' };
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = Weekday;
  readonly InstallationSource = InstallationSource;

  constructor(private readonly gas: FakeGas) {}

  newTrigger(functionName: string): GTriggerBuilder {
    if (typeof functionName !== 'string' || functionName === '')
      throw new Error('ScriptApp.newTrigger needs a function name.');
    return api<GTriggerBuilder>(new FakeTriggerBuilder(this.gas, functionName));
  }
  deleteTrigger(trigger: GTrigger): void {
    if (!(trigger instanceof FakeTrigger)) throw new Error('ScriptApp.deleteTrigger needs a Trigger.');
    this.gas.triggers._delete(trigger._rec.uid);
  }
  getProjectTriggers(): GTrigger[] {
    return this.gas.triggers.list(this.gas.currentUser()).map((r) => api<GTrigger>(new FakeTrigger(r)));
  }
  getUserTriggers(
    document:
      GoogleAppsScript.Spreadsheet.Spreadsheet | GoogleAppsScript.Document.Document | GoogleAppsScript.Forms.Form,
  ): GTrigger[] {
    if (!(document instanceof FakeSpreadsheet))
      throw new Error('ScriptApp.getUserTriggers needs a Spreadsheet in this fake.');
    return this.gas.triggers
      .list(this.gas.currentUser())
      .filter((r) => r.documentId === document._id || r.sourceId === document._id)
      .map((r) => api<GTrigger>(new FakeTrigger(r)));
  }
  getAuthorizationInfo(authMode: GAuthMode): GAuthInfo {
    if (!enumName(AuthModeNames, authMode))
      throw new Error('ScriptApp.getAuthorizationInfo needs a ScriptApp.AuthMode.');
    const t = this.gas.triggers;
    return api<GAuthInfo>(new FakeAuthorizationInfo(t.authorizationStatus, t.authorizationUrl));
  }
  getScriptId(): string {
    return this.gas.options.scriptId;
  }
}
