/**
 * The roster's follow-up owners get a member's named figures only when the owner approved that
 * address for that member (rules §19): the Roster is a tab every editor edits, so an address typed
 * there alone must not draw colleagues' figures out of the team, nor an address approved for one
 * member draw another's. An unapproved pairing's milestones go to the owner instead.
 */
import type { FollowUpApproval, Settings } from '../base/settings';
import type { RosterMember } from '../base/types';
import { memberKey } from '../base/text';

export type { FollowUpApproval } from '../base/settings';

export interface UnapprovedFollowUpOwner {
  address: string;
  /** The members (roster names, in roster order) whose follow-ups it names without approval. */
  members: string[];
  /**
   * An earlier version approved this address by itself, for whichever members the roster named;
   * it is listed again once so that the owner approves it for these members.
   */
  approvedByAddress?: boolean;
  /**
   * Members of `members` the owner approved this address for, whose approval is held back while
   * their row is ambiguous (its email or name on another row: src/core/roles/approval-offer.ts).
   */
  heldBack?: string[];
}

function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Most characters of a member's name an approval keeps: a name of 50,000 characters must not fill
 * the stored value; two names alike for their first 200 characters are one person in practice.
 */
export const APPROVED_NAME_CHARS = 200;

/** The name as an approval keeps it. */
export function approvedName(name: string): string {
  return name.slice(0, APPROVED_NAME_CHARS);
}

/** A (member, follow-up owner) pairing as one text, to look it up among a team's. */
export function approvalKey(member: string, address: string): string {
  return `${memberKey(approvedName(member))}\n${address.trim().toLowerCase()}`;
}

/** A member's name as approvals compare it (whatever the address). */
const memberKeyOf = (name: string) => approvalKey(name, '');

/** The approvals as Settings keeps them: the approved pairings, and each member's earlier one, for display. */
export type KeptApprovals = Pick<Settings, 'followUpApprovals' | 'followUpWas'>;

/**
 * The approvals as the roster now stands. An approval holds only while the roster names that
 * pairing: once the owner's code reads a roster whose Follow-up owner cell for the member is
 * emptied or changed, or without the member, the approval is gone, so that any editor typing the
 * old address back gets it listed for the owner again instead of approved. The address dropped is
 * kept as the member's `followUpWas` (display only: the card's "was …") while the member is on the
 * roster and has no approved pairing. `changed`: whether anything differs from `kept`, so that
 * callers write only then. Called with the roster the owner's dashboard, Approve and the daily run
 * read (never with a roster that could not be read: it would drop every approval).
 */
export function approvalsInStep(
  members: readonly RosterMember[],
  kept: KeptApprovals,
): KeptApprovals & { changed: boolean } {
  // A name on two rows is read from its first row only (src/core/sheets/roster.ts): that row counts.
  const named = new Map<string, string>();
  for (const member of members) {
    const key = memberKeyOf(member.name);
    if (!named.has(key)) named.set(key, approvalKey(member.name, member.followUpOwner ?? ''));
  }
  const followUpApprovals: FollowUpApproval[] = [];
  const dropped: FollowUpApproval[] = [];
  const seen = new Set<string>();
  for (const pair of kept.followUpApprovals) {
    const key = approvalKey(pair.member, pair.address);
    if (seen.has(key)) continue;
    seen.add(key);
    (named.get(memberKeyOf(pair.member)) === key ? followUpApprovals : dropped).push(pair);
  }
  const approvedMembers = new Set(followUpApprovals.map((pair) => memberKeyOf(pair.member)));
  const was = new Map<string, FollowUpApproval>();
  for (const pair of [...kept.followUpWas, ...dropped]) {
    const key = memberKeyOf(pair.member);
    if (named.has(key) && !approvedMembers.has(key)) was.set(key, pair);
  }
  const followUpWas = [...was.values()];
  const changed =
    followUpApprovals.length !== kept.followUpApprovals.length ||
    followUpWas.length !== kept.followUpWas.length ||
    followUpWas.some((pair, index) => pair !== kept.followUpWas[index]);
  return { followUpApprovals, followUpWas, changed };
}

/**
 * The roster with every follow-up owner the owner did not approve for that member cleared (the
 * owner follows up), and the pairings cleared, by address. The owner's own address is always
 * approved. Every stored pairing counts: approvalsInStep keeps only those the roster names.
 * `byAddress`: the addresses an earlier version approved by themselves (they approve nothing
 * now; they are only marked). `withheld` (heldBackRows in src/core/roles/approval-offer.ts, by
 * row number): rows whose email or name is on another row, for which the card offers no approval;
 * an approval given before they became so is held back too, the same rule, until the Roster is
 * corrected (the approval is kept, not dropped).
 */
export function approvedRoster(
  members: readonly RosterMember[],
  approvals: readonly FollowUpApproval[],
  owner: string,
  byAddress: readonly string[] = [],
  withheld: ReadonlyMap<number, unknown> = new Map(),
): { members: RosterMember[]; unapproved: UnapprovedFollowUpOwner[] } {
  const approved = new Set(approvals.map((pair) => approvalKey(pair.member, pair.address)));
  const isApproved = (member: string, address: string) => approved.has(approvalKey(member, address));
  const unapproved = new Map<string, UnapprovedFollowUpOwner>();
  const kept = members.map((member) => {
    const address = member.followUpOwner;
    if (!address || (owner && sameAddress(address, owner))) return member;
    const approvedHere = isApproved(member.name, address);
    if (approvedHere && !withheld.has(member.row)) return member;
    const key = address.trim().toLowerCase();
    const entry = unapproved.get(key) ?? { address: key, members: [] };
    entry.members.push(member.name);
    if (approvedHere) entry.heldBack = [...(entry.heldBack ?? []), member.name];
    if (byAddress.some((old) => sameAddress(old, address))) entry.approvedByAddress = true;
    unapproved.set(key, entry);
    return { ...member, followUpOwner: null };
  });
  return { members: kept, unapproved: [...unapproved.values()] };
}

/**
 * What the owner reads about an unapproved follow-up owner, and what to do. `offered`: whether the
 * dashboard offers Approve for any of its members (not when every row is withheld, its email or
 * name on another row); `flag`: what the card flags about the address (whose own address it is).
 */
export function unapprovedLine(entry: UnapprovedFollowUpOwner, { offered = true, flag = '' } = {}): string {
  const earlier = entry.approvedByAddress
    ? ` An earlier version of Uptake approved ${entry.address} by address alone, for whichever members the roster ` +
      'named; Uptake now approves an address for each member, so it asks once more.'
    : '';
  const todo = offered
    ? `If ${entry.address} should have them, the owner clicks Approve in the dashboard's list of follow-up owners ` +
      `(saving Settings approves none); otherwise correct the Roster's Follow-up owner cell.`
    : `Approve is not offered for ${entry.members.length === 1 ? 'this row' : 'these rows'} until the Roster is ` +
      `corrected (as said below); otherwise correct the Roster's Follow-up owner cell.`;
  const heldBack = entry.heldBack?.length
    ? ` The owner approved it for ${entry.heldBack.join(', ')} before another Roster row took the same email or ` +
      'name: that approval does not apply while the rows are ambiguous, and applies again once the Roster is corrected.'
    : '';
  const which =
    entry.heldBack?.length === entry.members.length
      ? 'whose approval is held back'
      : 'which the owner has not approved';
  return (
    `The roster names ${entry.address} as follow-up owner of ${entry.members.join(', ')}, ${which}: ` +
    `those follow-ups go to the owner instead.${heldBack}${earlier}${flag} ${todo}`
  );
}
