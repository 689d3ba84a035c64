/**
 * What the sidebar says about a hand-over of Uptake to a new owner (rules §19: "the old owner's
 * trigger stops, the new owner turns it on"), worded as things stand when it is read.
 */
import { memberKey } from '../base/text';
import type { AutomationState, HandOver } from './store';

/**
 * The problem line for `handOver`, or null once there is nothing left to do: the new owner has
 * turned automation on from their own account (the line would otherwise still tell them to).
 */
export function handOverLine(handOver: HandOver | null, state: AutomationState | null): string | null {
  if (!handOver) return null;
  // The same account as roles' sameAccount compares them (src/core/roles/roles.ts).
  if (state?.on && state.turnedOnBy.trim() && memberKey(state.turnedOnBy) === memberKey(handOver.to)) return null;
  return (
    `Uptake now belongs to ${handOver.to}: the daily run under ${handOver.from} stopped when it was handed over. ` +
    `${handOver.to} turns automation on from their own Uptake sidebar.`
  );
}
