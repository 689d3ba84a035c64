/**
 * The owner's card of what the Roster holds that the owner has not approved (rules §19), with one
 * *Approve* for exactly what it lists: the (name, email) pairings My week waits for (new rows,
 * and rows whose email changed: "was x, now y"), and the follow-up owners, who get no one's
 * figures until approved. Addresses and names are the team's text: text nodes, isolated.
 */
import type {
  DashboardData,
  RosterApprovalRequest,
  RosterEmailChange,
  RosterEmailCollision,
  UnapprovedFollowUpOwner,
} from '../shared/api';
import { OWNERS_ADDRESS } from '../core/roles/roster-approval';
import { collisionText } from '../core/roles/shared-roster-email';
import { el, sentence, teamText } from './dom';
import { note } from './dashboard-panel';

const FIRST_TIME =
  'My week shows each member their own figures only for a name and email on the Roster that you approved: ' +
  'the Roster is a tab every editor edits, so an email typed on a colleague’s row would otherwise show that ' +
  'colleague’s week. You have approved none yet, so no member sees their figures: check these once, then approve. ' +
  'Approvals start again whenever Uptake’s owner changes.';

const CHANGED =
  'These Roster rows are new, or their email changed since you approved: until you approve, My week shows these ' +
  'members no figures. If you did not expect a change, check who edited the Roster before approving.';

const FOLLOW_UPS =
  'The roster names these follow-up owners, which you have not approved: until you do, they get no one’s ' +
  'figures and their follow-ups come to you. Approve them only if they should have them; otherwise correct ' +
  'the Roster’s Follow-up owner cells.';

function rosterEmailItem(change: RosterEmailChange): HTMLElement {
  // An email approved for another member, moved onto this row: approving it moves their approval here.
  const movedFrom = change.approvedFor && [' (you approved it for ', teamText(change.approvedFor), ')'];
  // The owner's address on a colleague's row takes that colleague out of My week: say whose it is.
  const email = [teamText(change.email), change.ownersAddress ? ` (${OWNERS_ADDRESS})` : ''];
  return change.was
    ? el('li', null, teamText(change.name), ': was ', teamText(change.was), ', now ', ...email, movedFrom)
    : el('li', null, teamText(change.name), ': ', ...email, movedFrom);
}

function collisionItem(collision: RosterEmailCollision): HTMLElement {
  const known = [collision.email, ...collision.rows.map((row) => row.name)];
  return el('li', null, ...sentence(collisionText(collision), known));
}

const BY_ADDRESS =
  ' (approved by address alone in an earlier version: Uptake now approves an address for each member, so approve it once more)';

function followUpItem(entry: UnapprovedFollowUpOwner): HTMLElement {
  return el(
    'li',
    null,
    teamText(entry.address),
    ': follow-ups of ',
    teamText(entry.members.join(', ')),
    entry.approvedByAddress ? BY_ADDRESS : '',
  );
}

/** The card, or null when there is nothing to approve (or the viewer is not the owner). */
export function rosterApprovalSection(
  data: DashboardData,
  approve: (listed: RosterApprovalRequest) => void,
): HTMLElement | null {
  const emails = data.unapprovedRosterEmails;
  const followUps = data.unapprovedFollowUpOwners;
  const collisions = data.rosterEmailCollisions;
  const count = emails.length + followUps.length;
  if (data.viewer.role !== 'owner' || count + collisions.length === 0) return null;
  // What the page shows is what the click approves: a Roster edit after this was drawn is not approved.
  const listed: RosterApprovalRequest = {
    followUpOwners: followUps.map(({ address, members }) => ({ address, members })),
    rosterEmails: emails.map(({ name, email }) => ({ name, email })),
  };
  const parts: HTMLElement[] = [];
  // Nothing to approve here: the owner corrects the Roster (rules §19).
  if (collisions.length)
    parts.push(
      el('h3', null, 'Emails on two rows'),
      el('ul', { id: 'roster-email-collisions' }, collisions.map(collisionItem)),
    );
  if (emails.length)
    parts.push(
      el('h3', null, 'Roster emails (My week)'),
      note(data.rosterNeverApproved ? FIRST_TIME : CHANGED),
      el('ul', { id: 'unapproved-roster-emails' }, emails.map(rosterEmailItem)),
    );
  if (followUps.length)
    parts.push(
      el('h3', null, 'Follow-up owners'),
      note(FOLLOW_UPS),
      el('ul', { id: 'unapproved-follow-up-owners' }, followUps.map(followUpItem)),
    );
  const button =
    count > 0 &&
    el(
      'button',
      { type: 'button', class: 'action', id: 'approve-roster', 'data-server': '', onclick: () => approve(listed) },
      count === 1 ? 'Approve' : `Approve all ${count}`,
    );
  const id = 'roster-approval-title';
  return el(
    'section',
    { class: 'panel', id: 'roster-approval', 'aria-labelledby': id },
    el('h2', { id }, 'Roster to approve'),
    ...parts,
    button,
  );
}
