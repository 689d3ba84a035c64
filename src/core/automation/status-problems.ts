/**
 * Two problems the sidebar's automation status states in its own words (the others are the run's
 * own reports, kept in properties): a trigger left at an hour Settings no longer ask for, and a
 * status that could not be read.
 */
import { errorMessage } from './mail-rules';
import type { AutomationState } from './store';

/**
 * When the daily run is on at another hour than the digest hour Settings now ask for (the trigger
 * keeps the hour it was made at): what to do to move it; null when nothing is to be moved.
 */
export function scheduleMovedProblem(state: AutomationState | null, digestHour: number): string | null {
  if (!state?.on || state.hour === digestHour) return null;
  return `The daily run is still set for ${state.hour}:00; turn automation off and on again to move it to ${digestHour}:00.`;
}

/** When reading the status failed with `error`: said among its problems, in the error's own words. */
export function statusUnreadProblem(error: unknown): string {
  return `Uptake could not read the automation status: ${errorMessage(error)}`;
}
