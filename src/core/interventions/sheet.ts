/**
 * Reading the Interventions sheet (spec §14): found by its headers like the log, every row an
 * intervention or a reported skip, never a guess.
 */
import { findHeader, type FieldSpec } from '../sheets/header';
import { readDay, type DateReadOptions } from '../base/dates';
import {
  capitalise,
  cellText,
  describeValue,
  isBlankCell,
  isDate,
  memberKey,
  sheetErrorIn,
  spellingKey,
} from '../base/text';
import type { RowProblem } from '../base/types';
import { memberProblem } from '../sheets/member-cell';
import type { MemberDirectory } from '../sheets/roster';
import { INTERVENTION_TYPES, type Intervention, type InterventionType } from './types';

export type InterventionField = 'date' | 'member' | 'type' | 'workflow' | 'note';

export const INTERVENTION_FIELDS: FieldSpec<InterventionField>[] = [
  { field: 'date', label: 'Date', required: true, names: ['date', 'day'] },
  { field: 'member', label: 'Team member', required: true, names: ['team member', 'member', 'name', 'person', 'who'] },
  { field: 'type', label: 'Type', required: true, names: ['type', 'intervention type', 'intervention'] },
  { field: 'workflow', label: 'Workflow', required: false, names: ['workflow', 'workflow name'] },
  { field: 'note', label: 'Note', required: false, names: ['note', 'notes', 'comment', 'comments'] },
];

/** The headers Uptake writes when it creates the sheet, in order. */
export const INTERVENTION_HEADERS = INTERVENTION_FIELDS.map((spec) => spec.label);
export const DEFAULT_INTERVENTIONS_SHEET = 'Interventions';

const TYPE_BY_KEY = new Map<string, InterventionType>(INTERVENTION_TYPES.map((type) => [spellingKey(type), type]));

/** A type cell's canonical type: case-, space- and hyphen-insensitive; anything else is "Other". */
export function readInterventionType(text: string): InterventionType {
  return TYPE_BY_KEY.get(spellingKey(text)) ?? 'Other';
}

export interface InterventionReadOptions extends DateReadOptions {
  /** Sheet row number of values[0]; 1 for a whole-sheet read. */
  firstRow?: number;
  /** The roster's members (names and emails). */
  directory: MemberDirectory;
  /** Display name per member key of the log (ParsedLog.names): members the log knows. */
  logNames: Map<string, string>;
  /** Keys of the log's workflows: a workflow nobody ran is read, with a notice. */
  logWorkflowKeys: readonly string[];
}

export interface ParsedInterventions {
  headerRow: number;
  interventions: Intervention[];
  skipped: RowProblem[];
  notices: RowProblem[];
}

/** The member a cell names: null for the whole team, or a problem. */
function readMember(
  cell: unknown,
  options: InterventionReadOptions,
): { key: string | null; name: string | null; problem: string | null } {
  if (isBlankCell(cell)) return { key: null, name: null, problem: null };
  const problem = memberProblem(cell);
  if (problem) return { key: null, name: null, problem };
  const text = (cell as string).replace(/\s+/g, ' ').trim();
  const onRoster = options.directory.find(text);
  if (onRoster) return { key: onRoster.key, name: onRoster.name, problem: null };
  const key = options.directory.keyFor(text);
  const logName = options.logNames.get(key);
  if (logName !== undefined) return { key, name: logName, problem: null };
  return {
    key: null,
    name: null,
    problem: `the team member "${text}" is neither on the roster nor in the log: write their name as the roster or log does, or leave it blank for the whole team`,
  };
}

/**
 * Reads the Interventions sheet's values (as getValues returns them). Throws HeaderNotFoundError
 * when no row carries Date, Team member and Type.
 */
export function parseInterventions(values: unknown[][], options: InterventionReadOptions): ParsedInterventions {
  const firstRow = options.firstRow ?? 1;
  const header = findHeader(values, INTERVENTION_FIELDS, 'Interventions sheet');
  const c = header.columns;
  const cell = (cells: unknown[], field: InterventionField) => (c[field] === undefined ? '' : cells[c[field]!]);
  const interventions: Intervention[] = [];
  const skipped: RowProblem[] = [];
  const notices: RowProblem[] = header.notices.map((reason) => ({ row: header.rowIndex + firstRow, reason }));
  const workflowKeys = new Set(options.logWorkflowKeys);

  for (let i = header.rowIndex + 1; i < values.length; i++) {
    const cells = values[i];
    const row = i + firstRow;
    if (!cells || cells.every(isBlankCell)) continue;
    const reasons: string[] = [];
    const date = readDay(cell(cells, 'date'), options);
    if (!date.ok) reasons.push(date.reason);
    const member = readMember(cell(cells, 'member'), options);
    if (member.problem) reasons.push(member.problem);
    if (!date.ok || member.problem) {
      skipped.push({ row, reason: capitalise(reasons.join('; ')) });
      continue;
    }

    const typeCell = cell(cells, 'type');
    const typeAsWritten =
      isDate(typeCell) || typeof typeCell === 'boolean' ? describeValue(typeCell) : cellText(typeCell);
    const type = readInterventionType(typeAsWritten);
    if (!typeAsWritten) notices.push({ row, reason: 'The type is blank: the intervention is counted as "Other"' });
    else if (type === 'Other' && spellingKey(typeAsWritten) !== 'other')
      notices.push({
        row,
        reason: `Type "${typeAsWritten}" is not one of: ${INTERVENTION_TYPES.join(', ')}; it is kept as written and counted as "Other"`,
      });

    const workflowCell = cell(cells, 'workflow');
    const workflowText = isDate(workflowCell) || typeof workflowCell === 'boolean' ? '' : cellText(workflowCell);
    let workflow: string | null = workflowText ? workflowText.replace(/\s+/g, ' ') : null;
    if (workflow && sheetErrorIn(workflow)) {
      notices.push({
        row,
        reason: `The workflow cell shows the error ${workflow}: the intervention is read without a workflow`,
      });
      workflow = null;
    }
    const workflowKey = workflow ? memberKey(workflow) : null;
    if (workflowKey && !workflowKeys.has(workflowKey))
      notices.push({ row, reason: `Nobody has run the workflow "${workflow}" in the log: check its spelling` });

    interventions.push({
      row,
      day: date.day,
      memberKey: member.key,
      member: member.name,
      type,
      typeAsWritten,
      workflow,
      workflowKey,
      note: cellText(cell(cells, 'note')),
    });
  }
  return { headerRow: header.rowIndex + firstRow, interventions, skipped, notices };
}
