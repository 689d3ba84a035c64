/**
 * "Record an intervention" (rules §14): the form's data and the one write it makes, a new row
 * at the end of the Interventions sheet, under the document lock. The first time, the sheet is
 * created with its headers, a date format and dropdowns. Nothing else is changed: the log and
 * the roster are only read (the dropdowns point at their columns).
 */
import { dayToIso, dayToLabel } from '../core/base/dates';
import type { Settings } from '../core/base/settings';
import { findHeader } from '../core/sheets/header';
import { LOG_FIELDS } from '../core/sheets/log';
import { MemberDirectory, ROSTER_FIELDS } from '../core/sheets/roster';
import {
  DEFAULT_INTERVENTIONS_SHEET,
  INTERVENTION_FIELDS,
  INTERVENTION_HEADERS,
  type InterventionField,
} from '../core/interventions/sheet';
import { INTERVENTION_TYPES } from '../core/interventions/types';
import { checkIntervention, type InterventionEntry } from '../core/interventions/request';
import { DATE_FORMAT, TEXT_FORMAT } from '../core/base/cell-formats';
import { findInterventionsSheet, moveFirst, oldInterventionsTab } from './interventions-home';
import { keptWhileOpen } from './open-team-tabs';
import { auditTarget, markInterventions } from './audit-file';
import { withDocumentLock } from './document-lock';
import { appendByHeader, lastUsedRow, type CellWrite } from './append-row';
import { LOCK_WAIT_MS } from './log-run';
import { columnBelow, newSheet, writeHeaders } from './setup';
import { todayIn } from './spreadsheet-locale';
import { readHeadRows, readTeam, SetupError, type RosterApprovals, type TeamData } from './team-data';
import { keepRecordedSession } from './programme';
import type { InterventionFormData, RecordInterventionResult } from '../shared/api';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Day number of 1899-12-30, day 0 of Sheets' date serial numbers. */
const SHEETS_EPOCH_DAY = -25_569;

/** The names the form offers: the roster's members, or the log's when there is no roster. */
function memberNames(team: TeamData): string[] {
  const directory = new MemberDirectory(team.roster?.members ?? []);
  const seen = new Set<string>();
  const names = team.roster ? team.roster.members.map((m) => m.name) : [...team.log.names.values()];
  return names.filter((name) => !seen.has(directory.keyFor(name)) && seen.add(directory.keyFor(name)));
}

/** The name a member is shown by (the roster's, else the log's), or null when neither knows them. */
function knownMember(team: TeamData, text: string): string | null {
  const directory = new MemberDirectory(team.roster?.members ?? []);
  return directory.find(text)?.name ?? team.log.names.get(directory.keyFor(text)) ?? null;
}

function workflowsByRuns(team: TeamData): string[] {
  const table = team.log.table;
  const counts = new Map<string, { workflow: string; runs: number }>();
  for (let i = 0; i < table.length; i++) {
    const w = table.workflows[i];
    const entry = counts.get(table.workflowKeys[w]) ?? { workflow: table.workflowNames[w], runs: 0 };
    entry.runs++;
    counts.set(table.workflowKeys[w], entry);
  }
  return [...counts.values()]
    .sort((a, b) => b.runs - a.runs || a.workflow.localeCompare(b.workflow))
    .map((w) => w.workflow);
}

export function interventionFormData(
  spreadsheet: Spreadsheet,
  settings: Settings,
  approved: RosterApprovals,
): InterventionFormData {
  let team: TeamData;
  try {
    team = readTeam(spreadsheet, settings, approved);
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    return {
      today: dayToIso(todayIn(spreadsheet).today),
      members: [],
      types: [...INTERVENTION_TYPES],
      workflows: [],
      problem: { code: error.code, message: error.message },
    };
  }
  return {
    today: dayToIso(team.today),
    members: memberNames(team).sort((a, b) => a.localeCompare(b)),
    types: [...INTERVENTION_TYPES],
    workflows: workflowsByRuns(team),
    problem: null,
  };
}

/**
 * The dropdowns of a new Interventions sheet. A rule's range must be in the sheet's own
 * spreadsheet, so in the owner's own spreadsheet (`sameFile` false) the members and workflows
 * are lists of names, not the roster's and the log's columns.
 */
function dropdowns(team: TeamData, sheet: Sheet, sameFile: boolean) {
  const column = (header: string) => columnBelow(sheet, 1, INTERVENTION_HEADERS.indexOf(header) + 1);
  const builder = () => SpreadsheetApp.newDataValidation();
  column('Date')?.setNumberFormat(DATE_FORMAT);
  for (const header of ['Team member', 'Type', 'Workflow', 'Note']) column(header)?.setNumberFormat(TEXT_FORMAT);
  // A hand-typed type is kept and counted as "Other" (rules §14): flagged, not refused.
  column('Type')?.setDataValidation(
    builder()
      .requireValueInList([...INTERVENTION_TYPES], true)
      .setAllowInvalid(true)
      .setHelpText(`Pick one: ${INTERVENTION_TYPES.join(', ')}.`)
      .build(),
  );
  const member = sameFile && team.rosterSheet ? columnOf(team.rosterSheet, ROSTER_FIELDS, 'member') : null;
  const memberRule = member
    ? builder().requireValueInRange(member, true)
    : builder().requireValueInList(memberNames(team).slice(0, 500), true);
  column('Team member')?.setDataValidation(
    memberRule.setAllowInvalid(true).setHelpText('A team member, or blank for the whole team.').build(),
  );
  const workflow = sameFile ? columnOf(team.logSheet, LOG_FIELDS, 'workflow') : null;
  const workflows = sameFile ? [] : workflowsByRuns(team).slice(0, 500);
  const workflowRule = workflow
    ? builder().requireValueInRange(workflow, true)
    : workflows.length
      ? builder().requireValueInList(workflows, true)
      : null;
  if (workflowRule)
    column('Workflow')?.setDataValidation(
      workflowRule.setAllowInvalid(true).setHelpText('A workflow from the log, or blank.').build(),
    );
}

/** The cells of one column of a team sheet below its header (for a dropdown); null when empty. */
function columnOf<F extends string>(
  sheet: Sheet,
  fields: Parameters<typeof findHeader<F>>[1],
  field: F,
): GoogleAppsScript.Spreadsheet.Range | null {
  const rows = Math.min(sheet.getLastRow(), 30);
  const cols = sheet.getLastColumn();
  if (rows < 1 || cols < 1) return null;
  try {
    const header = findHeader(sheet.getRange(1, 1, rows, cols).getValues(), fields, 'sheet');
    const index = header.columns[field];
    return index === undefined ? null : columnBelow(sheet, header.rowIndex + 1, index + 1);
  } catch {
    return null;
  }
}

function createInterventionsSheet(spreadsheet: Spreadsheet, team: TeamData, sameFile: boolean): Sheet {
  const sheet = newSheet(spreadsheet, DEFAULT_INTERVENTIONS_SHEET);
  writeHeaders(sheet, INTERVENTION_HEADERS);
  dropdowns(team, sheet, sameFile);
  return sheet;
}

/**
 * The sheet a new intervention goes to (src/gas/interventions-home.ts): the team spreadsheet's
 * when the team is open; else the owner's own spreadsheet's, made the first time, never an
 * earlier version's tab in the team spreadsheet (refused until the owner moves it). Looked for
 * under the lock: two people recording at once must not create two sheets.
 */
function interventionsTarget(
  spreadsheet: Spreadsheet,
  settings: Settings,
  team: TeamData,
): { sheet: Sheet; own: Spreadsheet | null } {
  const exclude = { logSheet: team.logSheet.getName(), rosterSheet: team.rosterSheet?.getName() ?? null };
  if (settings.openTeam)
    return {
      sheet: findInterventionsSheet(spreadsheet, exclude) ?? createInterventionsSheet(spreadsheet, team, true),
      own: null,
    };
  const old = oldInterventionsTab(spreadsheet, exclude, settings);
  if (old) throw new Error(moveFirst(old.getName(), keptWhileOpen(old.getName())));
  const { target } = auditTarget(spreadsheet, settings);
  const sheet = target.getSheetByName(DEFAULT_INTERVENTIONS_SHEET) ?? createInterventionsSheet(target, team, false);
  markInterventions(spreadsheet, target);
  return { sheet, own: target };
}

function cellFor(field: InterventionField, entry: InterventionEntry): CellWrite {
  switch (field) {
    case 'date':
      // A date serial number: the same calendar day whatever the spreadsheet's time zone.
      return [entry.day - SHEETS_EPOCH_DAY, DATE_FORMAT];
    case 'member':
      return [entry.member, TEXT_FORMAT];
    case 'type':
      return [entry.type, TEXT_FORMAT];
    case 'workflow':
      return [entry.workflow, TEXT_FORMAT];
    case 'note':
      return [entry.note, TEXT_FORMAT];
  }
}

/** Writes the entry on the row after the last used one, in the sheet's own column order. */
function appendEntry(sheet: Sheet, entry: InterventionEntry): number {
  const lastRow = sheet.getLastRow();
  const header = findHeader(readHeadRows(sheet, lastRow), INTERVENTION_FIELDS, 'Interventions sheet');
  const columns = Object.values(header.columns) as number[];
  const row = lastUsedRow(sheet, header.rowIndex + 1, columns, lastRow) + 1;
  appendByHeader(sheet, row, header.columns, (field) => cellFor(field, entry));
  return row;
}

/** Appends one intervention; returns its row and a confirmation. */
export function recordIntervention(
  spreadsheet: Spreadsheet,
  settings: Settings,
  approved: RosterApprovals,
  request: unknown,
): RecordInterventionResult {
  const team = readTeam(spreadsheet, settings, approved);
  const entry = checkIntervention(request, team.today, (text) => knownMember(team, text));
  const { sheet, row, own } = withDocumentLock(
    LOCK_WAIT_MS,
    'Someone else is writing to the spreadsheet right now. Nothing was written: try again in a few seconds.',
    () => {
      const found = interventionsTarget(spreadsheet, settings, team);
      const written = appendEntry(found.sheet, entry);
      SpreadsheetApp.flush();
      if (entry.member)
        keepRecordedSession(
          spreadsheet,
          { date: dayToIso(entry.day), member: entry.member, type: entry.type },
          team.today,
        );
      return { ...found, row: written };
    },
  );
  const who = entry.member || 'the whole team';
  const where = own ? ` of your own spreadsheet "${own.getName()}", which only you can open` : '';
  return {
    row,
    sheet: sheet.getName(),
    message: `Recorded in row ${row} of "${sheet.getName()}"${where}: ${entry.type} for ${who} on ${dayToLabel(entry.day)}.`,
  };
}
