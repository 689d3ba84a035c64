// Each user's authorization of the script, and the failure summaries Google mails to a trigger's
// creator. "Authorization for Google Services"
// (https://developers.google.com/apps-script/guides/services/authorization): each user authorizes
// a script for themselves when it first asks, may revoke it from their Google Account, and an
// installable trigger runs as "the user who created the trigger". Where granular consent is
// shown, a user may tick some of the scopes and not others ("Authorization scopes",
// https://developers.google.com/apps-script/concepts/scopes; "Granular OAuth consent in Google
// Apps Script IDE executions",
// https://workspaceupdates.googleblog.com/2025/01/granular-oauth-consent-in-google-apps-script.html,
// which also asks again once "the user revoked access to the script from their Google Account
// settings"). Test controls only: the bundle sees them through ScriptApp.getAuthorizationInfo and
// the calls a missing scope refuses (harness.ts).
import type { ExecutionRecord } from './execution';
import type { Grant } from './options';
import { SCOPE } from './permissions';

/** A user's consent: what it starts from ('default': the manifest less `ungrantedScopes`) and what they added. */
interface Consent {
  base: 'default' | 'none' | 'all';
  added: Set<string>;
}

export class AuthorizationState {
  private readonly consents = new Map<string, Consent>();

  /**
   * `manifestScopes` reads the scopes the script asks for (full URLs; null: unchecked);
   * `ungranted` are left unticked by every user not in `grants` (FakeGasOptions).
   */
  constructor(
    private readonly manifestScopes: () => readonly string[] | null,
    private readonly ungranted: readonly string[],
    grants: Readonly<Record<string, Grant>> = {},
  ) {
    for (const [user, scopes] of Object.entries(grants)) {
      this.consents.set(user, scopes === 'all' ? allConsent() : { base: 'none', added: new Set(scopes.map(SCOPE)) });
    }
  }

  /** The manifest's scopes `user` has granted, in the manifest's order; null when scopes are not checked. */
  scopesOf(user: string): string[] | null {
    const manifest = this.manifestScopes();
    if (!manifest) return null;
    const consent = this.consents.get(user) ?? { base: 'default', added: new Set<string>() };
    return manifest.filter(
      (s) =>
        consent.base === 'all' || consent.added.has(s) || (consent.base === 'default' && !this.ungranted.includes(s)),
    );
  }

  /**
   * `user` accepts Google's consent screen: every scope ('all'), or the ones they tick, added
   * to what they granted before (the screen asks only for what is missing).
   */
  grant(user: string, scopes: Grant): void {
    if (scopes === 'all') {
      this.consents.set(user, allConsent());
      return;
    }
    const consent = this.consents.get(user) ?? { base: 'default', added: new Set<string>() };
    for (const s of scopes) consent.added.add(SCOPE(s));
    this.consents.set(user, consent);
  }

  /** `user` removes the script's access from their Google Account: nothing is granted until they authorize again. */
  revoke(user: string): void {
    this.consents.set(user, { base: 'none', added: new Set() });
  }
}

function allConsent(): Consent {
  return { base: 'all', added: new Set() };
}

/** One failed trigger execution, as Google's failure summary tells the trigger's creator. */
export interface FailureSummary {
  /** The trigger's creator: the account it ran under. */
  to: string;
  handler: string;
  at: Date;
  error: string;
}

/**
 * When a trigger's execution ends in an error, Google mails its creator a "Summary of failures
 * for Google Apps Script" (daily by default; "Authorization is required to perform that action"
 * is among the errors it lists: https://ctrlq.org/docs/20474-summary-failures-google-apps-script,
 * not a Google page). A run that catches its problem and returns is not in it. Sent by Google,
 * not by the script: no MailApp quota, no scope.
 */
export function failureSummaries(executions: readonly ExecutionRecord[]): FailureSummary[] {
  return executions
    .filter((ex) => ex.kind === 'trigger' && ex.error !== undefined)
    .map((ex) => ({
      to: ex.user,
      handler: ex.name,
      at: new Date(ex.startedAt),
      error: ex.error instanceof Error ? ex.error.message : String(ex.error),
    }));
}
