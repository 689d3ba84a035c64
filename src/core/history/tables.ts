/** The history on the "Adoption audit" sheet (and in out/audit.csv): the trend and the cohort curves (rules §13). */
import type { AuditColumn, AuditTable } from '../audit/audit-table';
import { COHORT_WEEKS, TARGET_BAND, type History } from './history-types';

const text = (label: string): AuditColumn => ({ label, kind: 'text' });
const integer = (label: string): AuditColumn => ({ label, kind: 'integer' });
const pct = (label: string): AuditColumn => ({ label, kind: 'percent' });

/** Columns of the trend table the line chart draws: the week, then adoption and training completion. */
export const TREND_CHART_COLUMNS = { week: 1, rates: 4, count: 2 } as const;
/** Cohorts drawn in the cohort chart beside the all-cohorts curve and the target: the latest ones. */
export const COHORTS_CHARTED = 6;

export function historyTables(history: History): AuditTable[] {
  const cohortsNewestFirst = [...history.cohorts].reverse();
  return [
    {
      id: 'trend',
      title: `Adoption trend: ${history.weeks.length} weeks, each ending on the date shown`,
      columns: [
        text('Week to'),
        integer('In scope'),
        integer('Genuine adopters'),
        pct('Adoption rate'),
        pct('Training completion'),
        pct('Gap'),
        integer('Runs'),
        integer('Active members'),
        pct('Blended acceptance'),
      ],
      rows: history.weeks.map((w) => [
        w.asOf,
        w.membersInScope,
        w.genuineAdopters,
        w.adoptionRate,
        w.trainingCompletionRate,
        w.adoptionRate !== null && w.trainingCompletionRate !== null ? w.trainingCompletionRate - w.adoptionRate : null,
        w.runs,
        w.activeMembers,
        w.blendedAcceptanceRate,
      ]),
    },
    {
      id: 'cohorts',
      title:
        'Training cohorts: share of Genuine adopters by week since training (– = week not ended; cohorts by the Monday of the training week, newest first)',
      columns: [
        text('Week since training'),
        pct('All cohorts'),
        pct(`Target low (${Math.round(TARGET_BAND.low * 100)}%)`),
        pct(`Target high (${Math.round(TARGET_BAND.high * 100)}%)`),
        ...cohortsNewestFirst.map((c) => pct(`Trained week of ${c.week} (${c.members.length})`)),
      ],
      rows: Array.from({ length: COHORT_WEEKS }, (_, i) => [
        `Week ${i + 1}`,
        history.allCohorts[i],
        TARGET_BAND.low,
        TARGET_BAND.high,
        ...cohortsNewestFirst.map((c) => c.genuineShare[i]),
      ]),
    },
  ];
}
