// The owner's "Roster to approve" card through the built bundle (rules §19): its follow-up
// pairings, one item each, as its Approve sends them.
import type { UptakeBundle } from '../../local/uptake-bundle';
import type { DashboardData, ListedFollowUpOwner } from '../../src/shared/api';
import { offeredFollowUps } from '../../src/shared/follow-up-request';

export { offeredFollowUps };

/** The follow-up pairings `user`'s dashboard card offers (not withheld), as Approve sends them all ticked. */
export function listedFollowUps(bundle: Pick<UptakeBundle, '$run'>, user?: string): ListedFollowUpOwner[] {
  const data: DashboardData = bundle.$run('getDashboard', [null], user ? { user } : undefined);
  return offeredFollowUps(data.followUpsToApprove);
}

/** Approve of the card with `followUpOwners` ticked (no roster email), run as `user`; what it said. */
export function approveFollowUps(bundle: Pick<UptakeBundle, '$run'>, followUpOwners: unknown, user?: string): string {
  return bundle.$run('approveRoster', [{ followUpOwners, rosterEmails: [] }], user ? { user } : undefined);
}

/**
 * `user` (the owner when absent) opens the dashboard, ticks every follow-up pairing its card offers
 * and clicks Approve; returns what Approve said.
 */
export function approveOfferedFollowUps(bundle: Pick<UptakeBundle, '$run'>, user?: string): string {
  return approveFollowUps(bundle, listedFollowUps(bundle, user), user);
}
