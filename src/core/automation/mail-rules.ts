/** MailApp's limits as rules: how many recipients an email may have, and which error means "wait for tomorrow". */

/**
 * MailApp's limit of recipients per message ("Quotas for Google Services",
 * https://developers.google.com/apps-script/guides/services/quotas).
 */
export const MAX_RECIPIENTS_PER_EMAIL = 50;

export function errorMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}

/** MailApp's "Service invoked too many times for one day: email." and its kin: wait for tomorrow. */
export function isQuotaError(error: unknown): boolean {
  return /too many times|quota|limit exceeded: email/i.test(errorMessage(error));
}
