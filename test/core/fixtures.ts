/** Builders for core tests: logs and rosters as the 2-D arrays getValues returns. */
import { parseLog } from '../../src/core/sheets/log';
import { parseRoster, MemberDirectory } from '../../src/core/sheets/roster';
import { runAudit } from '../../src/core/audit/audit';
import { isoToDay } from '../../src/core/base/dates';
import { DEFAULT_SETTINGS, type AuditSettings } from '../../src/core/base/types';

export const UTC = { timeZone: 'UTC', dateOrder: 'DMY' as const };

export const LOG_HEADER = ['Date', 'Team member', 'Workflow', 'Outcome', 'Edit type', 'Prompted', 'Notes'];
export const ROSTER_HEADER = [
  'Team member',
  'Email',
  'Role',
  'Training date',
  'Anchor workflow',
  'Trained workflows',
  'Status',
  'Context pack ready',
  'Follow-up owner',
];

/** A Date as a date cell in a UTC spreadsheet holds it: midnight of that day. */
export function d(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export function day(iso: string): number {
  const value = isoToDay(iso);
  if (value === null) throw new Error(`bad iso ${iso}`);
  return value;
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

export function logRows(runs: RunSpec[]): unknown[][] {
  return [
    LOG_HEADER,
    ...runs.map((r) => [
      d(r.date),
      r.member,
      r.workflow ?? 'Proposal',
      r.outcome ?? 'Used as-is',
      r.edit ?? '',
      r.prompted ?? false,
      r.note ?? '',
    ]),
  ];
}

/** n runs of one member on consecutive days ending on `last`. */
export function runsOf(member: string, n: number, last: string, extra: Partial<RunSpec> = {}): RunSpec[] {
  return Array.from({ length: n }, (_, i) => ({ date: plus(last, -i), member, ...extra }));
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

export function rosterRows(members: RosterSpec[]): unknown[][] {
  return [
    ROSTER_HEADER,
    ...members.map((m) => [
      m.name,
      m.email ?? '',
      m.role ?? '',
      m.training ? d(m.training) : '',
      m.anchor ?? '',
      m.trained ?? '',
      m.status ?? '',
      m.pack ?? '',
      m.owner ?? '',
    ]),
  ];
}

export function audit(
  runs: RunSpec[],
  options: { roster?: RosterSpec[]; asOf: string; weeks?: number; settings?: Partial<AuditSettings> },
) {
  const roster = options.roster ? parseRoster(rosterRows(options.roster), UTC) : null;
  const log = parseLog(logRows(runs), { ...UTC, directory: new MemberDirectory(roster?.members ?? []) });
  return runAudit({
    runs: log.runs,
    roster,
    names: log.names,
    asOf: day(options.asOf),
    weeks: options.weeks ?? 1,
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
    skippedRows: log.skipped,
    notices: log.notices,
  });
}

export function member(result: ReturnType<typeof audit>, name: string) {
  const found = result.members.find((m) => m.member === name);
  if (!found) throw new Error(`no member ${name} in ${result.members.map((m) => m.member).join(', ')}`);
  return found;
}
