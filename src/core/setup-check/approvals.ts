/**
 * Check set-up's lines about the owner's approval of the Roster (rules §19): follow-up owners not
 * approved, an email on two rows, roster emails waiting, and approvals a run outside the document
 * cannot read. None when there is nothing to say.
 */
import { wordList } from '../base/text';
import { followUpsToApprove, heldBackRows, withheldRows } from '../roles/approval-offer';
import { approvedRoster, unapprovedLine } from '../roles/follow-up-approval';
import { pairingText, unapprovedPairings } from '../roles/roster-approval';
import { collisionText } from '../roles/shared-roster-email';
import type { CheckLine, SetupFacts } from './facts';

/**
 * One line for each follow-up owner the roster names and the owner has not approved for those
 * members, with why Approve is not offered for a member whose row's email or name is on another row.
 */
export function followUpOwnerLines({
  rosterRead,
  approvals,
  owner,
}: Pick<SetupFacts, 'rosterRead' | 'approvals' | 'owner'>): CheckLine[] {
  const items = followUpsToApprove(rosterRead, approvals.followUpOwners, owner.setting);
  const { unapproved } = approvedRoster(
    rosterRead?.members ?? [],
    approvals.followUpOwners,
    owner.setting,
    approvals.followUpOwnersByAddress,
    heldBackRows(rosterRead),
  );
  const reasons = withheldRows(rosterRead);
  const rowOf = new Map((rosterRead?.members ?? []).map((member) => [member.name, member.row]));
  const reasonOf = (member: string) => reasons.get(rowOf.get(member) ?? -1)?.reason;
  return unapproved.map((entry) => {
    const listed = items.filter((item) => item.address.trim().toLowerCase() === entry.address);
    const withheld = listed.filter((item) => item.withheld);
    // A held-back member's line says already that the earlier approval waits: the reason alone, not the card's suffix.
    const notOffered = withheld.map(
      (item) =>
        ` For ${item.member}, Approve is ${(entry.heldBack?.includes(item.member) && reasonOf(item.member)) || item.withheld}.`,
    );
    // The card's flag, said here too: whose own address it is.
    const flagged = listed.find((item) => item.addressOf || item.addressOfSkippedRow !== undefined);
    const flag = flagged?.addressOf
      ? ` It is ${flagged.addressOf}’s own address: check before approving.`
      : flagged
        ? ` It is the email of Roster row ${flagged.addressOfSkippedRow}, skipped: check before approving.`
        : '';
    // Approve is offered for none of its members: the Roster is to be corrected first, not Approve clicked.
    const offered = withheld.length < listed.length || listed.length === 0;
    return {
      id: 'follow-up-owner-not-approved',
      label: 'Follow-up owner not approved',
      status: 'warn',
      detail: unapprovedLine(entry, { offered, flag }) + notOffered.join(''),
    };
  });
}

/**
 * One line for each email on two roster rows, naming the row that keeps it, if one does: the
 * roster was read with the owner's approvals (src/core/roles/shared-roster-email.ts, withKeptEmails).
 */
export function sharedRosterEmailLines({ rosterRead }: Pick<SetupFacts, 'rosterRead'>): CheckLine[] {
  return (rosterRead?.sharedEmails ?? []).map((collision) => ({
    id: 'roster-email-shared',
    label: 'Roster email on two rows',
    status: 'warn',
    detail: collisionText(collision),
  }));
}

/** Most pairings the line names; the dashboard lists them all. */
const MOST_NAMED = 10;

/** One line when roster emails wait for the owner's approval; none when none do. */
export function rosterApprovalLines({
  rosterRead,
  approvals,
  owner,
}: Pick<SetupFacts, 'rosterRead' | 'approvals' | 'owner'>): CheckLine[] {
  const members = rosterRead?.members ?? [];
  const waiting = unapprovedPairings(
    members,
    approvals.rosterEmails,
    owner.setting,
    withheldRows(rosterRead),
    heldBackRows(rosterRead),
  );
  if (!waiting.length) return [];
  // A held-back pairing was approved already: it waits for the Roster to be corrected, not for Approve.
  const toApprove = waiting.filter((change) => !change.heldBack);
  const what = toApprove.length ? waitingText(toApprove, approvals.everApproved) : '';
  const held = heldBackText(waiting.filter((change) => change.heldBack).map((change) => change.name));
  const approve = toApprove.length
    ? 'Open the dashboard and click Approve in its list "Roster to approve" (saving Settings approves none).'
    : '';
  return [
    {
      id: 'roster-emails-not-approved',
      label: 'Roster emails not approved',
      status: 'warn',
      detail: [what, held, approve].filter(Boolean).join(' '),
    },
  ];
}

/**
 * One line when the owner's copy in user properties keeps fewer approved follow-up owners than
 * Settings: a run outside the document sends the others' follow-ups to the owner.
 */
export function mirrorApprovalsLines({ approvals }: Pick<SetupFacts, 'approvals'>): CheckLine[] {
  const all = approvals.followUpOwners.length;
  const kept = approvals.followUpOwnersMirrored;
  if (kept === all) return [];
  return [
    {
      id: 'follow-up-approvals-mirror-full',
      label: 'Follow-up owners in a run outside the document',
      status: 'warn',
      detail:
        `A daily run that cannot read this spreadsheet's own properties (Google does not promise a trigger can) ` +
        `takes the approved follow-up owners from a copy in your own user properties, kept small because they are ` +
        `one 500 KB store for every spreadsheet you run Uptake in: it holds ${kept} of your ${all} approved pairings. In such a run, the follow-ups of ` +
        `the other ${all - kept} members go to you instead of their follow-up owners.`,
    },
  ];
}

/** The pairings that wait for Approve, named (at most MOST_NAMED), and what waiting means for My week. */
function waitingText(waiting: ReturnType<typeof unapprovedPairings>, everApproved: boolean): string {
  const named = waiting.slice(0, MOST_NAMED).map(pairingText).join('; ');
  const more = waiting.length > MOST_NAMED ? ` and ${waiting.length - MOST_NAMED} more` : '';
  return everApproved
    ? `${waiting.length === 1 ? 'A roster row waits' : `${waiting.length} roster rows wait`} for your approval ` +
        `(${named}${more}): a new row, or an email changed since you approved. Until you approve, My week shows ` +
        'them no figures. If you did not expect a change, check who edited the Roster before you approve.'
    : "You have not approved the roster's emails yet, so My week shows no member their figures. The Roster is " +
        'a tab every editor edits, so Uptake shows a member their week only for a name and email you approved: ' +
        `check them once (${named}${more}). Approvals start again whenever Uptake's owner changes.`;
}

/** The approved names whose approval is held back while another Roster row has the same name. */
function heldBackText(names: string[]): string {
  if (!names.length) return '';
  const accounts = names.length === 1 ? 'that account' : 'those accounts';
  return (
    `You approved the name and email of ${wordList(names)} before another Roster row took the same name: ` +
    `that approval is held back while the rows are ambiguous (My week shows ${accounts} no figures), and ` +
    'applies again once the Roster is corrected: give each member one row.'
  );
}
