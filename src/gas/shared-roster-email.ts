/** Check set-up's line for each email on two roster rows (rules §19; src/core/roles/shared-roster-email.ts). */
import type { Roster } from '../core/base/types';
import type { CheckLine } from '../core/setup-check/checks';
import { collisionText, rosterEmailCollisions } from '../core/roles/shared-roster-email';
import { loadRosterApprovals } from './roster-approval';

/** `roster` as rosterOrNull read it; `documentValues`: the document's properties when read already. */
export function sharedRosterEmailLines(roster: Roster | null, documentValues?: Record<string, string>): CheckLine[] {
  const { approved } = loadRosterApprovals(documentValues);
  return rosterEmailCollisions(roster, approved).map((collision) => ({
    id: 'roster-email-shared',
    label: 'Roster email on two rows',
    status: 'warn',
    detail: collisionText(collision),
  }));
}
