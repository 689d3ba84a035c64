/** The domain's plain data. Everything that leaves the core is JSON-safe (ISO dates, no Date). */
import type { Day } from './dates';

export type Outcome = 'as-is' | 'light' | 'heavy' | 'not-used';
export const OUTCOMES: readonly Outcome[] = ['as-is', 'light', 'heavy', 'not-used'];

export type EditType = 'tone' | 'scope' | 'format' | 'missing info' | 'wrong info';
export const EDIT_TYPES: readonly EditType[] = ['tone', 'scope', 'format', 'missing info', 'wrong info'];

export type Category = 'Genuine adopter' | 'Developing user' | 'Non-adopter';
export const CATEGORIES: readonly Category[] = ['Genuine adopter', 'Developing user', 'Non-adopter'];

export type LogField = 'date' | 'member' | 'workflow' | 'outcome' | 'editType' | 'prompted' | 'notes';

/** A row Uptake could not use, or used with a caveat: the sheet's row number and why. */
export interface RowProblem {
  row: number;
  reason: string;
  /** The sheet the row is on, when it is not the log (a roster row, say) or the log has several sheets. */
  sheet?: string;
  /** The row is on `sheet`, one of the log's sheets (spec §16): the sidebar can select it there. */
  inLog?: boolean;
}

/** One AI workflow run read from the log. */
export interface Run {
  /** Sheet row number (1-based, as the sheet shows it). */
  row: number;
  day: Day;
  /** Identity of the member: the roster member's key when the roster knows them. */
  memberKey: string;
  /** The member cell as typed. */
  memberText: string;
  workflowKey: string;
  workflow: string;
  outcome: Outcome;
  editTypes: EditType[];
  prompted: boolean;
}

/** A run with something in its Notes cell: what a follow-up reads before asking "What did not work?". */
export interface RunNote {
  day: Day;
  workflow: string;
  outcome: Outcome;
  editTypes: readonly EditType[];
  /** As typed in the cell (trimmed): team text, escaped wherever it is shown. */
  note: string;
}

/** A member's noted runs from one day to another, oldest first (the log's cells read only for them). */
export type NotesSource = (memberKey: string, from: Day, to: Day) => RunNote[];

export type RosterStatus = 'active' | 'principled-resistance' | 'no-anchor';

export const STATUS_LABELS: Record<RosterStatus, string> = {
  active: '',
  'principled-resistance': 'Principled resistance',
  'no-anchor': 'No suitable anchor workflow',
};

export interface RosterMember {
  row: number;
  key: string;
  name: string;
  email: string | null;
  role: string;
  trainingDay: Day | null;
  anchorWorkflow: string;
  trainedWorkflows: string[];
  status: RosterStatus;
  /** null when the roster leaves it blank. */
  contextPackReady: boolean | null;
  followUpOwner: string | null;
}

/** A roster row an email shared with another row is on, with that row's own spelling of it (trimmed). */
export interface SharedRosterEmailRow {
  row: number;
  name: string;
  email: string;
}

/** An email on more than one roster row, as first typed, and the rows (number, name, own spelling) it is on. */
export interface SharedRosterEmail {
  email: string;
  rows: SharedRosterEmailRow[];
  /**
   * The row that keeps it: the one whose (name, email) pairing the owner approved (rules §19,
   * src/core/roles/shared-roster-email.ts); null when none is, and as the sheet is parsed.
   */
  kept: SharedRosterEmailRow | null;
}

export interface Roster {
  members: RosterMember[];
  skipped: RowProblem[];
  notices: RowProblem[];
  /**
   * Emails on two rows or more. As parsed, no row has them; the roster as Uptake reads it
   * (withKeptEmails) gives each back to the row the owner approved it for, named in `kept`.
   */
  sharedEmails?: SharedRosterEmail[];
  /**
   * Emails (memberKey) on rows skipped (their name on an earlier row, or a cell too long), each
   * with the first such row: no member has them.
   */
  skippedEmails?: SkippedRosterEmail[];
  /**
   * Names on two rows or more: the first row is read, the others skipped. Which row is the member
   * is the owner's to settle, so the owner's Approve offers nothing for that name (rules §19).
   */
  repeatedNames?: RepeatedRosterName[];
}

/** An email on a roster row that was skipped (rules §19: it is still someone's, not a stranger's). */
export interface SkippedRosterEmail {
  /** memberKey of the email. */
  email: string;
  row: number;
}

/** A name on more than one roster row: the row read (`rows[0]`) and the rows skipped after it. */
export interface RepeatedRosterName {
  name: string;
  rows: number[];
}

export interface AuditSettings {
  /** Uses per week from which a member is a Genuine adopter (spec §3). */
  genuineAt: number;
  /** Uses per week from which a member is a Developing user. */
  developingAt: number;
  /** Acceptance-rate target, 0–1 (spec §4). */
  acceptanceTarget: number;
}

/** The thresholds and target of spec §3 and §4; `DEFAULTS` in settings.ts adds the owner's other settings. */
export const DEFAULT_SETTINGS: AuditSettings = { genuineAt: 3, developingAt: 1, acceptanceTarget: 0.7 };

/** Runs a workflow needs in the window before it can be called below threshold (spec §11). */
export const MIN_RUNS_FOR_WORKFLOW_VERDICT = 3;

/**
 * The logging form's links (rules §16), for emails: its address, and a member's pre-filled
 * address (their name already chosen), or null when the form's Team member question does not
 * offer that name.
 */
export interface FormLinks {
  url: string;
  prefilledFor(member: string): string | null;
}
