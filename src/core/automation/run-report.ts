/** What a run tells the owner: its report as the sidebar keeps it, and the email about a set-up problem. */
import { plural } from '../base/text';
import { renderEmail, type EmailContent } from '../mail/email';
import { clipped, fitProperty, shrinkToFit, type LastRun, type MissedRun } from './store';

/**
 * The report kept for the sidebar: 60 lines at most, each cut short, the whole within one value
 * of `limitBytes` (the problem, cut to a quarter of it, first).
 */
export function lastRunOf(at: string, report: string[], problem: string | null, limitBytes: number): LastRun {
  const kept: LastRun = { at, report: [] };
  if (problem) kept.problem = shrinkToFit({ text: clipped(problem, 2_000) }, limitBytes / 4).text;
  const lines = report.slice(0, 60).map((line) => shrinkToFit({ text: clipped(line) }, limitBytes / 8).text);
  const more = (k: string[]) => `… and ${plural(report.length - k.length, 'more line')}`;
  kept.report = fitProperty(lines, (k) => ({ ...kept, report: [...k, more(k)] }), 'end', limitBytes);
  if (kept.report.length < report.length) kept.report.push(more(kept.report));
  return kept;
}

/**
 * The owner's email about a problem that stops the daily run (a missing log, say), or, with
 * `programmeOnly`, one that stops only the replacement programme (too big to store, spec §17).
 */
export function setupProblemEmail(
  message: string,
  spreadsheet: { spreadsheetName: string; spreadsheetUrl: string },
  programmeOnly = false,
): EmailContent {
  const subject = programmeOnly
    ? 'Uptake: the replacement programme could not start'
    : 'Uptake: the daily run needs a fix in your spreadsheet';
  const what = programmeOnly
    ? `Uptake’s daily run could not start the replacement programme in “${spreadsheet.spreadsheetName}”:`
    : `Uptake’s daily run could not read your team’s data in “${spreadsheet.spreadsheetName}”:`;
  const until = programmeOnly
    ? 'The programme is not running: none of its emails are sent. The other reminders and the digests go on.'
    : 'Until this is fixed, no programme reminders or digests are sent; they are sent, once, after the fix.';
  return renderEmail(subject, [
    { kind: 'paragraph', text: what },
    { kind: 'paragraph', strong: true, text: message },
    { kind: 'paragraph', text: `${until} Uptake emails you about this problem once, not every day.` },
    { kind: 'link', label: 'Open the spreadsheet', url: spreadsheet.spreadsheetUrl },
  ]);
}

/**
 * A run that could not take the lock. The lock is the document's, or, where a trigger has none,
 * the script's, which every spreadsheet using the add-on shares: another spreadsheet's run may hold it.
 */
export function missedRunProblem(missed: MissedRun): string {
  return (
    `The daily run of ${missed.at} could not start: another Uptake run held the lock for more than ${missed.waitedSeconds} seconds. ` +
    'The next daily run does what it did not do, and says so here.'
  );
}

/** The next run's line about it. */
export function missedRunDone(missed: MissedRun): string {
  return `The daily run of ${missed.at} could not start (another Uptake run held the lock); this run did its work.`;
}
