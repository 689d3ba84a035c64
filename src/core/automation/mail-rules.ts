// MailApp's limits as rules ("Quotas for Google Services",
// https://developers.google.com/apps-script/guides/services/quotas): recipients a day, recipients
// per message, body size. Its refusals all start "Limit exceeded: Email …" or say the service was
// invoked too many times: only the daily ones mean "wait for tomorrow"; the others are a fault of
// one email, which fails alone and does not stop the run.

/** MailApp's limit of recipients per message. */
export const MAX_RECIPIENTS_PER_EMAIL = 50;

/**
 * The mail quota is not a calendar day's: quotas "reset 24 hours after the first request"
 * ("Quotas for Google Services", https://developers.google.com/apps-script/guides/services/quotas),
 * so a digest sent by hand in the afternoon still counts against the next morning's run.
 */
export const QUOTA_USED_UP =
  'the email quota is used up (Google counts it over 24 hours from the first email, not by calendar day)';

export type MailRefusal = 'daily-quota' | 'body-size' | 'recipients-per-message' | 'other';

export function errorMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}

/** Which limit, if any, MailApp's error names, told apart by the rest of its message. */
export function mailRefusal(error: unknown): MailRefusal {
  const message = errorMessage(error);
  if (/too many times for one day|recipients per day/i.test(message)) return 'daily-quota';
  if (/email body size/i.test(message)) return 'body-size';
  if (/recipients per message/i.test(message)) return 'recipients-per-message';
  return 'other';
}

/** "Service invoked too many times for one day: email.", "Limit Exceeded: Email Recipients Per Day": wait for tomorrow. */
export function isQuotaError(error: unknown): boolean {
  return mailRefusal(error) === 'daily-quota';
}
