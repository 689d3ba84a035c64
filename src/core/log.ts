/** Reading the team's log (spec §1): every row becomes a Run or a reported skip, never a guess. */
import { findHeader, type FieldSpec } from './header';
import { readDay, type DateReadOptions } from './dates';
import { describeValue, isBlankCell, isDate, sheetErrorIn, spellingKey, memberKey, cellText } from './text';
import type { EditType, LogField, Outcome, Run, RowProblem } from './types';
import type { MemberDirectory } from './roster';

export const LOG_FIELDS: FieldSpec<LogField>[] = [
  { field: 'date', label: 'Date', required: true, names: ['date', 'day', 'run date', 'timestamp'] },
  { field: 'member', label: 'Team member', required: true, names: ['team member', 'member', 'name', 'person', 'who', 'user', 'email'] },
  { field: 'workflow', label: 'Workflow', required: true, names: ['workflow', 'workflow name', 'task', 'use case'] },
  { field: 'outcome', label: 'Outcome', required: true, names: ['outcome', 'output', 'output used', 'result', 'acceptance'] },
  { field: 'editType', label: 'Edit type', required: false, names: ['edit type', 'editing type', 'edit', 'what was edited'] },
  { field: 'prompted', label: 'Prompted', required: false, names: ['prompted', 'was prompted', 'prompted by someone'] },
  { field: 'notes', label: 'Notes', required: false, names: ['notes', 'note', 'comment', 'comments'] },
];

/** The headers "Set up log" writes, in order. */
export const LOG_HEADERS = ['Date', 'Team member', 'Workflow', 'Outcome', 'Edit type', 'Prompted', 'Notes'];

const OUTCOME_SPELLINGS: Record<Outcome, string[]> = {
  'as-is': ['used as-is', 'as-is', 'as is', 'used', 'no edit', 'accepted'],
  light: ['light edit', 'light', 'light edits', 'minor edit'],
  heavy: ['heavy edit', 'heavy', 'heavy edits', 'major edit'],
  'not-used': ['not used', 'unused', 'discarded', 'rejected'],
};

/** The dropdown values "Set up log" offers: the canonical spelling of each outcome. */
export const OUTCOME_CHOICES = ['Used as-is', 'Light edit', 'Heavy edit', 'Not used'];
export const EDIT_TYPE_CHOICES = ['tone', 'scope', 'format', 'missing info', 'wrong info'];

const OUTCOME_BY_KEY = new Map<string, Outcome>();
for (const [outcome, spellings] of Object.entries(OUTCOME_SPELLINGS) as [Outcome, string[]][]) {
  for (const spelling of spellings) OUTCOME_BY_KEY.set(spellingKey(spelling), outcome);
}

export const ACCEPTED_OUTCOME_SPELLINGS = Object.values(OUTCOME_SPELLINGS).flat();

export function readOutcome(value: unknown): Outcome | null {
  return typeof value === 'string' ? OUTCOME_BY_KEY.get(spellingKey(value)) ?? null : null;
}

const EDIT_TYPE_SPELLINGS: Record<EditType, string[]> = {
  tone: ['tone'],
  scope: ['scope'],
  format: ['format', 'formatting'],
  'missing info': ['missing info', 'missing information'],
  'wrong info': ['wrong info', 'wrong information', 'incorrect info', 'incorrect information'],
};
const EDIT_TYPE_BY_KEY = new Map<string, EditType>();
for (const [type, spellings] of Object.entries(EDIT_TYPE_SPELLINGS) as [EditType, string[]][]) {
  for (const spelling of spellings) EDIT_TYPE_BY_KEY.set(spellingKey(spelling), type);
}

/** Edit types of a cell ("tone; missing info"), and the parts that are not edit types. */
export function readEditTypes(value: unknown): { types: EditType[]; unknown: string[] } {
  const types: EditType[] = [];
  const unknown: string[] = [];
  if (typeof value !== 'string') {
    if (!isBlankCell(value)) unknown.push(cellText(value) || describeValue(value));
    return { types, unknown };
  }
  for (const part of value.split(/[,;]/)) {
    if (!part.trim()) continue;
    const type = EDIT_TYPE_BY_KEY.get(spellingKey(part));
    if (type === undefined) unknown.push(part.trim());
    else if (!types.includes(type)) types.push(type);
  }
  return { types, unknown };
}

const PROMPTED_YES = new Set(['yes', 'y', 'true', 'x', '✓', '✔', 'checked']);
const PROMPTED_NO = new Set(['', 'no', 'n', 'false', 'unchecked']);

/** true/false for the spec's spellings and checkbox values; null for anything else. */
export function readPrompted(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === null || value === undefined) return false;
  if (typeof value !== 'string') return null;
  const key = spellingKey(value);
  if (PROMPTED_YES.has(key)) return true;
  if (PROMPTED_NO.has(key)) return false;
  return null;
}

export interface ParsedLog {
  /** Sheet row number of the header row. */
  headerRow: number;
  columns: Partial<Record<LogField, number>>;
  runs: Run[];
  skipped: RowProblem[];
  /** Rows read with a caveat (an unknown edit type ignored), and header ambiguities (row = header row). */
  notices: RowProblem[];
  /** Display name per member key, for members the roster does not know. */
  names: Map<string, string>;
}

export interface LogReadOptions extends DateReadOptions {
  /** Sheet row number of values[0]; 1 for a whole-sheet read. */
  firstRow?: number;
  directory?: MemberDirectory;
}

/** Why a member cell cannot name a member, or null when it can. */
export function memberProblem(value: unknown): string | null {
  if (isBlankCell(value)) return 'the team member is blank';
  const error = sheetErrorIn(value);
  if (error) return `the team member cell shows the error ${error}`;
  if (typeof value === 'number') return `the team member is ${describeValue(value)}, not a name or email`;
  if (typeof value !== 'string') return `the team member is ${describeValue(value)}, not a name or email`;
  return null;
}

/**
 * Reads the log's values (as getValues returns them). Throws HeaderNotFoundError when no row
 * carries the required headers; every other problem is a skipped row with its reason.
 */
export function parseLog(values: unknown[][], options: LogReadOptions): ParsedLog {
  const firstRow = options.firstRow ?? 1;
  const header = findHeader(values, LOG_FIELDS, 'log');
  const c = header.columns as Record<LogField, number | undefined>;
  const runs: Run[] = [];
  const skipped: RowProblem[] = [];
  const notices: RowProblem[] = header.notices.map((reason) => ({ row: header.rowIndex + firstRow, reason }));
  const names = new Map<string, string>();
  const directory = options.directory;

  for (let i = header.rowIndex + 1; i < values.length; i++) {
    const cells = values[i];
    const row = i + firstRow;
    if (!cells || cells.every(isBlankCell)) continue;
    const reasons: string[] = [];

    const dateRead = readDay(cells[c.date!], options);
    if (!dateRead.ok) reasons.push(dateRead.reason);

    const memberCell = cells[c.member!];
    const badMember = memberProblem(memberCell);
    if (badMember) reasons.push(badMember);

    const workflowCell = cells[c.workflow!];
    const workflow = isDate(workflowCell) || typeof workflowCell === 'boolean' ? '' : cellText(workflowCell);
    const workflowError = sheetErrorIn(workflow);
    if (!workflow) reasons.push(isBlankCell(workflowCell) ? 'the workflow is blank' : `the workflow is ${describeValue(workflowCell)}, not a name`);
    else if (workflowError) reasons.push(`the workflow cell shows the error ${workflowError}`);

    const outcomeCell = cells[c.outcome!];
    const outcome = readOutcome(outcomeCell);
    if (outcome === null) {
      reasons.push(
        isBlankCell(outcomeCell)
          ? 'the outcome is blank'
          : `the outcome ${describeValue(outcomeCell)} is not one of: used as-is, light edit, heavy edit, not used`,
      );
    }

    let prompted = false;
    if (c.prompted !== undefined) {
      const read = readPrompted(cells[c.prompted]);
      if (read === null) reasons.push(`prompted is ${describeValue(cells[c.prompted])}: use yes/no or the checkbox`);
      else prompted = read;
    }

    if (reasons.length) {
      skipped.push({ row, reason: capitalise(reasons.join('; ')) });
      continue;
    }

    let editTypes: EditType[] = [];
    if (c.editType !== undefined) {
      const read = readEditTypes(cells[c.editType]);
      editTypes = read.types;
      if (read.unknown.length) {
        notices.push({
          row,
          reason: `Edit type ${read.unknown.map((u) => `"${u}"`).join(', ')} ignored: use tone, scope, format, missing info or wrong info`,
        });
      }
    }

    const memberText = (memberCell as string).replace(/\s+/g, ' ').trim();
    const key = directory ? directory.keyFor(memberText) : memberKey(memberText);
    if (!names.has(key)) names.set(key, memberText);
    runs.push({
      row,
      day: (dateRead as { day: number }).day,
      memberKey: key,
      memberText,
      workflowKey: memberKey(workflow),
      workflow: workflow.replace(/\s+/g, ' '),
      outcome: outcome!,
      editTypes,
      prompted,
    });
  }
  return { headerRow: header.rowIndex + firstRow, columns: header.columns, runs, skipped, notices, names };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
