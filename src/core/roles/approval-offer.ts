/**
 * What the owner's "Roster to approve" card offers, pair by pair (rules §19), and what it holds
 * back. The Roster is a tab every editor edits, so each item says what the owner needs to judge
 * it: the follow-up owner approved before for that member ("was"), and whether the address is a
 * roster member's own email (a colleague, or the member, would receive named figures). A row
 * whose email is also on another row, or whose name is on two rows, is listed with the reason and
 * offered no approval: which row is the member is the owner's to settle on the Roster first. The
 * server derives this again from the Roster when the owner clicks Approve, and approves only what
 * it still offers (src/gas/follow-up-approval.ts, src/gas/roster-approval.ts).
 */
import type { FollowUpApproval } from '../base/settings';
import type { Roster } from '../base/types';
import { memberKey } from '../base/text';
import { everyName } from '../programme/peer-advocacy';
import { approvalKey, approvedName, approvedRoster } from './follow-up-approval';

/** What the card reads of the roster: its members, the emails and names on two rows, and skipped rows' emails. */
type OfferedRoster = Pick<Roster, 'members' | 'sharedEmails' | 'repeatedNames' | 'skippedEmails'>;

/** One (member, follow-up owner) pairing the owner has not approved, as the card lists it. */
export interface FollowUpToApprove {
  member: string;
  address: string;
  /** The address the owner approved for this member before (their follow-ups go to the owner meanwhile). */
  was?: string;
  /** The roster member whose own email `address` is (`member` itself included): they would receive named figures. */
  addressOf?: string;
  /** The roster row, skipped by the read (a repeated name, a cell too long), whose email `address` is. */
  addressOfSkippedRow?: number;
  /** An earlier version approved `address` by itself, for whichever members the roster named. */
  approvedByAddress?: true;
  /** Why the card offers no approval for it (the row's email or name is on another row); absent when offered. */
  withheld?: string;
  /** The team's text `withheld` quotes (WithheldRow.teamText), which the page isolates as all cell text. */
  withheldTeamText?: string[];
}

/** What the card adds to the reason of a pairing approved before it was held back (heldBackRows). */
const APPROVAL_HELD_BACK = 'the approval you gave before does not apply until then';

/** Why Approve offers nothing for a roster row, and the cells' text that reason quotes. */
export interface WithheldRow {
  reason: string;
  /** The email the rows share and the other rows' names, or the name on two rows: the page isolates each (<bdi>). */
  teamText: string[];
}

/**
 * What the card says of a withheld row's pairing: the row's reason, and for a pairing the owner
 * approved before the row was held back, that the approval does not apply until then.
 */
export function withheldText(held: WithheldRow, approvedBefore: boolean): string {
  return approvedBefore ? `${held.reason}; ${APPROVAL_HELD_BACK}` : held.reason;
}

/**
 * The roster rows (by row number) the owner's Approve offers nothing for, each with the reason:
 * its email is also on another row, or its name is (the later rows are skipped by the read).
 */
export function withheldRows(roster: Pick<Roster, 'sharedEmails' | 'repeatedNames'> | null): Map<number, WithheldRow> {
  const withheld = new Map<number, WithheldRow>();
  for (const { email, rows } of roster?.sharedEmails ?? [])
    for (const row of rows) {
      const others = rows.filter((other) => other.row !== row.row);
      const where = everyName(others.map((other) => `row ${other.row} (${other.name})`));
      withheld.set(row.row, {
        reason: `not offered: its email ${email} is also on ${where}; correct the Roster's Email cells first`,
        teamText: [email, ...others.map((other) => other.name)],
      });
    }
  for (const { name, rows } of roster?.repeatedNames ?? [])
    withheld.set(rows[0], {
      reason:
        `not offered: "${name}" is on rows ${everyName(rows.map(String))} (Uptake reads row ${rows[0]} only); ` +
        'give each member one row first',
      teamText: [name],
    });
  return withheld;
}

/**
 * The rows on which an approval the owner gave before is held back (src/core/roles/follow-up-approval.ts,
 * approvedRoster): the withheld rows (withheldRows), which row is the member being unsettled, but
 * for the row that keeps an email on two rows, which the owner's approved (name, email) pairing
 * settles (src/core/roles/shared-roster-email.ts), unless its name is on two rows too.
 */
export function heldBackRows(roster: Pick<Roster, 'sharedEmails' | 'repeatedNames'> | null): Map<number, WithheldRow> {
  const held = withheldRows(roster);
  const repeated = new Set((roster?.repeatedNames ?? []).map(({ rows }) => rows[0]));
  for (const { kept } of roster?.sharedEmails ?? []) if (kept && !repeated.has(kept.row)) held.delete(kept.row);
  return held;
}

/** Each roster email (memberKey) with the names of the rows it is on, shared emails included. */
function emailOwners(roster: OfferedRoster): Map<string, string[]> {
  const owners = new Map<string, string[]>();
  for (const member of roster.members) if (member.email) owners.set(memberKey(member.email), [member.name]);
  for (const shared of roster.sharedEmails ?? [])
    owners.set(
      memberKey(shared.email),
      shared.rows.map((row) => row.name),
    );
  return owners;
}

/**
 * The roster's (member, follow-up owner) pairings the owner has not approved, in roster order,
 * each with what the card says of it. The owner's own address is never listed: it is the
 * address unapproved follow-ups go to anyway. `was`: each member's follow-up owner approved
 * before their cell changed (Settings.followUpWas), which the card shows and which approves nothing.
 */
export function followUpsToApprove(
  roster: OfferedRoster | null,
  approvals: readonly FollowUpApproval[],
  owner: string,
  byAddress: readonly string[] = [],
  was: readonly FollowUpApproval[] = [],
): FollowUpToApprove[] {
  if (!roster) return [];
  const withheld = withheldRows(roster);
  // A pairing approved before its row became ambiguous is held back and listed, withheld, again.
  const { members: kept } = approvedRoster(roster.members, approvals, owner, [], heldBackRows(roster));
  const approved = new Set(approvals.map((pair) => approvalKey(pair.member, pair.address)));
  // Display only (Settings.followUpWas): an address approved before approves nothing now.
  const approvedBefore = new Map<string, string>();
  for (const pair of was) {
    const key = memberKey(approvedName(pair.member));
    if (!approvedBefore.has(key)) approvedBefore.set(key, pair.address);
  }
  const owners = emailOwners(roster);
  // A skipped row's email is still someone on the team's: flagged like a member's own.
  const skippedRows = new Map((roster.skippedEmails ?? []).map((skipped) => [skipped.email, skipped.row]));
  const oldAddresses = new Set(byAddress.map((address) => address.trim().toLowerCase()));
  return roster.members.flatMap((member, index) => {
    const address = member.followUpOwner;
    if (!address || kept[index].followUpOwner) return [];
    const item: FollowUpToApprove = { member: member.name, address };
    const was = approvedBefore.get(memberKey(approvedName(member.name)));
    if (was && approvalKey(member.name, was) !== approvalKey(member.name, address)) item.was = was;
    const names = owners.get(memberKey(address));
    if (names) item.addressOf = names.includes(member.name) ? member.name : names[0];
    const skippedRow = names ? undefined : skippedRows.get(memberKey(address));
    if (skippedRow !== undefined) item.addressOfSkippedRow = skippedRow;
    if (oldAddresses.has(address.trim().toLowerCase())) item.approvedByAddress = true;
    const held = withheld.get(member.row);
    if (held) {
      item.withheld = withheldText(held, approved.has(approvalKey(member.name, address)));
      item.withheldTeamText = held.teamText;
    }
    return [item];
  });
}
