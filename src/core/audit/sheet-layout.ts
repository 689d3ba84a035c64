/**
 * The "Adoption audit" sheet's cells, laid out as one block of values, one of number formats and
 * one of font weights, with where each table landed (for the charts beside them). src/gas writes
 * the block in a few calls, whatever the size of the log.
 */
import { auditIntro, auditTables, NO_VALUE, type AuditTable, type AuditTableId, type ColumnKind } from './audit-table';
import type { Audit } from './audit-types';
import { dayOfInstant, dayToIso, zoneOffsetMinutes } from '../base/dates';
import { fitCell, TEXT_FORMAT } from '../base/cell-formats';

const NUMBER_FORMATS: Record<ColumnKind, string> = {
  text: TEXT_FORMAT,
  integer: '0',
  decimal: '0.0',
  percent: '0%',
};

/** Where a table landed on the sheet: its header row (1-based), its data rows below it, its width. */
export interface TablePlace {
  headerRow: number;
  dataRows: number;
  columns: number;
}

export interface AuditSheetLayout {
  values: (string | number)[][];
  formats: string[][];
  width: number;
  /** 'bold' for the notice, table titles and header rows; 'normal' elsewhere. */
  fontWeights: ('bold' | 'normal')[][];
  tables: Record<AuditTableId, TablePlace>;
}

const EMPTY_TABLE_TEXT: Record<AuditTableId, string> = {
  summary: '',
  categories: '',
  members: 'No team members yet.',
  workflows: 'No runs in the window.',
  editTypes: '',
  findings: 'Nothing to suggest.',
  usage: 'No member in scope.',
  rows: 'Every log row was read.',
  interventions: 'No intervention recorded up to the as-of date.',
  interventionTypes: '',
  interventionRows: 'Every Interventions row was read.',
  trend: '',
  cohorts: '',
};

/**
 * The sheet's cells: the notice line, the intro, then each table (title, header, rows) with a
 * blank row between; `extra` tables (the interventions) after the audit's own.
 */
export function auditSheetLayout(audit: Audit, notice: string, extra: AuditTable[] = []): AuditSheetLayout {
  const tables = [...auditTables(audit), ...extra];
  const width = Math.max(...tables.map((t) => t.columns.length));
  const values: (string | number)[][] = [];
  const formats: string[][] = [];
  const fontWeights: ('bold' | 'normal')[][] = [];
  const places = {} as Record<AuditTableId, TablePlace>;

  const line = (cells: (string | number)[], cellFormats: string[], weight: 'bold' | 'normal' = 'normal') => {
    // A member or workflow name may itself be 50,000 characters; a message quoting it is longer.
    values.push([
      ...cells.map((cell) => (typeof cell === 'string' ? fitCell(cell) : cell)),
      ...Array<string>(width - cells.length).fill(''),
    ]);
    formats.push([...cellFormats, ...Array<string>(width - cellFormats.length).fill(TEXT_FORMAT)]);
    fontWeights.push(Array<'bold' | 'normal'>(width).fill(weight));
    return values.length;
  };
  const textLine = (text: string, weight: 'bold' | 'normal' = 'normal') => line([text], [TEXT_FORMAT], weight);

  textLine(notice, 'bold');
  for (const text of auditIntro(audit)) textLine(text);
  textLine('');

  const addTable = (table: AuditTable) => {
    textLine(table.title, 'bold');
    const headerRow = line(
      table.columns.map((c) => c.label),
      table.columns.map(() => TEXT_FORMAT),
      'bold',
    );
    for (const row of table.rows) {
      line(
        row.map((cell) => (cell === null ? NO_VALUE : cell)),
        row.map((cell, i) => (typeof cell === 'number' ? NUMBER_FORMATS[table.columns[i].kind] : TEXT_FORMAT)),
      );
    }
    if (!table.rows.length && EMPTY_TABLE_TEXT[table.id]) textLine(EMPTY_TABLE_TEXT[table.id]);
    places[table.id] = { headerRow, dataRows: table.rows.length, columns: table.columns.length };
    textLine('');
  };
  tables.forEach(addTable);
  return { values, formats, width, fontWeights, tables: places };
}

/** "Written by Uptake on 2026-03-15 at 09:14 (Europe/London): …", in the spreadsheet's zone. */
export function writtenNotice(nowMs: number, timeZone: string): string {
  const local = new Date(nowMs + zoneOffsetMinutes(nowMs, timeZone) * 60_000);
  const time = local.toISOString().slice(11, 16);
  return `Written by Uptake on ${dayToIso(dayOfInstant(nowMs, timeZone))} at ${time} (${timeZone}): re-created at every run; edits here are lost.`;
}

/** Columns left empty between the widest table and the charts beside the tables. */
const CHART_GAP_COLUMNS = 2;

/** The column (1-based) where every chart of the sheet starts, clear of the widest table. */
export function chartColumn(layout: Pick<AuditSheetLayout, 'width'>): number {
  return layout.width + CHART_GAP_COLUMNS;
}
