import type { FakeInfo } from './boundary';
import type { FakeContext, SessionSettings } from './context';

type GSession = GoogleAppsScript.Base.Session;
type GUser = GoogleAppsScript.Base.User;

export class FakeUser implements Pick<GUser, 'getEmail'> {
  static readonly fakeInfo: FakeInfo = { service: 'session', cls: 'User' };
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
}

/** Who is running and where: settable by tests, read by Session and by per-user stores. */
export class SessionState implements SessionSettings {
  activeUser: string;
  effectiveUser: string;
  locale: string;
  scriptTimeZone: string;
  /** Whether the time zone was given by the test, so a manifest does not override it. */
  timeZoneExplicit: boolean;

  constructor(opts: { user?: string; effectiveUser?: string; locale?: string; timeZone?: string }) {
    this.activeUser = opts.user ?? 'user@example.com';
    this.effectiveUser = opts.effectiveUser ?? this.activeUser;
    this.locale = opts.locale ?? 'en';
    this.scriptTimeZone = opts.timeZone ?? 'Etc/UTC';
    this.timeZoneExplicit = opts.timeZone !== undefined;
  }

  setUser(email: string, effective: string = email): void {
    this.activeUser = email;
    this.effectiveUser = effective;
  }
}

export class FakeSession implements Pick<
  GSession,
  'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone' | 'getActiveUserLocale'
> {
  static readonly fakeInfo: FakeInfo = { service: 'session', cls: 'Session' };
  constructor(private readonly ctx: FakeContext) {}

  /**
   * The email is blank where a script runs without the user's authorization: "a simple onOpen(e)
   * or onEdit(e) trigger, a custom function in Google Sheets" ("Class Session",
   * https://developers.google.com/apps-script/reference/base/session), and an add-on in
   * AuthMode.LIMITED, which gets the locale only (permissions.ts).
   */
  private _email(email: string): string {
    const ex = this.ctx.execution;
    return ex && (ex.authMode === 'CUSTOM_FUNCTION' || ex.authMode === 'LIMITED' || ex.simpleTrigger) ? '' : email;
  }
  getActiveUser(): GUser {
    return new FakeUser(this._email(this.ctx.currentUser())) as unknown as GUser;
  }
  getEffectiveUser(): GUser {
    return new FakeUser(
      this._email(this.ctx.execution?.effectiveUser ?? this.ctx.session.effectiveUser),
    ) as unknown as GUser;
  }
  getScriptTimeZone(): string {
    return this.ctx.session.scriptTimeZone;
  }
  getActiveUserLocale(): string {
    return this.ctx.session.locale;
  }
}
