/**
 * The usage log (rules §15) at size: a 10,000-row daily usage export beside a 100,000-row log,
 * read and compared as the dashboard does (readTeam finds the export by its headers, auditTeam
 * compares it with the log in one pass). Timed as the same read + audit without the export, so the
 * difference is what the export costs; CPU time, medians.
 */
import { DEFAULT_LOG_SHEET, DEFAULT_ROSTER_SHEET } from '../src/core/base/sheet-names';
import { zeroCostSpreadsheet, type BundleInternals } from './bundle-internals';
import { generateTeam, LAST_DAY_ISO } from './generate';
import { cpuMs, median, sink } from './measure';

export const USAGE_LOG_ROWS = 100_000;
export const USAGE_EXPORT_ROWS = 10_000;

export interface UsageFigures {
  logRows: number;
  usageRows: number;
  runs: number;
  /** read + audit without the export, and with it (medians, ms). */
  withoutMs: number;
  withMs: number;
  /** Periods compared (member × tool × week). */
  periods: number;
}

/** A daily export of the team's members: one row per member and active day, over the log's last days. */
function dailyExport(emails: string[], rows: number): string[][] {
  const last = Date.parse(`${LAST_DAY_ISO}T00:00:00Z`);
  const out: string[][] = [['Email', 'Date', 'Tool', 'Sessions']];
  for (let i = 0; i < rows; i++) {
    const day = new Date(last - Math.floor(i / emails.length) * 86_400_000).toISOString().slice(0, 10);
    out.push([emails[i % emails.length], day, i % 3 === 0 ? 'Claude' : 'ChatGPT', String(1 + (i % 4))]);
  }
  return out;
}

export function measureUsage(bundle: BundleInternals, runs: number): UsageFigures {
  const team = generateTeam(USAGE_LOG_ROWS);
  const usage = dailyExport(
    team.members.map((m) => m.email),
    USAGE_EXPORT_ROWS,
  );
  const settings = bundle.validateSettings({});
  const time = (withUsage: boolean) => {
    const sheets: Record<string, unknown[][]> = { [DEFAULT_LOG_SHEET]: team.log, [DEFAULT_ROSTER_SHEET]: team.roster };
    if (withUsage) sheets['Usage export'] = usage;
    const spreadsheet = zeroCostSpreadsheet(sheets, team.timeZone, team.locale);
    const start = cpuMs();
    const audit = bundle.auditTeam(bundle.readTeam(spreadsheet, settings, []), settings, LAST_DAY_ISO);
    const ms = cpuMs() - start;
    sink[0] = audit;
    return { ms, audit };
  };
  const without: number[] = [];
  const withExport: number[] = [];
  let periods = 0;
  for (let i = 0; i < runs; i++) {
    without.push(time(false).ms);
    const measured = time(true);
    withExport.push(measured.ms);
    periods = measured.audit.usage?.periods.length ?? 0;
  }
  if (periods === 0) throw new Error('bench: the usage export was not read: no period compared');
  return {
    logRows: USAGE_LOG_ROWS,
    usageRows: USAGE_EXPORT_ROWS,
    runs,
    withoutMs: median(without),
    withMs: median(withExport),
    periods,
  };
}

/** The report's lines. */
export function usageReport(u: UsageFigures): string {
  const extra = u.withMs - u.withoutMs;
  return (
    `Usage log (rules §15): a ${u.usageRows.toLocaleString('en-US')}-row daily usage export beside a ` +
    `${u.logRows.toLocaleString('en-US')}-row log, read + audit, CPU ms, median of ${u.runs}: ` +
    `${u.withoutMs.toFixed(1)} without, ${u.withMs.toFixed(1)} with (+${extra.toFixed(1)} ms, ` +
    `${((extra / u.withoutMs) * 100).toFixed(0)}%), ${u.periods.toLocaleString('en-US')} periods compared.`
  );
}
