/**
 * Runs the built add-on (build/Code.js) in the in-memory Apps Script on a team's log and roster,
 * through the same entry points Sheets calls: getDashboard, runAuditToSheet, previewDigest and
 * the daily trigger (runDaily). Nothing here computes a figure; it only sets the stage (sheets,
 * settings, the clock) and collects what the bundle produced.
 */
import path from 'node:path';
import { createFakeGas, type FakeGas } from '../packages/fake-apps-script';
import { loadUptake, type UptakeBundle, type UptakeEntryPointName, type UptakeEntryPoints } from './uptake-bundle';
import { dayOfInstant, dayToIso, isoToDay, wallClockInstant, type Day } from '../src/core/base/dates';
import { DEFAULT_LOG_SHEET, DEFAULT_ROSTER_SHEET, SENT_SHEET } from '../src/core/base/sheet-names';
import { AUDIT_SHEET } from '../src/shared/api';
import { DEFAULT_INTERVENTIONS_SHEET } from '../src/core/interventions/sheet';
import type { Audit } from '../src/core/audit/audit-types';
import type { History } from '../src/core/history/history-types';
import type { DashboardData, DigestPreview } from '../src/shared/api';
import type { InterventionsView } from '../src/core/interventions/view';
import { CliError } from './args';
import { emailsOfDay, type SimulatedEmail } from './emails';
import { KEYS } from '../src/core/automation/store';
import { untaggedRows } from '../src/core/programme/sent-row-sealing';
import { KeyedTags } from '../src/core/programme/sent-tags';
import type { ProgrammeView } from '../src/shared/api';
import { offeredFollowUps } from '../src/shared/follow-up-request';

export interface TeamTables {
  /** The log tab's cells, row 1 first, as text (what a CSV download holds). */
  log: string[][];
  roster: string[][] | null;
  /** The Interventions tab's cells; absent or null when there is none. */
  interventions?: string[][] | null;
  /** The files the tables came from, as the person named them. */
  logSource: string;
  /** The log's other sheets (spec §16: more --log files, a form's answers say), each one sheet. */
  extraLogs?: { cells: string[][]; source: string }[];
  rosterSource: string | null;
  interventionsSource?: string | null;
  /** The usage exports' cells, each named after its file (the source name, spec §15). */
  usage?: { source: string; rows: string[][] }[];
}

export interface RunRequest {
  buildDir: string;
  /** YYYY-MM-DD, or null for today in `timeZone` (from `nowMs`). */
  asOf: string | null;
  /** null = the Settings default. */
  weeks: number | null;
  /** Weeks of the adoption trend; null = the Settings default. */
  historyWeeks?: number | null;
  locale: string;
  timeZone: string;
  owner: string;
  /** Days of the daily trigger to simulate after the as-of date. */
  days: number;
  /** Windows the standalone sidebar can switch between (its window picker). */
  sidebarWeeks: number[];
  /** YYYY-MM-DD: start the replacement programme then (spec §17), as the owner would; null: none. */
  programmeStart?: string | null;
  /** Real time, for "today" when no as-of is given. */
  nowMs: number;
  progress: (line: string) => void;
}

export interface DailyReport {
  date: string;
  /** What the run did, one line each ("Sent Day-seven follow-up for Ana to lee@…"). */
  report: string[];
  /** Problems the automation status shows after the run (set-up problems, failed emails). */
  problems: string[];
}

export interface RunResult {
  audit: Audit;
  /** The interventions as the dashboard computed them, as of the same date. */
  interventions: InterventionsView;
  /** The trend, cohorts and transitions the dashboard returned with the audit (spec §13). */
  history: History;
  /** The "Adoption audit" sheet as Sheets shows it (display values). */
  auditSheet: string[][];
  /** The "Uptake sent" sheet after the simulated days as Sheets shows it to every editor: people as tags. */
  sentSheet: string[][];
  digest: DigestPreview;
  /** Every email the daily trigger sent over the simulated days, in order. */
  emails: SimulatedEmail[];
  /** The replacement programme as of the last simulated day; null when none was started. */
  programme: ProgrammeView | null;
  /** What each daily run reported (the automation status's last-run lines), one entry per run. */
  dailyReports: DailyReport[];
  /** Days simulated, first and last (YYYY-MM-DD). */
  simulated: { from: string; to: string };
  sidebar: {
    dashboards: Record<string, DashboardData>;
    values: Record<string, unknown>;
  };
}

const MS_PER_DAY = 86_400_000;

/** The instant at `hour`:`minute` local time of `day` in `timeZone`. */
export function localInstant(day: Day, hour: number, minute: number, timeZone: string): number {
  return wallClockInstant(day * MS_PER_DAY + (hour * 60 + minute) * 60_000, timeZone);
}

/** Writes rows of text into a new sheet formatted as plain text, so that nothing is reinterpreted. */
function fillTextSheet(gas: FakeGas, name: string, rows: string[][]): void {
  const sheet = gas.sheet(name);
  if (rows.length === 0) return;
  const width = Math.max(1, ...rows.map((r) => r.length));
  const padded = rows.map((r) => [...r, ...new Array<string>(width - r.length).fill('')]);
  // A new sheet has 1000 rows and 26 columns, as in Sheets: make room for the file first.
  if (padded.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), padded.length - sheet.getMaxRows());
  if (width > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  // As in the add-on's own writes: text stays text, a cell starting with "=" is not a formula.
  sheet.getRange(1, 1, padded.length, width).setNumberFormat('@').setValues(padded);
}

/** What went wrong, in the bundle's words: a sidebar call's failure is a ServerFailure (uptake-bundle.ts). */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs entry point `name`, saying what to do when the build predates it. */
function call<K extends UptakeEntryPointName>(
  bundle: UptakeBundle,
  name: K,
  ...args: Parameters<UptakeEntryPoints[K]>
): ReturnType<UptakeEntryPoints[K]> {
  if (!(name in bundle)) {
    throw new Error(
      `build/Code.js has no entry point ${name}: run npm run build (npm start does) after updating the sources.`,
    );
  }
  return bundle.$run(name, args);
}

/**
 * Each CSV becomes a sheet named after its file ("log.csv"), so that the add-on's messages
 * ("Log sheet "log.csv": ...") and the audit's roster notes point at the file to fix.
 */
function csvSheetNames(team: Pick<TeamTables, 'logSource' | 'rosterSource' | 'extraLogs'>): {
  log: string;
  extraLogs: string[];
  roster: string | null;
} {
  const reserved = [AUDIT_SHEET, SENT_SHEET].map((name) => name.toLowerCase());
  const usable = (name: string) => name.length > 0 && name.length <= 100 && !reserved.includes(name.toLowerCase());
  const log = usable(path.basename(team.logSource)) ? path.basename(team.logSource) : DEFAULT_LOG_SHEET;
  const taken = [log.toLowerCase()];
  const extraLogs = (team.extraLogs ?? []).map((extra) => {
    const base = usable(path.basename(extra.source)) ? path.basename(extra.source) : DEFAULT_LOG_SHEET;
    // Two files of one name (answers/log.csv and mine/log.csv) are two sheets: the later is numbered.
    let name = base;
    for (let n = 2; taken.includes(name.toLowerCase()); n++) name = `${base.slice(0, 90)} (${n})`;
    taken.push(name.toLowerCase());
    return name;
  });
  if (team.rosterSource === null) return { log, extraLogs, roster: null };
  const roster = path.basename(team.rosterSource);
  return {
    log,
    extraLogs,
    roster:
      usable(roster) && !taken.includes(roster.toLowerCase())
        ? roster
        : log === DEFAULT_ROSTER_SHEET
          ? `${DEFAULT_ROSTER_SHEET} (2)`
          : DEFAULT_ROSTER_SHEET,
  };
}

/** The Interventions CSV's sheet: named after its file like the others (Uptake finds it by its headers). */
function interventionsSheetName(
  team: Pick<TeamTables, 'interventionsSource'>,
  taken: { log: string; extraLogs: string[]; roster: string | null },
): string {
  const reserved = [AUDIT_SHEET, SENT_SHEET, taken.log, ...taken.extraLogs, taken.roster ?? ''].map((name) =>
    name.toLowerCase(),
  );
  const name = path.basename(team.interventionsSource ?? '');
  return name && name.length <= 100 && !reserved.includes(name.toLowerCase()) ? name : DEFAULT_INTERVENTIONS_SHEET;
}

/** The as-of day and the instant the run starts (its noon), from the request. */
function runDays(request: RunRequest): { asOfDay: Day; asOf: string; start: number } {
  // The audit runs on the real today (or on the as-of date, if that is later): the as-of date is
  // the audit's last day, not today, and runs after it are outside the window, not "after
  // today". The menu's audit sheet, always as of today, and the automation run on the as-of
  // date at noon, so that the daily trigger first fires the next morning.
  const asOfDay = request.asOf === null ? dayOfInstant(request.nowMs, request.timeZone) : isoToDay(request.asOf);
  if (asOfDay === null) throw new CliError(`"${request.asOf}" is not a date: write it as YYYY-MM-DD.`);
  return { asOfDay, asOf: dayToIso(asOfDay), start: localInstant(asOfDay, 12, 0, request.timeZone) };
}

/** The sheets the CSV files become, by name. */
interface TeamSheetNames {
  log: string;
  extraLogs: string[];
  roster: string | null;
}

/** The in-memory Apps Script holding one spreadsheet with a sheet per CSV file, as text. */
function teamSpreadsheet(
  team: TeamTables,
  request: RunRequest,
  start: number,
): { gas: FakeGas; names: TeamSheetNames } {
  const { timeZone } = request;
  const csvNames = csvSheetNames(team);
  const names = { ...csvNames, roster: team.roster ? (csvNames.roster ?? DEFAULT_ROSTER_SHEET) : null };
  const interventionsSheet = team.interventions ? interventionsSheetName(team, csvNames) : null;
  const usageSheets = (team.usage ?? []).map((u) => ({ ...u, name: path.basename(u.source) }));
  const sheets: Record<string, unknown[][]> = {};
  for (const name of [
    names.log,
    ...names.extraLogs,
    names.roster,
    interventionsSheet,
    ...usageSheets.map((u) => u.name),
  ])
    if (name) sheets[name] = [];
  const gas = createFakeGas({
    now: Math.max(request.nowMs, start),
    timeZone,
    user: request.owner,
    // A Workspace account's quota, so the reminders show the whole programme.
    mailQuota: 1500,
    // Links in the emails point at this id: a placeholder, since no real spreadsheet exists.
    spreadsheet: { id: 'YOUR-SPREADSHEET-ID', name: 'Uptake local run', timeZone, locale: request.locale, sheets },
  });
  fillTextSheet(gas, names.log, team.log);
  (team.extraLogs ?? []).forEach((extra, i) => fillTextSheet(gas, names.extraLogs[i], extra.cells));
  if (team.roster && names.roster) fillTextSheet(gas, names.roster, team.roster);
  if (team.interventions && interventionsSheet) fillTextSheet(gas, interventionsSheet, team.interventions);
  for (const u of usageSheets) fillTextSheet(gas, u.name, u.rows);
  return { gas, names };
}

/** The settings saved as the owner would in the sidebar, and the programme started if asked. */
function setUp(bundle: UptakeBundle, gas: FakeGas, request: RunRequest, names: TeamSheetNames, start: number): void {
  try {
    call(bundle, 'saveSettings', {
      logSheet: names.log,
      // Pinned: the log is exactly the files given, whatever another sheet's headers look like.
      logSheets: [names.log, ...names.extraLogs],
      rosterSheet: names.roster ?? '',
      ownerEmail: request.owner,
      ...(request.weeks !== null ? { weeks: request.weeks } : {}),
      ...(request.historyWeeks ? { historyWeeks: request.historyWeeks } : {}),
    });
  } catch (error) {
    throw new CliError(messageOf(error));
  }
  if (!request.programmeStart) return;
  // Started on the as-of date, as the owner would from the sidebar after reading the audit.
  const clock = gas.clock.now();
  gas.clock.set(start);
  try {
    const started = call(bundle, 'startProgramme', { start: request.programmeStart });
    request.progress(started.message);
  } catch (error) {
    throw new CliError(`The replacement programme could not start: ${messageOf(error)}`);
  }
  gas.clock.set(clock);
}

/** The dashboard as of the as-of date for the window asked and each other window the sidebar shows. */
function dashboards(bundle: UptakeBundle, request: RunRequest, asOf: string) {
  request.progress('Auditing (getDashboard)');
  const dashboardFor = (weeks: number | null): DashboardData => {
    let data: DashboardData;
    try {
      data = call(bundle, 'getDashboard', { asOf, weeks });
    } catch (error) {
      throw new CliError(messageOf(error));
    }
    if (data.problem) throw new CliError(data.problem.message);
    if (!data.audit) throw new CliError('The add-on returned no audit and no problem.');
    return data;
  };
  const requested = dashboardFor(request.weeks);
  // The owner ticks every (member, follow-up owner) pairing the dashboard's card offers and clicks
  // Approve (rules §19: only that approves them); the run then shows their follow-ups going to them.
  const followUpOwners = offeredFollowUps(requested.followUpsToApprove);
  if (followUpOwners.length) request.progress(call(bundle, 'approveRoster', { followUpOwners, rosterEmails: [] }));
  const audit = requested.audit!;
  const history = requested.history;
  if (!history) throw new CliError('The add-on returned an audit without its history.');
  const byWeeks: Record<string, DashboardData> = { [String(audit.weeks)]: requested };
  for (const weeks of request.sidebarWeeks) {
    if (!(String(weeks) in byWeeks)) byWeeks[String(weeks)] = dashboardFor(weeks);
  }
  return { requested, audit, history, byWeeks };
}

/** The digest as it would go out the morning after the as-of date, with automation turned on. */
function digestAfter(bundle: UptakeBundle, gas: FakeGas, request: RunRequest, asOfDay: Day): DigestPreview {
  // Automation turned on on the as-of date, as the owner would from the sidebar.
  try {
    call(bundle, 'setAutomation', true);
  } catch (error) {
    throw new CliError(`Automation could not be turned on: ${messageOf(error)}`);
  }
  // Before the daily run: it covers the seven days ending on the as-of date, as the Monday
  // digest covers the week to Sunday.
  gas.clock.set(localInstant(asOfDay + 1, 0, 30, request.timeZone));
  try {
    return call(bundle, 'previewDigest');
  } catch (error) {
    throw new CliError(`The digest could not be composed: ${messageOf(error)}`);
  }
}

/**
 * The sent sheet's rows (header excluded), each tag read back as the name or address of `people`
 * it stands for, with the key the owner's runs keep in the document's properties.
 */
function untaggedSentRows(gas: FakeGas, people: string[]): string[][] {
  if (!gas.spreadsheet.getSheetByName(SENT_SHEET)) return [];
  const values = gas.inspect.displayValues(SENT_SHEET);
  const key = gas.properties.forDocument(gas.spreadsheet.getId()).getProperty(KEYS.sentKey);
  const known = people.filter(Boolean);
  return (key ? untaggedRows(values, new KeyedTags(key), { names: known, emails: known }) : values).slice(1);
}

/** The daily trigger fired once a day after the as-of date, as Apps Script would fire it. */
function simulateDays(
  bundle: UptakeBundle,
  gas: FakeGas,
  request: RunRequest,
  asOfDay: Day,
  people: string[],
): { emails: SimulatedEmail[]; dailyReports: DailyReport[] } {
  request.progress(`Simulating ${request.days} days of the daily trigger (runDaily)`);
  const emails: SimulatedEmail[] = [];
  const sentRows = () => untaggedSentRows(gas, [...people, ...gas.mail.sent.flatMap((m) => m.recipients)]);
  let rowsBefore = sentRows().length;
  const dailyReports: DailyReport[] = [];
  let lastRun: string | null = null;
  const simulationStart = Date.now();
  for (let day = asOfDay + 1; day <= asOfDay + request.days; day++) {
    const done = day - asOfDay - 1;
    // On a large log each day takes a while: say how far it got, but not for a quick run.
    if (done > 0 && done % 10 === 0 && Date.now() - simulationStart > 1500)
      request.progress(`  ${done} of ${request.days} days simulated`);
    const mailBefore = gas.mail.sent.length;
    const runs = bundle.$runDueTriggers(localInstant(day + 1, 0, 0, request.timeZone));
    const rows = sentRows();
    emails.push(
      ...emailsOfDay(dayToIso(day), gas.mail.sent.slice(mailBefore), rows.slice(rowsBefore), dayToIso(asOfDay)),
    );
    rowsBefore = rows.length;
    const failed = runs.find((run) => !run.ok);
    if (failed) throw new CliError(`The daily run of ${dayToIso(day)} failed: ${messageOf(failed.error)}`);
    // What the run reported, as the sidebar's automation status shows it.
    const status = call(bundle, 'getAutomationStatus');
    if (status.lastRun !== null && status.lastRun !== lastRun) {
      lastRun = status.lastRun;
      dailyReports.push({ date: dayToIso(day), report: status.lastRunReport, problems: status.problems });
    }
  }
  return { emails, dailyReports };
}

export function runInMemory(team: TeamTables, request: RunRequest): RunResult {
  const { asOfDay, asOf, start } = runDays(request);
  const { gas, names } = teamSpreadsheet(team, request, start);
  request.progress(`Loading ${path.join(path.basename(request.buildDir), 'Code.js')} into the in-memory Apps Script`);
  const bundle = loadUptake(gas, request.buildDir);
  setUp(bundle, gas, request, names, start);
  const { requested, audit, history, byWeeks } = dashboards(bundle, request, asOf);
  const values: Record<string, unknown> = {
    getSettings: call(bundle, 'getSettings'),
    getAutomationStatus: call(bundle, 'getAutomationStatus'),
  };

  request.progress(`Writing the "${AUDIT_SHEET}" sheet (runAuditToSheet)`);
  gas.clock.set(start);
  call(bundle, 'runAuditToSheet');
  // Written to the owner's own spreadsheet (rules §19), the one the run just created.
  const [auditFile] = gas.spreadsheetsOf(request.owner);
  const auditSheet = gas.inspect.displayValues(AUDIT_SHEET, auditFile);
  const digest = digestAfter(bundle, gas, request, asOfDay);
  values.previewDigest = digest;
  // The sheet tags its people (rules §19); the owner's key reads them back among the roster's names and addresses.
  const { emails, dailyReports } = simulateDays(bundle, gas, request, asOfDay, (team.roster ?? []).flat());
  // The programme as the simulated days leave it: sessions recorded up to the last day count.
  const programme = request.programmeStart
    ? call(bundle, 'getDashboard', { asOf: dayToIso(asOfDay + request.days), weeks: 1 }).programme
    : null;

  return {
    audit,
    interventions: requested.interventions,
    history,
    auditSheet,
    sentSheet: gas.spreadsheet.getSheetByName(SENT_SHEET) ? gas.inspect.displayValues(SENT_SHEET) : [],
    digest,
    emails,
    programme,
    dailyReports,
    simulated: { from: dayToIso(asOfDay + 1), to: dayToIso(asOfDay + request.days) },
    sidebar: { dashboards: byWeeks, values },
  };
}
