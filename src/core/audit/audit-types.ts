/** The audit's result: plain JSON, the same shape for the sidebar, the sheet, the digest and the CLI. */
import type { Day } from '../base/dates';
import type {
  Category,
  EditType,
  Outcome,
  RosterMember,
  RosterStatus,
  RowProblem,
  Run,
  AuditSettings,
} from '../base/types';

export type SixWeekStatus =
  'working' | 'reverted' | 'quality' | 'stable' | 'principled' | 'not-yet' | 'no-training-date';

export interface SixWeek {
  status: SixWeekStatus;
  /** The meaning column of spec §9, or why there is no decision yet. */
  label: string;
  nextStep: string;
  /** ISO date of day 42 after training, when known. */
  dueDate: string | null;
  frequencyMet: boolean | null;
  acceptanceMet: boolean | null;
  /** null when the roster lists no trained or anchor workflow to compare against. */
  expansion: boolean | null;
}
import type { UsageView } from '../usage/types';

export type FindingCode =
  'logging-gap' | 'foundation' | 'obstacle' | 'no-workflow' | 'generic-demos' | 'no-peer-advocacy' | 'workflow-gap';

/** The intervention that answers a cause (spec §18): its date (ISO) and its type. */
export interface AddressedBy {
  date: string;
  type: string;
}

/** A suggested cause with the evidence behind it (spec §10): a suggestion, never a verdict. */
export interface Finding {
  code: FindingCode;
  cause: string;
  step: string;
  evidence: string[];
  /** The member concerned, for member-level findings. */
  member?: string;
  /** The workflow concerned, for workflow-level gaps. */
  workflow?: string;
  /** First day of the evidence (ISO); null when the evidence has no start (the window's figures, the roster). */
  since: string | null;
  /** The intervention of the matching type recorded since the evidence started (spec §18); null while open. */
  addressed: AddressedBy | null;
  /** What changed after that intervention (spec §14), one sentence; null while the cause is open. */
  changeAfter: string | null;
  /** Open again: the date (ISO) of the matching intervention after which nothing improved (spec §18). */
  notImprovedAfter: string | null;
}

export interface WorkflowRate {
  workflow: string;
  runs: number;
  acceptanceRate: number | null;
}

export interface ProgrammePosition {
  /** Days since training on the as-of date (0 on the training day). */
  day: number;
  /** The last milestone reached, e.g. 14, or null before day 7. */
  reached: number | null;
  reachedLabel: string | null;
  next: number | null;
  nextLabel: string | null;
  nextDate: string | null;
}

export interface MemberReport {
  member: string;
  key: string;
  email: string | null;
  role: string;
  onRoster: boolean;
  inScope: boolean;
  status: RosterStatus;
  statusLabel: string;
  trainingDate: string | null;
  /** Runs in the window, prompted ones included. */
  runs: number;
  unpromptedRuns: number;
  usesPerWeek: number;
  category: Category;
  acceptanceRate: number | null;
  outcomes: Record<Outcome, number>;
  workflows: WorkflowRate[];
  editTypes: Record<EditType, number>;
  daysToFirstRun: number | null;
  firstRunDate: string | null;
  workflows90d: number;
  lastRunDate: string | null;
  sixWeek: SixWeek;
  diagnosis: Finding[];
  /** Why the member needs a follow-up now, or [] when they do not. */
  followUp: string[];
  programme: ProgrammePosition | null;
}

export interface WorkflowReport {
  workflow: string;
  runs: number;
  members: number;
  acceptanceRate: number | null;
  belowTarget: boolean;
  editTypes: Record<EditType, number>;
}

export interface TeamReport {
  membersInScope: number;
  genuineAdopters: number;
  categories: Record<Category, number>;
  adoptionRate: number | null;
  trainingCompletionRate: number | null;
  gap: number | null;
  blendedAcceptanceRate: number | null;
  runs: number;
  activeMembers: number;
  workflowsBelowThreshold: string[];
  editTypes: Record<EditType, number>;
}

export interface Audit {
  asOf: string;
  weeks: number;
  windowStart: string;
  settings: AuditSettings;
  headline: string;
  team: TeamReport;
  members: MemberReport[];
  workflows: WorkflowReport[];
  /** Team-level findings followed by member-level ones. */
  diagnosis: Finding[];
  skippedRows: RowProblem[];
  notices: RowProblem[];
  /** The log checked against the tools' usage exports (spec §15); absent when none was read. */
  usage?: UsageView;
}

/** What the single pass gathers about one member. */
export interface MemberTally {
  key: string;
  rosterMember: RosterMember | null;
  runs: number;
  unpromptedRuns: number;
  outcomes: Record<Outcome, number>;
  editTypes: Record<EditType, number>;
  byWorkflow: Map<
    string,
    { workflow: string; outcomes: Record<Outcome, number>; editTypes: Record<EditType, number>; runs: number }
  >;
  workflows90d: Set<string>;
  runsLastWeek: number;
  lastRunDay: Day | null;
  firstUnpromptedSinceTraining: Day | null;
  /** The first runs on or after training (up to 3), in date then row order. */
  firstRunsSinceTraining: Run[];
  ranSinceTraining: boolean;
  ranAnchorSinceTraining: boolean;
  ranUntrainedWorkflow: boolean;
}
