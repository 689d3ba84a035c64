/**
 * A change of Uptake's owner (rules §19), by Settings (the owner hands over) or by the
 * spreadsheet's owner in Drive taking it over (src/gas/reclaim-owner.ts): the old owner's daily
 * run stops and the new owner turns it on; the interventions stay in the old owner's own
 * spreadsheet, which only they can open, so the new owner is told where they are and who holds
 * them, and the old owner is told to share them. Uptake neither shares nor copies them itself:
 * the old owner's file opens only in the old owner's session, and sharing it from there with an
 * address typed in Settings would hand notes about named people to whoever holds that address,
 * a mistyped one included.
 */
import { escapeHtml } from '../core/mail/html';
import { sameAccount } from '../core/roles/roles';
import {
  heldByAnother,
  parseInterventionsHome,
  parseOwnerChange,
  whereHeld,
  type InterventionsHome,
  type OwnerChange,
} from '../core/roles/owner-change';
import type { OwnerChangeFacts } from '../core/setup-check/facts';
import { readAuditFile, INTERVENTIONS_HOME_KEY } from './audit-file';
import { handOverAutomation } from './automation-trigger';
import { mailApp } from './mail';
import { removeStored } from './property-parts';
import { ROSTER_APPROVALS_KEY } from '../core/roles/roster-approval';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Document property: the interventions a former owner holds (an InterventionsHome). */
export const INTERVENTIONS_ELSEWHERE_KEY = 'uptake.interventionsElsewhere';
/** Document property: the last change of owner (an OwnerChange). */
export const OWNER_CHANGE_KEY = 'uptake.ownerChange';

/** The interventions a former owner holds, unless `viewer` holds them; `values`: the document's properties. */
export function interventionsElsewhere(
  values: Record<string, string> | undefined,
  viewer: string,
): InterventionsHome | null {
  return heldByAnother(parseInterventionsHome(values?.[INTERVENTIONS_ELSEWHERE_KEY]), viewer);
}

/**
 * What Check set-up says about the last change of owner, as the document's properties (`values`)
 * record it: the interventions a former owner holds, whoever views, and the change.
 */
export function ownerChangeFacts(values: Record<string, string>): OwnerChangeFacts {
  return {
    interventionsElsewhere: parseInterventionsHome(values[INTERVENTIONS_ELSEWHERE_KEY]),
    last: parseOwnerChange(values[OWNER_CHANGE_KEY]),
  };
}

/** What the old owner of a reclaim is told; `stopped`: their daily run was stopped. */
export function reclaimMail(
  spreadsheet: Spreadsheet,
  change: Pick<OwnerChange, 'from' | 'to'>,
  stopped: boolean,
  home: InterventionsHome | null,
): { subject: string; text: string } {
  const name = spreadsheet.getName();
  const lines = [
    `${change.to}, who owns the spreadsheet "${name}" in Google Drive, has taken Uptake over there: its Settings ` +
      `named ${change.from} as the owner, and ${change.to} is the owner now.`,
    stopped
      ? `The daily run under your account for "${name}" has stopped: it sends nothing more from your mailbox.`
      : '',
    home && sameAccount(home.holder, change.from)
      ? `The interventions you recorded are ${whereHeld(home)}: share that spreadsheet with ${change.to} (Share, in ` +
        `that spreadsheet), or copy its Interventions rows to them, so that they can read them.`
      : `If you recorded interventions, they are in your own Uptake audit spreadsheet, which only you can open: ` +
        `share it with ${change.to} so that they can read them.`,
  ];
  return {
    subject: `Uptake: "${name}" now belongs to ${change.to}`.replace(/[\r\n]+/g, ' '),
    text: [...lines.filter(Boolean), spreadsheet.getUrl()].join('\n\n'),
  };
}

function tellOldOwner(spreadsheet: Spreadsheet, mail: { subject: string; text: string }, to: string): boolean {
  if ((mailApp.remaining() ?? 1) < 1) return false;
  try {
    const html = mail.text
      .split('\n\n')
      .map((line) => `<p>${escapeHtml(line)}</p>`)
      .join('');
    mailApp.send([to], { subject: mail.subject, text: mail.text, html });
    return true;
  } catch {
    // Not told: Check set-up says so to the new owner (src/core/setup-check/owner-change.ts).
    return false;
  }
}

/**
 * After Settings saved `change.to` as the owner (and cleared the follow-up owners' approvals):
 * forgets the roster's approved pairings, stops the old owner's daily run, keeps where
 * the old owner's interventions are for the new owner's sidebar, and, for a reclaim, emails
 * the old owner once (the change is made once: a second reclaim by the same account finds it
 * the owner already). Returns the change as recorded.
 */
export function changeOwner(spreadsheet: Spreadsheet, change: Pick<OwnerChange, 'from' | 'to' | 'how'>): OwnerChange {
  const properties = PropertiesService.getDocumentProperties();
  let home = parseInterventionsHome(properties.getProperty(INTERVENTIONS_HOME_KEY));
  if (!home && change.how === 'settings') {
    // Recorded before the team spreadsheet kept where they are: the old owner's own record says.
    const own = readAuditFile(spreadsheet);
    if (own?.interventions) home = { holder: change.from, url: own.url, name: '' };
  }
  if (home && !sameAccount(home.holder, change.to))
    properties.setProperty(INTERVENTIONS_ELSEWHERE_KEY, JSON.stringify(home));
  // The new owner approves the roster again (rules §19): an approval is the owner's, and the old
  // owner may be the one who should not have been (a typo, or a member who saved Settings first).
  // The follow-up owners' approvals were cleared by the save that named the new owner.
  removeStored(properties, ROSTER_APPROVALS_KEY);
  const stopped = handOverAutomation(change.to);
  const told =
    change.how === 'reclaim' && change.from !== ''
      ? tellOldOwner(spreadsheet, reclaimMail(spreadsheet, change, stopped, home), change.from)
      : change.how === 'settings';
  const recorded: OwnerChange = { ...change, at: new Date().toISOString(), told };
  properties.setProperty(OWNER_CHANGE_KEY, JSON.stringify(recorded));
  return recorded;
}
