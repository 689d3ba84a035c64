/**
 * The history of spec §13: the weekly trend, the training cohorts and this week's transitions,
 * in one pass over the runs. Each run lands in per-member counters (its week of the trend, its
 * week since the member's training); every figure is then read off those counters, so N weeks
 * cost one loop over the log, not N audits.
 */
import { dayToIso, weekday, type Day } from '../base/dates';
import type { AuditSettings, Roster, Run } from '../base/types';
import { RunTable } from '../sheets/run-table';
import { COHORT_WEEKS, type Cohort, type History, type HistoryWeek, type Transitions } from './history-types';

export interface HistoryInput {
  runs: RunTable | readonly Run[];
  /** null when there is no roster: every member seen in the log by a week's end is then in scope that week. */
  roster: Roster | null;
  /** Display names of log members the roster does not know (ParsedLog.names). */
  names: Map<string, string>;
  asOf: Day;
  /** Weeks of the trend (N). */
  weeks: number;
  settings: Pick<AuditSettings, 'genuineAt'>;
}

/** Before every day a log can hold: a member without a training date. */
const NO_DAY = -2_147_483_648;
/** As-is and light edits are accepted (spec §4): OUTCOMES indices 0 and 1. */
const ACCEPTED_BELOW = 2;

export function validateHistoryWeeks(weeks: number) {
  if (!Number.isInteger(weeks) || weeks < 2 || weeks > 520) {
    throw new RangeError(`The trend must be a whole number of weeks from 2 to 520, not ${weeks}.`);
  }
}

/** The members the history speaks of: the roster's first, then the log's others, by identity key. */
interface Members {
  keys: string[];
  names: string[];
  /** 1 when in scope whenever seen (the roster's status; without a roster, everyone). */
  scoped: Uint8Array;
  trainingDays: Int32Array;
  /** Per member cell of the run table: the member's index here. */
  ofCell: Int32Array;
}

function membersOf(table: RunTable, input: HistoryInput): Members {
  const index = new Map<string, number>();
  const keys: string[] = [];
  const names: string[] = [];
  const training: number[] = [];
  const scoped: number[] = [];
  for (const member of input.roster?.members ?? []) {
    index.set(member.key, keys.length);
    keys.push(member.key);
    names.push(member.name);
    training.push(member.trainingDay ?? NO_DAY);
    scoped.push(member.status === 'no-anchor' ? 0 : 1);
  }
  const ofCell = new Int32Array(table.memberKeys.length);
  table.memberKeys.forEach((key, cell) => {
    let m = index.get(key);
    if (m === undefined) {
      m = keys.length;
      index.set(key, m);
      keys.push(key);
      names.push(input.names.get(key) ?? key);
      training.push(NO_DAY);
      // Log members the roster does not know are out of scope (spec §5, as the audit).
      scoped.push(input.roster ? 0 : 1);
    }
    ofCell[cell] = m;
  });
  return {
    keys,
    names,
    scoped: Uint8Array.from(scoped),
    trainingDays: Int32Array.from(training),
    ofCell,
  };
}

export function computeHistory(input: HistoryInput): History {
  validateHistoryWeeks(input.weeks);
  const table = input.runs instanceof RunTable ? input.runs : RunTable.fromRuns(input.runs);
  const members = membersOf(table, input);
  const counts = countWeeks(table, members, input);
  const scope: Scope = {
    members,
    counts,
    weeks: input.weeks,
    hasRoster: input.roster !== null,
    genuineAt: input.settings.genuineAt,
  };
  const { cohorts, allCohorts } = cohortCurves(members, counts.cohortUses, input.asOf, scope.genuineAt);
  return { weeks: trendOf(scope, input.asOf), cohorts, allCohorts, transitions: transitionsOf(scope, input.asOf) };
}

/** The per-week and per-member counters every figure of the history is read off. */
interface WeekCounts {
  /** Per week index k, counting back from the as-of date: k = 0 is the week ending on it. */
  weekRuns: Int32Array;
  weekAccepted: Int32Array;
  /** Per member × week index: runs, and unprompted runs (uses). */
  memberWeekRuns: Int32Array;
  memberWeekUses: Int32Array;
  /** Per member × week since training (COHORT_WEEKS): uses. */
  cohortUses: Int32Array;
  /** The member's first run on or before the as-of date: without a roster, in scope from that week on. */
  firstDay: Int32Array;
}

/** The one pass over the runs, into WeekCounts. */
function countWeeks(table: RunTable, members: Members, input: HistoryInput): WeekCounts {
  const { asOf, weeks } = input;
  const count = members.keys.length;
  const trendStart = asOf - 7 * weeks + 1;
  const cohortSpan = 7 * COHORT_WEEKS;
  const weekRuns = new Int32Array(weeks);
  const weekAccepted = new Int32Array(weeks);
  const memberWeekRuns = new Int32Array(count * weeks);
  const memberWeekUses = new Int32Array(count * weeks);
  const cohortUses = new Int32Array(count * COHORT_WEEKS);
  const firstDay = new Int32Array(count).fill(2_147_483_647);
  const { trainingDays, ofCell } = members;
  const { days, members: cellOf, outcomes, prompted } = table;

  // With a roster, scope does not depend on when a member was first seen, so the runs before both
  // the trend and every cohort's first week (most of a long log) are passed over with one compare.
  const from = input.roster ? Math.min(trendStart, earliestCohortDay(trainingDays)) : NO_DAY;
  for (let i = 0; i < table.length; i++) {
    const day = days[i];
    if (day > asOf || day < from) continue;
    const m = ofCell[cellOf[i]];
    if (day < firstDay[m]) firstDay[m] = day;
    const unprompted = prompted[i] === 0;
    if (day >= trendStart) {
      const k = ((asOf - day) / 7) | 0;
      weekRuns[k]++;
      if (outcomes[i] < ACCEPTED_BELOW) weekAccepted[k]++;
      memberWeekRuns[m * weeks + k]++;
      if (unprompted) memberWeekUses[m * weeks + k]++;
    }
    if (unprompted) {
      // Week k since training is the 7 days ending on T + 7k: days T+1 … T+7 are week 1.
      const sinceTraining = day - trainingDays[m];
      if (sinceTraining >= 1 && sinceTraining <= cohortSpan)
        cohortUses[m * COHORT_WEEKS + (((sinceTraining - 1) / 7) | 0)]++;
    }
  }
  return { weekRuns, weekAccepted, memberWeekRuns, memberWeekUses, cohortUses, firstDay };
}

/** What the trend and the transitions read: who is in scope by a day, who was a genuine adopter in a week. */
interface Scope {
  members: Members;
  counts: WeekCounts;
  weeks: number;
  hasRoster: boolean;
  genuineAt: number;
}

function inScopeBy(scope: Scope, m: number, end: Day): boolean {
  return scope.members.scoped[m] === 1 && (scope.hasRoster || scope.counts.firstDay[m] <= end);
}

function genuineIn(scope: Scope, m: number, k: number): boolean {
  return scope.counts.memberWeekUses[m * scope.weeks + k] >= scope.genuineAt;
}

/** The weekly trend, oldest week first. */
function trendOf(scope: Scope, asOf: Day): HistoryWeek[] {
  const { members, counts, weeks, hasRoster } = scope;
  const { trainingDays } = members;
  const { weekRuns, weekAccepted, memberWeekRuns } = counts;
  const trend: HistoryWeek[] = [];
  for (let k = weeks - 1; k >= 0; k--) {
    const end = asOf - 7 * k;
    let inScope = 0;
    let genuine = 0;
    let trained = 0;
    let active = 0;
    for (let m = 0; m < members.keys.length; m++) {
      if (memberWeekRuns[m * weeks + k] > 0) active++;
      if (!inScopeBy(scope, m, end)) continue;
      inScope++;
      if (genuineIn(scope, m, k)) genuine++;
      if (trainingDays[m] !== NO_DAY && trainingDays[m] <= end) trained++;
    }
    trend.push({
      asOf: dayToIso(end),
      membersInScope: inScope,
      genuineAdopters: genuine,
      adoptionRate: inScope ? genuine / inScope : null,
      trainingCompletionRate: hasRoster && inScope ? trained / inScope : null,
      runs: weekRuns[k],
      activeMembers: active,
      blendedAcceptanceRate: weekRuns[k] ? weekAccepted[k] / weekRuns[k] : null,
    });
  }
  return trend;
}

/** This week's transitions against last week's, each list by name. */
function transitionsOf(scope: Scope, asOf: Day): Transitions {
  const transitions: Transitions = { retained: [], newAdopters: [], reactivated: [], lapsed: [] };
  for (let m = 0; m < scope.members.keys.length; m++) {
    if (!inScopeBy(scope, m, asOf)) continue;
    const now = genuineIn(scope, m, 0);
    const before = genuineIn(scope, m, 1);
    const name = scope.members.names[m];
    if (now && before) transitions.retained.push(name);
    else if (before) transitions.lapsed.push(name);
    else if (now) {
      let earlier = false;
      for (let k = 2; k < scope.weeks && !earlier; k++) earlier = genuineIn(scope, m, k);
      (earlier ? transitions.reactivated : transitions.newAdopters).push(name);
    }
  }
  for (const list of Object.values(transitions) as string[][]) list.sort(byName);
  return transitions;
}

/** The first day of the earliest week 1 since training, or the end of time when no one has a training date. */
function earliestCohortDay(trainingDays: Int32Array): Day {
  let earliest = 2_147_483_647;
  for (const day of trainingDays) if (day !== NO_DAY && day + 1 < earliest) earliest = day + 1;
  return earliest;
}

function byName(a: string, b: string): number {
  return a.localeCompare(b);
}

/** Monday of the Monday–Sunday week holding `day`. */
export function mondayOf(day: Day): Day {
  return day - ((weekday(day) + 6) % 7);
}

interface CohortTally {
  monday: Day;
  members: { name: string; trainingDay: Day; m: number }[];
}

function cohortCurves(
  members: Members,
  cohortUses: Int32Array,
  asOf: Day,
  genuineAt: number,
): { cohorts: Cohort[]; allCohorts: (number | null)[] } {
  const byMonday = new Map<Day, CohortTally>();
  members.keys.forEach((_, m) => {
    const trainingDay = members.trainingDays[m];
    if (!members.scoped[m] || trainingDay === NO_DAY) return;
    const monday = mondayOf(trainingDay);
    let cohort = byMonday.get(monday);
    if (!cohort) byMonday.set(monday, (cohort = { monday, members: [] }));
    cohort.members.push({ name: members.names[m], trainingDay, m });
  });
  const curve = (group: CohortTally['members']) => {
    const genuine: number[] = [];
    const ended: number[] = [];
    for (let k = 1; k <= COHORT_WEEKS; k++) {
      let g = 0;
      let e = 0;
      for (const { trainingDay, m } of group) {
        if (trainingDay + 7 * k > asOf) continue;
        e++;
        if (cohortUses[m * COHORT_WEEKS + k - 1] >= genuineAt) g++;
      }
      genuine.push(g);
      ended.push(e);
    }
    return { genuine, ended, genuineShare: ended.map((e, i) => (e ? genuine[i] / e : null)) };
  };
  const cohorts = [...byMonday.values()]
    .sort((a, b) => a.monday - b.monday)
    .map((c) => ({
      week: dayToIso(c.monday),
      members: c.members.map((x) => x.name).sort(byName),
      ...curve(c.members),
    }));
  const all = [...byMonday.values()].flatMap((c) => c.members);
  return { cohorts, allCohorts: curve(all).genuineShare };
}
