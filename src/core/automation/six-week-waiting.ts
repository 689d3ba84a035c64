/**
 * Whether a member's six-week email (spec §8, day 42) is still to go, for the sidebar's timeline.
 * The sidebar does not read the "Uptake sent" sheet (it grows for years, and the dashboard's
 * calls must not), so each daily run leaves, in the store the dashboard already reads at once,
 * the members whose day-42 email it could not settle. A member past day 42 is then "waiting"
 * when no run has gone since their day 42, or the last run left them waiting: the next run sends
 * the email, late, and the timeline must not read as if it had gone.
 */
import { dayToIso, isoToDay, type Day } from '../base/dates';
import type { MemberDue } from '../programme/reminders';
import { STALE_AFTER_DAYS } from '../programme/reminders';
import { SIX_WEEK_DAY } from '../audit/six-week';
import { KEYS, readJson, storedBytes, writeJson, type Store } from './store';

export interface SixWeekWaiting {
  /** The day of the run that wrote it (YYYY-MM-DD). */
  day: string;
  /** Members whose day-42 email was outstanding after that run; null when too many to store. */
  members: string[] | null;
}

/** After a run's emails: the members whose day-42 milestone is still outstanding. */
export function writeSixWeekWaiting(store: Store, today: Day, outstanding: readonly MemberDue[]): void {
  const members = outstanding
    .filter((due) => due.outstanding.some((o) => o.milestone.day === SIX_WEEK_DAY))
    .map((due) => due.member.name);
  const value: SixWeekWaiting = { day: dayToIso(today), members };
  writeJson(store, KEYS.sixWeekWaiting, storedBytes(value) <= store.valueBytes ? value : { ...value, members: null });
}

export function readSixWeekWaiting(store: Store): SixWeekWaiting | null {
  return readJson<SixWeekWaiting | null>(store, KEYS.sixWeekWaiting, null);
}

/**
 * Whether this member's day-42 email is still to go (the next daily run sends it: with
 * automation off, the first run once it is on): day 42 reached, not so long ago that it is out of
 * date, and no run since it fell due, or the last run left it.
 */
export function sixWeekEmailWaiting(
  stored: SixWeekWaiting | null,
  member: { name: string; trainingDay: Day },
  today: Day,
): boolean {
  const due = member.trainingDay + SIX_WEEK_DAY;
  if (due > today || today - due > STALE_AFTER_DAYS) return false;
  const lastRun = stored ? isoToDay(stored.day) : null;
  if (lastRun === null || lastRun < due || stored!.members === null) return true;
  return stored!.members.includes(member.name);
}
