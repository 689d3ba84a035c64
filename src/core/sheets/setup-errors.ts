/**
 * What the owner is told when the spreadsheet's set-up stops Uptake (no log, a sheet chosen in
 * Settings gone, a header that cannot be read, a log only a form writes): the sentences, from the
 * facts src/gas/team-data.ts finds. The adapter throws a SetupError with these words and the code.
 */
import { wordList } from '../base/text';
import { HEADER_SEARCH_ROWS, type HeaderNotFoundError } from './header';
import { LOG_FIELDS } from './log';

/** What a header that could not be read lacks, as core/sheets/header words it (HeaderNotFoundError). */
type HeaderProblem = Pick<HeaderNotFoundError, 'message'>;

/**
 * The facts of a set-up problem, by its code (the code the page and the daily run's report carry):
 * - no-log: no sheet has a log's headers in its first HEADER_SEARCH_ROWS rows, nor comes close;
 * - log-missing, roster-missing: the sheet chosen (or pinned) in Settings is gone;
 * - log-header, roster-header: the sheet's header lacks what `header` says; `nearest`: no sheet is a
 *   log and this one comes closest, so it may not be the log at all;
 * - form-answers-only: the only log is `sheet`, a form's answers sheet; `formUrl`: the logging form
 *   Uptake made, null when none.
 */
export type SetupErrorFacts =
  | { code: 'no-log' }
  | { code: 'log-missing'; sheet: string }
  | { code: 'log-header'; sheet: string; header: HeaderProblem; nearest?: boolean }
  | { code: 'roster-missing'; sheet: string }
  | { code: 'roster-header'; sheet: string; header: HeaderProblem }
  | { code: 'form-answers-only'; sheet: string; formUrl: string | null };

export type SetupErrorCode = SetupErrorFacts['code'];

/** Said when Uptake took the sheet nearest to a log for the log: it may have guessed wrong. */
export const NEAREST_LOG_HINT = 'If this sheet is not your log, choose your log sheet in Settings.';

/** The log's required headers by their labels: "Date, Team member, Workflow and Outcome". */
function logHeadersNeeded(): string {
  return wordList(LOG_FIELDS.filter((spec) => spec.required).map((spec) => spec.label));
}

/** The words for `facts`: what is wrong and what to do. */
export function setupErrorMessage(facts: SetupErrorFacts): string {
  switch (facts.code) {
    case 'no-log':
      return (
        `Uptake found no log: no sheet has the headers ${logHeadersNeeded()} in its first ${HEADER_SEARCH_ROWS} rows. ` +
        'Use "Set up log and roster" to create one, or choose your log sheet in Settings.'
      );
    case 'log-missing':
      return `The log sheet "${facts.sheet}" chosen in Settings no longer exists. Choose the log sheet again in Settings.`;
    case 'log-header':
      return `Log sheet "${facts.sheet}": ${facts.header.message}${facts.nearest ? ` ${NEAREST_LOG_HINT}` : ''}`;
    case 'roster-missing':
      return `The roster sheet "${facts.sheet}" chosen in Settings no longer exists. Choose it again in Settings.`;
    case 'roster-header':
      return `Roster sheet "${facts.sheet}": ${facts.header.message}`;
    case 'form-answers-only':
      return (
        `The only log in this spreadsheet is "${facts.sheet}", a form's answers sheet, which only its form writes. ` +
        (facts.formUrl
          ? `Log the run with the logging form (${facts.formUrl}), or use`
          : 'Log the run with that form, or use') +
        ' "Set up log and roster" to make a team log sheet, where Log a run writes.'
      );
  }
}
