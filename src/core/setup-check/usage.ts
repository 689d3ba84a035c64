// Check set-up's line about the usage exports found on the sheets (spec §15): each with its
// format, tool, the days and periods it covers and the rows that could not be read.
import { formatCount as count } from '../base/text';
import type { UsageSourceSummary } from '../usage/types';
import type { CheckFinding, SetupFacts } from './facts';

const FORMAT_NAME: Record<UsageSourceSummary['format'], string> = {
  daily: 'daily export',
  periods: 'per-period export',
  chatgpt: 'ChatGPT Enterprise user report',
  'm365-copilot': 'Microsoft 365 Copilot usage detail',
};

/** Periods shown by name in Check set-up; a longer list ends with how many more. */
const PERIODS_SHOWN = 12;

/** "2026-11-02–2026-11-08, 2026-11-09–2026-11-15 and 3 more". */
function listedPeriods(periods: readonly { from: string; to: string }[]): string {
  const shown = periods.slice(0, PERIODS_SHOWN).map((p) => `${p.from}–${p.to}`);
  return periods.length > PERIODS_SHOWN
    ? `${shown.join(', ')} and ${periods.length - PERIODS_SHOWN} more`
    : shown.join(', ');
}

/** One usage sheet in words: its name, format, tool and the days it covers. */
function usageSourceText(source: SetupFacts['usage']['sources'][number]): string {
  const covers =
    source.from === null
      ? 'no readable row'
      : `${source.from} to ${source.to}, ${count(source.rows)} row${source.rows === 1 ? '' : 's'}`;
  const first = source.firstSkipped && ` (row ${source.firstSkipped.row}: ${source.firstSkipped.reason})`;
  const skipped = source.skipped
    ? `; ${count(source.skipped)} row${source.skipped === 1 ? '' : 's'} not read${first ?? ''}`
    : '';
  const periods = source.periods.length
    ? `; ${source.periods.length === 1 ? 'period' : `${source.periods.length} periods`} ${listedPeriods(source.periods)}`
    : '';
  return `"${source.source}" (${FORMAT_NAME[source.format]}, ${source.tool}): ${covers}${periods}${skipped}.`;
}

/** The usage exports found (spec §15): each one's period and the rows not read, and the sheets refused. */
export function usageSheets({ usage }: SetupFacts): CheckFinding {
  if (usage.sources.length === 0 && usage.refused.length === 0)
    return ['ok', 'No usage export found: import a tool’s usage export into a new sheet to compare it with the log.'];
  const lines = [...usage.sources.map(usageSourceText), ...usage.refused.map((r) => r.message)];
  const unread = usage.refused.length > 0 || usage.sources.some((s) => s.skipped > 0 || s.from === null);
  return [unread ? 'warn' : 'ok', lines.join(' ')];
}
