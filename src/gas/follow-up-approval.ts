/**
 * The owner's approval of the roster's follow-up owners (rules §19): given only by the dashboard's
 * Approve (src/gas/roster-approval.ts), for the pairings the owner ticked among those the card
 * offers (a save of Settings approves none), and checked by Check set-up (src/core/setup-check/approvals.ts).
 */
import type { Settings } from '../core/base/settings';
import type { Roster, RosterMember } from '../core/base/types';
import { followUpsToApprove } from '../core/roles/approval-offer';
import {
  approvalKey,
  approvedName,
  approvedRoster,
  type FollowUpApproval,
  type UnapprovedFollowUpOwner,
} from '../core/roles/follow-up-approval';
import type { ListedFollowUpOwner } from '../shared/api';
import { findRosterSheet, readRoster, SetupError } from './team-data';
import { Workbook } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The roster as Check set-up reads it: null when it cannot be read (its own line says why). */
export function rosterOrNull(spreadsheet: Spreadsheet | Workbook, settings: Settings): Roster | null {
  const book = spreadsheet instanceof Workbook ? spreadsheet : new Workbook(spreadsheet);
  try {
    // A roster of 30 rows or fewer is read once through its head rows (see Workbook.headRows).
    const sheet = findRosterSheet(book, settings);
    if (sheet) book.headRows(sheet);
    return readRoster(book, settings, book.dateOptions()) ?? { members: [], skipped: [], notices: [] };
  } catch (error) {
    // A roster that cannot be read approves nothing new; its own Check set-up line says why.
    if (error instanceof SetupError) return null;
    throw error;
  }
}

/** The roster's follow-up owners the owner has not approved for their members, as the dashboard lists them. */
export function unapprovedFollowUpOwners(
  members: readonly RosterMember[],
  settings: Settings,
): UnapprovedFollowUpOwner[] {
  return approvedRoster(members, settings.followUpApprovals, settings.ownerEmail, settings.approvedFollowUpOwners)
    .unapproved;
}

/** Most pairings one approval takes: a roster's follow-up owners are one per member, at most a few thousand. */
const MOST_PAIRINGS = 5000;

/**
 * The (member, follow-up owner) pairings of `listed` (what the owner ticked on the dashboard) that
 * the card offers now, derived again from `roster`: the roster names that address for that member,
 * the owner has not approved it, and the row is not withheld (its email or name on another row).
 * A pairing changed on the Roster after the page was drawn, or crafted, is not among them.
 */
export function followUpOwnersToApprove(
  roster: Roster,
  settings: Settings,
  listed: readonly ListedFollowUpOwner[],
): FollowUpApproval[] {
  // Bounded as it is built: a crafted call's lists are cut, not walked whole.
  const ticked = new Set<string>();
  for (const entry of listed)
    for (const name of entry.members) {
      if (ticked.size >= MOST_PAIRINGS) break;
      ticked.add(approvalKey(name, entry.address));
    }
  return followUpsToApprove(roster, settings.followUpApprovals, settings.ownerEmail)
    .filter((item) => !item.withheld && ticked.has(approvalKey(item.member, item.address)))
    .map((item) => ({ member: approvedName(item.member), address: item.address }));
}

/**
 * The approvals after approving `chosen`: each chosen pairing replaces its member's earlier one;
 * an earlier one is kept while the roster still pairs it, or while its member's new follow-up
 * owner waits for the owner (the card then says "was …", and the old address gets nothing
 * meanwhile: follow-ups go to the address the roster names, once approved). A member taken off
 * the Roster, or whose follow-up owner cell was emptied, loses theirs: typed back, it waits again.
 */
export function followUpApprovalsWith(
  members: readonly RosterMember[],
  approvals: readonly FollowUpApproval[],
  chosen: readonly FollowUpApproval[],
  owner: string,
): FollowUpApproval[] {
  const paired = new Set(members.map((member) => approvalKey(member.name, member.followUpOwner ?? '')));
  const waiting = new Set(
    approvedRoster(members, approvals, owner).unapproved.flatMap((entry) => entry.members.map(memberKeyOf)),
  );
  const replaced = new Set(chosen.map((pair) => memberKeyOf(pair.member)));
  const kept = (pair: FollowUpApproval) =>
    !replaced.has(memberKeyOf(pair.member)) &&
    (paired.has(approvalKey(pair.member, pair.address)) || waiting.has(memberKeyOf(pair.member)));
  return [...approvals.filter(kept), ...chosen];
}

const memberKeyOf = (name: string) => approvalKey(name, '');

/** What approving `chosen` did, in words: each address with the members approved for it. */
export function followUpOwnersApproved(chosen: readonly FollowUpApproval[]): string {
  const byAddress = new Map<string, string[]>();
  for (const { member, address } of chosen) byAddress.set(address, [...(byAddress.get(address) ?? []), member]);
  const approved = [...byAddress].map(([address, members]) => `${address} (follow-ups of ${members.join(', ')})`);
  return `Approved ${approved.join('; ')}: their follow-up emails go to them from the next daily run.`;
}
