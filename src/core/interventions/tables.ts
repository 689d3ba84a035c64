/** The interventions on the "Adoption audit" sheet (and in out/audit.csv): two tables (rules §14). */
import type { AuditColumn, AuditTable } from '../audit/audit-table';
import type { InterventionsView } from './view';
import { afterDaysLabel, interventionTitle } from './wording';

const text = (label: string): AuditColumn => ({ label, kind: 'text' });
const integer = (label: string): AuditColumn => ({ label, kind: 'integer' });
const decimal = (label: string): AuditColumn => ({ label, kind: 'decimal' });
const pct = (label: string): AuditColumn => ({ label, kind: 'percent' });

/** A change in a rate as points (0.43 → 43), for a decimal column; null stays null. */
const points = (value: number | null | undefined) => (value === null || value === undefined ? null : value * 100);

export function interventionTables(view: InterventionsView): AuditTable[] {
  return [
    {
      id: 'interventions',
      title: 'Interventions: 14 days before and after (a comparison, not proof of cause)',
      columns: [
        text('Date'),
        text('Intervention'),
        text('After window'),
        decimal('Uses a week before'),
        decimal('Uses a week after'),
        decimal('Change after in uses a week'),
        pct('Acceptance before'),
        pct('Acceptance after'),
        decimal('Change after in acceptance (points)'),
        pct('Adoption before'),
        pct('Adoption after'),
        decimal('Change after in adoption (points)'),
        text('Note'),
        text('Warning'),
      ],
      rows: view.interventions.map((r) => [
        r.date,
        interventionTitle(r),
        r.change ? 'complete' : afterDaysLabel(r.after.days),
        r.before.usesPerWeek,
        r.after.usesPerWeek,
        r.change?.usesPerWeek ?? null,
        r.before.acceptanceRate,
        r.after.acceptanceRate,
        points(r.change?.acceptanceRate),
        r.before.adoptionRate,
        r.after.adoptionRate,
        points(r.change?.adoptionRate),
        r.note,
        r.warning ?? '',
      ]),
    },
    {
      id: 'interventionTypes',
      title: 'Interventions by type (medians over complete after windows)',
      columns: [
        text('Type'),
        integer('Recorded'),
        integer('Complete'),
        decimal('Median change after in uses a week'),
        decimal('Median change after in acceptance (points)'),
      ],
      rows: view.byType.map((t) => [
        t.type,
        t.count,
        t.complete,
        t.medianUsesPerWeekChange,
        points(t.medianAcceptanceChange),
      ]),
    },
    {
      id: 'interventionRows',
      title: 'Interventions rows skipped or read with a note',
      columns: [integer('Row'), text('What Uptake did'), text('Reason')],
      rows: [
        ...view.skipped.map((p) => [p.row, 'Skipped', p.reason]),
        ...view.notices.map((p) => [p.row, 'Note', p.reason]),
      ],
    },
  ];
}
