/**
 * The owner's approval of the roster's follow-up owners (rules §19): taken from the roster when
 * the owner saves Settings or turns automation on, and checked by Check set-up.
 */
import type { Settings } from '../core/base/settings';
import { approvedRoster, rosterFollowUpOwners, unapprovedLine } from '../core/roles/follow-up-approval';
import type { CheckLine } from '../core/setup-check/checks';
import { findRosterSheet, readRoster, SetupError } from './team-data';
import { Workbook } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function rosterMembers(spreadsheet: Spreadsheet | Workbook, settings: Settings) {
  const book = spreadsheet instanceof Workbook ? spreadsheet : new Workbook(spreadsheet);
  try {
    // A roster of 30 rows or fewer is read once through its head rows (see Workbook.headRows).
    const sheet = findRosterSheet(book, settings);
    if (sheet) book.headRows(sheet);
    return readRoster(book, settings, book.dateOptions())?.members ?? [];
  } catch (error) {
    // A roster that cannot be read approves nothing new; its own Check set-up line says why.
    if (error instanceof SetupError) return null;
    throw error;
  }
}

/** The follow-up owners the owner's save approves: the roster's now (the approval so far when it cannot be read). */
export function approvalFromRoster(spreadsheet: Spreadsheet, settings: Settings): string[] {
  const members = rosterMembers(spreadsheet, settings);
  return members ? rosterFollowUpOwners(members) : settings.approvedFollowUpOwners;
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
