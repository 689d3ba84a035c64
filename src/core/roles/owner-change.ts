/**
 * A change of Uptake's owner (rules §19), as the document's properties record it: where the
 * interventions a former owner recorded are, and the last change. src/gas/owner-change.ts makes
 * the change and keeps these; the old owner's email and Check set-up say them in these words.
 */
import { sameAccount } from './roles';

/**
 * Where the owner's interventions are, as the team spreadsheet's own record: the owner's user
 * properties say it only to the owner, and after a change of owner the new one must be told where
 * they are and who holds them.
 */
export interface InterventionsHome {
  /** The account whose Drive holds the spreadsheet. */
  holder: string;
  url: string;
  name: string;
}

export interface OwnerChange {
  at: string;
  from: string;
  to: string;
  /** 'settings': the owner handed over; 'reclaim': the spreadsheet's owner in Drive took it over. */
  how: 'settings' | 'reclaim';
  /** Whether the old owner was told by email (a reclaim); false: Check set-up says it instead. */
  told: boolean;
}

/** Reads an InterventionsHome stored as JSON; null when none, or not one this version wrote. */
export function parseInterventionsHome(raw: string | null | undefined): InterventionsHome | null {
  try {
    const home = JSON.parse(raw ?? 'null') as Partial<InterventionsHome> | null;
    if (!home || typeof home.holder !== 'string' || typeof home.url !== 'string') return null;
    return { holder: home.holder, url: home.url, name: typeof home.name === 'string' ? home.name : '' };
  } catch {
    return null;
  }
}

/** Reads an OwnerChange stored as JSON; null when none, or a value this version did not write. */
export function parseOwnerChange(raw: string | null | undefined): OwnerChange | null {
  try {
    const change = JSON.parse(raw ?? 'null') as OwnerChange | null;
    return change && typeof change === 'object' ? change : null;
  } catch {
    return null;
  }
}

/** `home`, unless `viewer` holds those interventions (they need no telling where they are). */
export function heldByAnother(home: InterventionsHome | null, viewer: string): InterventionsHome | null {
  return home && !sameAccount(home.holder, viewer) ? home : null;
}

/** "in ben@example.com's own spreadsheet "Uptake audit: Team" (https://…), which only ben@example.com can open", for mail and Check set-up. */
export function whereHeld(home: InterventionsHome): string {
  return `in ${home.holder}'s own spreadsheet${home.name ? ` "${home.name}"` : ''} (${home.url}), which only ${home.holder} can open`;
}
