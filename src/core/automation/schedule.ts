/**
 * When the daily run works and for whom: its time budget, which weekly digest is due, and who
 * gets which version of it in which email.
 */
import { weekday, type Day } from '../base/dates';
import type { Settings } from '../base/settings';
import { MAX_RECIPIENTS_PER_EMAIL } from './mail-rules';

/**
 * Stop starting emails after this long: Apps Script kills a run at 6 minutes ("Quotas for
 * Google Services", https://developers.google.com/apps-script/guides/services/quotas), and a
 * kill must not fall between an email and its record.
 */
export const TIME_BUDGET_MS = 270_000;

export function withinTimeBudget(startedAt: number, now: number): boolean {
  return now - startedAt <= TIME_BUDGET_MS;
}

/** The most recent digest weekday on or before `today`. */
export function latestDigestDay(today: Day, digestWeekday: number): Day {
  return today - ((weekday(today) - digestWeekday + 7) % 7);
}

/**
 * Whether the daily run on `today` owes the digest of `digestDay`. The digest of a day before
 * automation was turned on (`since`) is not caught up; nor is the one of that very day, unless
 * this run is on it (automation turned on before the digest hour).
 */
export function scheduledDigestDue(today: Day, digestDay: Day, since: Day | null): boolean {
  return since === null || digestDay > since || digestDay === today;
}

/** Who gets which version: the owner the named one; extra recipients the aggregate one unless the owner chose named. */
export function digestAudiences(
  settings: Pick<Settings, 'recipients' | 'namedForRecipients'>,
  owner: string,
): { named: string[]; aggregate: string[] } {
  const ownerKey = owner.toLowerCase();
  const others = settings.recipients.map((r) => r.toLowerCase()).filter((r) => r !== ownerKey);
  return settings.namedForRecipients
    ? { named: [ownerKey, ...others], aggregate: [] }
    : { named: [ownerKey], aggregate: others };
}

export interface DigestBatch {
  recipients: string[];
  version: 'named' | 'aggregate';
  /** The owner's own copy: the only one that lists the problems Uptake ran into. */
  forOwner: boolean;
}

/**
 * The digest emails to send: the owner alone first (their copy lists the problems), then the
 * other recipients of each version in emails of at most MAX_RECIPIENTS_PER_EMAIL. `owed` are
 * the recipients still owed this digest (lower case).
 */
export function digestBatches(owner: string, owed: { named: string[]; aggregate: string[] }): DigestBatch[] {
  const ownerKey = owner.toLowerCase();
  const batches: DigestBatch[] = [];
  if (owed.named.includes(ownerKey)) batches.push({ recipients: [ownerKey], version: 'named', forOwner: true });
  const others = owed.named.filter((r) => r !== ownerKey);
  for (const recipients of chunk(others, MAX_RECIPIENTS_PER_EMAIL))
    batches.push({ recipients, version: 'named', forOwner: false });
  for (const recipients of chunk(owed.aggregate, MAX_RECIPIENTS_PER_EMAIL))
    batches.push({ recipients, version: 'aggregate', forOwner: false });
  return batches;
}

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
