/** The sidebar's note on the owner's audit spreadsheet, and on an earlier version's tabs to remove or move. */
import { AUDIT_SHEET as AUDIT_TAB, type DashboardData } from '../shared/api';
import { el, fill } from './dom';

/** What the owner's buttons do. */
export interface OldTabActions {
  removeAuditTab: () => Promise<void>;
  moveInterventions: () => Promise<void>;
}

/** A link to `url` when it is a Google Docs address over https, else null (never a link to anything else). */
function googleDocsLink(url: string, text: string): HTMLAnchorElement | null {
  let address: URL;
  try {
    address = new URL(url);
  } catch {
    return null;
  }
  if (address.protocol !== 'https:' || address.hostname !== 'docs.google.com') return null;
  const link = el('a', { target: '_blank', rel: 'noopener' }, text);
  link.href = address.href;
  return link;
}

/**
 * The owner's audit spreadsheet, and an earlier version's tabs in the team spreadsheet: the
 * audit offered for removal, the interventions for moving (rules §19).
 */
export function renderAuditFile(box: HTMLElement, data: DashboardData, actions: OldTabActions): void {
  const parts: HTMLElement[] = [];
  // The address is the one Apps Script gave for the file (getUrl), never a cell's text; only a
  // Google Docs address over https is made a link.
  const link = data.auditFileUrl ? googleDocsLink(data.auditFileUrl, 'your own audit spreadsheet') : null;
  if (link) parts.push(el('p', {}, 'Run audit to sheet writes to ', link, ', which only you can open.'));
  if (data.oldAuditTab)
    parts.push(
      el(
        'p',
        {},
        data.keptWhileOpen.includes(AUDIT_TAB)
          ? `The "${AUDIT_TAB}" tab in this spreadsheet was written while the team was open, with everyone’s figures by name; every editor can read it. `
          : `An earlier version left an "${AUDIT_TAB}" tab in this spreadsheet, with everyone’s figures by name; every editor can read it. `,
        el(
          'button',
          { type: 'button', 'data-server': '', onclick: () => void actions.removeAuditTab() },
          'Remove the old tab',
        ),
      ),
    );
  if (data.oldInterventionsTab)
    parts.push(
      el(
        'p',
        {},
        data.keptWhileOpen.includes(data.oldInterventionsTab)
          ? `Your interventions, notes about named people, were kept in this spreadsheet's "${data.oldInterventionsTab}" tab while the team was open; every editor can read it. `
          : `An earlier version keeps your interventions, notes about named people, in this spreadsheet's "${data.oldInterventionsTab}" tab; every editor can read it. `,
        el(
          'button',
          { type: 'button', 'data-server': '', onclick: () => void actions.moveInterventions() },
          'Move them to my spreadsheet',
        ),
      ),
    );
  const elsewhere = data.interventionsElsewhere;
  if (elsewhere) {
    const where = googleDocsLink(elsewhere.url, elsewhere.name || 'their own audit spreadsheet');
    parts.push(
      el(
        'p',
        {},
        `The interventions recorded before you became the owner are in ${elsewhere.holder}'s own spreadsheet `,
        where ?? el('span', {}, elsewhere.name || 'their audit spreadsheet'),
        `, which only ${elsewhere.holder} can open. Ask ${elsewhere.holder} to share it with you; Uptake does not move them.`,
      ),
    );
  }
  fill(box, parts);
  box.hidden = parts.length === 0;
}
