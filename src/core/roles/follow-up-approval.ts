/**
 * The roster's follow-up owners get a member's named figures only when the owner approved the
 * address (rules §19): the Roster is a tab every editor edits, so an address typed there alone
 * must not draw colleagues' figures out of the team. An unapproved follow-up owner's milestones
 * go to the owner instead.
 */
import type { RosterMember } from '../base/types';

export interface UnapprovedFollowUpOwner {
  address: string;
  /** The members (roster names, in roster order) whose follow-ups it names. */
  members: string[];
}

function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * The roster with every follow-up owner the owner did not approve cleared (the owner follows
 * up), and the addresses cleared. The owner's own address is always approved.
 */
export function approvedRoster(
  members: readonly RosterMember[],
  approved: readonly string[],
  owner: string,
): { members: RosterMember[]; unapproved: UnapprovedFollowUpOwner[] } {
  const unapproved = new Map<string, string[]>();
  const kept = members.map((member) => {
    const address = member.followUpOwner;
    if (!address || (owner && sameAddress(address, owner)) || approved.some((a) => sameAddress(a, address)))
      return member;
    const key = address.trim().toLowerCase();
    unapproved.set(key, [...(unapproved.get(key) ?? []), member.name]);
    return { ...member, followUpOwner: null };
  });
  return { members: kept, unapproved: [...unapproved].map(([address, names]) => ({ address, members: names })) };
}

/** What the owner reads about an unapproved follow-up owner, and what to do. */
export function unapprovedLine(entry: UnapprovedFollowUpOwner): string {
  return (
    `The roster names ${entry.address} as follow-up owner of ${entry.members.join(', ')}, an address the owner ` +
    `has not approved: those follow-ups go to the owner instead. If ${entry.address} should have them, the ` +
    `owner clicks Approve in the dashboard's list of follow-up owners (saving Settings approves none); ` +
    `otherwise correct the Roster's Follow-up owner cell.`
  );
}
