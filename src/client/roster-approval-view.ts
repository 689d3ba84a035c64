/**
 * The owner's card of what the Roster holds that the owner has not approved (rules §19): the
 * (name, email) pairings My week waits for (new rows, and rows whose email changed: "was x, now
 * y"), and the follow-up owners, member by member, who get no one's figures until approved. Each
 * item has its own checkbox, unticked, so that a click approves only what the owner read and
 * ticked; "Tick all" leaves out the items flagged as someone else's address. Items the server
 * offers no approval for are listed with the reason and no checkbox (src/client/roster-approval-items.ts).
 */
import type { DashboardData, RosterApprovalRequest, SharedRosterEmail } from '../shared/api';
import { collisionText } from '../core/roles/shared-roster-email';
import { el, sentence } from './dom';
import { note } from './dashboard-panel';
import { followUpItem, rosterEmailItem, type ApprovalItem } from './roster-approval-items';

const FIRST_TIME =
  'My week shows each member their own figures only for a name and email on the Roster that you approved: ' +
  'the Roster is a tab every editor edits, so an email typed on a colleague’s row would otherwise show that ' +
  'colleague’s week. You have approved none yet, so no member sees their figures: check these once, tick them, then approve. ' +
  'Approvals start again whenever Uptake’s owner changes.';

const CHANGED =
  'These Roster rows are new, or their email changed since you approved: until you approve, My week shows these ' +
  'members no figures. If you did not expect a change, check who edited the Roster before approving.';

const FOLLOW_UPS =
  'The roster names these follow-up owners, which you have not approved: until you do, they get no one’s ' +
  'figures and their follow-ups come to you. Approve them only if they should have them; otherwise correct ' +
  'the Roster’s Follow-up owner cells. Tick only those you checked.';

function collisionItem(collision: SharedRosterEmail): HTMLElement {
  const known = [collision.email, ...collision.rows.map((row) => row.name)];
  return el('li', null, ...sentence(collisionText(collision), known));
}

/** The request for the ticked items: exactly those, nothing the page did not show. */
function tickedRequest(items: readonly ApprovalItem[]): RosterApprovalRequest {
  const ticked = items.filter((item) => item.box?.checked);
  return {
    followUpOwners: ticked.flatMap((item) => (item.followUp ? [item.followUp] : [])),
    rosterEmails: ticked.flatMap((item) => (item.rosterEmail ? [item.rosterEmail] : [])),
  };
}

/**
 * Approve (for the ticked items, disabled while none is) and "Tick all" (the offered items not
 * flagged; once all are ticked it unticks them), kept in step with the checkboxes.
 */
function approveControls(items: readonly ApprovalItem[], approve: (listed: RosterApprovalRequest) => void) {
  const offered = items.filter((item) => item.box);
  const plain = offered.filter((item) => !item.flagged);
  const button = el('button', {
    type: 'button',
    class: 'action',
    id: 'approve-roster',
    'data-server': '',
    onclick: () => approve(tickedRequest(items)),
  });
  const tickAll = el('button', { type: 'button', id: 'tick-all-roster', 'data-server': '' });
  const update = () => {
    const count = offered.filter((item) => item.box!.checked).length;
    button.textContent = count ? `Approve ${count} ticked` : 'Approve ticked';
    // Blocked, so that the end of another server call does not enable it (src/client/feedback.ts); the
    // boxes and Tick all are server controls too, so this runs only while no call is on its way.
    button.dataset.blocked = String(count === 0);
    button.disabled = count === 0;
    const allTicked = plain.length > 0 && plain.every((item) => item.box!.checked);
    tickAll.textContent = allTicked ? 'Untick all' : 'Tick all';
    tickAll.hidden = plain.length === 0;
  };
  tickAll.addEventListener('click', () => {
    const tick = !plain.every((item) => item.box!.checked);
    for (const item of plain) item.box!.checked = tick;
    update();
  });
  for (const item of offered) item.box!.addEventListener('change', update);
  update();
  // Said only beside a Tick all that is shown (some item is not flagged). Worded to what is true,
  // rather than flagging every row with the owner's address: before the owner's own row is
  // approved, Uptake cannot tell it from a colleague's row carrying the owner's address (see
  // OWN_ROW in roster-approval-items.ts), and flagging both would leave the owner's own row out of
  // Tick all on every team's first approval.
  const flagged = offered.length > plain.length && plain.length > 0;
  return el(
    'div',
    { class: 'approve-controls' },
    flagged &&
      note(
        'Tick all leaves out an address marked as someone else’s (a member’s own, a skipped row’s, one you ' +
          'approved for another member, your own on a colleague’s row once your own row is approved): tick those ' +
          'one by one. Until your own row is approved, a row with your address is listed as yours: check its name.',
      ),
    tickAll,
    ' ',
    button,
  );
}

/** The card, or null when there is nothing to approve or to correct (or the viewer is not the owner). */
export function rosterApprovalSection(
  data: DashboardData,
  approve: (listed: RosterApprovalRequest) => void,
): HTMLElement | null {
  const emails = data.unapprovedRosterEmails.map(rosterEmailItem);
  const followUps = data.followUpsToApprove.map(followUpItem);
  const collisions = data.rosterEmailCollisions;
  if (data.viewer.role !== 'owner' || emails.length + followUps.length + collisions.length === 0) return null;
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
      el(
        'ul',
        { id: 'unapproved-roster-emails', class: 'approve-items' },
        emails.map((item) => item.li),
      ),
    );
  if (followUps.length)
    parts.push(
      el('h3', null, 'Follow-up owners'),
      note(FOLLOW_UPS),
      el(
        'ul',
        { id: 'unapproved-follow-up-owners', class: 'approve-items' },
        followUps.map((item) => item.li),
      ),
    );
  const items = [...emails, ...followUps];
  const id = 'roster-approval-title';
  return el(
    'section',
    { class: 'panel', id: 'roster-approval', 'aria-labelledby': id },
    el('h2', { id }, 'Roster to approve'),
    ...parts,
    items.some((item) => item.box) && approveControls(items, approve),
  );
}
