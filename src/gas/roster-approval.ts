/**
 * The owner's approval of the Roster (rules §19), in one place: the roster's follow-up owners
 * (src/gas/follow-up-approval.ts) and its (name, email) pairings, which My week needs before it
 * shows a member their figures (src/core/roles/roster-approval.ts). Given only by the dashboard's
 * *Approve*, for what the owner ticked of what the dashboard listed: saving Settings and turning automation on approve
 * nothing. Kept in the document's properties, which only the owner's calls to Uptake write.
 */
import type { Settings } from '../core/base/settings';
import {
  ROSTER_APPROVALS_KEY,
  withApproved,
  type RosterEmailChange,
  type RosterEmailPair,
  type StoredPair,
} from '../core/roles/roster-approval';
import type { Roster } from '../core/base/types';
import type { FollowUpApproval } from '../core/base/settings';
import { approvalsInStep, approvedRoster } from '../core/roles/follow-up-approval';
import { withheldRows } from '../core/roles/approval-offer';
import { utf8Bytes } from '../core/base/text';
import type { RosterApprovalRequest } from '../shared/api';
import {
  followUpApprovalsWith,
  followUpOwnersApproved,
  followUpOwnersToApprove,
  rosterOrNull,
  storeApprovals,
} from './follow-up-approval';
import { MOST_KB, MOST_PARTS, partsNeeded, writeStored } from './property-parts';
import { followUpApprovalsFit, type StoredSettings } from './settings-store';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The value to store; throws when it would take more than MOST_PARTS properties (src/gas/property-parts.ts):
 * about 1,700 members with names of 20 characters and emails of 25.
 */
function rosterApprovalsValue(approvals: readonly RosterEmailPair[]): string {
  const stored: StoredPair[] = approvals.map((pair) => [pair.name, pair.email]);
  const value = JSON.stringify(stored);
  if (partsNeeded(value) > MOST_PARTS)
    throw new Error(
      `The roster's approved names and emails take ${Math.ceil(utf8Bytes(value) / 1024)} KB (${approvals.length} ` +
        `rows), over the ${MOST_KB} KB Uptake keeps for them in this spreadsheet's properties. Nothing was approved.`,
    );
  return value;
}

/**
 * The follow-up settings after approving `chosen`. An earlier version's approvals by address alone
 * (each listed again, marked) stay marked while some of their pairings still wait.
 */
function followUpSettingsWith(
  members: Roster['members'],
  settings: Settings,
  chosen: FollowUpApproval[],
): Pick<Settings, 'followUpApprovals' | 'followUpWas' | 'approvedFollowUpOwners'> {
  const kept = followUpApprovalsWith(members, settings, chosen);
  const waiting = approvedRoster(members, kept.followUpApprovals, settings.ownerEmail).unapproved;
  const stillWaiting = (address: string) => waiting.some((entry) => entry.address === address.trim().toLowerCase());
  return { ...kept, approvedFollowUpOwners: settings.approvedFollowUpOwners.filter(stillWaiting) };
}

/** Most pairings one approval takes: more than the properties keep (rosterApprovalsValue). */
const MOST_PAIRINGS = 5000;

function rosterPairingsApproved(chosen: readonly RosterEmailChange[]): string {
  return `Approved the roster's ${chosen.length === 1 ? 'email' : 'emails'} of ${chosen.map((c) => `${c.name} (${c.email})`).join(', ')}: My week shows ${chosen.length === 1 ? 'this member their' : 'these members their'} figures.`;
}

/**
 * The dashboard's *Approve*: approves what the owner ticked on the page (follow-up owners and
 * roster pairings) that the card still offers, derived again from the Roster; a change made to
 * the Roster after the page was drawn, or a pairing the card withholds, is not approved by it. Returns what was done, in words.
 */
export function approveRoster(
  spreadsheet: Spreadsheet,
  { settings, approved }: StoredSettings,
  listed: RosterApprovalRequest,
  documentValues?: Record<string, string>,
): string {
  // Only an owner saved in Settings approves (rules §19): an approval is not a way to become the owner.
  if (!settings.ownerEmail)
    throw new Error(
      'Uptake has no owner yet, so nothing was approved: the owner saves Settings first, then approves the roster.',
    );
  const roster = rosterOrNull(spreadsheet, settings, approved);
  if (!roster) throw new Error('Uptake could not read the roster, so nothing was approved: Check set-up says why.');
  const members = roster.members;
  // The approvals of pairings the Roster no longer names are dropped first (approvalsInStep).
  const inStep = approvalsInStep(members, settings);
  settings = { ...settings, followUpApprovals: inStep.followUpApprovals, followUpWas: inStep.followUpWas };
  // What the card offers, derived again from the Roster as it is now: what the page sent only picks among it.
  const followUps = followUpOwnersToApprove(roster, settings, listed.followUpOwners);
  const rosterEmails = listed.rosterEmails.slice(0, MOST_PAIRINGS);
  const pairings = withApproved(members, approved, settings.ownerEmail, rosterEmails, withheldRows(roster));
  if (!followUps.length && !pairings.chosen.length) {
    if (inStep.changed)
      storeApprovals(spreadsheet, { followUpApprovals: settings.followUpApprovals, followUpWas: settings.followUpWas });
    return 'There was nothing left to approve: the roster may have changed. Nothing was approved.';
  }
  // Checked before anything is written: an approval too big to keep changes nothing.
  const value = pairings.chosen.length ? rosterApprovalsValue(pairings.approvals) : null;
  const followUpChanges = followUps.length ? followUpSettingsWith(members, settings, followUps) : null;
  if (followUpChanges && !followUpApprovalsFit(followUpChanges.followUpApprovals))
    throw new Error(
      `The roster has too many follow-up owners for Uptake to keep their approval (${followUpChanges.followUpApprovals.length} ` +
        `pairings of a member and a follow-up owner, over the ${MOST_KB} KB Uptake keeps for them in this ` +
        "spreadsheet's properties). Nothing was approved.",
    );
  if (followUpChanges || inStep.changed)
    storeApprovals(
      spreadsheet,
      followUpChanges ?? { followUpApprovals: settings.followUpApprovals, followUpWas: settings.followUpWas },
    );
  if (value !== null)
    writeStored(PropertiesService.getDocumentProperties(), ROSTER_APPROVALS_KEY, value, { values: documentValues });
  const said = [
    followUps.length ? followUpOwnersApproved(followUps) : '',
    value ? rosterPairingsApproved(pairings.chosen) : '',
  ];
  return said.filter(Boolean).join(' ');
}
