/**
 * The interventions part of the `--json` output (rules §14), at top level beside the audit:
 * "interventions", "interventionsByType", "skippedInterventionRows", and the Interventions
 * sheet's notices (interventions after the as-of date among them) added to "notices".
 */
import type { RowProblem } from '../src/core/base/types';
import type { InterventionReport, InterventionTypeSummary } from '../src/core/interventions/types';
import type { InterventionsView } from '../src/core/interventions/view';

export interface JsonInterventions {
  interventions: InterventionReport[];
  interventionsByType: InterventionTypeSummary[];
  skippedInterventionRows: { row: number; reason: string }[];
}

/** Adds the interventions to an audit's JSON (json.ts's JsonAudit, whose notices it extends). */
export function withInterventions<T extends { notices: Pick<RowProblem, 'row' | 'reason' | 'sheet'>[] }>(
  json: T,
  view: InterventionsView,
): T & JsonInterventions {
  return {
    ...json,
    interventions: view.interventions.map((i) => ({
      row: i.row,
      date: i.date,
      member: i.member,
      type: i.type,
      typeAsWritten: i.typeAsWritten,
      workflow: i.workflow,
      note: i.note,
      before: { ...i.before },
      after: { ...i.after },
      change: i.change && { ...i.change },
      // Documented in docs/json.md: present only on a second group session for members below Genuine.
      ...(i.warning ? { warning: i.warning } : {}),
    })),
    interventionsByType: view.byType.map((t) => ({
      type: t.type,
      count: t.count,
      complete: t.complete,
      medianUsesPerWeekChange: t.medianUsesPerWeekChange,
      medianAcceptanceChange: t.medianAcceptanceChange,
    })),
    skippedInterventionRows: view.skipped.map((s) => ({ row: s.row, reason: s.reason })),
    notices: [...json.notices, ...view.notices.map((n) => ({ row: n.row, reason: n.reason, sheet: n.sheet }))],
  };
}
