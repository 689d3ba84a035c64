/**
 * The audit's one pass over the runs: per member, per workflow and team counters for the window,
 * and the facts about training and history the diagnosis and the six-week decision read. This is
 * the audit's hot path: a long log is millions of runs, so the loop reads the RunTable's typed
 * arrays and allocates nothing per run (BENCHMARKS.md).
 */
import type { Day } from '../base/dates';
import { memberKey } from '../base/text';
import { OUTCOMES, type EditType, type Outcome, type RosterMember, type Run } from '../base/types';
import type { MemberTally } from './audit-types';
import { trainedWorkflowKeys } from '../sheets/roster';
import { addEditMask, emptyEditTypes, emptyOutcomes } from './rates';
import type { RunTable } from '../sheets/run-table';

/** How many of a member's first runs since training the tally keeps (for the diagnosis). */
export const EARLY_RUNS_CONSIDERED = 3;

/** Before every day a log can hold: "no training date" compares as trained long ago. */
const NO_DAY = -2_147_483_648;

export interface WorkflowTally {
  workflow: string;
  runs: number;
  /** Keys of the members who ran it in the window. */
  members: Set<string>;
  outcomes: Record<Outcome, number>;
  editTypes: Record<EditType, number>;
}

export interface RunTally {
  /** By member key: roster members first, in roster order, then the log's others as they appear. */
  members: Map<string, MemberTally>;
  /** By workflow key, in the order they first appear in the window. */
  workflows: Map<string, WorkflowTally>;
  /** The team's runs in the window, their outcomes and edit types. */
  runs: number;
  outcomes: Record<Outcome, number>;
  editTypes: Record<EditType, number>;
}

export interface TallySpan {
  asOf: Day;
  /** First day of the window. */
  windowStart: Day;
  /** Runs before this day are left out altogether (figures "since training"). */
  fromDay?: Day;
}

/** What the loop needs per member, worked out once rather than once per run. */
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

/**
 * Roster members' runs before their training and before the window ("history"): they only move
 * the member's last run day and 90-day workflows, so the loop keeps them per member cell and
 * they are merged afterwards, without touching the member's tally run by run.
 */
interface History {
  /** Per member cell: runs before this day are history (NO_DAY for members not on the roster). */
  before: Int32Array;
  lastDay: Int32Array;
  /** Per member cell × workflow index: 1 when a history run is in the last 90 days. */
  last90: Uint8Array;
}

/** Counts the runs of `table` in the span, for the roster's members and every member the log names. */
export function tallyRuns(table: RunTable, rosterMembers: readonly RosterMember[], span: TallySpan): RunTally {
  const workflowCount = table.workflowKeys.length;
  const contexts = new Map<string, TallyContext>();
  for (const member of rosterMembers) contextFor(contexts, member.key, member, workflowCount);
  const rosterContextOf = table.memberKeys.map((key) => contexts.get(key));
  const history = historyBounds(rosterContextOf, workflowCount, span.windowStart);
  const counts = countRuns(table, span, contexts, history);
  mergeHistory(rosterContextOf, history, workflowCount);
  settleWorkflowFacts(contexts.values(), table.workflowKeys);
  const members = new Map<string, MemberTally>();
  for (const [key, context] of contexts) members.set(key, context.tally);
  return { members, ...counts };
}

/** The member's context, made (with an empty tally) the first time the member is met. */
function contextFor(
  contexts: Map<string, TallyContext>,
  key: string,
  rosterMember: RosterMember | null,
  workflowCount: number,
): TallyContext {
  let context = contexts.get(key);
  if (!context) {
    context = {
      tally: emptyTally(key, rosterMember),
      trainedFrom: rosterMember?.trainingDay ?? NO_DAY,
      anchorKey: rosterMember?.anchorWorkflow ? memberKey(rosterMember.anchorWorkflow) : null,
      trained: trainedWorkflowKeys(rosterMember),
      sinceTraining: new Uint8Array(workflowCount),
      last90: new Uint8Array(workflowCount),
    };
    contexts.set(key, context);
  }
  return context;
}

function emptyTally(key: string, rosterMember: RosterMember | null): MemberTally {
  return {
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
}

function historyBounds(
  rosterContextOf: readonly (TallyContext | undefined)[],
  workflowCount: number,
  windowStart: Day,
): History {
  const memberCount = rosterContextOf.length;
  const before = new Int32Array(memberCount).fill(NO_DAY);
  rosterContextOf.forEach((context, m) => {
    if (context) before[m] = Math.min(context.trainedFrom, windowStart);
  });
  return {
    before,
    lastDay: new Int32Array(memberCount).fill(NO_DAY),
    last90: new Uint8Array(memberCount * workflowCount),
  };
}

/** The one pass: typed arrays in, counters out; nothing here allocates per run. */
function countRuns(
  table: RunTable,
  span: TallySpan,
  contexts: Map<string, TallyContext>,
  history: History,
): Omit<RunTally, 'members'> {
  const { asOf, windowStart } = span;
  const lastWeekStart = asOf - 6;
  const start90 = asOf - 89;
  const fromDay = span.fromDay ?? NO_DAY;
  const workflowCount = table.workflowKeys.length;
  const {
    days,
    members: memberOf,
    workflows: workflowOf,
    outcomes: outcomeOf,
    prompted: promptedOf,
    editMasks,
  } = table;
  const { before: historyBefore, lastDay: historyLastDay, last90: historyLast90 } = history;
  const contextOfMember: (TallyContext | undefined)[] = new Array(table.memberKeys.length);
  const teamOutcomes = emptyOutcomes();
  const teamEditTypes = emptyEditTypes();
  const workflowTallies = new Map<string, WorkflowTally>();
  let teamRuns = 0;

  for (let i = 0; i < table.length; i++) {
    const day = days[i];
    if (day > asOf || day < fromDay) continue;
    const m = memberOf[i];
    if (day < historyBefore[m]) {
      if (day > historyLastDay[m]) historyLastDay[m] = day;
      if (day >= start90) historyLast90[m * workflowCount + workflowOf[i]] = 1;
      continue;
    }
    const context =
      contextOfMember[m] ?? (contextOfMember[m] = contextFor(contexts, table.memberKeys[m], null, workflowCount));
    const tally = context.tally;
    if (tally.lastRunDay === null || day > tally.lastRunDay) tally.lastRunDay = day;
    const w = workflowOf[i];
    if (day >= start90) context.last90[w] = 1;
    const prompted = promptedOf[i] === 1;

    if (day >= context.trainedFrom) countSinceTraining(context, table, i, prompted);

    if (day < windowStart) continue;
    const outcome = OUTCOMES[outcomeOf[i]];
    const mask = outcome === 'light' || outcome === 'heavy' ? editMasks[i] : 0;
    const workflowKey = table.workflowKeys[w];
    tally.runs++;
    if (!prompted) tally.unpromptedRuns++;
    if (day >= lastWeekStart) tally.runsLastWeek++;
    tally.outcomes[outcome]++;
    addEditMask(tally.editTypes, mask);
    const perWorkflow =
      tally.byWorkflow.get(workflowKey) ?? memberWorkflowTally(tally, workflowKey, table.workflowNames[w]);
    perWorkflow.runs++;
    perWorkflow.outcomes[outcome]++;
    addEditMask(perWorkflow.editTypes, mask);

    teamRuns++;
    teamOutcomes[outcome]++;
    addEditMask(teamEditTypes, mask);
    const workflow =
      workflowTallies.get(workflowKey) ?? teamWorkflowTally(workflowTallies, workflowKey, table.workflowNames[w]);
    workflow.runs++;
    workflow.members.add(tally.key);
    workflow.outcomes[outcome]++;
    addEditMask(workflow.editTypes, mask);
  }
  return { workflows: workflowTallies, runs: teamRuns, outcomes: teamOutcomes, editTypes: teamEditTypes };
}

/**
 * A run of the member on or after the training day (run i of the table): the workflow counts as
 * run since training, and the run may be the first unprompted one or among the first few.
 */
function countSinceTraining(context: TallyContext, table: RunTable, i: number, prompted: boolean): void {
  const day = table.days[i];
  const tally = context.tally;
  context.sinceTraining[table.workflows[i]] = 1;
  tally.ranSinceTraining = true;
  if (!prompted && (tally.firstUnpromptedSinceTraining === null || day < tally.firstUnpromptedSinceTraining)) {
    tally.firstUnpromptedSinceTraining = day;
  }
  const early = tally.firstRunsSinceTraining;
  if (early.length < EARLY_RUNS_CONSIDERED || isBefore(day, table.rows[i], early[early.length - 1]))
    insertEarlyRun(early, table.at(i));
}

/** The member's empty counters for a workflow, made the first time the member runs it in the window. */
function memberWorkflowTally(tally: MemberTally, workflowKey: string, workflow: string) {
  const perWorkflow = { workflow, outcomes: emptyOutcomes(), editTypes: emptyEditTypes(), runs: 0 };
  tally.byWorkflow.set(workflowKey, perWorkflow);
  return perWorkflow;
}

/** The team's empty counters for a workflow, made the first time anyone runs it in the window. */
function teamWorkflowTally(workflows: Map<string, WorkflowTally>, workflowKey: string, workflow: string) {
  const tally: WorkflowTally = {
    workflow,
    runs: 0,
    members: new Set(),
    outcomes: emptyOutcomes(),
    editTypes: emptyEditTypes(),
  };
  workflows.set(workflowKey, tally);
  return tally;
}

/** Roster members' history runs into their last run day and 90-day workflows. */
function mergeHistory(rosterContextOf: readonly (TallyContext | undefined)[], history: History, workflowCount: number) {
  for (let m = 0; m < rosterContextOf.length; m++) {
    const context = rosterContextOf[m];
    // Only roster members have history (historyBounds).
    if (history.lastDay[m] === NO_DAY || !context) continue;
    const tally = context.tally;
    if (tally.lastRunDay === null || history.lastDay[m] > tally.lastRunDay) tally.lastRunDay = history.lastDay[m];
    for (let w = 0; w < workflowCount; w++) if (history.last90[m * workflowCount + w]) context.last90[w] = 1;
  }
}

/** Per-workflow flags become the member's facts, by workflow key (several spellings, one workflow). */
function settleWorkflowFacts(contexts: Iterable<TallyContext>, workflowKeys: readonly string[]) {
  for (const context of contexts) {
    const tally = context.tally;
    for (let w = 0; w < workflowKeys.length; w++) {
      const key = workflowKeys[w];
      if (context.last90[w]) tally.workflows90d.add(key);
      if (!context.sinceTraining[w]) continue;
      if (key === context.anchorKey) tally.ranAnchorSinceTraining = true;
      if (context.trained && !context.trained.has(key)) tally.ranUntrainedWorkflow = true;
    }
  }
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
