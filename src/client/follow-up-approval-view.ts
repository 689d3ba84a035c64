/**
 * The owner's list of the roster's follow-up owners not yet approved, with one *Approve* button
 * (rules §19): until approved, an address typed into the Roster gets nobody's figures and those
 * follow-ups go to the owner. Addresses and names are the team's text: text nodes, isolated.
 */
import type { DashboardData } from '../shared/api';
import { el, teamText } from './dom';
import { note, section } from './dashboard-panel';

/** The section, or null when there is nothing to approve (or the viewer is not the owner). */
export function followUpApprovalSection(
  data: DashboardData,
  approve: (addresses: string[]) => void,
): HTMLElement | null {
  const entries = data.unapprovedFollowUpOwners;
  if (data.viewer.role !== 'owner' || entries.length === 0) return null;
  const addresses = entries.map((entry) => entry.address);
  const box = section(
    'Follow-up owners to approve',
    note(
      'The roster names these follow-up owners, which you have not approved: until you do, they get no one’s ' +
        'figures and their follow-ups come to you. Approve them only if they should have them; otherwise correct ' +
        'the Roster’s Follow-up owner cells.',
    ),
    el(
      'ul',
      { id: 'unapproved-follow-up-owners' },
      entries.map((entry) =>
        el('li', null, teamText(entry.address), ': follow-ups of ', teamText(entry.members.join(', '))),
      ),
    ),
    el(
      'button',
      {
        type: 'button',
        class: 'action',
        id: 'approve-follow-up-owners',
        'data-server': '',
        onclick: () => approve(addresses),
      },
      entries.length === 1 ? 'Approve' : `Approve all ${entries.length}`,
    ),
  );
  box.id = 'follow-up-approval';
  return box;
}
