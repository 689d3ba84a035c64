/**
 * An email on two roster rows (rules §19). Any editor can type a colleague's email on their own
 * row; the row whose (name, email) pairing the owner approved keeps it, so the colleague keeps
 * their My week, and the other rows wait. When the owner approved none of them, no row keeps it;
 * nor does the owner's own address, which My week takes as approved for any name. Nothing on the
 * Roster is changed: the owner corrects it. The owner's Approve takes no email on two rows, as the
 * roster read gives those rows no email (src/core/sheets/roster.ts).
 */
import type { Roster, SharedRosterEmail } from '../base/types';
import { everyName } from '../programme/peer-advocacy';
import { isApprovedPairing, type RosterEmailPair } from './roster-approval';

/** An email on two rows, and the row that keeps it (null: none does). */
export interface RosterEmailCollision extends SharedRosterEmail {
  kept: { row: number; name: string } | null;
}

/** Each email on two rows of `roster`, with the row that keeps it. */
export function rosterEmailCollisions(
  roster: Pick<Roster, 'sharedEmails'> | null,
  approved: readonly RosterEmailPair[],
): RosterEmailCollision[] {
  return (roster?.sharedEmails ?? []).map((shared) => {
    // The owner's approvals alone: not the owner's own address, taken as approved for any name.
    const approvedRows = shared.rows.filter((row) => isApprovedPairing({ ...row, email: shared.email }, approved));
    return { ...shared, kept: approvedRows.length === 1 ? approvedRows[0] : null };
  });
}

/**
 * The roster with each email on two rows given back to the row that keeps it; `sharedEmails`
 * keeps the others. What My week and Log a run read.
 */
export function withKeptEmails(roster: Roster | null, approved: readonly RosterEmailPair[]): Roster | null {
  const collisions = rosterEmailCollisions(roster, approved);
  if (!roster || !collisions.some((collision) => collision.kept)) return roster;
  const keptEmail = new Map(collisions.filter((c) => c.kept).map((c) => [c.kept!.row, c.email]));
  return {
    ...roster,
    members: roster.members.map((member) =>
      keptEmail.has(member.row) ? { ...member, email: keptEmail.get(member.row)! } : member,
    ),
    sharedEmails: collisions.filter((collision) => !collision.kept).map(({ email, rows }) => ({ email, rows })),
  };
}

/** What the owner reads (dashboard and Check set-up) about an email on two rows, and what to do. */
export function collisionText({ email, rows, kept }: RosterEmailCollision): string {
  const rowName = ({ row, name }: { row: number; name: string }) => `row ${row} (${name})`;
  const others = rows.filter((row) => row.row !== kept?.row);
  const who = kept
    ? `You approved it for ${rowName(kept)}, whose My week is unchanged; ${everyName(others.map(rowName))} ` +
      `${others.length === 1 ? 'waits' : 'wait'}, with no figures in My week.`
    : 'You approved it for none of them, so My week shows figures to none of them.';
  return (
    `${email} is on ${rows.length} Roster rows: ${everyName(rows.map(rowName))}. ${who} Approve cannot give an ` +
    'email to a row while it is on two rows, and the dashboard counts log rows under it as no one’s: correct ' +
    'the Email cell of the wrong row, and check who changed it (every editor can edit the Roster).'
  );
}
