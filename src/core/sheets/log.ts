/** Reading the team's log (spec §1): every row becomes a Run or a reported skip, never a guess. */
import { findHeader, HeaderNotFoundError, type FieldSpec, type HeaderMatch } from './header';
import { isoTextDay, readDay, sameDayInstants, type DateRead, type DateReadOptions } from '../base/dates';
import {
  capitalise,
  describeValue,
  isBlankCell,
  isDate,
  sheetErrorIn,
  spellingKey,
  memberKey,
  cellText,
} from '../base/text';
import { OUTCOMES, type EditType, type LogField, type Outcome, type Run, type RowProblem } from '../base/types';
import type { MemberDirectory } from './roster';
import { memberProblem } from './member-cell';
import { RunTableBuilder, editMask, type RunTable } from './run-table';
import { CellMemo } from '../v8/cell-memo';

export const LOG_FIELDS: FieldSpec<LogField>[] = [
  { field: 'date', label: 'Date', required: true, names: ['date', 'day', 'run date', 'timestamp'] },
  {
    field: 'member',
    label: 'Team member',
    required: true,
    names: ['team member', 'member', 'name', 'person', 'who', 'user', 'email', 'email address'],
    // A form that collects emails adds "Email Address" beside the team member question (§16):
    // the answer to the question is the member, and the pair is the form's shape, not a clash.
    quietFallbacks: ['email address'],
  },
  { field: 'workflow', label: 'Workflow', required: true, names: ['workflow', 'workflow name', 'task', 'use case'] },
  {
    field: 'outcome',
    label: 'Outcome',
    required: true,
    names: ['outcome', 'output', 'output used', 'result', 'acceptance'],
  },
  {
    field: 'editType',
    label: 'Edit type',
    required: false,
    names: ['edit type', 'edit types', 'editing type', 'edit', 'what was edited'],
  },
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
  return typeof value === 'string' ? (OUTCOME_BY_KEY.get(spellingKey(value)) ?? null) : null;
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
  /** Each sheet's header, in the order read (one for a log on one sheet). */
  sheets: LogSheetHeader[];
  /** The runs column by column: what the audit reads. */
  table: RunTable;
  /** The runs as objects, made on first use (for readers of a few runs; the audit uses `table`). */
  readonly runs: Run[];
  skipped: RowProblem[];
  /** Rows read with a caveat (an unknown edit type ignored), and header ambiguities (row = header row). */
  notices: RowProblem[];
  /** Display name per member key, for members the roster does not know. */
  names: Map<string, string>;
  /**
   * The Notes cell of run i, read from the cells when asked ('' without a Notes column): the parse
   * keeps no text per run, and only the few members an email is about have their notes read.
   */
  noteOf(i: number): string;
}

export interface LogReadOptions extends DateReadOptions {
  /** Sheet row number of values[0]; 1 for a whole-sheet read. */
  firstRow?: number;
  directory?: MemberDirectory;
}

/** What a member cell reads as: a problem, or the member's text and identity. */
interface MemberRead {
  problem: string | null;
  text: string;
  key: string;
  /** Index in the run table; -1 with a problem. */
  index: number;
  /** Whether `names` has been given this cell's text (only a usable row may name a member). */
  named: boolean;
}

/** What a workflow cell reads as: a problem, or its text as shown and its key. */
interface WorkflowRead {
  problem: string | null;
  workflow: string;
  key: string;
}

interface IndexedWorkflowRead extends WorkflowRead {
  /** Index in the run table; -1 with a problem. */
  index: number;
}

interface OutcomeRead {
  outcome: Outcome | null;
  /** Index in OUTCOMES; -1 with a problem. */
  index: number;
  problem: string | null;
}

interface PromptedRead {
  prompted: boolean;
  problem: string | null;
}

interface EditTypesRead {
  mask: number;
  /** The notice for the parts that are not edit types, or null. */
  ignored: string | null;
}

function readWorkflow(cell: unknown): WorkflowRead {
  const workflow = isDate(cell) || typeof cell === 'boolean' ? '' : cellText(cell);
  if (!workflow) {
    return {
      problem: isBlankCell(cell) ? 'the workflow is blank' : `the workflow is ${describeValue(cell)}, not a name`,
      workflow,
      key: '',
    };
  }
  const error = sheetErrorIn(workflow);
  if (error) return { problem: `the workflow cell shows the error ${error}`, workflow, key: '' };
  return { problem: null, workflow: workflow.replace(/\s+/g, ' '), key: memberKey(workflow) };
}

function readOutcomeCell(cell: unknown): OutcomeRead {
  const outcome = readOutcome(cell);
  if (outcome !== null) return { outcome, index: OUTCOMES.indexOf(outcome), problem: null };
  const error = sheetErrorIn(cell);
  return {
    outcome,
    index: -1,
    problem: isBlankCell(cell)
      ? 'the outcome is blank'
      : error
        ? `the outcome cell shows the error ${error}`
        : `the outcome ${describeValue(cell)} is not one of: used as-is, light edit, heavy edit, not used`,
  };
}

function readPromptedCell(cell: unknown): PromptedRead {
  const prompted = readPrompted(cell);
  return prompted === null
    ? { prompted: false, problem: `prompted is ${describeValue(cell)}: use yes/no or the checkbox` }
    : { prompted, problem: null };
}

/** Edit types read from one cell value, as a mask. */
function readSharedEditTypes(cell: unknown): EditTypesRead {
  const read = readEditTypes(cell);
  return {
    mask: editMask(read.types),
    ignored: read.unknown.length
      ? `Edit type ${read.unknown.map(describeValue).join(', ')} ignored: use tone, scope, format, missing info or wrong info`
      : null,
  };
}

const NO_EDIT_TYPES: EditTypesRead = readSharedEditTypes('');
const PROMPTED: PromptedRead = { prompted: true, problem: null };
const NOT_PROMPTED: PromptedRead = { prompted: false, problem: null };

/**
 * The reads of the dropdown's own spellings, which most outcome cells hold: comparing with four
 * strings is cheaper than hashing the cell for a look-up, and the audit reads every row.
 */
const CHOSEN_OUTCOMES: readonly OutcomeRead[] = OUTCOME_CHOICES.map(readOutcomeCell);

/** One sheet of a log spread over several (spec §16): its values, as getValues returns them. */
export interface LogSheetValues {
  values: unknown[][];
  /** Sheet row number of values[0]; 1 for a whole-sheet read. */
  firstRow?: number;
  /** The sheet's name, given to its skipped rows and notes when the log has more than one sheet. */
  name?: string;
}

/** Where one sheet of the log has its header. */
export interface LogSheetHeader {
  name?: string;
  headerRow: number;
  columns: Partial<Record<LogField, number>>;
}

/**
 * Reads the log's values (as getValues returns them). Throws HeaderNotFoundError when no row
 * carries the required headers; every other problem is a skipped row with its reason.
 */
export function parseLog(values: unknown[][], options: LogReadOptions): ParsedLog {
  return parseLogSheets([{ values, firstRow: options.firstRow }], options);
}

/**
 * Reads a log spread over several sheets (spec §16) as one: each sheet has its own header, every
 * readable row counts once, and the members and workflows of all sheets are one set. With more
 * than one sheet, each skipped row and note names its sheet. A sheet without the required
 * headers throws HeaderNotFoundError with `sheet` set.
 */
export function parseLogSheets(sheets: LogSheetValues[], options: LogReadOptions): ParsedLog {
  let capacity = 0;
  for (const sheet of sheets) capacity += sheet.values.length;
  const table = new RunTableBuilder(capacity);
  const skipped: RowProblem[] = [];
  const notices: RowProblem[] = [];
  const names = new Map<string, string>();
  const headers: LogSheetHeader[] = [];
  const spans: { name: string; end: number }[] = [];
  const noteSources: NoteSource[] = [];
  const reader = new LogRowReader(table, options);
  for (const sheet of sheets) {
    let header;
    try {
      header = findHeader(sheet.values, LOG_FIELDS, 'log');
    } catch (error) {
      if (error instanceof HeaderNotFoundError) error.sheet = sheet.name;
      throw error;
    }
    const firstRow = sheet.firstRow ?? 1;
    const named = sheets.length > 1 && sheet.name !== undefined ? { sheet: sheet.name, inLog: true } : null;
    const sheetSkipped: RowProblem[] = [];
    const sheetNotices: RowProblem[] = header.notices.map((reason) => ({ row: header.rowIndex + firstRow, reason }));
    reader.read(sheet.values, header, firstRow, sheetSkipped, sheetNotices, names);
    for (const p of sheetSkipped) skipped.push(named ? { ...p, ...named } : p);
    for (const p of sheetNotices) notices.push(named ? { ...p, ...named } : p);
    headers.push({ name: sheet.name, headerRow: header.rowIndex + firstRow, columns: header.columns });
    spans.push({ name: sheet.name ?? '', end: reader.count });
    noteSources.push({ values: sheet.values, firstRow, column: header.columns.notes, end: reader.count });
  }
  const runTable = table.build(reader.count, sheets.length > 1 ? spans : []);
  let runs: Run[] | null = null;
  return {
    headerRow: headers[0]?.headerRow ?? 1,
    columns: headers[0]?.columns ?? {},
    sheets: headers,
    table: runTable,
    get runs() {
      return (runs ??= runTable.toArray());
    },
    skipped,
    notices,
    names,
    noteOf: (i) => noteIn(noteSources, runTable.rows[i], i),
  };
}

/** Where one sheet's notes are: its cells, the sheet row of values[0], the Notes column, its runs' end. */
interface NoteSource {
  values: unknown[][];
  firstRow: number;
  column: number | undefined;
  end: number;
}

function noteIn(sources: readonly NoteSource[], row: number, i: number): string {
  const source = sources.find((s) => i < s.end);
  if (!source || source.column === undefined) return '';
  return cellText(source.values[row - source.firstRow]?.[source.column]);
}

/**
 * Reads rows into a RunTable; one reader serves every sheet of a log, so that a cell value read
 * on one sheet is not read again on the next (see CellMemo).
 */
class LogRowReader {
  count = 0;
  private readonly members: CellMemo<MemberRead>;
  private readonly workflows: CellMemo<IndexedWorkflowRead>;
  private readonly outcomes = new CellMemo(readOutcomeCell);
  private readonly promptedReads = new CellMemo(readPromptedCell);
  private readonly editTypeReads = new CellMemo(readSharedEditTypes);
  private readonly dates: CellMemo<DateRead>;
  // The instants of the last day a Date cell fell on and its read (readDateCell), empty until one is read.
  private sameDayFrom = 0;
  private sameDayTo = 0;
  private sameDayRead: DateRead = { ok: false, reason: '' };

  constructor(
    private readonly table: RunTableBuilder,
    private readonly options: LogReadOptions,
  ) {
    const directory = options.directory;
    this.members = new CellMemo<MemberRead>((cell) => {
      const problem = memberProblem(cell);
      if (problem) return { problem, text: '', key: '', index: -1, named: false };
      const text = (cell as string).replace(/\s+/g, ' ').trim();
      const key = directory ? directory.keyFor(text) : memberKey(text);
      return { problem: null, text, key, index: table.member(text, key), named: false };
    });
    this.workflows = new CellMemo<IndexedWorkflowRead>((cell) => {
      const read = readWorkflow(cell);
      // Spelled out, not spread: a spread copy takes a map of its own, and the loop's reads of
      // these objects would go megamorphic.
      return {
        problem: read.problem,
        workflow: read.workflow,
        key: read.key,
        index: read.problem ? -1 : table.workflow(read.workflow, read.key),
      };
    });
    this.dates = new CellMemo((cell) => readDay(cell, options));
  }

  /** Reads the rows below the header of one sheet. */
  read(
    values: unknown[][],
    header: HeaderMatch<LogField>,
    firstRow: number,
    skipped: RowProblem[],
    notices: RowProblem[],
    names: Map<string, string>,
  ): void {
    const c = header.columns as Record<LogField, number | undefined>;
    const dateCol = c.date!;
    const memberCol = c.member!;
    const workflowCol = c.workflow!;
    const outcomeCol = c.outcome!;
    const promptedCol = c.prompted;
    const editTypeCol = c.editType;
    const { members, workflows } = this;
    // The table's columns and count in locals: the loop writes each of them once per run.
    const { rows: rowOf, days: dayOf, members: memberOf, workflows: workflowOf, outcomes: outcomeOf } = this.table;
    const { prompted: promptedOf, editMasks } = this.table;
    let count = this.count;

    for (let i = header.rowIndex + 1; i < values.length; i++) {
      const cells = values[i];
      const row = i + firstRow;
      if (!cells) continue;
      const dateCell = cells[dateCol];
      // A date cell makes a row not blank: the common case skips the look at every cell.
      const dateInRealm = dateCell instanceof Date;
      if (!dateInRealm && isBlankRow(cells)) continue;
      let reasons: string[] | null = null;

      const dateRead = dateInRealm || isDate(dateCell) ? this.readDateCell(dateCell) : this.readOtherDate(dateCell);
      if (!dateRead.ok) (reasons ??= []).push(dateRead.reason);
      const member = members.get(cells[memberCol]);
      if (member.problem) (reasons ??= []).push(member.problem);
      const workflow = workflows.get(cells[workflowCol]);
      if (workflow.problem) (reasons ??= []).push(workflow.problem);
      const outcome = this.readOutcome(cells[outcomeCol]);
      if (outcome.problem) (reasons ??= []).push(outcome.problem);
      const prompted = promptedCol === undefined ? NOT_PROMPTED : this.readPrompted(cells[promptedCol]);
      if (prompted.problem) (reasons ??= []).push(prompted.problem);

      if (reasons) {
        skipped.push({ row, reason: capitalise(reasons.join('; ')) });
        continue;
      }

      const mask = editTypeCol === undefined ? 0 : this.readEditMask(cells[editTypeCol], row, notices);

      if (!member.named) {
        member.named = true;
        if (!names.has(member.key)) names.set(member.key, member.text);
      }
      rowOf[count] = row;
      dayOf[count] = (dateRead as { day: number }).day;
      memberOf[count] = member.index;
      workflowOf[count] = workflow.index;
      outcomeOf[count] = outcome.index;
      promptedOf[count] = prompted.prompted ? 1 : 0;
      editMasks[count] = mask;
      count++;
    }
    this.count = count;
  }

  /**
   * A date cell. Rows of a log come in date order, so a date cell usually falls on the day of the
   * row above: the instants of the last day read (sameDayInstants) give its read without reading it.
   */
  private readDateCell(cell: Date): DateRead {
    const instant = cell.getTime();
    if (!(instant >= this.sameDayFrom && instant < this.sameDayTo)) {
      const read = readDay(cell, this.options);
      const day = read.ok ? sameDayInstants(instant, this.options.timeZone) : null;
      // A date that cannot be bounded so (or is not read) is still read once for its instant.
      this.sameDayRead = read;
      this.sameDayFrom = day ? day.from : instant;
      this.sameDayTo = day ? day.to : instant + 1;
    }
    return this.sameDayRead;
  }

  /**
   * A date cell that is not a Date. A YYYY-MM-DD text is read in passing: such dates differ from
   * day to day, so remembering each (CellMemo) costs more than reading it.
   */
  private readOtherDate(cell: unknown): DateRead {
    const isoDay = typeof cell === 'string' ? isoTextDay(cell) : null;
    return isoDay !== null ? { ok: true, day: isoDay } : this.dates.get(cell);
  }

  /** The edit types' bits; a part of the cell that is not an edit type is a notice on the row. */
  private readEditMask(cell: unknown, row: number, notices: RowProblem[]): number {
    const read = cell === '' ? NO_EDIT_TYPES : this.editTypeReads.get(cell);
    if (read.ignored !== null) notices.push({ row, reason: read.ignored });
    return read.mask;
  }

  /** The dropdown's own spellings by comparison (CHOSEN_OUTCOMES), any other cell remembered. */
  private readOutcome(cell: unknown): OutcomeRead {
    return cell === OUTCOME_CHOICES[0]
      ? CHOSEN_OUTCOMES[0]
      : cell === OUTCOME_CHOICES[1]
        ? CHOSEN_OUTCOMES[1]
        : cell === OUTCOME_CHOICES[2]
          ? CHOSEN_OUTCOMES[2]
          : cell === OUTCOME_CHOICES[3]
            ? CHOSEN_OUTCOMES[3]
            : this.outcomes.get(cell);
  }

  /** A checkbox as it is; text (yes, no, …) remembered. */
  private readPrompted(cell: unknown): PromptedRead {
    if (typeof cell === 'boolean') return cell ? PROMPTED : NOT_PROMPTED;
    return this.promptedReads.get(cell);
  }
}

/** Every cell blank. The first cell of a used row is seldom blank, so this usually reads one cell. */
function isBlankRow(cells: unknown[]): boolean {
  for (let i = 0; i < cells.length; i++) if (!isBlankCell(cells[i])) return false;
  return true;
}
