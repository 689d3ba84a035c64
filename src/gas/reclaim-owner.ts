/**
 * "Take over Uptake" (rules §19): the way back in when Settings' owner email is one nobody
 * holds (a typo), which would otherwise leave Settings unchangeable, since only the owner may
 * save them. Only the account that owns the spreadsheet in Google Drive may do it (the access
 * 'fileOwner', src/gas/roles.ts): it already controls the file and who can edit it, so it gains
 * nothing it could not take; an editor who does not own the file cannot. A spreadsheet in a
 * shared drive has no such owner (getOwner() gives null there), so there nobody can.
 */
import { sameAccount } from '../core/roles/roles';
import { currentUserEmail } from './automation-store';
import { storeApprovals } from './follow-up-approval';
import { changeOwner } from './owner-change';
import { ownerEmail } from './roles';
import { loadSettings } from './settings-store';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The user property that keeps, for this spreadsheet, the owner Settings named when the account
 * said not to be asked "Take over Uptake?" again (src/gas/take-over-question.ts). Here because
 * taking Uptake over deletes it: an owner who later hands Uptake on, and has it handed back to the
 * same address, is asked again.
 */
export function takeOverDeclinedKey(spreadsheet: Spreadsheet): string {
  return `uptake.takeOverDeclined.${spreadsheet.getId()}`;
}

/** What the Drive owner is asked before taking Uptake over from `owner`. */
export function reclaimQuestion(owner: string): string {
  return (
    `Uptake's Settings name ${owner || 'no one'} as the owner of Uptake here. You own this spreadsheet in Google ` +
    'Drive, so you can make yourself the owner instead: you get the named dashboard, Settings and the ' +
    `automation.${owner ? ` ${owner}'s daily run stops, and ${owner} is told by email.` : ''} The approved ` +
    'follow-up owners and roster emails are reset: you approve them again from your dashboard. If someone ' +
    'else leads the team here and you only keep the file, answer No. Take Uptake over?'
  );
}

/** Makes the caller (the spreadsheet's owner in Drive, checked by the guard) Uptake's owner; says what it did. */
export function takeOverAsCaller(spreadsheet: Spreadsheet): string {
  const me = currentUserEmail();
  const old = ownerEmail(loadSettings());
  if (sameAccount(old, me)) return 'You are the owner of Uptake for this spreadsheet already: nothing was changed.';
  // Approvals of the roster made by the old owner are not the new owner's: changeOwner clears the
  // roster's pairings, and the follow-up owners go with this save (rules §19), through
  // storeApprovals so the caller's mirror a run outside the document reads is emptied with them.
  storeApprovals(spreadsheet, { ownerEmail: me, followUpApprovals: [], followUpWas: [], approvedFollowUpOwners: [] });
  const change = changeOwner(spreadsheet, { from: old, to: me, how: 'reclaim' });
  // The caller's "don't ask again" was about someone else's Uptake; theirs now, it no longer holds.
  PropertiesService.getUserProperties().deleteProperty(takeOverDeclinedKey(spreadsheet));
  const told = !old
    ? ''
    : change.told
      ? ` ${old} was told by email.`
      : ` Uptake could not email ${old}: tell them yourself (Check set-up says what).`;
  return (
    `You are the owner of Uptake for this spreadsheet now.${told} Open Settings to check them, and turn ` +
    'automation on from your own sidebar if the team had it.'
  );
}
