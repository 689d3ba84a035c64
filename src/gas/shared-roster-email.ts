/** Check set-up's line for each email on two roster rows (rules §19; src/core/roles/shared-roster-email.ts). */
import type { Settings } from '../core/base/settings';
import type { CheckLine } from '../core/setup-check/checks';
import { collisionText, rosterEmailCollisions } from '../core/roles/shared-roster-email';
import { rosterOrNull } from './follow-up-approval';
import { loadRosterApprovals } from './roster-approval';
import type { Workbook } from './workbook';

export function sharedRosterEmailLines(
  book: Workbook,
  settings: Settings,
  documentValues?: Record<string, string>,
): CheckLine[] {
  const { approved } = loadRosterApprovals(documentValues);
  return rosterEmailCollisions(rosterOrNull(book, settings), approved).map((collision) => ({
    id: 'roster-email-shared',
    label: 'Roster email on two rows',
    status: 'warn',
    detail: collisionText(collision),
  }));
}
