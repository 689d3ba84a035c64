/** The two measures everything else is built from: frequency category and acceptance rate. */
import type { AuditSettings, Category, EditType, Outcome, Run } from './types';

export function categoryFor(usesPerWeek: number, settings: Pick<AuditSettings, 'genuineAt' | 'developingAt'>): Category {
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

/** Edit types count only on runs whose output was edited (spec §6). */
export function addEditTypes(into: Record<EditType, number>, run: Run) {
  if (run.outcome !== 'light' && run.outcome !== 'heavy') return;
  for (const type of run.editTypes) into[type]++;
}

