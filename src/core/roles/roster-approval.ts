/**
 * My week finds a member by their Google account's email on the Roster, a tab every editor edits
 * (rules §19): an email typed or moved onto a colleague's row would show that colleague's week.
 * So My week shows a member's figures only when their (roster name, email) pairing is one the
 * owner approved, on the dashboard, for the roster they were shown; a row whose email changed
 * since waits for the owner again. The owner's own address is no exception: typed on a colleague's
 * row it would take that colleague out of My week, so it too waits, marked as the owner's address.
 */
import type { RosterMember } from '../base/types';
import { memberKey } from '../base/text';
import { withheldText, type WithheldRow } from './approval-offer';

/** Where the approved pairings are kept: a document property, which only the owner's calls write. */
export const ROSTER_APPROVALS_KEY = 'uptake.rosterApprovals';

/** A roster row's (name, email) pairing, as the owner approved it or as the dashboard lists it. */
export interface RosterEmailPair {
  name: string;
  email: string;
}

/** A pairing on the Roster the owner has not approved: a new row, or a row whose email changed. */
export interface RosterEmailChange extends RosterEmailPair {
  /** The email the owner approved for this name before; null for a name never approved. */
  was: string | null;
  /**
   * Another name the owner approved this email for: the email was moved off that member's row
   * (approving it here would show this row's week to that member's account, and theirs to no one).
   */
  approvedFor?: string;
  /** The email is the owner's own address (typed on a colleague's row, it takes them out of My week). */
  ownersAddress?: true;
  /** Why Approve offers nothing for this row (its name is on another row too: src/core/roles/approval-offer.ts). */
  withheld?: string;
  /** The team's text `withheld` quotes (WithheldRow.teamText), which the page isolates as all cell text. */
  withheldTeamText?: string[];
  /** The owner approved this pairing before its name came onto another row too: held back, kept stored. */
  heldBack?: true;
}

/** How the owner's own address is marked where it waits for approval (dashboard and Check set-up). */
export const OWNERS_ADDRESS = 'your own address';

const sameEmail = (a: string, b: string) => memberKey(a) === memberKey(b);

/** A pairing as one text, to look it up among many (a roster of 1,000 against 1,000 approvals). */
const pairKey = (pair: RosterEmailPair) => `${memberKey(pair.name)}\n${memberKey(pair.email)}`;

/** The approvals as pair keys, to pass to isApprovedPairing for many members at once. */
export const approvedKeys = (approved: readonly RosterEmailPair[]) => new Set(approved.map(pairKey));

/** Whether the owner approved `member`'s pairing (the owner's own address too, only for the name approved). */
export function isApprovedPairing(
  member: Pick<RosterMember, 'name' | 'email'>,
  approved: readonly RosterEmailPair[],
  keys = approvedKeys(approved),
): boolean {
  const email = member.email;
  if (!email) return false;
  return keys.has(pairKey({ name: member.name, email }));
}

/**
 * The roster's pairings the owner has not approved, in roster order (rows without an email have
 * none); `withheld` (withheldRows): the rows Approve offers nothing for, with the reason.
 * `heldBack` (heldBackRows): the rows on which an approval given before is held back, the same
 * rule as the follow-up owners' (My week shows that account no figures): such a pairing is
 * listed again, withheld, marked `heldBack`; the approval stays stored and applies again once
 * the Roster is corrected.
 */
export function unapprovedPairings(
  members: readonly RosterMember[],
  approved: readonly RosterEmailPair[],
  owner: string,
  withheld: ReadonlyMap<number, WithheldRow> = new Map(),
  heldBack: ReadonlyMap<number, WithheldRow> = new Map(),
): RosterEmailChange[] {
  const keys = approvedKeys(approved);
  const approvedEmail = new Map<string, string>();
  const approvedName = new Map<string, string>();
  for (const pair of approved) {
    if (!approvedEmail.has(memberKey(pair.name))) approvedEmail.set(memberKey(pair.name), pair.email);
    if (!approvedName.has(memberKey(pair.email))) approvedName.set(memberKey(pair.email), pair.name);
  }
  return members
    .filter((member) => member.email && (!isApprovedPairing(member, approved, keys) || heldBack.has(member.row)))
    .map((member) => {
      const approvedHere = isApprovedPairing(member, approved, keys);
      // A pairing held back is the one approved: no earlier email, nor another name, to show.
      const approvedFor = approvedHere ? undefined : approvedName.get(memberKey(member.email!));
      const was = approvedHere ? undefined : approvedEmail.get(memberKey(member.name));
      const change: RosterEmailChange = { name: member.name, email: member.email!, was: was ?? null };
      if (approvedFor) change.approvedFor = approvedFor;
      if (owner && sameEmail(member.email!, owner)) change.ownersAddress = true;
      const held = approvedHere ? heldBack.get(member.row) : withheld.get(member.row);
      if (held) {
        change.withheld = withheldText(held, approvedHere);
        change.withheldTeamText = held.teamText;
      }
      if (approvedHere) change.heldBack = true;
      return change;
    });
}

/**
 * The approvals after the owner approved `listed` (what the owner ticked on the dashboard): those
 * of them the roster still pairs alike, that wait for approval and that the card offers (not
 * `withheld`). Each approved pairing replaces any earlier one of the same name or the same email, so that an email moved back to a row approved once
 * before waits for the owner again; pairings of names no longer on the roster are dropped, which
 * keeps the stored value as small as the roster.
 */
export function withApproved(
  members: readonly RosterMember[],
  approved: readonly RosterEmailPair[],
  owner: string,
  listed: readonly RosterEmailPair[],
  withheld: ReadonlyMap<number, WithheldRow> = new Map(),
): { approvals: RosterEmailPair[]; chosen: RosterEmailChange[] } {
  const wasListed = approvedKeys(listed);
  const chosen = unapprovedPairings(members, approved, owner, withheld).filter(
    (change) => !change.withheld && wasListed.has(pairKey(change)),
  );
  const onRoster = new Set(members.map((member) => memberKey(member.name)));
  const chosenNames = new Set(chosen.map((change) => memberKey(change.name)));
  const chosenEmails = new Set(chosen.map((change) => memberKey(change.email)));
  const kept = approved.filter(
    (pair) =>
      onRoster.has(memberKey(pair.name)) &&
      !chosenNames.has(memberKey(pair.name)) &&
      !chosenEmails.has(memberKey(pair.email)),
  );
  const approvals = [...kept, ...chosen.map(({ name, email }) => ({ name, email }))];
  return { approvals, chosen };
}

/** Stored compactly as [name, email] pairs. */
export type StoredPair = [string, string];

/** The approved pairings from the stored value; none when there is none or it does not parse. */
export function parseRosterApprovals(raw: string | null | undefined): RosterEmailPair[] {
  if (!raw) return [];
  try {
    const stored: unknown = JSON.parse(raw);
    if (!Array.isArray(stored)) return [];
    return stored
      .filter((pair): pair is StoredPair => Array.isArray(pair) && pair.every((text) => typeof text === 'string'))
      .map(([name, email]) => ({ name, email }));
  } catch {
    // A value that does not parse (a hand edit) approves nobody: the owner approves again.
    return [];
  }
}

/** What the owner reads (dashboard and Check set-up) about one pairing waiting for approval. */
export function pairingText(change: RosterEmailChange): string {
  const email = change.ownersAddress ? `${change.email} (${OWNERS_ADDRESS})` : change.email;
  const text = change.was ? `${change.name}: was ${change.was}, now ${email}` : `${change.name}: ${email}`;
  const moved = change.approvedFor ? `${text} (you approved it for ${change.approvedFor})` : text;
  return change.withheld ? `${moved} (${change.withheld})` : moved;
}
