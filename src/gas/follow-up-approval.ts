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
  approvalsInStep,
  approvedName,
  type FollowUpApproval,
  type KeptApprovals,
} from '../core/roles/follow-up-approval';
import type { ListedFollowUpOwner } from '../shared/api';
import { refreshMirroredApprovals, writeMirroredApprovals } from './automation-store';
import { storeSettings } from './settings-store';
import { findRosterSheet, readRoster, SetupError, type RosterApprovals } from './team-data';
import { Workbook } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The roster as Check set-up and Approve read it (readRoster, with the owner's `approved`
 * pairings): null when it cannot be read (its own line says why).
 */
export function rosterOrNull(
  spreadsheet: Spreadsheet | Workbook,
  settings: Settings,
  approved: RosterApprovals,
): Roster | null {
  const book = spreadsheet instanceof Workbook ? spreadsheet : new Workbook(spreadsheet);
  try {
    // A roster of 30 rows or fewer is read once through its head rows (see Workbook.headRows).
    const sheet = findRosterSheet(book, settings);
    if (sheet) book.headRows(sheet);
    return readRoster(book, settings, book.dateOptions(), approved) ?? { members: [], skipped: [], notices: [] };
  } catch (error) {
    // A roster that cannot be read approves nothing new; its own Check set-up line says why.
    if (error instanceof SetupError) return null;
    throw error;
  }
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
 * The approvals after approving `chosen` (pairings the roster names now): each replaces its
 * member's earlier one, which approvalsInStep keeps for display only while the member waits. An
 * approval is never kept for a pairing the roster no longer names: the earlier address typed
 * back waits for the owner again.
 */
export function followUpApprovalsWith(
  members: readonly RosterMember[],
  kept: KeptApprovals,
  chosen: readonly FollowUpApproval[],
): KeptApprovals {
  const { followUpApprovals, followUpWas } = approvalsInStep(members, {
    followUpApprovals: [...kept.followUpApprovals, ...chosen],
    followUpWas: kept.followUpWas,
  });
  return { followUpApprovals, followUpWas };
}

/**
 * Stores changed follow-up approvals (storeSettings) and, in the same call, the running user's
 * mirror of them (refreshMirroredApprovals): a daily run outside the document reads them there
 * alone, and a mirror left as it was would still send a member's figures to an address the
 * owner's code dropped, or none to one the owner approved. `userValues`: the user's properties
 * when the caller has read them all. Returns what was stored.
 */
export function storeApprovals(
  spreadsheet: Spreadsheet,
  changes: KeptApprovals & Partial<Settings>,
  userValues?: Record<string, string>,
): Settings {
  const stored = storeSettings(spreadsheet, changes);
  refreshMirroredApprovals(spreadsheet.getId(), stored.followUpApprovals, userValues);
  return stored;
}

/**
 * Drops, and writes, the approvals of pairings the roster no longer names (approvalsInStep), when
 * the owner's code reads the roster with the approvals at hand: the dashboard and the daily run.
 * Writes only when something changed (storeApprovals); `mirrored`: a run outside the document
 * keeps the owner's approvals in their own mirror alone (src/gas/automation-store.ts);
 * `userValues`: the running user's properties when read already. Returns the settings in step.
 */
export function keepApprovalsInStep(
  spreadsheet: Spreadsheet,
  settings: Settings,
  roster: Roster | null,
  { mirrored = false, userValues }: { mirrored?: boolean; userValues?: Record<string, string> } = {},
): Settings {
  // A roster that could not be read says nothing of who is paired with whom: nothing is dropped.
  if (!roster) return settings;
  const inStep = approvalsInStep(roster.members, settings);
  if (!inStep.changed) return settings;
  const changes = { followUpApprovals: inStep.followUpApprovals, followUpWas: inStep.followUpWas };
  if (!mirrored) return storeApprovals(spreadsheet, changes, userValues);
  writeMirroredApprovals(spreadsheet.getId(), changes.followUpApprovals);
  return { ...settings, ...changes };
}

/** What approving `chosen` did, in words: each address with the members approved for it. */
export function followUpOwnersApproved(chosen: readonly FollowUpApproval[]): string {
  const byAddress = new Map<string, string[]>();
  for (const { member, address } of chosen) byAddress.set(address, [...(byAddress.get(address) ?? []), member]);
  const approved = [...byAddress].map(([address, members]) => `${address} (follow-ups of ${members.join(', ')})`);
  return `Approved ${approved.join('; ')}: their follow-up emails go to them from the next daily run.`;
}
