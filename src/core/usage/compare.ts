/**
 * The usage log against the team's log (spec §15): each period of use beside the runs the member
 * logged over exactly that period, the status of each, the member's status as of the audit date,
 * the usage adopters, and who is absent from an export. The log is read in one pass for every
 * period: each member's logged days become a sorted list with running totals, and a period is two
 * binary searches.
 */
import { dayToIso, type Day } from '../base/dates';
import type { RosterMember } from '../base/types';
import type { RunTable } from '../sheets/run-table';
import { mergeRecords } from './read';
import type {
  MemberUsage,
  MemberUsageStatus,
  NotInExport,
  PeriodStatus,
  ReadUsageSource,
  UnreadUsageSource,
  UsageAdopters,
  UsagePeriod,
  UsageRecord,
  UsageView,
} from './types';
import { usageLine } from './wording';

/** Each member's days with runs, ascending, and the runs before each (cum[i] = runs on days[0..i-1]). */
interface LoggedDays {
  days: Int32Array;
  cum: Int32Array;
}

/**
 * One pass over the log: every member's logged days with running run counts. The runs' days are
 * grouped by roster member with a counting sort on typed arrays, then each member's days sorted
 * and run-length counted: no Map per run (a Map<day, count> per member took 18 ms on a
 * 100,000-run log, more than reading the log itself; BENCHMARKS.md).
 */
export function indexLoggedDays(runs: RunTable): Map<string, LoggedDays> {
  // Several member cells ("Ana", "ana@…") may be one roster member: their runs join under its key.
  const keyIndex = new Map<string, number>();
  const keys: string[] = [];
  const groupOf = new Int32Array(runs.memberKeys.length);
  runs.memberKeys.forEach((key, m) => {
    let g = keyIndex.get(key);
    if (g === undefined) {
      g = keys.length;
      keyIndex.set(key, g);
      keys.push(key);
    }
    groupOf[m] = g;
  });
  const start = new Int32Array(keys.length + 1);
  for (let i = 0; i < runs.length; i++) start[groupOf[runs.members[i]] + 1]++;
  for (let g = 0; g < keys.length; g++) start[g + 1] += start[g];
  const next = start.slice(0, keys.length);
  const days = new Int32Array(runs.length);
  for (let i = 0; i < runs.length; i++) days[next[groupOf[runs.members[i]]]++] = runs.days[i];
  const index = new Map<string, LoggedDays>();
  for (let g = 0; g < keys.length; g++) {
    const own = days.subarray(start[g], start[g + 1]).sort();
    if (own.length === 0) continue;
    const distinct = new Int32Array(own.length);
    const cum = new Int32Array(own.length + 1);
    let n = 0;
    for (let i = 0; i < own.length; i++) {
      if (n === 0 || distinct[n - 1] !== own[i]) {
        distinct[n] = own[i];
        cum[n + 1] = cum[n];
        n++;
      }
      cum[n]++;
    }
    index.set(keys[g], { days: distinct.slice(0, n), cum: cum.slice(0, n + 1) });
  }
  return index;
}

/** First index whose day is ≥ `day`. */
function lowerBound(days: Int32Array, day: Day): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid] < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function loggedIn(index: ReadonlyMap<string, LoggedDays>, key: string, from: Day, to: Day) {
  const logged = index.get(key);
  if (!logged) return { loggedRuns: 0, loggedDays: 0 };
  const lo = lowerBound(logged.days, from);
  const hi = lowerBound(logged.days, to + 1);
  return { loggedRuns: logged.cum[hi] - logged.cum[lo], loggedDays: hi - lo };
}

/** The status of one period (spec §15, the first rule that holds). */
export function periodStatus(p: {
  active: boolean;
  activeDays: number | null;
  loggedRuns: number;
  loggedDays: number;
}): PeriodStatus {
  if (p.active && p.loggedRuns === 0) return 'not logging';
  if (p.activeDays !== null && p.activeDays >= 2 && p.loggedRuns >= 1 && p.loggedDays * 2 < p.activeDays)
    return 'under-logging';
  if (!p.active && p.loggedRuns >= 1) return 'not seen in the tool';
  return 'consistent';
}

/** A member's status over their as-of periods (one per tool). */
export function memberStatus(statuses: readonly PeriodStatus[]): MemberUsageStatus {
  if (statuses.length === 0) return 'no usage data';
  if (statuses.includes('not logging')) return 'not logging';
  if (statuses.includes('under-logging')) return 'under-logging';
  if (statuses.every((s) => s === 'not seen in the tool')) return 'not seen in the tools';
  return 'consistent';
}

/** Plain code-unit order, the same everywhere (no locale). */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Days in a week: the Genuine threshold is in uses per week, active days are scaled to a week. */
const DAYS_PER_WEEK = 7;

export interface UsageInput {
  sources: readonly ReadUsageSource[];
  refused: UnreadUsageSource[];
  runs: RunTable;
  /** The roster's members (those out of scope are shown, not counted). */
  members: readonly RosterMember[];
  asOf: Day;
  /** Uses per week from which a member is a Genuine adopter (spec §3). */
  genuineAt: number;
}

interface Compared extends UsagePeriod {
  key: string;
  fromDay: Day;
  toDay: Day;
  countLabel: string | null;
}

function comparePeriods(input: UsageInput, byKey: Map<string, RosterMember>): Compared[] {
  const index = indexLoggedDays(input.runs);
  const compared: Compared[] = [];
  const labels = new Map<string, string | null>();
  for (const source of input.sources)
    for (const r of source.records) labels.set(r.tool, labels.get(r.tool) ?? source.countLabel);
  const records: UsageRecord[] = mergeRecords(input.sources.flatMap((s) => s.records));
  for (const r of records) {
    const member = byKey.get(r.memberKey);
    if (!member) continue;
    const { loggedRuns, loggedDays } = loggedIn(index, r.memberKey, r.from, r.to);
    compared.push({
      member: member.name,
      tool: r.tool,
      from: dayToIso(r.from),
      to: dayToIso(r.to),
      activeDays: r.activeDays,
      activity: r.activity,
      loggedRuns,
      loggedDays,
      status: periodStatus({ active: r.active, activeDays: r.activeDays, loggedRuns, loggedDays }),
      key: r.memberKey,
      fromDay: r.from,
      toDay: r.to,
      countLabel: labels.get(r.tool) ?? null,
    });
  }
  return compared.sort(
    (a, b) => byText(a.member, b.member) || byText(a.tool, b.tool) || a.fromDay - b.fromDay || a.toDay - b.toDay,
  );
}

function publicPeriod(p: Compared): UsagePeriod {
  const { member, tool, from, to, activeDays, activity, loggedRuns, loggedDays, status } = p;
  return { member, tool, from, to, activeDays, activity, loggedRuns, loggedDays, status };
}

/** Per member and tool, the latest period ending on or before as-of and no earlier than as-of − 13. */
function asOfPeriods(periods: readonly Compared[], asOf: Day): Map<string, Compared[]> {
  const latest = new Map<string, Compared>();
  for (const p of periods) {
    if (p.toDay > asOf || p.toDay < asOf - 13) continue;
    const id = `${p.key}\u0000${p.tool}`;
    const seen = latest.get(id);
    if (!seen || p.toDay > seen.toDay || (p.toDay === seen.toDay && p.fromDay > seen.fromDay)) latest.set(id, p);
  }
  const byMember = new Map<string, Compared[]>();
  for (const p of latest.values()) byMember.set(p.key, [...(byMember.get(p.key) ?? []), p]);
  for (const list of byMember.values()) list.sort((a, b) => byText(a.tool, b.tool));
  return byMember;
}

function usageAdopters(
  inScope: readonly RosterMember[],
  asOf: Map<string, Compared[]>,
  genuineAt: number,
): UsageAdopters {
  let known = 0;
  let adopters = 0;
  for (const m of inScope) {
    const withDays = (asOf.get(m.key) ?? []).filter((p) => p.activeDays !== null);
    if (withDays.length === 0) continue;
    known++;
    const perWeek = Math.min(
      DAYS_PER_WEEK,
      withDays.reduce((sum, p) => sum + (p.activeDays! * DAYS_PER_WEEK) / (p.toDay - p.fromDay + 1), 0),
    );
    if (perWeek >= genuineAt) adopters++;
  }
  return { adopters, known, rate: known === 0 ? null : Math.round((adopters / known) * 100) / 100 };
}

function notInExport(input: UsageInput, inScope: readonly RosterMember[], periods: readonly Compared[]): NotInExport[] {
  const present = new Set(periods.map((p) => `${p.key}\u0000${p.tool}\u0000${p.fromDay}\u0000${p.toDay}`));
  const listed = new Map<string, { tool: string; from: Day; to: Day }>();
  for (const s of input.sources)
    for (const l of s.listedPeriods) {
      listed.set(`${l.tool}\u0000${l.from}\u0000${l.to}`, l);
      // A member whose row of this source could not be read is in it (the row is listed as
      // skipped): which period that row meant is not known, so none of the source's periods.
      for (const m of s.skippedMembers)
        if (m.tool === l.tool) present.add(`${m.memberKey}\u0000${l.tool}\u0000${l.from}\u0000${l.to}`);
    }
  const absent: NotInExport[] = [];
  for (const l of listed.values())
    for (const m of inScope)
      if (!present.has(`${m.key}\u0000${l.tool}\u0000${l.from}\u0000${l.to}`))
        absent.push({ member: m.name, tool: l.tool, from: dayToIso(l.from), to: dayToIso(l.to) });
  return absent.sort(
    (a, b) => byText(a.member, b.member) || byText(a.tool, b.tool) || byText(a.from, b.from) || byText(a.to, b.to),
  );
}

/** The whole comparison: what the sidebar, the audit sheet, the diagnosis and `--json` show. */
export function compareUsage(input: UsageInput): UsageView {
  const byKey = new Map(input.members.map((m) => [m.key, m]));
  const inScope = input.members.filter((m) => m.status !== 'no-anchor');
  const periods = comparePeriods(input, byKey);
  const asOf = asOfPeriods(periods, input.asOf);
  const members: MemberUsage[] = [...inScope]
    .sort((a, b) => byText(a.name, b.name))
    .map((m) => {
      const own = asOf.get(m.key) ?? [];
      return {
        member: m.name,
        status: memberStatus(own.map((p) => p.status)),
        periods: own.map(publicPeriod),
        lines: own.map((p) => usageLine(p, p.countLabel)),
      };
    });
  return {
    sources: input.sources.map((s) => s.summary),
    periods: periods.map(publicPeriod),
    members,
    usageAdopters: usageAdopters(inScope, asOf, input.genuineAt),
    notInExport: notInExport(input, inScope, periods),
    notOnRoster: input.sources.flatMap((s) => s.notOnRoster),
    skippedUsageRows: input.sources.flatMap((s) => s.skipped),
    refused: input.refused,
  };
}
