// MailApp: sent messages, the daily recipient quota, and failures a test injects.
import type { FakeInfo } from './boundary';
import type { FakeContext } from './context';
import { utf8Bytes } from './properties';

type GMailApp = GoogleAppsScript.Mail.MailApp;
type MailParams = GoogleAppsScript.Mail.MailAdvancedParameters;

export interface SentMail {
  to: string;
  cc: string;
  bcc: string;
  recipients: string[];
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  from: string;
  at: Date;
}

// The limits, from "Quotas for Google Services" (https://developers.google.com/apps-script/guides/services/quotas):
// email recipients per day 100 (consumer) or 1,500 (Workspace), recipients per message 50, email
// body size 200 KB a message (400 KB on Workspace). Each refusal has its own message, so code can
// tell a message it must shorten or split from a day's quota it must wait for. The "day" is not a
// calendar day: quotas "reset 24 hours after the first request" (the same page), so recipients
// mailed at 15:00 still count at 09:00 the next morning.
export const MAIL_QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';
export const MAIL_RECIPIENTS_PER_MESSAGE_MESSAGE = 'Limit Exceeded: Email Recipients Per Message.';
export const MAIL_BODY_SIZE_MESSAGE = 'Limit Exceeded: Email Body Size.';
export const MAX_RECIPIENTS_PER_MESSAGE = 50;
export const MAIL_BODY_LIMIT_BYTES = 200 * 1024;

const QUOTA_PERIOD_MS = 24 * 60 * 60 * 1000;

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+$/;

export class MailState {
  sent: SentMail[] = [];
  dailyQuota: number;
  /**
   * Per user ("Quotas are per user", the quotas page): when the first recipient of the current
   * 24-hour period was counted, and how many since.
   */
  private readonly periods = new Map<string, { start: number; used: number }>();
  private readonly failures = new Map<string, string>();

  constructor(
    private readonly ctx: FakeContext,
    quota: number,
    /** Bytes (UTF-8) of the plain and HTML bodies together; the documented limit does not say
     * how the two count, so the fake counts both, the stricter reading. */
    readonly bodyLimitBytes: number = MAIL_BODY_LIMIT_BYTES,
  ) {
    this.dailyQuota = quota;
  }

  /** Sending to this address throws (by default "Invalid email: <address>"). */
  failFor(address: string, message = `Invalid email: ${address}`): void {
    this.failures.set(address.toLowerCase(), message);
  }

  clearFailures(): void {
    this.failures.clear();
  }

  /** Whose quota a send counts against: the user the script runs as. */
  private _user(): string {
    return this.ctx.execution?.effectiveUser ?? this.ctx.session.effectiveUser;
  }

  /** The running user's period, ended 24 hours after its first counted recipient. */
  private _period(): { start: number; used: number } | null {
    const user = this._user();
    const period = this.periods.get(user);
    if (period && this.ctx.clock.now() >= period.start + QUOTA_PERIOD_MS) this.periods.delete(user);
    return this.periods.get(user) ?? null;
  }

  /** Recipients the running user has left in their 24-hour period (the whole quota when none runs). */
  remaining(): number {
    return Math.max(0, this.dailyQuota - (this._period()?.used ?? 0));
  }

  /** Uses up the running user's quota as if `n` recipients had been mailed now. */
  consume(n: number): void {
    if (n <= 0) return;
    const period = this._period();
    if (period) period.used += n;
    else this.periods.set(this._user(), { start: this.ctx.clock.now(), used: n });
  }

  to(address: string): SentMail[] {
    const a = address.toLowerCase();
    return this.sent.filter((m) => m.recipients.includes(a));
  }

  reset(): void {
    this.sent = [];
    this.periods.clear();
  }

  /** When the running user's quota is whole again; null when no period runs. */
  resetsAt(): number | null {
    const period = this._period();
    return period === null ? null : period.start + QUOTA_PERIOD_MS;
  }

  _send(m: Omit<SentMail, 'recipients' | 'from' | 'at'>): void {
    const recipients = [m.to, m.cc, m.bcc].flatMap(splitAddresses);
    if (recipients.length === 0) throw new Error('Failed to send email: no recipient');
    for (const r of recipients) {
      const failure = this.failures.get(r);
      if (failure) throw new Error(failure);
      if (!EMAIL.test(r)) throw new Error(`Invalid email: ${r}`);
    }
    if (recipients.length > MAX_RECIPIENTS_PER_MESSAGE) throw new Error(MAIL_RECIPIENTS_PER_MESSAGE_MESSAGE);
    if (utf8Bytes(m.body) + utf8Bytes(m.htmlBody ?? '') > this.bodyLimitBytes) throw new Error(MAIL_BODY_SIZE_MESSAGE);
    if (this.remaining() < recipients.length) throw new Error(MAIL_QUOTA_MESSAGE);
    this.consume(recipients.length);
    // From the account the script runs as: a trigger's creator's, "not necessarily the account that
    // opened the document" ("Installable triggers", https://developers.google.com/apps-script/guides/triggers/installable).
    this.sent.push({ ...m, recipients, from: this._user(), at: this.ctx.clock.date() });
  }
}

function splitAddresses(list: string): string[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => (/<([^>]+)>/.exec(s)?.[1] ?? s).trim().toLowerCase());
}

export class FakeMailApp implements Pick<GMailApp, 'getRemainingDailyQuota' | 'sendEmail'> {
  static readonly fakeInfo: FakeInfo = { service: 'mail', cls: 'MailApp' };
  constructor(private readonly mail: MailState) {}

  getRemainingDailyQuota(): number {
    return this.mail.remaining();
  }

  sendEmail(a: string | MailParams, b?: string, c?: string, d?: string | MailParams): void {
    if (typeof a === 'object' && a !== null) {
      this.mail._send({
        to: a.to ?? '',
        cc: a.cc ?? '',
        bcc: a.bcc ?? '',
        subject: a.subject ?? '',
        body: a.body ?? '',
        htmlBody: a.htmlBody,
        name: a.name,
        replyTo: a.replyTo,
        noReply: a.noReply,
      });
      return;
    }
    if (typeof a !== 'string' || typeof b !== 'string' || typeof c !== 'string') {
      throw new Error("The parameters don't match the method signature for MailApp.sendEmail.");
    }
    if (typeof d === 'string') {
      // sendEmail(to, replyTo, subject, body)
      this.mail._send({ to: a, cc: '', bcc: '', replyTo: b, subject: c, body: d });
      return;
    }
    const o = d ?? {};
    this.mail._send({
      to: a,
      cc: o.cc ?? '',
      bcc: o.bcc ?? '',
      subject: b,
      body: c,
      htmlBody: o.htmlBody,
      name: o.name,
      replyTo: o.replyTo,
      noReply: o.noReply,
    });
  }
}
