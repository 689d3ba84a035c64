/**
 * The usage log checked against the team's log (spec §15) for `npm start`: the `usage` object of
 * `--json` and the terminal's usage table. The figures are the bundle's; nothing is computed here.
 */
import type {
  MemberUsageStatus,
  NotInExport,
  NotOnRoster,
  SkippedUsageRow,
  UsageAdopters,
  UsagePeriod,
  UsageSourceSummary,
  UsageView,
} from '../src/core/usage/types';
import { percent, plural } from '../src/core/base/text';
import { renderColumns } from './report';
import { terminalLine } from './terminal';

/** `--json`'s `usage` (docs/json.md). */
export interface JsonUsage {
  sources: UsageSourceSummary[];
  periods: UsagePeriod[];
  members: { member: string; status: MemberUsageStatus; periods: UsagePeriod[] }[];
  usageAdopters: UsageAdopters;
  notInExport: NotInExport[];
  notOnRoster: NotOnRoster[];
  skippedUsageRows: SkippedUsageRow[];
  /** Files holding the same export as one read before them: read once, not added up. */
  duplicateSources?: { source: string; duplicateOf: string }[];
}

/** `--json`'s `usage`: the view without the sidebar's wording (evidence lines, refusals). */
export function usageJson(view: UsageView): JsonUsage {
  const duplicates = view.refused.flatMap((r) =>
    r.duplicateOf === undefined ? [] : [{ source: r.source, duplicateOf: r.duplicateOf }],
  );
  return {
    sources: view.sources,
    periods: view.periods,
    members: view.members.map(({ member, status, periods }) => ({ member, status, periods })),
    usageAdopters: view.usageAdopters,
    notInExport: view.notInExport,
    notOnRoster: view.notOnRoster,
    skippedUsageRows: view.skippedUsageRows,
    ...(duplicates.length ? { duplicateSources: duplicates } : {}),
  };
}

const show = (n: number | null) => (n === null ? '–' : String(n));

export function renderUsage(view: UsageView, adoptionRate: number | null): string {
  const out: string[] = ['Usage exports checked against the log'];
  for (const s of view.sources)
    out.push(`  ${s.source} (${s.format}, ${s.tool}): ${plural(s.rows, 'row')}, ${s.from ?? '–'} to ${s.to ?? '–'}`);
  const a = view.usageAdopters;
  out.push(
    '',
    `Usage adopters ${percent(a.rate)} (${a.adopters} of ${plural(a.known, 'member')} with known active days); the log's adoption rate ${percent(adoptionRate)}.`,
    '',
  );
  out.push(
    ...renderColumns(
      [
        'Team member',
        'Status as of',
        'Tool',
        'Period',
        'Active days',
        'Activity',
        'Runs logged',
        'Days logged',
        'Period status',
      ],
      view.members.flatMap((m) =>
        m.periods.length === 0
          ? [[m.member, m.status, '', '', '', '', '', '', '']]
          : m.periods.map((p, i) => [
              i === 0 ? m.member : '',
              i === 0 ? m.status : '',
              p.tool,
              `${p.from} to ${p.to}`,
              show(p.activeDays),
              show(p.activity),
              String(p.loggedRuns),
              String(p.loggedDays),
              p.status,
            ]),
      ),
    ),
  );
  if (view.notInExport.length) {
    out.push('', `Not in an export (${view.notInExport.length}): no licence for that tool?`);
    for (const n of view.notInExport) out.push(`  ${n.member}: ${n.tool}, ${n.from} to ${n.to}`);
  }
  if (view.notOnRoster.length) {
    out.push(
      '',
      `Not on the roster (${view.notOnRoster.length}): add their email to the roster if they are on the team`,
    );
    for (const n of view.notOnRoster) out.push(`  ${n.source}: ${n.key} (${plural(n.rows, 'row')})`);
  }
  out.push('', `Usage rows skipped (${view.skippedUsageRows.length})`);
  if (view.skippedUsageRows.length === 0) out.push('  none');
  for (const r of view.skippedUsageRows) out.push(`  ${r.source}, row ${r.row}: ${r.reason}`);
  return `${out.map(terminalLine).join('\n')}\n`;
}
