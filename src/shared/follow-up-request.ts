/**
 * The follow-up owners of the "Roster to approve" card as its *Approve* sends them (rules §19):
 * each ticked (member, follow-up owner) pairing its own entry. The server approves only the
 * pairings it still offers, derived again from the Roster (src/gas/follow-up-approval.ts).
 */
import type { FollowUpToApprove, ListedFollowUpOwner } from './api';

/** One pairing of the card, as Approve sends it when its item is ticked. */
export function followUpRequest(item: Pick<FollowUpToApprove, 'member' | 'address'>): ListedFollowUpOwner {
  return { address: item.address, members: [item.member] };
}

/** Every pairing the card offers (not withheld), as Approve sends them with each item ticked. */
export function offeredFollowUps(items: readonly FollowUpToApprove[]): ListedFollowUpOwner[] {
  return items.filter((item) => !item.withheld).map(followUpRequest);
}
