/**
 * The adoption audit (spec §2–§6, §9, §10), in named steps: one pass over the runs (tally.ts),
 * then the workflow, member and team reports, the diagnosis, the notices and the headline.
 * Pure: the same input gives the same audit in Sheets, in tests and in `npm start`.
 */
import { dayToIso, type Day } from '../base/dates';
import {
  CATEGORIES,
  MIN_RUNS_FOR_WORKFLOW_VERDICT,
  type AuditSettings,
  type Category,
  type Roster,
  type Run,
  type RowProblem,
} from '../base/types';
import type { Audit, MemberReport, TeamReport, WorkflowReport } from './audit-types';
import { diagnose } from './diagnosis';
import { futureRowNotices } from './future-rows';
import { headline } from './headline';
import { memberReports, orderMembers } from './member-report';
import { acceptanceRate } from './rates';
import { tallyRuns, type RunTally, type WorkflowTally } from './tally';
import { RunTable } from '../sheets/run-table';

import type { UsageView } from '../usage/types';

export interface AuditInput {
  /** The log's runs: its RunTable (fast), or Run objects. */
  runs: RunTable | readonly Run[];
  /** null when there is no roster: every member seen in the log is then in scope. */
  roster: Roster | null;
  /** Display names of log members the roster does not know (ParsedLog.names). */
  names: Map<string, string>;
  asOf: Day;
  weeks: number;
  settings: AuditSettings;
  skippedRows?: RowProblem[];
  notices?: RowProblem[];
  /** Today in the spreadsheet's zone: runs dated after it are reported as notices (likely typos). */
  today?: Day;
  /** Runs before this day are left out (figures "since training" for a reminder). */
  fromDay?: Day;
  /** The usage exports compared with the log as of `asOf` (spec §15), when there are any. */
  usage?: UsageView | null;
}

export function validateWindow(weeks: number) {
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 520) {
    throw new RangeError(`The window must be a whole number of weeks from 1 to 520, not ${weeks}.`);
  }
}

export function runAudit(input: AuditInput): Audit {
  const { asOf, weeks, settings } = input;
  validateWindow(weeks);
  const table = input.runs instanceof RunTable ? input.runs : RunTable.fromRuns(input.runs);
  const windowStart = asOf - 7 * weeks + 1;
  const hasRoster = input.roster !== null;

  const tally = tallyRuns(table, input.roster?.members ?? [], { asOf, windowStart, fromDay: input.fromDay });
  const workflows = workflowReports(tally.workflows.values(), settings);
  const members = memberReports(tally.members.values(), { asOf, weeks, settings, hasRoster, names: input.names });
  const team = teamReport(members, workflows, tally, hasRoster, asOf);
  // The diagnosis reads the members in the tallies' order, before they are put in display order.
  const diagnosis = diagnose({ members, tallies: tally.members, settings, asOf, usage: input.usage ?? null });
  orderMembers(members);

  return {
    asOf: dayToIso(asOf),
    weeks,
    windowStart: dayToIso(windowStart),
    settings,
    headline: teamHeadline(team, weeks),
    team,
    members,
    workflows,
    diagnosis,
    skippedRows: input.skippedRows ?? [],
    notices: auditNotices(input, table, members),
    ...(input.usage ? { usage: input.usage } : {}),
  };
}

/** Each workflow run in the window, busiest first, with its acceptance against the target. */
function workflowReports(tallies: Iterable<WorkflowTally>, settings: AuditSettings): WorkflowReport[] {
  return [...tallies]
    .map((w) => {
      const rate = acceptanceRate(w.outcomes);
      return {
        workflow: w.workflow,
        runs: w.runs,
        members: w.members.size,
        acceptanceRate: rate,
        belowTarget: w.runs >= MIN_RUNS_FOR_WORKFLOW_VERDICT && rate !== null && rate < settings.acceptanceTarget,
        editTypes: w.editTypes,
      };
    })
    .sort((a, b) => b.runs - a.runs || a.workflow.localeCompare(b.workflow));
}

/** The team's figures: categories and adoption of the members in scope, against training (spec §3, §5). */
function teamReport(
  members: MemberReport[],
  workflows: WorkflowReport[],
  tally: RunTally,
  hasRoster: boolean,
  asOf: Day,
): TeamReport {
  const inScope = members.filter((m) => m.inScope);
  const categories = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  for (const m of inScope) categories[m.category]++;
  const genuineAdopters = categories['Genuine adopter'];
  const adoptionRate = inScope.length ? genuineAdopters / inScope.length : null;
  const trainingCompletionRate =
    hasRoster && inScope.length
      ? inScope.filter((m) => m.trainingDate !== null && isoDayOnOrBefore(m.trainingDate, asOf)).length / inScope.length
      : null;
  return {
    membersInScope: inScope.length,
    genuineAdopters,
    categories,
    adoptionRate,
    trainingCompletionRate,
    gap: adoptionRate !== null && trainingCompletionRate !== null ? trainingCompletionRate - adoptionRate : null,
    blendedAcceptanceRate: acceptanceRate(tally.outcomes),
    runs: tally.runs,
    activeMembers: members.filter((m) => m.runs > 0).length,
    workflowsBelowThreshold: workflows.filter((w) => w.belowTarget).map((w) => w.workflow),
    editTypes: tally.editTypes,
  };
}

/** The reader's notices: the parse's, runs dated after today, and log members the roster lacks. */
function auditNotices(input: AuditInput, table: RunTable, members: MemberReport[]): RowProblem[] {
  const notices = [
    ...(input.notices ?? []),
    ...(input.today === undefined ? [] : futureRowNotices(table, input.today)),
  ];
  if (input.roster !== null) {
    for (const m of members.filter((x) => !x.onRoster)) {
      notices.push({
        row: 0,
        reason: `"${m.member}" is in the log but not on the roster: add them to the roster, or log them under their roster name or email. Their runs count in the team's sessions but not in the adoption rate.`,
      });
    }
  }
  return notices;
}

function teamHeadline(team: TeamReport, weeks: number): string {
  return headline({
    activeMembers: team.activeMembers,
    runs: team.runs,
    blendedAcceptanceRate: team.blendedAcceptanceRate,
    workflowsBelow: team.workflowsBelowThreshold.length,
    weeks,
  });
}

function isoDayOnOrBefore(iso: string, day: Day): boolean {
  return iso <= dayToIso(day);
}
