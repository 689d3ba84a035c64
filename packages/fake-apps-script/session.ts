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

/**
 * getEmail() gives "a blank string if security policies do not allow access to the user's email
 * address" ("Class User", https://developers.google.com/apps-script/reference/base/user): such a
 * user keeps their own identity in the fake (properties, locks, triggers), and Session shows ''.
 */
function shownEmail(session: { usersWithoutEmail: ReadonlySet<string> }, user: string): string {
  return session.usersWithoutEmail.has(user) ? '' : user;
}

/** Who is running and where: settable by tests, read by Session and by per-user stores. */
export class SessionState implements SessionSettings {
  activeUser: string;
  effectiveUser: string;
  scriptTimeZone: string;
  /** Whether the time zone was given by the test, so a manifest does not override it. */
  timeZoneExplicit: boolean;
  /** Users whose email Session does not give (getEmail() returns ''). */
  readonly usersWithoutEmail = new Set<string>();

  constructor(opts: { user?: string; effectiveUser?: string; timeZone?: string; usersWithoutEmail?: string[] }) {
    this.activeUser = opts.user ?? 'user@example.com';
    this.effectiveUser = opts.effectiveUser ?? this.activeUser;
    this.scriptTimeZone = opts.timeZone ?? 'Etc/UTC';
    this.timeZoneExplicit = opts.timeZone !== undefined;
    for (const user of opts.usersWithoutEmail ?? []) this.usersWithoutEmail.add(user);
  }

  setUser(email: string, effective: string = email): void {
    this.activeUser = email;
    this.effectiveUser = effective;
  }
}

export class FakeSession implements Pick<GSession, 'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone'> {
  static readonly fakeInfo: FakeInfo = { service: 'session', cls: 'Session' };
  constructor(private readonly ctx: FakeContext) {}

  /**
   * The email is blank where a script runs without the user's authorization: "a simple onOpen(e)
   * or onEdit(e) trigger, a custom function in Google Sheets" ("Class Session",
   * https://developers.google.com/apps-script/reference/base/session), and an add-on in
   * AuthMode.LIMITED ("Editor add-on authorization", permissions.ts).
   */
  private _email(email: string): string {
    const ex = this.ctx.execution;
    return ex && (ex.authMode === 'CUSTOM_FUNCTION' || ex.authMode === 'LIMITED' || ex.simpleTrigger) ? '' : email;
  }
  getActiveUser(): GUser {
    return new FakeUser(this._email(shownEmail(this.ctx.session, this.ctx.currentUser()))) as unknown as GUser;
  }
  getEffectiveUser(): GUser {
    const user = this.ctx.execution?.effectiveUser ?? this.ctx.session.effectiveUser;
    return new FakeUser(this._email(shownEmail(this.ctx.session, user))) as unknown as GUser;
  }
  getScriptTimeZone(): string {
    return this.ctx.session.scriptTimeZone;
  }
}
