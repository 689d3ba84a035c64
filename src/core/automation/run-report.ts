/** What a run tells the owner: its report as the sidebar keeps it, and the email about a set-up problem. */
import { plural } from '../base/text';
import { renderEmail, type EmailContent } from '../mail/email';
import { clipped, fitProperty, type LastRun } from './store';

/** The report kept for the sidebar: 60 lines at most, each cut short, the whole within one property. */
export function lastRunOf(at: string, report: string[], problem: string | null): LastRun {
  const lines = report.slice(0, 60).map((line) => clipped(line));
  const more = (kept: string[]) => `… and ${plural(report.length - kept.length, 'more line')}`;
  const kept = fitProperty(lines, (k) => ({ at, report: [...k, more(k)], problem }), 'end');
  if (kept.length < report.length) kept.push(more(kept));
  const lastRun: LastRun = { at, report: kept };
  if (problem) lastRun.problem = clipped(problem, 2_000);
  return lastRun;
}

/** The owner's email about a problem that stops the daily run (a missing log, say). */
export function setupProblemEmail(
  message: string,
  spreadsheet: { spreadsheetName: string; spreadsheetUrl: string },
): EmailContent {
  return renderEmail('Uptake: the daily run needs a fix in your spreadsheet', [
    {
      kind: 'paragraph',
      text: `Uptake’s daily run could not read your team’s data in “${spreadsheet.spreadsheetName}”:`,
    },
    { kind: 'paragraph', strong: true, text: message },
    {
      kind: 'paragraph',
      text: 'Until this is fixed, no programme reminders or digests are sent; they are sent, once, after the fix. Uptake emails you about this problem once, not every day.',
    },
    { kind: 'link', label: 'Open the spreadsheet', url: spreadsheet.spreadsheetUrl },
  ]);
}
