/** MailApp, in one place: how Uptake sends, and how it tells a quota stop from a failure. */
import type { EmailContent } from '../core/mail/email';

export const SENDER_NAME = 'Uptake';
/** MailApp's limit of recipients per message. */
export const MAX_RECIPIENTS_PER_EMAIL = 50;

export function sendEmail(recipients: string[], content: EmailContent): void {
  MailApp.sendEmail({
    to: recipients.join(','),
    subject: content.subject,
    body: content.text,
    htmlBody: content.html,
    name: SENDER_NAME,
  });
}

/** Recipients MailApp will still take today; null when it cannot say (no mail scope yet, say). */
export function remainingQuota(): number | null {
  try {
    return MailApp.getRemainingDailyQuota();
  } catch {
    return null;
  }
}

/** MailApp's "Service invoked too many times for one day: email." and its kin: wait for tomorrow. */
export function isQuotaError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /too many times|quota|limit exceeded: email/i.test(message);
}

export function errorMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}
