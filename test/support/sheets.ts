// A team's log and roster as the 2-D arrays getValues returns, with the headers Uptake writes
// itself (LOG_HEADERS and ROSTER_HEADERS of src/core/sheets), so a renamed column is renamed here too.
// Each table gets a copy of its header: a test that edits a cell cannot change the add-on's constant.
import { LOG_HEADERS } from '../../src/core/sheets/log';
import { parseRoster, ROSTER_HEADERS } from '../../src/core/sheets/roster';
import type { RosterMember } from '../../src/core/base/types';

/** Who owns the team's sheet in the tests: the Settings owner, who gets the owner's emails. */
export const OWNER = 'owner@example.com';

/** A Date as a date cell in a UTC spreadsheet holds it: midnight of that day. */
export function d(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** Adds n days to an ISO date. */
export function plus(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export interface RunSpec {
  date: string;
  member: string;
  workflow?: string;
  outcome?: string;
  edit?: string;
  prompted?: boolean | string;
  /** The Notes cell. */
  note?: string;
}

/** The header of the answers sheet of the logging form Uptake makes (rules §16). */
export const FORM_HEADER = ['Timestamp', 'Team member', 'Workflow', 'Outcome', 'Edit types', 'Prompted', 'Notes'];

/** The header of a logging form's answers sheet when the form collects emails (rules §16). */
export const FORM_HEADER_WITH_EMAIL = [FORM_HEADER[0], 'Email Address', ...FORM_HEADER.slice(1)];

/** A run as the seven cells of a log row, with its Date and Prompted cells as given. */
function logCells(r: RunSpec, date: unknown, prompted: unknown): unknown[] {
  return [date, r.member, r.workflow ?? 'Proposal', r.outcome ?? 'Used as-is', r.edit ?? '', prompted, r.note ?? ''];
}

/** Log rows as a team would keep them: the header, then one row per run (Date cells). */
export function logRows(runs: RunSpec[], header: string[] = LOG_HEADERS): unknown[][] {
  return [[...header], ...runs.map((r) => logCells(r, d(r.date), r.prompted ?? false))];
}

/** Log rows as a CSV download holds them: all text, dates as YYYY-MM-DD, Prompted TRUE or FALSE. */
export function logCsvRows(runs: RunSpec[]): string[][] {
  const prompted = (r: RunSpec) => (typeof r.prompted === 'string' ? r.prompted : r.prompted ? 'TRUE' : 'FALSE');
  return [[...LOG_HEADERS], ...runs.map((r) => logCells(r, r.date, prompted(r)).map(String))];
}

export interface RosterSpec {
  name: string;
  email?: string;
  role?: string;
  training?: string;
  anchor?: string;
  trained?: string;
  status?: string;
  pack?: string;
  owner?: string;
}

/** A member as the cells of a roster row, with its Training date cell as given. */
function rosterCells(m: RosterSpec, training: unknown): unknown[] {
  const { email = '', role = '', anchor = '', trained = '', status = '', pack = '', owner = '' } = m;
  return [m.name, email, role, training, anchor, trained, status, pack, owner];
}

/** Roster rows: the header, then one row per member (the training date a Date cell). */
export function rosterRows(members: RosterSpec[]): unknown[][] {
  return [[...ROSTER_HEADERS], ...members.map((m) => rosterCells(m, m.training ? d(m.training) : ''))];
}

/** Roster rows as a CSV download holds them: all text, the training date as YYYY-MM-DD. */
export function rosterCsvRows(members: RosterSpec[]): string[][] {
  return [[...ROSTER_HEADERS], ...members.map((m) => rosterCells(m, m.training ?? '').map(String))];
}

/** Members as Uptake reads them from the Roster rows of `members` (a UTC sheet, day-first dates). */
export function rosterMembers(members: RosterSpec[]): RosterMember[] {
  return parseRoster(rosterRows(members), { timeZone: 'UTC', dateOrder: 'DMY' }).members;
}
