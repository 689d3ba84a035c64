// "Check set-up": the lines it shows and the facts src/gas/setup-check.ts gathers for them
// (reading only), plain data for the rules of this folder.
import type { Permission } from '../base/permissions';
import type { FollowUpApproval } from '../base/settings';
import type { Roster } from '../base/types';
import type { RosterEmailPair } from '../roles/roster-approval';
import type { InterventionsHome, OwnerChange } from '../roles/owner-change';
import type { UsageSourceSummary } from '../usage/types';

export type CheckStatus = 'ok' | 'warn' | 'fix';

export interface CheckLine {
  /** Stable id, for tests and the page. */
  id: string;
  label: string;
  status: CheckStatus;
  /** What was found, and what to do when the status is not ok. */
  detail: string;
}

/** A check's finding: its status and what was found (and what to do when not ok). */
export type CheckFinding = [status: CheckStatus, detail: string];

export interface SheetFacts {
  name: string;
  rows: number;
  columns: number;
}

export interface FormFacts {
  url: string;
  /** The form's answers go to this spreadsheet (Form.getDestinationId()). */
  linked: boolean;
  /** Published and accepting responses (Form.isPublished(), Form.isAcceptingResponses()). */
  published: boolean;
  accepting: boolean;
  /** The sheet of this spreadsheet linked to the form (Sheet.getFormUrl()), or null when none is. */
  answersSheet: string | null;
  /**
   * The log sheets Settings pins (Settings.logSheets), empty when none are: an answers sheet not
   * among pinned ones is not read.
   */
  pinnedLogSheets: string[];
}

/** What the gathering found; null where Apps Script could not tell (the line then says so). */
export interface SetupFacts {
  /**
   * ScriptApp.getAuthorizationInfo(FULL): whether the user must authorise (again), the page that
   * asks again, and the permissions not granted (partial consent); `missing` is null when Apps
   * Script does not say which are granted.
   */
  authorization: { required: boolean; url: string | null; missing: readonly Permission[] | null };
  /** The owner email in Settings, and who runs this (Session), '' when unknown. */
  owner: { setting: string; effectiveUser: string };
  /** note: when the trigger cannot run at the hour in the sheet's zone, when it runs instead (core/automation/trigger-zone). */
  trigger: {
    on: boolean;
    /** This user's daily triggers for the spreadsheet; null when the permission to see them is not granted. */
    found: number | null;
    hour: number;
    timeZone: string;
    note: string | null;
    /**
     * Who turned automation on (AutomationState.turnedOnBy) while it is on, else null; when that is
     * another account than `owner.effectiveUser`, their trigger is not among this user's.
     */
    turnedOnBy: string | null;
  };
  lastRun: { at: string | null; report: string[]; problems: string[] };
  mailQuotaLeft: number | null;
  timeZones: { spreadsheet: string; script: string };
  /** The sheets Uptake uses; a string when it could not be found, saying why. */
  sheets: { log: SheetFacts | string; roster: SheetFacts | null | string; sent: SheetFacts | null };
  /** Cells of every sheet of the spreadsheet (max rows × max columns). */
  spreadsheetCells: number;
  /** Bytes (keys and values) in each property store Uptake uses. */
  propertyBytes: { document: number; user: number };
  /**
   * The logging form Uptake made (rules §16): null when none was made; 'gone' when its stored id
   * no longer opens (deleted, or this user cannot open it).
   */
  form: FormFacts | 'gone' | null;
  /**
   * The usage exports found on the sheets by their headers (spec §15), with how many of their
   * rows could not be read and the first of them; and the sheets that look like one but were refused.
   */
  usage: {
    sources: (UsageSourceSummary & {
      /** Each period it covers (YYYY-MM-DD), first to last. */
      periods: { from: string; to: string }[];
      skipped: number;
      /** The first row not read (its sheet row) and why, as core/usage/read gave it. */
      firstSkipped: { row: number; reason: string } | null;
    })[];
    refused: { source: string; message: string }[];
  };
  /** The roster as read, for the lines about its rows and emails; null when it cannot be read (its line says why). */
  rosterRead: RosterFacts | null;
  approvals: ApprovalFacts;
  ownerChange: OwnerChangeFacts;
  /** Whether the lock Uptake writes under could be taken now; null when there is none. */
  lock: { kind: 'document' | 'script'; available: boolean };
}

/** What the lines about the roster read of it: its members, the rows skipped, the emails and names on two rows. */
export type RosterFacts = Pick<Roster, 'members' | 'skipped' | 'sharedEmails' | 'repeatedNames'>;

/** The owner's approvals of the Roster (rules §19), as Settings and the document's properties keep them. */
export interface ApprovalFacts {
  /** The (member, follow-up owner) pairings the owner approved (Settings.followUpApprovals). */
  followUpOwners: FollowUpApproval[];
  /** Addresses an earlier version approved by themselves (Settings.approvedFollowUpOwners): they approve nothing now. */
  followUpOwnersByAddress: string[];
  /**
   * How many of `followUpOwners` the owner's copy in user properties keeps, for a daily run that
   * cannot read the document's properties (src/gas/automation-store.ts, mirroredApprovals).
   */
  followUpOwnersMirrored: number;
  /** The (name, email) pairings the owner approved, and whether the owner ever approved any. */
  rosterEmails: RosterEmailPair[];
  everApproved: boolean;
}

/** The last change of Uptake's owner, as the document's properties record it (src/gas/owner-change.ts). */
export interface OwnerChangeFacts {
  /** The interventions a former owner recorded and holds (whoever views); null when none are recorded. */
  interventionsElsewhere: InterventionsHome | null;
  last: OwnerChange | null;
}
