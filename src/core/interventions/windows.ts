/**
 * Before and after each intervention (spec §14): the 14 days ending on D − 1 against the 14
 * days D + 1 … D + 14, day D itself in neither, and the change once the after window is over.
 */
import { dayToIso, type Day } from '../base/dates';
import type { AuditSettings, Roster, RowProblem } from '../base/types';
import { acceptanceRate, emptyOutcomes } from '../audit/rates';
import { OUTCOMES } from '../base/types';
import type { RunTable } from '../sheets/run-table';
import {
  WINDOW_DAYS,
  type AfterFigures,
  type Intervention,
  type InterventionChange,
  type InterventionReport,
  type WindowFigures,
} from './types';

export interface InterventionFiguresInput {
  table: RunTable;
  interventions: readonly Intervention[];
  /** null without a roster: every member of the log is then in the team's scope (spec §5). */
  roster: Roster | null;
  asOf: Day;
  settings: Pick<AuditSettings, 'genuineAt'>;
}

export interface InterventionFigures {
  /** In date order, then row order; interventions dated after the as-of date are left out. */
  reports: InterventionReport[];
  /** The interventions left out because they are dated after the as-of date. */
  notices: RowProblem[];
}

/** Run indices of a table in day order, and the first index on or after a day. */
class RunsByDay {
  readonly order: Int32Array;

  constructor(readonly table: RunTable) {
    const order = new Int32Array(table.length);
    for (let i = 0; i < order.length; i++) order[i] = i;
    this.order = order.sort((a, b) => table.days[a] - table.days[b]);
  }

  /** Position in `order` of the first run dated on or after `day`. */
  firstOnOrAfter(day: Day): number {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.table.days[this.order[mid]] < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Calls `visit` with each run index dated from `from` to `to`, inclusive. */
  each(from: Day, to: Day, visit: (i: number) => void) {
    for (let p = this.firstOnOrAfter(from); p < this.order.length; p++) {
      const i = this.order[p];
      if (this.table.days[i] > to) break;
      visit(i);
    }
  }
}

/** 1 at each index whose key is `key` (several cells may spell one member or workflow). */
function flagsOf(keys: readonly string[], key: string | null): Uint8Array | null {
  if (key === null) return null;
  return Uint8Array.from(keys, (k) => (k === key ? 1 : 0));
}

interface Scope {
  runs: RunsByDay;
  /** The team's members in scope for the adoption rate, by key. */
  teamKeys: Set<string>;
  genuineAt: number;
}

/** Figures of the days `from` … `to` (`days` of them) for a member, or the team when `member` is null. */
function windowFigures(scope: Scope, intervention: Intervention, from: Day, to: Day, days: number): WindowFigures {
  const { table } = scope.runs;
  const memberFlags = flagsOf(table.memberKeys, intervention.memberKey);
  const workflowFlags = flagsOf(table.workflowKeys, intervention.workflowKey);
  const outcomes = emptyOutcomes();
  let runs = 0;
  let unprompted = 0;
  const unpromptedByMember = new Map<string, number>();
  scope.runs.each(from, to, (i) => {
    if (memberFlags && !memberFlags[table.members[i]]) return;
    const prompted = table.prompted[i] === 1;
    // The team's adoption counts every workflow; its acceptance, with a workflow, only that one.
    if (!memberFlags && !prompted) {
      const key = table.memberKeys[table.members[i]];
      unpromptedByMember.set(key, (unpromptedByMember.get(key) ?? 0) + 1);
    }
    if (workflowFlags && !workflowFlags[table.workflows[i]]) return;
    runs++;
    if (!prompted) unprompted++;
    outcomes[OUTCOMES[table.outcomes[i]]]++;
  });
  const weeks = days / 7;
  let adoptionRate: number | null = null;
  if (!memberFlags && days > 0 && scope.teamKeys.size > 0) {
    let genuine = 0;
    for (const key of scope.teamKeys) if ((unpromptedByMember.get(key) ?? 0) / weeks >= scope.genuineAt) genuine++;
    adoptionRate = genuine / scope.teamKeys.size;
  }
  return {
    from: dayToIso(from),
    to: dayToIso(from + WINDOW_DAYS - 1),
    runs,
    usesPerWeek: memberFlags && days > 0 ? unprompted / weeks : null,
    acceptanceRate: acceptanceRate(outcomes),
    adoptionRate,
  };
}

function difference(after: number | null, before: number | null): number | null {
  return after === null || before === null ? null : after - before;
}

/** After − before; every figure null where either side has no runs (spec §14). */
function changeOf(before: WindowFigures, after: AfterFigures): InterventionChange | null {
  if (after.days < WINDOW_DAYS) return null;
  if (before.runs === 0 || after.runs === 0) return { usesPerWeek: null, acceptanceRate: null, adoptionRate: null };
  return {
    usesPerWeek: difference(after.usesPerWeek, before.usesPerWeek),
    acceptanceRate: difference(after.acceptanceRate, before.acceptanceRate),
    adoptionRate: difference(after.adoptionRate, before.adoptionRate),
  };
}

/** The team's members in scope (spec §5): the roster's, or everyone the log has seen by as-of. */
function teamScope(input: InterventionFiguresInput): Set<string> {
  if (input.roster) return new Set(input.roster.members.filter((m) => m.status !== 'no-anchor').map((m) => m.key));
  const keys = new Set<string>();
  const { table } = input;
  for (let i = 0; i < table.length; i++) if (table.days[i] <= input.asOf) keys.add(table.memberKeys[table.members[i]]);
  return keys;
}

export function interventionFigures(input: InterventionFiguresInput): InterventionFigures {
  const scope: Scope = {
    runs: new RunsByDay(input.table),
    teamKeys: teamScope(input),
    genuineAt: input.settings.genuineAt,
  };
  const reports: InterventionReport[] = [];
  const notices: RowProblem[] = [];
  const sorted = [...input.interventions].sort((a, b) => a.day - b.day || a.row - b.row);
  for (const intervention of sorted) {
    const d = intervention.day;
    if (d > input.asOf) {
      notices.push({
        row: intervention.row,
        reason: `The intervention dated ${dayToIso(d)} is after the as-of date ${dayToIso(input.asOf)}: it is left out of the figures`,
      });
      continue;
    }
    const before = windowFigures(scope, intervention, d - WINDOW_DAYS, d - 1, WINDOW_DAYS);
    const days = Math.min(WINDOW_DAYS, input.asOf - d);
    const covered = windowFigures(scope, intervention, d + 1, d + days, days);
    const after: AfterFigures = {
      from: covered.from,
      to: covered.to,
      days,
      runs: covered.runs,
      usesPerWeek: covered.usesPerWeek,
      acceptanceRate: covered.acceptanceRate,
      adoptionRate: covered.adoptionRate,
    };
    reports.push({
      row: intervention.row,
      date: dayToIso(d),
      member: intervention.member,
      type: intervention.type,
      typeAsWritten: intervention.typeAsWritten,
      workflow: intervention.workflow,
      note: intervention.note,
      before,
      after,
      change: changeOf(before, after),
    });
  }
  return { reports, notices };
}
