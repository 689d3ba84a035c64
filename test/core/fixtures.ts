/** Builders for core tests: logs and rosters as the 2-D arrays getValues returns. */
import { parseLog } from '../../src/core/sheets/log';
import { parseRoster, MemberDirectory } from '../../src/core/sheets/roster';
import { runAudit } from '../../src/core/audit/audit';
import { isoToDay } from '../../src/core/base/dates';
import { DEFAULT_SETTINGS, type AuditSettings } from '../../src/core/base/types';
import { logRows, plus, rosterRows, type RosterSpec, type RunSpec } from '../support/sheets';

export const UTC = { timeZone: 'UTC', dateOrder: 'DMY' as const };

export function day(iso: string): number {
  const value = isoToDay(iso);
  if (value === null) throw new Error(`bad iso ${iso}`);
  return value;
}

/** n runs of one member on consecutive days ending on `last`. */
export function runsOf(member: string, n: number, last: string, extra: Partial<RunSpec> = {}): RunSpec[] {
  return Array.from({ length: n }, (_, i) => ({ date: plus(last, -i), member, ...extra }));
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
