/** MailApp, in one place: how Uptake sends and how it asks for the quota left. */
import type { EmailContent } from '../core/mail/email';
import type { Mailer } from '../core/automation/ports';

export const SENDER_NAME = 'Uptake';

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

export const mailApp: Mailer = { send: sendEmail, remaining: remainingQuota };
