/**
 * How interventions read, in the sidebar, the audit sheet and the digest. A comparison, not
 * proof: the wording says "change after", never "effect of" (rules §14).
 */
import { percent } from '../base/text';
import { WINDOW_DAYS, type InterventionReport, type InterventionTypeSummary } from './types';

/** "Context pack fix · Chloé Martin · Client proposal", "Peer advocacy moment · whole team". */
export function interventionTitle(r: Pick<InterventionReport, 'type' | 'typeAsWritten' | 'member' | 'workflow'>) {
  const type = r.type === 'Other' && r.typeAsWritten ? r.typeAsWritten : r.type;
  return [type, r.member ?? 'whole team', r.workflow].filter(Boolean).join(' · ');
}

/** "6 of 14 days" while the after window runs. */
export function afterDaysLabel(days: number): string {
  return `${days} of ${WINDOW_DAYS} days`;
}

function signed(value: number, digits: number): string {
  const text = Math.abs(value).toFixed(digits);
  return Number(text) === 0 ? '±0' : `${value > 0 ? '+' : '−'}${text}`;
}

/** A change in uses per week: "+1.0". */
export function usesChange(value: number | null): string {
  return value === null ? '–' : signed(value, 1);
}

/** A change in a rate, in percentage points: "+43 points". */
export function pointsChange(value: number | null): string {
  if (value === null) return '–';
  const points = Math.round(value * 100);
  return points === 0
    ? '±0 points'
    : `${points > 0 ? '+' : '−'}${Math.abs(points)} point${Math.abs(points) === 1 ? '' : 's'}`;
}

function uses(value: number | null): string {
  return value === null ? '–' : value.toFixed(1);
}

/**
 * Before → after of each figure, with the change once the after window is complete:
 * "uses a week 2.0 → 3.0 (+1.0)", "acceptance 40% → 83% (+43 points)".
 */
export function figureLines(r: InterventionReport): string[] {
  const c = r.change;
  const lines: string[] = [];
  if (r.member !== null)
    lines.push(
      `Uses a week ${uses(r.before.usesPerWeek)} → ${uses(r.after.usesPerWeek)}${c ? ` (${usesChange(c.usesPerWeek)})` : ''}`,
    );
  else
    lines.push(
      `Adoption rate ${percent(r.before.adoptionRate)} → ${percent(r.after.adoptionRate)}${c ? ` (${pointsChange(c.adoptionRate)})` : ''}`,
    );
  const acceptance = r.workflow ? `Acceptance on ${r.workflow}` : r.member ? 'Acceptance' : 'Blended acceptance';
  lines.push(
    `${acceptance} ${percent(r.before.acceptanceRate)} → ${percent(r.after.acceptanceRate)}${c ? ` (${pointsChange(c.acceptanceRate)})` : ''}`,
  );
  return lines;
}

/** The change after, in one sentence, or where the after window stands. */
export function changeSentence(r: InterventionReport): string {
  if (!r.change)
    return `After window: ${afterDaysLabel(r.after.days)} so far; the change after is shown once it is complete.`;
  if (r.before.runs === 0 || r.after.runs === 0)
    return `No change to show: ${r.before.runs === 0 ? 'no runs in the 14 days before' : 'no runs in the 14 days after'}.`;
  return `Change after: ${figureLines(r).join('; ')}.`;
}

/** "Context pack fix: 3 recorded, 2 complete; median change after +1.0 uses a week, +12 points acceptance." */
export function typeSummaryLine(t: InterventionTypeSummary): string {
  const medians =
    t.complete === 0
      ? 'no after window complete yet'
      : `median change after ${usesChange(t.medianUsesPerWeekChange)} uses a week, ${pointsChange(t.medianAcceptanceChange)} acceptance`;
  return `${t.type}: ${t.count} recorded, ${t.complete} complete; ${medians}.`;
}
