/**
 * Everything the sidebar, the audit sheet, the digest and `--json` show about interventions,
 * from the sheet's values and the team's parsed log and roster.
 */
import type { Day } from '../base/dates';
import type { AuditSettings, Roster, RowProblem } from '../base/types';
import type { ParsedLog } from '../sheets/log';
import { MemberDirectory } from '../sheets/roster';
import { parseInterventions, type ParsedInterventions } from './sheet';
import { summariseByType } from './summary';
import type { InterventionReport, InterventionTypeSummary } from './types';
import { interventionFigures } from './windows';
import type { DateReadOptions } from '../base/dates';

export interface InterventionsView {
  /** The sheet read, or null when the spreadsheet has none yet. */
  sheet: string | null;
  interventions: InterventionReport[];
  byType: InterventionTypeSummary[];
  /** Rows not read (unreadable date, unknown member), with their sheet row number. */
  skipped: RowProblem[];
  /** Rows read with a caveat, and interventions left out for being after the as-of date. */
  notices: RowProblem[];
}

export const NO_INTERVENTIONS: InterventionsView = {
  sheet: null,
  interventions: [],
  byType: [],
  skipped: [],
  notices: [],
};

export interface InterventionsInput {
  /** The sheet's name and values (getValues), or null when there is no Interventions sheet. */
  sheet: { name: string; values: unknown[][] } | null;
  log: Pick<ParsedLog, 'table' | 'names'>;
  roster: Roster | null;
  dateOptions: DateReadOptions;
  asOf: Day;
  settings: Pick<AuditSettings, 'genuineAt'>;
}

/** Reads the sheet (throws HeaderNotFoundError when it has no header row) and works out the figures. */
export function interventionsView(input: InterventionsInput): InterventionsView {
  if (!input.sheet) return NO_INTERVENTIONS;
  const parsed: ParsedInterventions = parseInterventions(input.sheet.values, {
    ...input.dateOptions,
    directory: new MemberDirectory(input.roster?.members ?? []),
    logNames: input.log.names,
    logWorkflowKeys: input.log.table.workflowKeys,
  });
  const figures = interventionFigures({
    table: input.log.table,
    interventions: parsed.interventions,
    roster: input.roster,
    asOf: input.asOf,
    settings: input.settings,
  });
  const sheet = input.sheet.name;
  return {
    sheet,
    interventions: figures.reports,
    byType: summariseByType(figures.reports),
    skipped: parsed.skipped,
    notices: [...parsed.notices, ...figures.notices]
      .sort((a, b) => a.row - b.row)
      .map((n) => ({ ...n, sheet, reason: `${sheet} row ${n.row}: ${n.reason}` })),
  };
}
