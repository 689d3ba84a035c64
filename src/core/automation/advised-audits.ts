/**
 * The audits the daily run's emails read, advised (spec §18): each cause for which the matching
 * intervention was recorded says "Addressed on D (type)" and comes after the open ones, as in the
 * sidebar and the digest. Each as-of day's interventions are read once.
 */
import type { Day } from '../base/dates';
import { followAdvice } from '../interventions/advice';
import type { InterventionsView } from '../interventions/view';
import type { AuditSource } from './ports';

export function advisedAudits(audits: AuditSource, interventionsAt?: (asOf: Day) => InterventionsView): AuditSource {
  if (!interventionsAt) return audits;
  const views = new Map<Day, InterventionsView>();
  const viewOn = (asOf: Day) => {
    if (!views.has(asOf)) views.set(asOf, interventionsAt(asOf));
    return views.get(asOf)!;
  };
  return (asOf, weeks, fromDay) =>
    followAdvice(audits(asOf, weeks, fromDay), viewOn(asOf), (weekEnd) => audits(weekEnd, 1).members).audit;
}
