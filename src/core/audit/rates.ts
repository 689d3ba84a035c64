/** The two measures everything else is built from: frequency category and acceptance rate. */
import { EDIT_TYPES, type AuditSettings, type Category, type EditType, type Outcome } from '../base/types';

export function categoryFor(
  usesPerWeek: number,
  settings: Pick<AuditSettings, 'genuineAt' | 'developingAt'>,
): Category {
  if (usesPerWeek >= settings.genuineAt) return 'Genuine adopter';
  if (usesPerWeek >= settings.developingAt) return 'Developing user';
  return 'Non-adopter';
}

/** (as-is + light) ÷ all recognised outcomes; null when there are none (shown "–", never 0%). */
export function acceptanceRate(outcomes: Record<Outcome, number>): number | null {
  const total = outcomes['as-is'] + outcomes.light + outcomes.heavy + outcomes['not-used'];
  return total === 0 ? null : (outcomes['as-is'] + outcomes.light) / total;
}

export function emptyOutcomes(): Record<Outcome, number> {
  return { 'as-is': 0, light: 0, heavy: 0, 'not-used': 0 };
}

export function emptyEditTypes(): Record<EditType, number> {
  return { tone: 0, scope: 0, format: 0, 'missing info': 0, 'wrong info': 0 };
}

/**
 * Adds a run's edit types (a RunTable mask) to a distribution. Edit types count only on runs
 * whose output was edited (spec §6): the caller passes 0 for the others.
 */
export function addEditMask(into: Record<EditType, number>, mask: number) {
  for (let bit = 0; mask !== 0; bit++, mask >>= 1) if (mask & 1) into[EDIT_TYPES[bit]]++;
}
