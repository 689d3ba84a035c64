/**
 * The owner's approval of the roster's follow-up owners (rules §19): given only by the dashboard's
 * Approve (src/gas/roster-approval.ts), for the list the owner was shown (a save of Settings
 * approves none), and checked by Check set-up.
 */
import type { Settings } from '../core/base/settings';
import type { Roster, RosterMember } from '../core/base/types';
import {
  approvalKey,
  approvedName,
  approvedRoster,
  unapprovedLine,
  type FollowUpApproval,
  type UnapprovedFollowUpOwner,
} from '../core/roles/follow-up-approval';
import type { ListedFollowUpOwner } from '../shared/api';
import type { CheckLine } from '../core/setup-check/checks';
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

/** Check set-up's line for each follow-up owner `roster` (as rosterOrNull read it) names and the owner has not approved. */
export function followUpOwnerLines(roster: Roster | null, settings: Settings): CheckLine[] {
  return unapprovedFollowUpOwners(roster?.members ?? [], settings).map((entry) => ({
    id: 'follow-up-owner-not-approved',
    label: 'Follow-up owner not approved',
    status: 'warn',
    detail: unapprovedLine(entry),
  }));
}

/** The roster's follow-up owners the owner has not approved for their members, as the dashboard lists them. */
export function unapprovedFollowUpOwners(
  members: readonly RosterMember[],
  settings: Settings,
): UnapprovedFollowUpOwner[] {
  return approvedRoster(members, settings.followUpApprovals, settings.ownerEmail, settings.approvedFollowUpOwners)
    .unapproved;
}

/** Most addresses one approval takes: a roster's follow-up owners are a few managers, not hundreds. */
const MOST_ADDRESSES = 200;

/**
 * Those of `listed` (what the dashboard listed) that the roster names now as follow-up owners of
 * the members they were listed with, and the owner has not approved: an address typed into the
 * Roster after the page was drawn, or for another member, is not among them, since the owner
 * approves what they saw.
 */
export function followUpOwnersToApprove(
  members: readonly RosterMember[],
  settings: Settings,
  listed: readonly ListedFollowUpOwner[],
): UnapprovedFollowUpOwner[] {
  const shown = new Set(
    listed.slice(0, MOST_ADDRESSES).flatMap((entry) => entry.members.map((name) => approvalKey(name, entry.address))),
  );
  const wasShown = (address: string, member: string) => shown.has(approvalKey(member, address));
  return unapprovedFollowUpOwners(members, settings)
    .map((entry) => ({
      address: entry.address,
      members: entry.members.filter((name) => wasShown(entry.address, name)),
    }))
    .filter((entry) => entry.members.length > 0);
}

/**
 * The approvals after approving `chosen`: the earlier ones the roster still pairs (a pairing
 * taken off the Roster and typed back waits for the owner again) and the chosen ones.
 */
export function followUpApprovalsWith(
  members: readonly RosterMember[],
  approvals: readonly FollowUpApproval[],
  chosen: readonly UnapprovedFollowUpOwner[],
): FollowUpApproval[] {
  const paired = new Set(members.map((member) => approvalKey(member.name, member.followUpOwner ?? '')));
  const onRoster = (pair: FollowUpApproval) => paired.has(approvalKey(pair.member, pair.address));
  const added = chosen.flatMap((entry) =>
    entry.members.map((member) => ({ member: approvedName(member), address: entry.address })),
  );
  return [...approvals.filter(onRoster), ...added];
}

/** What approving `chosen` did, in words. */
export function followUpOwnersApproved(chosen: readonly UnapprovedFollowUpOwner[]): string {
  return `Approved ${chosen.map((entry) => `${entry.address} (follow-ups of ${entry.members.join(', ')})`).join('; ')}: their follow-up emails go to them from the next daily run.`;
}
