/**
 * The owner's approval of the roster's follow-up owners (rules §19): given only by the dashboard's
 * Approve, for the list the owner was shown (a save of Settings approves none), and checked by
 * Check set-up.
 */
import type { Settings } from '../core/base/settings';
import type { Roster } from '../core/base/types';
import { approvedRoster, unapprovedLine } from '../core/roles/follow-up-approval';
import type { CheckLine } from '../core/setup-check/checks';
import { findRosterSheet, readRoster, SetupError } from './team-data';
import { Workbook } from './workbook';
import { storeSettings } from './settings-store';
import { currentUserEmail } from './automation-store';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function rosterMembers(spreadsheet: Spreadsheet | Workbook, settings: Settings) {
  return rosterOrNull(spreadsheet, settings)?.members ?? null;
}

/** The roster as Check set-up reads it: null when it cannot be read (its own line says why). */
export function rosterOrNull(spreadsheet: Spreadsheet | Workbook, settings: Settings): Roster | null {
  const book = spreadsheet instanceof Workbook ? spreadsheet : new Workbook(spreadsheet);
  try {
    // A roster of 30 rows or fewer is read once through its head rows (see Workbook.headRows).
    const sheet = findRosterSheet(book, settings);
    if (sheet) book.headRows(sheet);
    return readRoster(book, settings, book.dateOptions()) ?? { members: [], skipped: [], notices: [] };
  } catch (error) {
    // A roster that cannot be read approves nothing new; its own Check set-up line says why.
    if (error instanceof SetupError) return null;
    throw error;
  }
}

/**
 * Check set-up's line for each email on two roster rows: My week refuses it (any editor can type
 * an address on a colleague's row, rules §19), and neither row's log rows are matched by it.
 */
export function sharedRosterEmailLines(spreadsheet: Spreadsheet | Workbook, settings: Settings): CheckLine[] {
  return (rosterOrNull(spreadsheet, settings)?.sharedEmails ?? []).map((email) => ({
    id: 'roster-email-shared',
    label: 'Roster email on two rows',
    status: 'warn',
    detail:
      `The roster's Email column has ${email} on more than one row: Uptake uses it for none of them, and ` +
      `My week shows no figures to ${email}. Give each member their own email on the Roster, and check ` +
      'who changed it: any editor can edit the Roster.',
  }));
}

/** Check set-up's line for each follow-up owner the roster names and the owner has not approved. */
export function followUpOwnerLines(spreadsheet: Spreadsheet | Workbook, settings: Settings): CheckLine[] {
  const members = rosterMembers(spreadsheet, settings) ?? [];
  return approvedRoster(members, settings.approvedFollowUpOwners, settings.ownerEmail).unapproved.map((entry) => ({
    id: 'follow-up-owner-not-approved',
    label: 'Follow-up owner not approved',
    status: 'warn',
    detail: unapprovedLine(entry),
  }));
}

/** Most addresses one approval takes: a roster's follow-up owners are a few managers, not hundreds. */
const MOST_ADDRESSES = 200;

/**
 * The dashboard's *Approve*: approves those of `addresses` (what the page listed) that the roster
 * names now and the owner has not approved, stored as Settings' approvedFollowUpOwners like a
 * save of Settings. An address typed into the Roster after the page was drawn is not approved:
 * the owner approves what they saw. Returns what was done, in words.
 */
export function approveFollowUpOwners(spreadsheet: Spreadsheet, settings: Settings, addresses: string[]): string {
  const members = rosterMembers(spreadsheet, settings);
  if (!members) throw new Error('Uptake could not read the roster, so nothing was approved: Check set-up says why.');
  const sent = new Set(addresses.slice(0, MOST_ADDRESSES).map((address) => address.trim().toLowerCase()));
  const { unapproved } = approvedRoster(members, settings.approvedFollowUpOwners, settings.ownerEmail);
  const chosen = unapproved.filter((entry) => sent.has(entry.address));
  if (!chosen.length)
    return 'There was no follow-up owner left to approve: the roster may have changed. Nothing was changed.';
  const approved = [...new Set([...settings.approvedFollowUpOwners, ...chosen.map((entry) => entry.address)])];
  // Approving is a save of Settings: with no owner saved yet, the one who approves becomes it (rules §19).
  storeSettings(spreadsheet, {
    approvedFollowUpOwners: approved,
    ownerEmail: settings.ownerEmail || currentUserEmail(),
  });
  return `Approved ${chosen.map((entry) => `${entry.address} (follow-ups of ${entry.members.join(', ')})`).join('; ')}: their follow-up emails go to them from the next daily run.`;
}
