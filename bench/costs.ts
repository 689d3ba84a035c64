/**
 * What people wait for, costed as Apps Script charges it: service calls and cells read, for each
 * user action, on the built bundle in the in-memory Apps Script (packages/fake-apps-script) loaded with a
 * generated log. CPU time is measured elsewhere (bench/ratio.ts); on Apps Script it is the calls,
 * above all the cells each read brings back, that a person waits for.
 */
import * as path from 'node:path';
import { createFakeGas, FakeRange, type FakeGas } from '../packages/fake-apps-script';
import { loadUptake, type UptakeBundle } from '../local/uptake-bundle';
import type { CallInfo } from '../packages/fake-apps-script/boundary';
import { DEFAULT_LOG_SHEET, DEFAULT_ROSTER_SHEET } from '../src/core/base/sheet-names';
import { AUDIT_SHEET } from '../src/shared/api';
import { DATE_COL, generateTeam, LAST_DAY_ISO, MEMBER_COL, type GeneratedTeam } from './generate';

export const ACTIONS = [
  'open Log a run',
  'submit a run',
  'open the dashboard',
  'run audit to sheet',
  'one daily run',
  'one custom-function cell',
] as const;
export type ActionName = (typeof ACTIONS)[number];

export interface ActionCost {
  /** Every service call of the action's executions (spreadsheet, properties, mail, …). */
  calls: number;
  spreadsheetCalls: number;
  /** Cells the reads brought back: rows × columns of each range read. */
  cellsRead: number;
  /** Calls per method, 'Class.method'. */
  methods: Record<string, number>;
}

export interface CostFigures {
  actions: Record<ActionName, ActionCost>;
  /** Rows of the "Adoption audit" sheet written. */
  auditSheetRows: number;
  /** Cells a custom-function cell is handed as its arguments (no service reads them). */
  customFunctionArgumentCells: number;
}

/**
 * What each of the in-memory Range's getters reads: a value per cell of the range, or one cell
 * (the top-left). Every getter of FakeRange is in exactly one list, checked
 * when this module loads, so a read the fake gains cannot go uncounted and no name here can be
 * one the fake has not got.
 */
const RANGE_GETTERS = {
  perCell: ['getValues', 'getNumberFormats'],
  oneCell: ['getDataValidation'],
} as const;
const READS_PER_CELL = new Set<string>(RANGE_GETTERS.perCell);
const READS_ONE_CELL = new Set<string>(RANGE_GETTERS.oneCell);

function checkRangeGetters(): void {
  const getters: string[] = [];
  for (
    let proto: object | null = FakeRange.prototype;
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto) as object | null
  )
    getters.push(...Object.getOwnPropertyNames(proto).filter((name) => /^get[A-Z]/.test(name)));
  const listed: string[] = Object.values(RANGE_GETTERS).flat();
  if (getters.sort().join() !== listed.sort().join())
    throw new Error(
      `bench/costs.ts: RANGE_GETTERS lists ${listed.join(', ')}; the in-memory Range has ${getters.join(', ')}`,
    );
}
checkRangeGetters();

/** Cells one call reads: 0 unless it is a range read. */
export function cellsReadBy(call: Pick<CallInfo, 'cls' | 'method' | 'target'>): number {
  if (call.cls !== 'Range') return 0;
  if (READS_ONE_CELL.has(call.method)) return 1;
  if (!READS_PER_CELL.has(call.method)) return 0;
  const range = call.target as FakeRange;
  return range._numRows * range._numCols;
}

/** Rows are added in chunks: the fake's addSheet spreads every row into one call's arguments. */
const ADD_CHUNK_ROWS = 50_000;

function addRows(fake: FakeGas, name: string, rows: unknown[][]) {
  fake.addSheet(name, rows.slice(0, ADD_CHUNK_ROWS));
  const sheet = fake.sheet(name);
  const width = rows[0].length;
  // A new sheet has 26 columns, and a spreadsheet holds 10 million cells counted over rows ×
  // columns: a team with a log of 500,000 rows has deleted the columns it does not use.
  if (sheet.getMaxColumns() > width) fake.user.deleteColumns(name, width + 1, sheet.getMaxColumns() - width);
  for (let start = ADD_CHUNK_ROWS; start < rows.length; start += ADD_CHUNK_ROWS) {
    const chunk = rows.slice(start, start + ADD_CHUNK_ROWS);
    sheet.insertRowsAfter(sheet.getMaxRows(), chunk.length);
    sheet.getRange(start + 1, 1, chunk.length, width).setValues(chunk);
  }
}

/** Counts the calls and cells of what `act` runs. */
function costOf(fake: FakeGas, act: () => void): ActionCost {
  let cellsRead = 0;
  fake.calls.reset();
  const stop = fake.onCall((call) => {
    cellsRead += cellsReadBy(call);
  });
  try {
    act();
  } finally {
    stop();
  }
  return {
    calls: fake.calls.total,
    spreadsheetCalls: fake.calls.spreadsheet,
    cellsRead,
    methods: fake.calls.methods(),
  };
}

/** The in-memory Apps Script holding the generated team, with Uptake loaded into it. */
interface BenchTeam {
  team: GeneratedTeam;
  fake: FakeGas;
  ctx: UptakeBundle;
  /** The roster's first member, who logs the run and whose week the custom function counts. */
  member: string;
}

const OWNER = 'lead@example.com';

/** The generated log and roster in a fresh in-memory Apps Script, with the built bundle loaded. */
function loadTeam(team: GeneratedTeam, root: string): BenchTeam {
  const fake = createFakeGas({
    now: `${LAST_DAY_ISO}T18:00:00Z`,
    user: OWNER,
    spreadsheet: { name: 'Bench team', timeZone: team.timeZone, locale: team.locale },
    // The generated cells are already what getValues returns; nothing to parse.
    valueParsing: 'text',
  });
  addRows(fake, DEFAULT_LOG_SHEET, team.log);
  fake.addSheet(DEFAULT_ROSTER_SHEET, team.roster);
  return { team, fake, ctx: loadUptake(fake, path.join(root, 'build')), member: team.members[0].name };
}

function fail(bench: BenchTeam, action: ActionName, why: string): never {
  throw new Error(`bench: "${action}" at ${bench.team.rows.toLocaleString('en-US')} rows ${why}`);
}

/**
 * The owner saves Settings and approves the roster's emails, as the dashboard's Approve does: My
 * week shows a member their figures only then, and only an owner saved in Settings approves (rules §19).
 */
function approveRoster({ ctx, team }: BenchTeam): void {
  ctx.$runFromClient('saveSettings', { ownerEmail: OWNER });
  ctx.$runFromClient('approveRoster', {
    followUpOwners: [],
    rosterEmails: team.members.map(({ name, email }) => ({ name, email })),
  });
}

/**
 * What a member waits for when opening Log a run: the sidebar, then the form with their My week
 * (one call, one read), as a member of the roster whose own week is found by their email.
 */
function openLogForm(bench: BenchTeam): ActionCost {
  const { fake, ctx, team } = bench;
  return costOf(fake, () => {
    fake.session.setUser(team.members[0].email);
    try {
      ctx.showLogForm();
      const form = ctx.$runFromClient('getLogForm');
      if (form.problem || !form.workflows.length)
        fail(bench, 'open Log a run', `gave no workflows: ${JSON.stringify(form)}`);
      if (!form.myWeek?.week) fail(bench, 'open Log a run', `gave no My week: ${JSON.stringify(form.myWeek)}`);
    } finally {
      fake.session.setUser(OWNER);
    }
  });
}

function submitRun(bench: BenchTeam): ActionCost {
  const { fake, ctx, member } = bench;
  const rowsBefore = fake.sheetValues(DEFAULT_LOG_SHEET).length;
  const submit = costOf(fake, () => {
    ctx.$runFromClient('logRun', {
      date: LAST_DAY_ISO,
      member,
      workflow: 'Bench workflow',
      outcome: 'Used as-is',
      editTypes: [],
      prompted: false,
      notes: '',
    });
  });
  if (fake.sheetValues(DEFAULT_LOG_SHEET).length !== rowsBefore + 1) fail(bench, 'submit a run', 'did not add one row');
  return submit;
}

/**
 * Interventions in the owner's own audit spreadsheet (rules §19), as a team that records them
 * has: the dashboard opens that file too, and the figure counts it.
 */
function recordInterventions(bench: BenchTeam): void {
  const { fake, ctx, team } = bench;
  for (const [index, type] of ['Follow-up session', 'Context pack fix', 'Second training session'].entries())
    ctx.$runFromClient('recordIntervention', {
      date: LAST_DAY_ISO,
      member: team.members[index % team.members.length].name,
      type,
      workflow: '',
      note: 'Bench note',
    });
  if (!fake.spreadsheetsOf(OWNER).length)
    fail(bench, 'open the dashboard', 'found no interventions in the owner’s own spreadsheet');
}

function openDashboard(bench: BenchTeam): ActionCost {
  const { fake, ctx } = bench;
  return costOf(fake, () => {
    ctx.showDashboard();
    const data = ctx.$runFromClient('getDashboard', { asOf: LAST_DAY_ISO });
    if (data.problem) fail(bench, 'open the dashboard', `found a problem: ${JSON.stringify(data.problem)}`);
  });
}

/** "Run audit to sheet", and the rows it wrote. */
function runAuditToSheet(bench: BenchTeam): { cost: ActionCost; rows: number } {
  const { fake, ctx } = bench;
  const cost = costOf(fake, () => ctx.runAuditToSheet());
  // Written to the owner's own spreadsheet (rules §19), made by the first run.
  const [auditFile] = fake.spreadsheetsOf(OWNER);
  const rows = auditFile ? fake.sheetValues(AUDIT_SHEET, auditFile).length : 0;
  if (!rows) fail(bench, 'run audit to sheet', `wrote no "${AUDIT_SHEET}" sheet`);
  return { cost, rows };
}

function dailyRun(bench: BenchTeam): ActionCost {
  const { fake, ctx } = bench;
  ctx.$runFromClient('setAutomation', true);
  return costOf(fake, () => {
    const runs = ctx.$runDays(1);
    if (runs.length !== 1 || !runs[0].ok)
      fail(bench, 'one daily run', `ran ${runs.length} times: ${JSON.stringify(runs)}`);
  });
}

/**
 * The cell =USES_PER_WEEK(A2:A, B2:B, member, , 4, F2:F): Sheets hands the ranges in. On a log
 * of the same size without bad rows: the function refuses a range with an unreadable date.
 */
function customFunctionCell(bench: BenchTeam): ActionCost {
  const { fake, ctx, team, member } = bench;
  const clean = generateTeam(team.rows, { badRows: false });
  const column = (index: number) => clean.log.slice(1).map((row) => [row[index]]);
  const args = [column(DATE_COL), column(MEMBER_COL), member, '', 4, column(5)];
  return costOf(fake, () => {
    const result = ctx.$custom('USES_PER_WEEK', ...args);
    if (typeof result !== 'number') fail(bench, 'one custom-function cell', `returned ${JSON.stringify(result)}`);
  });
}

/** Each user action once, in the order a team meets them, on this log. */
export function actionCosts(team: GeneratedTeam, root: string): CostFigures {
  const bench = loadTeam(team, root);
  approveRoster(bench);
  const openLog = openLogForm(bench);
  const submit = submitRun(bench);
  recordInterventions(bench);
  const dashboard = openDashboard(bench);
  const auditSheet = runAuditToSheet(bench);
  const daily = dailyRun(bench);
  const custom = customFunctionCell(bench);
  return {
    actions: {
      'open Log a run': openLog,
      'submit a run': submit,
      'open the dashboard': dashboard,
      'run audit to sheet': auditSheet.cost,
      'one daily run': daily,
      'one custom-function cell': custom,
    },
    auditSheetRows: auditSheet.rows,
    customFunctionArgumentCells: 3 * (team.log.length - 1),
  };
}
