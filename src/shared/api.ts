/**
 * The contract between the sidebar (src/client) and the server entry points (src/index.ts).
 * google.script.run carries only primitives, arrays and plain objects: dates travel as ISO
 * strings (YYYY-MM-DD), never as Date.
 */
import type { Audit } from '../core/audit/audit-types';
import type { Settings } from '../core/base/settings';
import type { MilestoneRow } from '../core/programme/milestones';
import type { InterventionsView } from '../core/interventions/view';

export interface DashboardRequest {
  /** YYYY-MM-DD; default today in the spreadsheet's zone. */
  asOf?: string | null;
  /** Window in weeks; default the Settings window. */
  weeks?: number | null;
}

export interface SetupProblem {
  code: string;
  /** What is wrong and what to do, for the owner. */
  message: string;
}

export interface AutomationStatus {
  on: boolean;
  /** Hour and weekday of the daily run and the digest, from Settings. */
  hour: number;
  digestWeekday: number;
  /** ISO timestamp of the last daily run, or null. */
  lastRun: string | null;
  /** What the last run did, one line each: "Sent Day-seven follow-up for Ana to lee@…". */
  lastRunReport: string[];
  /** Problems the daily run found and reported to the owner (missing log, failed emails…). */
  problems: string[];
  /** Email quota left today, when known. */
  remainingQuota: number | null;
}

export type { MilestoneRow } from '../core/programme/milestones';

export interface DashboardData {
  today: string;
  timeZone: string;
  /** Null when a set-up problem prevents the audit. */
  audit: Audit | null;
  problem: SetupProblem | null;
  settings: Settings;
  automation: AutomationStatus;
  logSheet: string | null;
  rosterSheet: string | null;
  /** Sheet names the owner can choose from in Settings. */
  sheetNames: string[];
  timeline: MilestoneRow[];
  /** The Interventions sheet's interventions with their before and after figures (rules §14). */
  interventions: InterventionsView;
}

export interface LogFormData {
  today: string;
  /** The member this user logged as last time ('' the first time). */
  member: string;
  /** Members seen in the roster and log, for the name list. */
  members: string[];
  /** This member's recent workflows first, then the team's. */
  workflows: string[];
  outcomes: string[];
  editTypes: string[];
  /** Null when the log cannot be found (the form then says so). */
  problem: SetupProblem | null;
}

export interface LogRunRequest {
  date: string;
  member: string;
  workflow: string;
  outcome: string;
  editTypes: string[];
  prompted: boolean;
  notes: string;
}

export interface LogRunResult {
  /** Sheet row the run was written to. */
  row: number;
  message: string;
}

export interface DigestPreview {
  subject: string;
  html: string;
  text: string;
  recipients: string[];
}
