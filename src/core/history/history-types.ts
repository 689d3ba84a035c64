//  The history of spec §13: plain JSON, the same shape for the sidebar, the sheet, the digest and the CLI.

/** One week of the trend: the figures of spec §5 for the 7 days ending on `asOf`. */
export interface HistoryWeek {
  /** ISO date of the week's last day. */
  asOf: string;
  membersInScope: number;
  genuineAdopters: number;
  /** null when no member is in scope. */
  adoptionRate: number | null;
  /** null without a roster, or when no member is in scope. */
  trainingCompletionRate: number | null;
  /** Runs in the week, prompted ones included. */
  runs: number;
  /** Members (in scope or not) with at least one run in the week. */
  activeMembers: number;
  /** null when the week has no runs. */
  blendedAcceptanceRate: number | null;
}

/** Members in scope trained in one Monday–Sunday week. */
export interface Cohort {
  /** ISO date of the Monday of the training week. */
  week: string;
  /** Roster names, sorted. */
  members: string[];
  /** Share of Genuine adopters in week k since training (index k − 1); null while no member's week k has ended. */
  genuineShare: (number | null)[];
  /** Per week since training: members who were Genuine adopters in it, and members whose week had ended. */
  genuine: number[];
  ended: number[];
}

export interface Transitions {
  retained: string[];
  newAdopters: string[];
  reactivated: string[];
  lapsed: string[];
}

export interface History {
  /** Oldest week first; the last one ends on the as-of date. */
  weeks: HistoryWeek[];
  /** Oldest training week first. */
  cohorts: Cohort[];
  /** The cohort curve over every member in scope with a training date. */
  allCohorts: (number | null)[];
  transitions: Transitions;
}

/** Weeks since training a cohort curve follows (spec §13). */
export const COHORT_WEEKS = 12;
/** Reference lines of spec §13: the programme target at weeks 4–5, and the seeds' untrained follow-up. */
export const TARGET_BAND = { low: 0.7, high: 0.8 } as const;
export const UNTRAINED_BAND = { low: 0.2, high: 0.3 } as const;
