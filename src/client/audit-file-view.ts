/** The sidebar's note on the owner's audit spreadsheet, and on an earlier version's tab to remove. */
import type { DashboardData } from '../shared/api';
import { el, fill } from './dom';

/** The owner's audit spreadsheet, and an earlier version's tab in the team spreadsheet offered for removal. */
export function renderAuditFile(box: HTMLElement, data: DashboardData, remove: () => Promise<void>): void {
  const parts: HTMLElement[] = [];
  // The address is the one Apps Script gave for the file (getUrl), never a cell's text; only a
  // Google Docs address over https is made a link.
  const address = data.auditFileUrl ? new URL(data.auditFileUrl) : null;
  if (address && address.protocol === 'https:' && address.hostname === 'docs.google.com') {
    const link = el('a', { target: '_blank', rel: 'noopener' }, 'your own audit spreadsheet');
    link.href = address.href;
    parts.push(el('p', {}, 'Run audit to sheet writes to ', link, ', which only you can open.'));
  }
  if (data.oldAuditTab)
    parts.push(
      el(
        'p',
        {},
        'An earlier version left an "Adoption audit" tab in this spreadsheet, with everyone’s figures by name; every editor can read it. ',
        el('button', { type: 'button', 'data-server': '', onclick: () => void remove() }, 'Remove the old tab'),
      ),
    );
  fill(box, parts);
  box.hidden = parts.length === 0;
}
