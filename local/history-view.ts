/**
 * The history (spec §13) for the command line: the top-level "history" of `--json`, and the
 * trend as a small table for the terminal.
 */
import type { History, HistoryWeek, Transitions } from '../src/core/history/history-types';
import { percent } from '../src/core/base/text';
import { renderColumns } from './report';

export interface JsonHistory {
  /** Oldest first; each week is the 7 days ending on its asOf. */
  weeks: HistoryWeek[];
  /** Oldest first; `week` is the Monday of the training week; 12 values, week 1 first, null = not ended. */
  cohorts: { week: string; members: string[]; genuineShare: (number | null)[] }[];
  allCohorts: (number | null)[];
  /** Roster names, sorted alphabetically in each list. */
  transitions: Transitions;
}

export function historyJson(history: History): JsonHistory {
  return {
    weeks: history.weeks.map((w) => ({
      asOf: w.asOf,
      membersInScope: w.membersInScope,
      genuineAdopters: w.genuineAdopters,
      adoptionRate: w.adoptionRate,
      trainingCompletionRate: w.trainingCompletionRate,
      runs: w.runs,
      activeMembers: w.activeMembers,
      blendedAcceptanceRate: w.blendedAcceptanceRate,
    })),
    cohorts: history.cohorts.map((c) => ({ week: c.week, members: [...c.members], genuineShare: [...c.genuineShare] })),
    allCohorts: [...history.allCohorts],
    transitions: {
      retained: [...history.transitions.retained],
      newAdopters: [...history.transitions.newAdopters],
      reactivated: [...history.transitions.reactivated],
      lapsed: [...history.transitions.lapsed],
    },
  };
}

const TRANSITION_LABELS: [keyof Transitions, string][] = [
  ['retained', 'Retained'],
  ['newAdopters', 'New adopters'],
  ['reactivated', 'Reactivated'],
  ['lapsed', 'Lapsed'],
];

/** The trend table, this week's transitions and the cohorts' latest points, as terminal lines. */
export function renderHistory(history: History): string {
  const weeks = history.weeks;
  const last = weeks[weeks.length - 1];
  const out = [`Adoption trend: ${weeks.length} weeks to ${last.asOf} (each week ends on the date shown)`];
  out.push(
    ...renderColumns(
      ['Week to', 'In scope', 'Genuine', 'Adoption', 'Training', 'Runs', 'Active', 'Acceptance'],
      weeks.map((w) => [
        w.asOf,
        String(w.membersInScope),
        String(w.genuineAdopters),
        percent(w.adoptionRate),
        percent(w.trainingCompletionRate),
        String(w.runs),
        String(w.activeMembers),
        percent(w.blendedAcceptanceRate),
      ]),
    ),
  );
  out.push('', 'This week against last week');
  for (const [key, label] of TRANSITION_LABELS) {
    const names = history.transitions[key];
    out.push(`  ${label} (${names.length}): ${names.length ? names.join(', ') : 'none'}`);
  }
  if (history.cohorts.length) {
    out.push('', 'Training cohorts: share of Genuine adopters by week since training (– = week not ended)');
    const header = ['Trained week of', 'Members', ...Array.from({ length: 12 }, (_, i) => `W${i + 1}`)];
    const row = (label: string, members: string, shares: (number | null)[]) => [label, members, ...shares.map(percent)];
    out.push(
      ...renderColumns(header, [
        ...history.cohorts.map((c) => row(c.week, String(c.members.length), c.genuineShare)),
        row('All cohorts', String(history.cohorts.reduce((n, c) => n + c.members.length, 0)), history.allCohorts),
      ]),
    );
  }
  return `${out.join('\n')}\n`;
}
