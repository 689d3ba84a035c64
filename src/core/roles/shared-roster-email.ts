/**
 * An email on two roster rows (rules §19). Any editor can type a colleague's email on their own
 * row; the row whose (name, email) pairing the owner approved keeps it, so the colleague keeps
 * their My week, their log rows under the email and their usage rows (§15), and the other rows
 * get nothing of it. When the owner approved none of them, no row keeps it; nor does the owner's
 * own address, which My week takes as approved for any name. Nothing on the Roster is changed:
 * the owner corrects it. The owner's Approve takes no email on two rows, as the roster read gives
 * those rows no email (src/core/sheets/roster.ts).
 */
import type { Roster, SharedRosterEmail } from '../base/types';
import { capitalise } from '../base/text';
import { everyName } from '../programme/peer-advocacy';
import { isApprovedPairing, type RosterEmailPair } from './roster-approval';

/** The row of `shared` whose pairing with its email the owner approved, when exactly one is. */
function keptRow(shared: SharedRosterEmail, approved: readonly RosterEmailPair[]): SharedRosterEmail['kept'] {
  // The owner's approvals alone: not the owner's own address, taken as approved for any name.
  const approvedRows = shared.rows.filter((row) => isApprovedPairing(row, approved));
  return approvedRows.length === 1 ? approvedRows[0] : null;
}

/**
 * The roster as everything that matches people by email reads it (src/gas/team-data.ts): each
 * email on two rows given back to the row that keeps it, and `sharedEmails` naming that row in
 * `kept` (null for an email no row keeps, whose rows keep no email).
 */
export function withKeptEmails(roster: Roster | null, approved: readonly RosterEmailPair[]): Roster | null {
  if (!roster) return null;
  const sharedEmails = (roster.sharedEmails ?? []).map((shared) => ({ ...shared, kept: keptRow(shared, approved) }));
  // The kept row gets its own spelling back, not another row's (which may be anyone's typing).
  const keptEmail = new Map(sharedEmails.filter((c) => c.kept).map((c) => [c.kept!.row, c.kept!.email]));
  return {
    ...roster,
    members: roster.members.map((member) =>
      keptEmail.has(member.row) ? { ...member, email: keptEmail.get(member.row)! } : member,
    ),
    sharedEmails,
  };
}

/**
 * What a run outside the document does with the row that keeps the email (`keptRow`, as the text
 * names it). The one exception to "the daily emails count them as the kept row's". A daily run that cannot
 * read the document's properties works from the owner's copy of the settings in user properties
 * (src/gas/automation-store.ts), which carries no roster approvals (src/gas/automation.ts,
 * runSettings), so there the email is no one's. The text says so rather than the copy carrying
 * the roster approvals too: that copy is kept small (one 500 KB store for every spreadsheet the
 * owner runs Uptake in, whose follow-up approvals already have a limit Check set-up warns about),
 * and the roster's approvals would need a second such limit and warning.
 */
function mirroredRun(keptRow: string): string {
  // No roster approvals there, so no row keeps the email, and the kept row is held back like the
  // others (heldBackRows in src/core/roles/approval-offer.ts): its follow-ups go to the owner.
  return (
    "A daily run that cannot read this spreadsheet's own properties (Google does not promise a trigger can) " +
    'works from your copy of the settings, which keeps no roster approvals, and counts the log rows under the ' +
    `email as no one’s; in such a run the follow-ups of ${keptRow} go to you, also when you approved a follow-up owner for it.`
  );
}

/** What the owner reads (dashboard and Check set-up) about an email on two rows, and what to do. */
export function collisionText({ email, rows, kept }: SharedRosterEmail): string {
  const rowName = ({ row, name }: { row: number; name: string }) => `row ${row} (${name})`;
  const others = rows.filter((row) => row.row !== kept?.row);
  const counted = 'the dashboard, the daily emails and the usage exports count the log and usage rows under it as';
  const who = kept
    ? `You approved it for ${rowName(kept)}: ${kept.name} keeps My week, and ${counted} ${kept.name}’s. ` +
      `${capitalise(everyName(others.map(rowName)))} ${others.length === 1 ? 'waits' : 'wait'}, with no figures in ` +
      `My week and nothing counted under the email. ${mirroredRun(rowName(kept))}`
    : `You approved it for none of them, so My week shows figures to none of them, and ${counted} no one’s.`;
  return (
    `${email} is on ${rows.length} Roster rows: ${everyName(rows.map(rowName))}. ${who} Approve cannot give an ` +
    'email to a row while it is on two rows: correct the Email cell of the wrong row, and check who changed it ' +
    '(every editor can edit the Roster).'
  );
}
