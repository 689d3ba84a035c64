/**
 * The `--json` output: the audit the bundle returned, narrowed to a stable shape for scripts.
 * Rates are numbers from 0 to 1 (null when there is nothing to measure), never rounded.
 */
import type { Audit, Finding, SixWeek, TeamReport } from '../src/core/audit/audit-types';
import type { Category, RowProblem } from '../src/core/base/types';
import type { ProgrammeView } from '../src/core/programme/replacement';
import type { SimulatedEmail } from './emails';
import type { JsonHistory } from './history-view';
import type { JsonInterventions } from './interventions-json';
import type { JsonUsage } from './usage-view';

/**
 * Everything `npm start -- --json` prints. docs/json.md documents every key of it, and
 * test/local/json-reference.test.ts fails, naming the keys, when the two differ: a key added here
 * needs its row there.
 */
export type JsonOutput = JsonAudit &
  JsonInterventions & {
    history: JsonHistory;
    programme: JsonProgramme | null;
    emails: JsonEmail[];
    usage?: JsonUsage;
  };

export interface JsonMember {
  /** The roster's name (or the log's spelling for someone not on the roster). */
  member: string;
  inScope: boolean;
  category: Category;
  usesPerWeek: number;
  /** null when the member has no runs in the window. */
  acceptanceRate: number | null;
  runs: number;
  /** null when there is no unprompted run since training yet (or no training date). */
  daysToFirstRun: number | null;
  workflows90d: number;
  /** The whole six-week decision (spec §9): status, label, next step, due date and the three tests. */
  sixWeek: SixWeek;
  /** The member's suggested causes with their evidence (spec §10). */
  diagnosis: Finding[];
}

export interface JsonAudit {
  asOf: string;
  weeks: number;
  headline: string;
  team: Pick<
    TeamReport,
    | 'membersInScope'
    | 'genuineAdopters'
    | 'adoptionRate'
    | 'trainingCompletionRate'
    | 'gap'
    | 'blendedAcceptanceRate'
    | 'runs'
    | 'activeMembers'
    | 'workflowsBelowThreshold'
  > & {
    /** Team-level findings: wrong metric, no peer advocacy, workflow-level gaps. */
    diagnosis: Finding[];
  };
  members: JsonMember[];
  skippedRows: { row: number; reason: string; sheet?: string }[];
  /** Rows read with a caveat, and roster problems: the same notes the audit sheet lists. */
  notices: { row: number; reason: string; sheet?: string }[];
}

function rowProblem(problem: RowProblem) {
  return problem.sheet === undefined
    ? { row: problem.row, reason: problem.reason }
    : { row: problem.row, reason: problem.reason, sheet: problem.sheet };
}

export function auditJson(audit: Audit): JsonAudit {
  const t = audit.team;
  return {
    asOf: audit.asOf,
    weeks: audit.weeks,
    headline: audit.headline,
    team: {
      membersInScope: t.membersInScope,
      genuineAdopters: t.genuineAdopters,
      adoptionRate: t.adoptionRate,
      trainingCompletionRate: t.trainingCompletionRate,
      gap: t.gap,
      blendedAcceptanceRate: t.blendedAcceptanceRate,
      runs: t.runs,
      activeMembers: t.activeMembers,
      workflowsBelowThreshold: [...t.workflowsBelowThreshold],
      diagnosis: audit.diagnosis.filter((f) => f.member === undefined),
    },
    members: audit.members.map((m) => ({
      member: m.member,
      inScope: m.inScope,
      category: m.category,
      usesPerWeek: m.usesPerWeek,
      acceptanceRate: m.acceptanceRate,
      runs: m.runs,
      daysToFirstRun: m.daysToFirstRun,
      workflows90d: m.workflows90d,
      sixWeek: m.sixWeek,
      diagnosis: m.diagnosis,
    })),
    skippedRows: audit.skippedRows.map(rowProblem),
    notices: audit.notices.map(rowProblem),
  };
}

/** `programme`: the replacement programme (spec §17) as the simulated days leave it; null when none. */
export interface JsonProgramme {
  start: string;
  baseline: Omit<NonNullable<ProgrammeView['baseline']>, 'categories'> | null;
  participants: ProgrammeView['participants'];
  peers: string[];
  milestones: ProgrammeView['milestones'];
}

export function programmeJson(view: ProgrammeView | null): JsonProgramme | null {
  if (!view) return null;
  return {
    start: view.start,
    baseline: view.baseline && {
      asOf: view.baseline.asOf,
      weeks: view.baseline.weeks,
      membersInScope: view.baseline.membersInScope,
      genuineAdopters: view.baseline.genuineAdopters,
      adoptionRate: view.baseline.adoptionRate,
      blendedAcceptanceRate: view.baseline.blendedAcceptanceRate,
    },
    participants: view.participants,
    peers: view.peers,
    milestones: view.milestones,
  };
}

/** `emails`: every email of the simulated days, as reminders.md lists them, without their bodies. */
export type JsonEmail = Omit<SimulatedEmail, 'body'>;

export function emailsJson(emails: SimulatedEmail[]): JsonEmail[] {
  return emails.map(({ body: _body, ...email }) => email);
}
