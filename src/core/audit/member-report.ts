/** Each member's figures from their tally (spec §3–§5, §9): category, acceptance, six-week decision. */
import { dayToIso, type Day } from '../base/dates';
import { CATEGORIES, STATUS_LABELS, type AuditSettings } from '../base/types';
import type { MemberReport, MemberTally } from './audit-types';
import { programmePosition } from '../programme/milestones';
import { acceptanceRate, categoryFor } from './rates';
import { sixWeekDecision } from './six-week';

export interface MemberContext {
  asOf: Day;
  weeks: number;
  settings: AuditSettings;
  /** Without a roster, every member the log names is in scope. */
  hasRoster: boolean;
  /** Display names of log members the roster does not know (ParsedLog.names); else the key shows. */
  names: ReadonlyMap<string, string>;
}

/** One report per tally, in the tallies' order (the diagnosis reads them in it). */
export function memberReports(tallies: Iterable<MemberTally>, ctx: MemberContext): MemberReport[] {
  return [...tallies].map((tally) => memberReport(tally, ctx));
}

function memberReport(tally: MemberTally, ctx: MemberContext): MemberReport {
  const member = tally.rosterMember;
  const usesPerWeek = tally.unpromptedRuns / ctx.weeks;
  const category = categoryFor(usesPerWeek, ctx.settings);
  const rate = acceptanceRate(tally.outcomes);
  const status = member?.status ?? 'active';
  const trainingDay = member?.trainingDay ?? null;
  const firstRun = trainingDay !== null ? tally.firstUnpromptedSinceTraining : null;
  return {
    member: member?.name ?? ctx.names.get(tally.key) ?? tally.key,
    key: tally.key,
    email: member?.email ?? null,
    role: member?.role ?? '',
    onRoster: member !== null,
    inScope: (member !== null || !ctx.hasRoster) && status !== 'no-anchor',
    status,
    statusLabel: STATUS_LABELS[status],
    trainingDate: trainingDay !== null ? dayToIso(trainingDay) : null,
    runs: tally.runs,
    unpromptedRuns: tally.unpromptedRuns,
    usesPerWeek,
    category,
    acceptanceRate: rate,
    outcomes: tally.outcomes,
    workflows: [...tally.byWorkflow.values()]
      .map((w) => ({ workflow: w.workflow, runs: w.runs, acceptanceRate: acceptanceRate(w.outcomes) }))
      .sort((a, b) => b.runs - a.runs || a.workflow.localeCompare(b.workflow)),
    editTypes: tally.editTypes,
    daysToFirstRun: firstRun !== null && trainingDay !== null ? firstRun - trainingDay : null,
    firstRunDate: firstRun !== null ? dayToIso(firstRun) : null,
    workflows90d: tally.workflows90d.size,
    lastRunDate: tally.lastRunDay !== null ? dayToIso(tally.lastRunDay) : null,
    sixWeek: sixWeekDecision({ trainingDay, usesPerWeek, rate, tally, asOf: ctx.asOf, settings: ctx.settings }),
    diagnosis: [],
    followUp: [],
    programme: trainingDay !== null ? programmePosition(trainingDay, ctx.asOf) : null,
  };
}

/** The order the audit shows members in: in scope first, then by category, uses and name. */
export function orderMembers(members: MemberReport[]): void {
  members.sort(
    (a, b) =>
      Number(b.inScope) - Number(a.inScope) ||
      CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) ||
      b.usesPerWeek - a.usesPerWeek ||
      a.member.localeCompare(b.member),
  );
}
