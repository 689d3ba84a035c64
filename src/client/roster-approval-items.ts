/**
 * The items of the "Roster to approve" card (src/client/roster-approval-view.ts), each with its own
 * checkbox, unticked: the owner ticks what to approve, item by item (rules §19). An item the server
 * offers no approval for (its row's email or name is on another row) is listed with the reason
 * and no checkbox. Names and addresses are the team's text: text nodes, isolated (teamText).
 */
import type { ListedFollowUpOwner, RosterEmailChange, RosterEmailPair, FollowUpToApprove } from '../shared/api';
import { OWNERS_ADDRESS } from '../core/roles/roster-approval';
import { followUpRequest } from '../shared/follow-up-request';
import { el, sentence, teamText, uniqueId, type Child } from './dom';

/** One item of the card: its checkbox (null: not offered) and what ticking it approves. */
export interface ApprovalItem {
  li: HTMLElement;
  box: HTMLInputElement | null;
  /**
   * An address that is someone else's on the Roster: a member's own as a follow-up owner, an email
   * approved for another member, the owner's on a colleague's row. "Tick all" leaves it to be ticked alone.
   */
  flagged: boolean;
  rosterEmail?: RosterEmailPair;
  followUp?: ListedFollowUpOwner;
}

/** The item's words, with a checkbox, or with `withheld`'s reason and none. */
function item(words: Child[], withheld: string | undefined, known: string[]): Pick<ApprovalItem, 'li' | 'box'> {
  if (withheld) return { li: el('li', { class: 'withheld' }, words, ' — ', sentence(withheld, known)), box: null };
  const id = uniqueId('approve-item');
  // A server control: not ticked or unticked while an approval is on its way (src/client/feedback.ts).
  const box = el('input', { type: 'checkbox', id, 'data-server': '' });
  return { li: el('li', { class: 'checkbox-row' }, box, el('label', { for: id }, words)), box };
}

/**
 * The owner's own address on a row with no approval before for that name. An earlier version took
 * the owner's address as approved on any row, so a team it approved has no stored pairing for the
 * owner's own row, and the card lists it once. That is kept, not hidden: Uptake cannot tell the
 * owner's row from a colleague's row given the owner's address (which would take that colleague out
 * of My week), so the owner says which, once. Approved, the pairing is stored like any member's and
 * kept by later approvals, so the owner is not asked again (until Uptake's owner changes, when every
 * approval starts again); the item says why it is there rather than passing as "new or changed".
 */
const OWN_ROW =
  ' (your own address: tick it once if this row is yours; Uptake no longer takes your address as approved on any row)';

export function rosterEmailItem(change: RosterEmailChange): ApprovalItem {
  // An email approved for another member, moved onto this row: approving it moves their approval here.
  const movedFrom = change.approvedFor && [' (you approved it for ', teamText(change.approvedFor), ')'];
  const ownRow = change.ownersAddress && !change.was && !change.approvedFor;
  // The owner's address on a colleague's row takes that colleague out of My week: say whose it is.
  const marked = ownRow ? OWN_ROW : change.ownersAddress ? ` (${OWNERS_ADDRESS})` : '';
  const email = [teamText(change.email), marked];
  const words = change.was
    ? [teamText(change.name), ': was ', teamText(change.was), ', now ', email, movedFrom]
    : [teamText(change.name), ': ', email, movedFrom];
  const known = [change.name, change.email, ...(change.withheldTeamText ?? [])];
  const { name, email: address } = change;
  // Moved from another member's row, or the owner's address on a colleague's: what an editor would do to take a week.
  const flagged = Boolean(change.approvedFor) || (Boolean(change.ownersAddress) && !ownRow);
  return { ...item(words, change.withheld, known), flagged, rosterEmail: { name, email: address } };
}

const BY_ADDRESS =
  ' (approved by address alone in an earlier version: Uptake now approves an address for each member, so approve it once more)';

/** Whose own address it is, and what that means: a member of the team would read named figures. */
function ownAddressFlag({ member, addressOf, addressOfSkippedRow }: FollowUpToApprove): Child[] {
  if (addressOfSkippedRow !== undefined)
    return [
      ` (the email of Roster row ${addressOfSkippedRow}, skipped: `,
      el('strong', null, 'check before approving'),
      ', whoever it is would get ',
      teamText(member),
      '’s named follow-ups)',
    ];
  if (!addressOf) return [];
  const whose = [' (', teamText(addressOf), '’s own address: ', el('strong', null, 'check before approving')];
  return addressOf === member
    ? [...whose, ', the member would get their own named follow-ups)']
    : [...whose, ', a colleague would get ', teamText(member), '’s named follow-ups)'];
}

export function followUpItem(entry: FollowUpToApprove): ApprovalItem {
  const words = [
    teamText(entry.member),
    ' → follow-ups to ',
    teamText(entry.address),
    entry.was && [' (was ', teamText(entry.was), ')'],
    ownAddressFlag(entry),
    entry.approvedByAddress && BY_ADDRESS,
  ];
  const known = [entry.member, entry.address, ...(entry.withheldTeamText ?? [])];
  return {
    ...item(words, entry.withheld, known),
    flagged: Boolean(entry.addressOf) || entry.addressOfSkippedRow !== undefined,
    followUp: followUpRequest(entry),
  };
}
