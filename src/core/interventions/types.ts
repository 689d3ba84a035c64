/** Interventions (spec §14): what the owner did, and the figures on either side of it. */
import type { Day } from '../base/dates';

/** The canonical types, in the order the sidebar and the summary list them. */
export const INTERVENTION_TYPES = [
  'Follow-up session',
  'Anchor-workflow session',
  'Context pack fix',
  'Peer advocacy moment',
  'Second training session',
  'Other',
] as const;

export type InterventionType = (typeof INTERVENTION_TYPES)[number];

/** Days on each side of an intervention (spec §14). */
export const WINDOW_DAYS = 14;

/** One row of the Interventions sheet, read. */
export interface Intervention {
  /** Sheet row number. */
  row: number;
  day: Day;
  /** The member's identity key (as the log's runs carry it); null for the whole team. */
  memberKey: string | null;
  /** The member's name as the audit shows it (the roster's name where the roster knows them). */
  member: string | null;
  type: InterventionType;
  /** The type cell as typed (trimmed). */
  typeAsWritten: string;
  /** The workflow as typed (spaces folded); null when blank. */
  workflow: string | null;
  workflowKey: string | null;
  note: string;
}

/** Figures of one window (spec §14). Rates are 0–1; null where there is nothing to divide. */
export interface WindowFigures {
  from: string;
  to: string;
  /** Runs the figures are over: the member's (or, with a workflow, that workflow's) runs. */
  runs: number;
  /** Member only: unprompted runs per week; null for the team. */
  usesPerWeek: number | null;
  acceptanceRate: number | null;
  /** Team only: Genuine adopters ÷ members in scope over the window; null for a member. */
  adoptionRate: number | null;
}

export interface AfterFigures extends WindowFigures {
  /** Days of the after window on or before the as-of date: 14 once it is complete. */
  days: number;
}

/** After − before; acceptance and adoption in fractions (0.43 = 43 points). */
export interface InterventionChange {
  usesPerWeek: number | null;
  acceptanceRate: number | null;
  adoptionRate: number | null;
}

/** An intervention with its before and after figures: the JSON shape of `--json`. */
export interface InterventionReport {
  row: number;
  date: string;
  /** null: the whole team. */
  member: string | null;
  type: InterventionType;
  typeAsWritten: string;
  workflow: string | null;
  note: string;
  before: WindowFigures;
  after: AfterFigures;
  /** null while the after window runs (after.days < 14). */
  change: InterventionChange | null;
  /** A second group session for members below Genuine: the article's warning (spec §18); else absent. */
  warning?: string;
}

/** The summary of one type over its interventions (spec §14 "By type"). */
export interface InterventionTypeSummary {
  type: InterventionType;
  count: number;
  /** Interventions whose after window is complete. */
  complete: number;
  /** Medians over the complete ones that have the change; null when none has. */
  medianUsesPerWeekChange: number | null;
  medianAcceptanceChange: number | null;
}
