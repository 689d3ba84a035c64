/**
 * The contract between the sidebar (src/client) and the server entry points (src/index.ts).
 * google.script.run carries only primitives, arrays and plain objects: dates travel as ISO
 * strings (YYYY-MM-DD), never as Date, and a call's failure travels as data in a ServerReply
 * (src/shared/failure.ts).
 *
 * `ServerApi` lists every function a page calls through google.script.run. To add a call:
 *   1. Add it to `ServerApi` below: its name, argument types and result type (plain JSON only).
 *   2. Add its argument check and what it does, in user words, to `SIDEBAR_CALLS` in
 *      src/gas/sidebar-call.ts (the table is typed by `ServerApi`, so typecheck asks for it).
 *   3. In src/index.ts write `export function NAME(...)` with a JSDoc comment, whose body is
 *      `return sidebarCall('NAME', [args...], (...checked) => ...)`; it returns the result in a
 *      ServerReply (`ServerEntryPoints` below). The compile-time check at the end of
 *      src/index.ts (add the name there) fails until the function exists with those types.
 *   4. In the page, call `server.NAME(...)` from src/client/server.ts: it is typed from
 *      `ServerApi`, so a misspelt name or a wrong argument fails typecheck, and it resolves
 *      with the reply's value or rejects with its failure.
 * test/bundle/callable-names.test.ts then checks that NAME is a top-level function of the
 * built Code.js, which is what google.script.run needs to find it.
 */
import type { Audit } from '../core/audit/audit-types';
import type { History } from '../core/history/history-types';
import type { Settings, SettingsField } from '../core/base/settings';
import type { MilestoneRow } from '../core/programme/milestones';
import type { InterventionsView } from '../core/interventions/view';
import type { InterventionType } from '../core/interventions/types';
import type { CheckLine } from '../core/setup-check/facts';
import type { ProgrammeView } from '../core/programme/replacement';
import type { MyWeek } from '../core/roles/my-week';
import type { Role } from '../core/roles/roles';
import type { SetupProblem } from '../core/automation/ports';
import type { ServerReply } from './failure';

export type { CheckLine } from '../core/setup-check/facts';

export interface DashboardRequest {
  /** YYYY-MM-DD; default today in the spreadsheet's zone. */
  asOf?: string | null;
  /** Window in weeks; default the Settings window. */
  weeks?: number | null;
}

export type { SetupProblem } from '../core/automation/ports';

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
  /** Email recipients left in Google's rolling 24-hour quota (MailApp.getRemainingDailyQuota), when known. */
  remainingQuota: number | null;
}

export type { MilestoneRow } from '../core/programme/milestones';
import type { WeekAction } from '../core/programme/actions';

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
  /** This week's three actions (rules §18): overdue milestones, then open causes; [] with no audit. */
  actions: WeekAction[];
  /** The Interventions sheet's interventions with their before and after figures (rules §14). */
  interventions: InterventionsView;
  /** The adoption trend, cohorts and transitions (spec §13) as of the same day; null with `audit`. */
  history: History | null;
  /** The replacement programme (spec §17) as of the same day; null when none was started. */
  programme: ProgrammeView | null;
  viewer: Viewer;
  /** The owner's private audit spreadsheet, once "Run audit to sheet" made it; null otherwise. */
  auditFileUrl: string | null;
  /** An "Adoption audit" tab an earlier version left in the team spreadsheet, which every editor can read. */
  oldAuditTab: boolean;
  /**
   * The owner only: the name of an Interventions tab an earlier version left in the team
   * spreadsheet (rules §19), offered for moving to the owner's own spreadsheet; else null.
   */
  oldInterventionsTab: string | null;
  /**
   * Which of those tabs were kept here while "open team" was on (src/gas/open-team-tabs.ts), so
   * that the page says what they are instead of "an earlier version".
   */
  keptWhileOpen: string[];
  /**
   * The owner only: interventions a former owner recorded, in that owner's own spreadsheet,
   * which the new owner cannot open until it is shared (src/gas/owner-change.ts); else null.
   */
  interventionsElsewhere: { holder: string; url: string; name: string } | null;
  /**
   * The owner only: the roster's (member, follow-up owner) pairings the owner has not approved
   * (rules §19), one by one, as the card lists them for ticking and approveRoster takes them: each
   * with the address approved before, whose own email the address is, or why no approval is
   * offered; empty otherwise.
   */
  followUpsToApprove: FollowUpToApprove[];
  /**
   * The owner only: the Roster's (name, email) pairings the owner has not approved (new rows, and
   * rows whose email changed: `was`), which My week waits for (rules §19); empty otherwise.
   */
  unapprovedRosterEmails: RosterEmailChange[];
  /** The owner only: true while no roster email was ever approved (every member's My week waits). */
  rosterNeverApproved: boolean;
  /** The owner only: emails on two roster rows, each with the row the owner's approval keeps it for (rules §19). */
  rosterEmailCollisions: SharedRosterEmail[];
}

export type { ProgrammeView } from '../core/programme/replacement';
import type { UnapprovedFollowUpOwner } from '../core/roles/follow-up-approval';
import type { FollowUpToApprove } from '../core/roles/approval-offer';
export type { FollowUpToApprove } from '../core/roles/approval-offer';
import type { RosterEmailChange, RosterEmailPair } from '../core/roles/roster-approval';
import type { SharedRosterEmail } from '../core/base/types';
export type { SharedRosterEmail } from '../core/base/types';
export type { RosterEmailChange, RosterEmailPair } from '../core/roles/roster-approval';

/**
 * A follow-up owner as the dashboard's *Approve* sends it: the address and the members it was
 * ticked for (the card sends one entry per ticked pairing: src/shared/follow-up-request.ts).
 */
export type ListedFollowUpOwner = Pick<UnapprovedFollowUpOwner, 'address' | 'members'>;

/** What the dashboard's *Approve* sends: exactly the items the owner ticked (rules §19). */
export interface RosterApprovalRequest {
  /** Approved for the members listed with each address only (rules §19). */
  followUpOwners: ListedFollowUpOwner[];
  rosterEmails: RosterEmailPair[];
}

/** The named audit's tab, in the team spreadsheet with "open team" on and in the owner's own spreadsheet otherwise. */
export const AUDIT_SHEET = 'Adoption audit';

export interface ProgrammeStartRequest {
  /** YYYY-MM-DD; empty or absent: today. */
  start?: string | null;
}

export interface ProgrammeStartResult {
  message: string;
  programme: ProgrammeView;
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
  /** The logging form's address (rules §16), shown with a QR code; null when the spreadsheet has none. */
  formUrl: string | null;
  /** Null when the log cannot be found (the form then says so). */
  problem: SetupProblem | null;
  /** The caller's My week, from the same read as the form; null when the log cannot be read. */
  myWeek: MyWeekView | null;
}

/** The owner's yes to the question a "Create logging form" step asked: update the form, or make a new one. */
export type LoggingFormAnswer = 'update' | 'new';

/**
 * A step of "Create logging form": done (made or updated: what happened, and the form's
 * address), or a question for the owner, asked again with the answer when it is yes.
 */
export type LoggingFormStep =
  | { done: true; message: string; url: string | null }
  | { done: false; ask: LoggingFormAnswer; message: string; url: string | null };

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
  /** The caller's own week, with this run counted (rules §19). */
  myWeek: MyWeekView;
}

/** "My week": the caller's own figures, or why Uptake cannot tell which runs are theirs. */
export interface MyWeekView {
  week: MyWeek | null;
  /** Set when `week` is null: what the member can do about it. */
  message: string | null;
}

/** Who is looking at the dashboard (rules §19): the page hides what their role cannot use. */
export interface Viewer {
  role: Role;
  /** The owner's email ('' while nobody has saved Settings). */
  owner: string;
}

export interface DigestPreview {
  subject: string;
  html: string;
  text: string;
  recipients: string[];
}

/**
 * What the Settings form sends: its fields as typed (the server parses and validates them), and `handOver`: true when the owner confirmed that an owner email
 * other than their own hands Uptake over (the server refuses such a save without it).
 */
export type SettingsChanges = Partial<Record<SettingsField | 'handOver', unknown>>;

/** The "Record an intervention" form's lists (rules §14). */
export interface InterventionFormData {
  today: string;
  /** Roster members (else the log's); '' in a request is the whole team. */
  members: string[];
  types: InterventionType[];
  /** The team's workflows, most run first. */
  workflows: string[];
  /** Null when the log can be read (the form needs it to know the members). */
  problem: SetupProblem | null;
}

export interface RecordInterventionRequest {
  /** YYYY-MM-DD, today or earlier. */
  date: string;
  /** '' for the whole team. */
  member: string;
  type: string;
  /** '' when the intervention is not about one workflow. */
  workflow: string;
  note: string;
}

export interface RecordInterventionResult {
  /** Sheet row the intervention was written to, and the sheet (created the first time). */
  row: number;
  sheet: string;
  message: string;
}

/** Import usage export (spec §15): the file the owner chose, read as text by the page. */
export interface UsageImportRequest {
  /** The file's name as the browser gives it ("chatgpt-nov.csv"). */
  fileName: string;
  /** Its whole text, UTF-8 decoded. */
  text: string;
}

export interface UsageImportResult {
  /** The new sheet the file was written into. */
  sheet: string;
  message: string;
}

/**
 * Every server function the pages call through google.script.run, with what it takes and
 * returns. Written as properties (not methods) so that argument types are checked strictly.
 */
export interface ServerApi {
  /** The audit, settings, programme timeline and automation status. */
  getDashboard: (request?: DashboardRequest | null) => DashboardData;
  /**
   * Selects a row of the log (a sheet row number), e.g. a skipped row to fix; `sheet` names which
   * of the log's sheets (spec §16), null for the team's own log.
   */
  selectLogRow: (row: number, sheet?: string | null) => void;
  /** The stored settings, defaults filled in. */
  getSettings: () => Settings;
  /** Validates and stores changed settings; returns the settings now stored. */
  saveSettings: (changes: SettingsChanges) => Settings;
  /** The "Log a run" form's data. */
  getLogForm: () => LogFormData;
  /** Appends one run to the log. */
  logRun: (request: LogRunRequest) => LogRunResult;
  /** Turns the daily automation on or off. */
  setAutomation: (on: boolean) => AutomationStatus;
  /** Whether automation is on, when it last ran and what it found. */
  getAutomationStatus: () => AutomationStatus;
  /** Sends the weekly digest now; `quiet`: no toast, the page shows the summary itself. */
  sendDigestNow: (quiet?: boolean) => string;
  /** The owner's digest as it would be sent now. */
  previewDigest: () => DigestPreview;
  /** The "Record an intervention" form's data. */
  getInterventionForm: () => InterventionFormData;
  /** Appends one intervention to the Interventions sheet (created the first time). */
  recordIntervention: (request: RecordInterventionRequest) => RecordInterventionResult;
  /** Starts the replacement programme (spec §17) today or on a chosen date; its baseline is frozen. */
  startProgramme: (request: ProgrammeStartRequest) => ProgrammeStartResult;
  /** "Check set-up": one line per check, ok or what to do; changes nothing. */
  getSetupCheck: () => CheckLine[];
  /** The caller's own week (rules §19). */
  getMyWeek: () => MyWeekView;
  /** Deletes the "Adoption audit" tab an earlier version left in the team spreadsheet; says what it did. */
  removeOldAuditTab: () => string;
  /** Writes a usage export's CSV as-is, as text, into a new sheet named after its tool and period. */
  importUsageExport: (request: UsageImportRequest) => UsageImportResult;
  /** Moves an earlier version's Interventions tab to the owner's own spreadsheet; says what it did. */
  moveOldInterventions: () => string;
  /** Rebuilds the add-on menu for whoever has the page open (the owner's, or a member's). */
  refreshMenu: () => void;
  /** "Create logging form" from the sidebar: one step, asked again with the owner's answer to its question. */
  makeLoggingForm: (answer: LoggingFormAnswer | null) => LoggingFormStep;
  /**
   * The dashboard's *Approve*: approves the follow-up owners and the roster's (name, email)
   * pairings the dashboard listed, those of them the roster still has; says what it did (rules §19).
   */
  approveRoster: (request: RosterApprovalRequest) => string;
}

/**
 * The entry points of src/index.ts as google.script.run runs them: ServerApi's arguments, and its
 * result in a ServerReply, so that a failure reaches the page as data through the success handler.
 */
export type ServerEntryPoints = {
  [K in keyof ServerApi]: (...args: Parameters<ServerApi[K]>) => ServerReply<ReturnType<ServerApi[K]>>;
};
