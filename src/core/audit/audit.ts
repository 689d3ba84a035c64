/**
 * The adoption audit (spec §2–§6, §9, §10): one pass over the runs, then per-member and team
 * figures. Pure: the same input gives the same audit in Sheets, in tests and in `npm start`.
 */
import { dayToIso, type Day } from '../base/dates';
import { memberKey } from '../base/text';
import {
  CATEGORIES,
  MIN_RUNS_FOR_WORKFLOW_VERDICT,
  OUTCOMES,
  STATUS_LABELS,
  type AuditSettings,
  type Category,
  type EditType,
  type Outcome,
  type Roster,
  type RosterMember,
  type Run,
  type RowProblem,
} from '../base/types';
import type { Audit, MemberReport, MemberTally, TeamReport, WorkflowReport } from './audit-types';
import { sixWeekDecision } from './six-week';
import { trainedWorkflowKeys } from '../sheets/roster';
import { diagnose } from './diagnosis';
import { acceptanceRate, addEditMask, categoryFor, emptyEditTypes, emptyOutcomes } from './rates';
import { RunTable } from '../sheets/run-table';
import { programmePosition } from '../programme/milestones';
import { headline } from './headline';
import { futureRowNotices } from './future-rows';

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
}

export const EARLY_RUNS_CONSIDERED = 3;

/** Before every day a log can hold: "no training date" compares as trained long ago. */
const NO_DAY = -2_147_483_648;

interface TallyContext {
  tally: MemberTally;
  /** The training day, or NO_DAY. */
  trainedFrom: Day;
  /** The anchor workflow's key; null when the roster names none. */
  anchorKey: string | null;
  /** Trained and anchor workflows' keys; null when the roster names none. */
  trained: Set<string> | null;
  /** Per workflow index of the run table: 1 when run since training, and in the last 90 days. */
  sinceTraining: Uint8Array;
  last90: Uint8Array;
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
  const lastWeekStart = asOf - 6;
  const start90 = asOf - 89;
  const fromDay = input.fromDay ?? NO_DAY;
  const workflowCount = table.workflowKeys.length;
  const rosterMembers = input.roster?.members ?? [];
  const tallies = new Map<string, MemberTally>();
  // What the loop over the runs needs per member, worked out once rather than once per run.
  const contexts = new Map<string, TallyContext>();

  const tallyFor = (key: string, rosterMember: RosterMember | null): TallyContext => {
    let context = contexts.get(key);
    if (!context) {
      const tally: MemberTally = {
        key,
        rosterMember,
        runs: 0,
        unpromptedRuns: 0,
        outcomes: emptyOutcomes(),
        editTypes: emptyEditTypes(),
        byWorkflow: new Map(),
        workflows90d: new Set(),
        runsLastWeek: 0,
        lastRunDay: null,
        firstUnpromptedSinceTraining: null,
        firstRunsSinceTraining: [],
        ranSinceTraining: false,
        ranAnchorSinceTraining: false,
        ranUntrainedWorkflow: false,
      };
      tallies.set(key, tally);
      context = {
        tally,
        trainedFrom: rosterMember?.trainingDay ?? NO_DAY,
        anchorKey: rosterMember?.anchorWorkflow ? memberKey(rosterMember.anchorWorkflow) : null,
        trained: trainedWorkflowKeys(rosterMember),
        sinceTraining: new Uint8Array(workflowCount),
        last90: new Uint8Array(workflowCount),
      };
      contexts.set(key, context);
    }
    return context;
  };
  for (const member of rosterMembers) tallyFor(member.key, member);

  const teamOutcomes = emptyOutcomes();
  const teamEditTypes = emptyEditTypes();
  const workflowTallies = new Map<
    string,
    {
      workflow: string;
      runs: number;
      members: Set<string>;
      outcomes: Record<Outcome, number>;
      editTypes: Record<EditType, number>;
    }
  >();
  let teamRuns = 0;

  // The hot loop: typed arrays in, counters out; nothing here allocates per run.
  const {
    days,
    members: memberOf,
    workflows: workflowOf,
    outcomes: outcomeOf,
    prompted: promptedOf,
    editMasks,
  } = table;
  const memberCount = table.memberKeys.length;
  const contextOfMember: (TallyContext | undefined)[] = new Array(memberCount);
  // Most of a long log is history: runs of roster members before their training and before the
  // window. Those only move the member's last run day and 90-day workflows, kept here per member
  // cell and merged after the loop, so the loop does not touch the member's tally for them.
  const historyBefore = new Int32Array(memberCount).fill(NO_DAY);
  const rosterContextOf = table.memberKeys.map((key) => contexts.get(key));
  rosterContextOf.forEach((context, m) => {
    if (context) historyBefore[m] = Math.min(context.trainedFrom, windowStart);
  });
  const historyLastDay = new Int32Array(memberCount).fill(NO_DAY);
  const historyLast90 = new Uint8Array(memberCount * workflowCount);
  for (let i = 0; i < table.length; i++) {
    const day = days[i];
    if (day > asOf || day < fromDay) continue;
    const m = memberOf[i];
    if (day < historyBefore[m]) {
      if (day > historyLastDay[m]) historyLastDay[m] = day;
      if (day >= start90) historyLast90[m * workflowCount + workflowOf[i]] = 1;
      continue;
    }
    const context = contextOfMember[m] ?? (contextOfMember[m] = tallyFor(table.memberKeys[m], null));
    const tally = context.tally;
    if (tally.lastRunDay === null || day > tally.lastRunDay) tally.lastRunDay = day;
    const w = workflowOf[i];
    if (day >= start90) context.last90[w] = 1;
    const prompted = promptedOf[i] === 1;

    if (day >= context.trainedFrom) {
      context.sinceTraining[w] = 1;
      tally.ranSinceTraining = true;
      if (!prompted && (tally.firstUnpromptedSinceTraining === null || day < tally.firstUnpromptedSinceTraining)) {
        tally.firstUnpromptedSinceTraining = day;
      }
      const early = tally.firstRunsSinceTraining;
      if (early.length < EARLY_RUNS_CONSIDERED || isBefore(day, table.rows[i], early[early.length - 1]))
        insertEarlyRun(early, table.at(i));
    }

    if (day < windowStart) continue;
    const outcome = OUTCOMES[outcomeOf[i]];
    const mask = outcome === 'light' || outcome === 'heavy' ? editMasks[i] : 0;
    const workflowKey = table.workflowKeys[w];
    tally.runs++;
    if (!prompted) tally.unpromptedRuns++;
    if (day >= lastWeekStart) tally.runsLastWeek++;
    tally.outcomes[outcome]++;
    addEditMask(tally.editTypes, mask);
    let perWorkflow = tally.byWorkflow.get(workflowKey);
    if (!perWorkflow) {
      perWorkflow = {
        workflow: table.workflowNames[w],
        outcomes: emptyOutcomes(),
        editTypes: emptyEditTypes(),
        runs: 0,
      };
      tally.byWorkflow.set(workflowKey, perWorkflow);
    }
    perWorkflow.runs++;
    perWorkflow.outcomes[outcome]++;
    addEditMask(perWorkflow.editTypes, mask);

    teamRuns++;
    teamOutcomes[outcome]++;
    addEditMask(teamEditTypes, mask);
    let workflow = workflowTallies.get(workflowKey);
    if (!workflow) {
      workflow = {
        workflow: table.workflowNames[w],
        runs: 0,
        members: new Set(),
        outcomes: emptyOutcomes(),
        editTypes: emptyEditTypes(),
      };
      workflowTallies.set(workflowKey, workflow);
    }
    workflow.runs++;
    workflow.members.add(tally.key);
    workflow.outcomes[outcome]++;
    addEditMask(workflow.editTypes, mask);
  }

  for (let m = 0; m < memberCount; m++) {
    const context = rosterContextOf[m];
    // Only roster members have history (historyBefore).
    if (historyLastDay[m] === NO_DAY || !context) continue;
    const tally = context.tally;
    if (tally.lastRunDay === null || historyLastDay[m] > tally.lastRunDay) tally.lastRunDay = historyLastDay[m];
    for (let w = 0; w < workflowCount; w++) if (historyLast90[m * workflowCount + w]) context.last90[w] = 1;
  }

  // Per-workflow flags become the member's facts, by workflow key (several spellings, one workflow).
  for (const context of contexts.values()) {
    const tally = context.tally;
    for (let w = 0; w < workflowCount; w++) {
      const key = table.workflowKeys[w];
      if (context.last90[w]) tally.workflows90d.add(key);
      if (!context.sinceTraining[w]) continue;
      if (key === context.anchorKey) tally.ranAnchorSinceTraining = true;
      if (context.trained && !context.trained.has(key)) tally.ranUntrainedWorkflow = true;
    }
  }

  const workflows: WorkflowReport[] = [...workflowTallies.values()]
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

  const hasRoster = input.roster !== null;
  const members: MemberReport[] = [...tallies.values()].map((tally) =>
    memberReport(tally, { asOf, weeks, settings, hasRoster, name: input.names.get(tally.key) ?? tally.key }),
  );

  const inScope = members.filter((m) => m.inScope);
  const categories = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  for (const m of inScope) categories[m.category]++;
  const genuineAdopters = categories['Genuine adopter'];
  const adoptionRate = inScope.length ? genuineAdopters / inScope.length : null;
  const trainingCompletionRate =
    hasRoster && inScope.length
      ? inScope.filter((m) => m.trainingDate !== null && isoDayOnOrBefore(m.trainingDate, asOf)).length / inScope.length
      : null;
  const team: TeamReport = {
    membersInScope: inScope.length,
    genuineAdopters,
    categories,
    adoptionRate,
    trainingCompletionRate,
    gap: adoptionRate !== null && trainingCompletionRate !== null ? trainingCompletionRate - adoptionRate : null,
    blendedAcceptanceRate: acceptanceRate(teamOutcomes),
    runs: teamRuns,
    activeMembers: members.filter((m) => m.runs > 0).length,
    workflowsBelowThreshold: workflows.filter((w) => w.belowTarget).map((w) => w.workflow),
    editTypes: teamEditTypes,
  };

  const diagnosis = diagnose({ members, tallies, team, settings, asOf });
  members.sort(
    (a, b) =>
      Number(b.inScope) - Number(a.inScope) ||
      CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) ||
      b.usesPerWeek - a.usesPerWeek ||
      a.member.localeCompare(b.member),
  );

  const notices = [
    ...(input.notices ?? []),
    ...(input.today === undefined ? [] : futureRowNotices(table, input.today)),
  ];
  if (hasRoster) {
    for (const m of members.filter((x) => !x.onRoster)) {
      notices.push({
        row: 0,
        reason: `"${m.member}" is in the log but not on the roster: add them to the roster, or log them under their roster name or email. Their runs count in the team's sessions but not in the adoption rate.`,
      });
    }
  }

  return {
    asOf: dayToIso(asOf),
    weeks,
    windowStart: dayToIso(windowStart),
    settings,
    headline: headline({
      activeMembers: team.activeMembers,
      runs: team.runs,
      blendedAcceptanceRate: team.blendedAcceptanceRate,
      workflowsBelow: team.workflowsBelowThreshold.length,
      weeks,
    }),
    team,
    members,
    workflows,
    diagnosis,
    skippedRows: input.skippedRows ?? [],
    notices,
  };
}

function isoDayOnOrBefore(iso: string, day: Day): boolean {
  return iso <= dayToIso(day);
}

/** Date then row order: the order the runs happened in, as far as the log tells. */
function isBefore(day: Day, row: number, other: Run): boolean {
  return day < other.day || (day === other.day && row < other.row);
}

function insertEarlyRun(early: Run[], run: Run) {
  let i = early.length;
  while (i > 0 && isBefore(run.day, run.row, early[i - 1])) i--;
  early.splice(i, 0, run);
  if (early.length > EARLY_RUNS_CONSIDERED) early.pop();
}

interface MemberContext {
  asOf: Day;
  weeks: number;
  settings: AuditSettings;
  hasRoster: boolean;
  name: string;
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
    member: member?.name ?? ctx.name,
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
