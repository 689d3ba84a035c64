/**
 * What the daily run needs from the platform, as small interfaces: src/gas/ gives it Apps
 * Script's properties, MailApp, the clock and the "Uptake sent" sheet (RunPorts) and what it read
 * of the settings and the spreadsheet (RunSetup); tests give it plain objects.
 */
import type { Day } from '../base/dates';
import type { FormLinks, NotesSource, RosterMember } from '../base/types';
import type { Audit } from '../audit/audit-types';
import type { EmailContent } from '../mail/email';
import type { SentIndex } from '../programme/sent-records';
import type { SentRecord } from '../programme/sent-row';
import type { InterventionsView } from '../interventions/view';
import type { History } from '../history/history-types';
import type { Settings } from '../base/settings';
import type { Store } from './store';
import type { ProgrammeRecord } from '../programme/replacement';

export interface Clock {
  now(): number;
}

export interface Mailer {
  /** Recipients the account may still email today; null when it cannot say. */
  remaining(): number | null;
  /** Sends one email; throws MailApp's error when it refuses. */
  send(recipients: string[], content: EmailContent): void;
}

/** The "Uptake sent" sheet: created on first use. */
export interface SentLog {
  read(): SentIndex;
  /** Appends the records and makes them durable (a later kill cannot undo them); throws if it cannot. */
  append(records: SentRecord[]): void;
}

/** The team's audit at an as-of day over a window of weeks; with `fromDay`, of the runs on or after it. */
export type AuditSource = (asOf: Day, weeks: number, fromDay?: Day) => Audit;

/** The team as the run needs it: the roster, the roster sheet's name, and audits. */
export interface TeamView {
  roster: RosterMember[];
  rosterSheetName: string | null;
  audits: AuditSource;
  /** The Interventions sheet's interventions as of a day (rules §14); absent when not read. */
  interventions?: (asOf: Day) => InterventionsView;
  /** The history as of a day (rules §13); absent when not computed. */
  history?: (asOf: Day) => History;
  /** The replacement programme (spec §17), when one was started. */
  programme?: ProgrammeRecord | null;
  /** A member's notes in the log between two days, for the follow-up emails; absent when not read. */
  notes?: NotesSource;
  /** The logging form's links (rules §16), when the spreadsheet has a form. */
  form?: FormLinks | null;
}

/** A problem with the spreadsheet's set-up that the owner must fix; `message` says how. */
export interface SetupProblem {
  code: string;
  message: string;
}

export function isSetupProblem(read: TeamView | SetupProblem): read is SetupProblem {
  return 'code' in read;
}

export interface RunPorts {
  store: Store;
  mail: Mailer;
  clock: Clock;
  sent: SentLog;
  /**
   * Where the replacement programme is kept, when not in `store`: a run without document
   * properties reads it from the spreadsheet's own copy (spec §17).
   */
  programme?: Store;
  /**
   * True when `programme` is that copy alone (a run without document properties): it keeps
   * neither the frozen baseline nor the participants' session days (src/gas/programme-store.ts).
   */
  programmeCopyOnly?: boolean;
}

export interface RunSetup {
  settings: Settings;
  /** Who gets the named digest and the owner's reminders; '' when nobody is known. */
  owner: string;
  /** The day automation was turned on (digests before it are not caught up); null if unknown. */
  since: Day | null;
  /** The spreadsheet's time zone: days and times are the owner's. */
  timeZone: string;
  spreadsheetName: string;
  spreadsheetUrl: string;
  /** "Send digest now": no reminders, no report stored, every recipient gets it again. */
  onRequest: boolean;
}
