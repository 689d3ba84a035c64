/**
 * `npm start`: audits a team's log (or the example team) with the built add-on running in the
 * in-memory Apps Script, prints the audit and writes the sidebar, the audit sheet, the digest
 * and the coming reminders to out/. scripts/start.mjs builds, bundles this file and runs it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CliError, parseCliArgs, USAGE, type CliOptions } from './args';
import { CsvError, parseCsv, spreadsheetSafeCell, toCsv } from './csv';
import { runInMemory, type RunResult, type TeamTables } from './gas-run';
import { auditJson, emailsJson, programmeJson, type JsonOutput } from './json';
import { withInterventions } from './interventions-json';
import { renderInterventions } from './interventions-view';
import { historyJson, renderHistory } from './history-view';
import { renderAudit } from './report';
import { sidebarPreviewHtml } from './sidebar-page';
import { escapeHtml } from '../src/core/mail/html';
import { findHeader, HeaderNotFoundError } from '../src/core/sheets/header';
import { INTERVENTION_FIELDS } from '../src/core/interventions/sheet';
import { markdownText, terminalSafe } from './terminal';
import { checkCellSizes, checkRosterColumns, decodeUtf8 } from './csv-file';
import { usageFileRefusal } from '../src/core/usage/shapes';
import { renderUsage, usageJson } from './usage-view';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** examples/example.json: the example team and how to read it. */
export interface ExampleConfig {
  log: string;
  roster: string;
  /** The example's Interventions tab, when it has one. */
  interventions?: string;
  /** The example's usage exports (spec §15), when it has some. */
  usage?: string[];
  asOf: string;
  locale: string;
  timeZone: string;
  owner: string;
  /** The example's replacement programme start (rules §17), when it has one. */
  programmeStart?: string;
}

const DEFAULT_LOCALE = 'en_US';
const DEFAULT_TIME_ZONE = 'UTC';
const DEFAULT_OWNER = 'owner@example.com';
/** The reminders simulated after the as-of date: the 30-day programme's horizon. */
const SIMULATED_DAYS = 30;
/** The windows the sidebar's picker offers. */
const SIDEBAR_WEEKS = [1, 2, 4, 6, 8, 12];

export const OUTPUT_FILES = ['sidebar.html', 'audit.csv', 'digest.html', 'digest.txt', 'reminders.md'] as const;

interface Paths {
  /** The repository: build/, examples/ and the default out/ are here. */
  root: string;
  /** Where the person ran the command: their --log, --roster and --out are relative to it. */
  cwd: string;
}

/** A path as the person would recognise it: relative to where they ran the command when inside it. */
function shown(file: string, paths: Paths): string {
  const relative = path.relative(paths.cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

function readCsvFile(file: string, what: string, paths: Paths): string[][] {
  const name = shown(file, paths);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new CliError(
        `The ${what} file ${name} does not exist. Download the ${what} tab as CSV (File › Download › Comma-separated values) and give its path.`,
      );
    if (code === 'EISDIR') throw new CliError(`${name} is a folder: give the ${what} tab's CSV file.`);
    if (code === 'EACCES' || code === 'EPERM')
      throw new CliError(`The ${what} file ${name} cannot be read: permission denied.`);
    throw new CliError(`The ${what} file ${name} cannot be read: ${(error as Error).message}`);
  }
  if (bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')) || bytes.includes(0)) {
    throw new CliError(
      `${name} is not a CSV file (it looks like a workbook or another binary file). In Sheets, open the ${what} tab and use File › Download › Comma-separated values.`,
    );
  }
  let records: string[][];
  try {
    records = parseCsv(decodeUtf8(bytes, name));
  } catch (error) {
    if (error instanceof CsvError) throw new CliError(`${name}: ${error.message}`);
    throw error;
  }
  checkCellSizes(records, name);
  if (what === 'roster') checkRosterColumns(records, name);
  return records;
}

function readExample(paths: Paths): ExampleConfig & { dir: string } {
  const dir = path.join(paths.root, 'examples');
  const file = path.join(dir, 'example.json');
  try {
    return { ...(JSON.parse(fs.readFileSync(file, 'utf8')) as ExampleConfig), dir };
  } catch (error) {
    throw new CliError(`The example team could not be read from ${shown(file, paths)}: ${(error as Error).message}`);
  }
}

/**
 * The email list as Markdown: one section per email, bodies fenced so that nothing in them is
 * read as Markdown, and team text outside the fences (recipients, subjects, what the runs
 * reported) escaped so that a previewer shows it as typed. Control characters are escaped
 * throughout, fences included: the file may be printed on a terminal.
 */
export function remindersMarkdown(
  result: Pick<RunResult, 'emails' | 'dailyReports' | 'simulated'>,
  asOf: string,
): string {
  const { emails, simulated } = result;
  const lines = [
    `# Emails the daily run would send, ${simulated.from} to ${simulated.to}`,
    '',
    `Automation turned on on ${asOf} (the as-of date), then the daily trigger fired once a day in the in-memory Apps Script.`,
    'Programme reminders (days 7, 14, 21, 30 and 42 after each training date; the replacement programme’s milestones when one runs) and the weekly digests, in the order sent.',
    'The log is taken as it is: no runs are invented after the as-of date.',
    '',
    `${emails.length === 1 ? '1 email' : `${emails.length} emails`}.`,
  ];
  for (const mail of emails) {
    const longestTicks = Math.max(0, ...(mail.body.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(Math.max(3, longestTicks + 1));
    lines.push(
      '',
      `## ${mail.day} · to ${markdownText(mail.recipients.join(', '))}`,
      '',
      `Subject: ${markdownText(mail.subject)}`,
      '',
      `Milestone: ${markdownText(mail.milestone ?? 'none (a set-up problem)')}${mail.programme ? ' (replacement programme)' : ''}` +
        (mail.members.length ? ` · members: ${markdownText(mail.members.join(', '))}` : ''),
      ...(mail.logNote ? ['', `Note from the local run: ${mail.logNote}`] : []),
      '',
      `${fence}text`,
      mail.body.trimEnd(),
      fence,
    );
  }
  lines.push('', '## What each daily run reported', '');
  if (result.dailyReports.length === 0) lines.push('The daily trigger did not run.');
  for (const { date, report, problems } of result.dailyReports) {
    for (const problem of problems) lines.push(`- ${date}: problem: ${markdownText(problem)}`);
    lines.push(`- ${date}: ${report.length ? report.map(markdownText).join(' / ') : 'nothing to send'}`);
  }
  return terminalSafe(`${lines.join('\n')}\n`);
}

function digestPage(subject: string, html: string): string {
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(subject)}</title>\n</head>\n<body>\n${html}\n</body>\n</html>\n`;
}

interface Plan {
  team: TeamTables;
  asOf: string | null;
  locale: string;
  timeZone: string;
  owner: string;
  outDir: string;
  source: string;
  /** YYYY-MM-DD: the replacement programme's start; null for none. */
  programmeStart: string | null;
}

/**
 * The Interventions CSV. In a spreadsheet a sheet without the headers is simply not the
 * Interventions sheet; a file given by name must be one, so its missing headers are said.
 */
function readInterventionsFile(file: string, paths: Paths): string[][] {
  const rows = readCsvFile(file, 'Interventions', paths);
  try {
    findHeader(rows, INTERVENTION_FIELDS, 'Interventions file');
  } catch (error) {
    if (error instanceof HeaderNotFoundError) throw new CliError(`${shown(file, paths)}: ${error.message}`);
    throw error;
  }
  return rows;
}

/**
 * A usage export given by name must be one: a file of no known shape, or whose users' names are
 * concealed, is refused with what it has and what to do (in a spreadsheet it is shown instead).
 */
function readUsageFile(file: string, paths: Paths): { source: string; rows: string[][] } {
  const rows = readCsvFile(file, 'usage export', paths);
  const source = path.basename(file);
  const refusal = usageFileRefusal(shown(file, paths), rows);
  if (refusal) throw new CliError(refusal);
  return { source, rows };
}

/** "a", "a and b", "a, b and c": the files a run reads. */
function listed(items: (string | null | undefined)[]): string {
  const present = items.filter((item): item is string => Boolean(item));
  return present.length <= 1 ? (present[0] ?? '') : `${present.slice(0, -1).join(', ')} and ${present.at(-1)}`;
}

function plan(options: CliOptions, paths: Paths): Plan {
  const outDir = options.out ? path.resolve(paths.cwd, options.out) : path.join(paths.root, 'out');
  if (options.log === null) {
    const example = readExample(paths);
    const logFile = path.join(example.dir, example.log);
    const rosterFile = path.join(example.dir, example.roster);
    const interventionsFile = example.interventions ? path.join(example.dir, example.interventions) : null;
    return {
      team: {
        log: readCsvFile(logFile, 'log', paths),
        roster: readCsvFile(rosterFile, 'roster', paths),
        interventions: interventionsFile ? readCsvFile(interventionsFile, 'Interventions', paths) : null,
        logSource: shown(logFile, paths),
        rosterSource: shown(rosterFile, paths),
        interventionsSource: interventionsFile ? shown(interventionsFile, paths) : null,
        usage: usageFiles(
          (example.usage ?? []).map((file) => path.join(example.dir, file)),
          paths,
        ),
      },
      asOf: options.asOf ?? example.asOf,
      locale: options.locale ?? example.locale,
      timeZone: options.timeZone ?? example.timeZone,
      owner: options.owner ?? example.owner,
      programmeStart: options.programmeStart ?? example.programmeStart ?? null,
      outDir,
      source: 'the example team in examples/',
    };
  }
  const logFile = path.resolve(paths.cwd, options.log);
  const rosterFile = options.roster === null ? null : path.resolve(paths.cwd, options.roster);
  const interventionsFile = options.interventions === null ? null : path.resolve(paths.cwd, options.interventions);
  const extraLogFiles = options.extraLogs.map((file) => path.resolve(paths.cwd, file));
  const team: TeamTables = {
    log: readCsvFile(logFile, 'log', paths),
    extraLogs: extraLogFiles.map((file) => ({ cells: readCsvFile(file, 'log', paths), source: shown(file, paths) })),
    roster: rosterFile === null ? null : readCsvFile(rosterFile, 'roster', paths),
    interventions: interventionsFile === null ? null : readInterventionsFile(interventionsFile, paths),
    logSource: shown(logFile, paths),
    rosterSource: rosterFile === null ? null : shown(rosterFile, paths),
    interventionsSource: interventionsFile === null ? null : shown(interventionsFile, paths),
    usage: usageFiles(options.usage, paths),
  };
  return {
    team,
    asOf: options.asOf,
    locale: options.locale ?? DEFAULT_LOCALE,
    timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
    owner: options.owner ?? DEFAULT_OWNER,
    programmeStart: options.programmeStart,
    outDir,
    source: listed([
      team.logSource,
      ...(team.extraLogs ?? []).map((log) => log.source),
      team.rosterSource,
      team.interventionsSource,
      ...options.usage,
    ]),
  };
}

/** Each usage file once, under a name no other file of the run has (it becomes the sheet's name). */
function usageFiles(files: string[], paths: Paths): { source: string; rows: string[][] }[] {
  const read = files.map((file) => readUsageFile(path.resolve(paths.cwd, file), paths));
  const names = new Set<string>();
  for (const u of read) {
    if (names.has(u.source.toLowerCase()))
      throw new CliError(`Two --usage files are named ${u.source}: each file is a source named after it; rename one.`);
    names.add(u.source.toLowerCase());
  }
  return read;
}

function writeOutputs(result: RunResult, sidebarHtml: string, chosen: Plan): string[] {
  const { outDir } = chosen;
  try {
    fs.mkdirSync(outDir, { recursive: true });
  } catch (error) {
    throw new CliError(`The output folder ${outDir} cannot be created: ${(error as Error).message}`);
  }
  const audit = result.audit;
  const files: Record<(typeof OUTPUT_FILES)[number], string> = {
    'sidebar.html': sidebarPreviewHtml(sidebarHtml, {
      dashboards: {
        asOf: audit.asOf,
        defaultWeeks: audit.weeks,
        byWeeks: result.sidebar.dashboards,
      },
      values: result.sidebar.values,
      source: `${chosen.source}, as of ${audit.asOf}`,
    }),
    'audit.csv': toCsv(result.auditSheet.map((record) => record.map(spreadsheetSafeCell))),
    'digest.html': digestPage(result.digest.subject, result.digest.html),
    // Plain text is read on a terminal too (cat, less): its control characters are escaped.
    'digest.txt': terminalSafe(
      `Subject: ${result.digest.subject}\nTo: ${result.digest.recipients.join(', ')}\n\n${result.digest.text.trimEnd()}\n`,
    ),
    'reminders.md': remindersMarkdown(result, audit.asOf),
  };
  const written: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(outDir, name);
    try {
      fs.writeFileSync(file, text);
    } catch (error) {
      throw new CliError(`${file} cannot be written: ${(error as Error).message}`);
    }
    written.push(file);
  }
  return written;
}

/** The run asked for: the team in the in-memory Apps Script, its files written; what to print. */
function audit(options: CliOptions, paths: Paths, io: Io): void {
  const buildDir = path.join(paths.root, 'build');
  const sidebarFile = path.join(buildDir, 'sidebar.html');
  for (const file of [path.join(buildDir, 'Code.js'), sidebarFile]) {
    if (!fs.existsSync(file))
      throw new CliError(`${shown(file, paths)} is missing: run npm run build first (npm start does).`);
  }
  const chosen = plan(options, paths);
  const progress = (line: string) => io.stderr(`uptake: ${line}\n`);
  progress(`Auditing ${chosen.source}`);
  const result = runInMemory(chosen.team, {
    buildDir,
    asOf: chosen.asOf,
    weeks: options.weeks,
    historyWeeks: options.historyWeeks,
    locale: chosen.locale,
    timeZone: chosen.timeZone,
    owner: chosen.owner,
    days: SIMULATED_DAYS,
    sidebarWeeks: SIDEBAR_WEEKS,
    nowMs: Date.now(),
    programmeStart: chosen.programmeStart,
    progress,
  });
  const written = writeOutputs(result, fs.readFileSync(sidebarFile, 'utf8'), chosen);
  // Problems the daily runs met are worth a look; so is what they said when they sent nothing.
  const problems = new Set(
    result.dailyReports.flatMap((r) => (result.emails.length ? r.problems : [...r.problems, ...r.report])),
  );
  for (const line of problems) progress(`the daily run reported: ${line}`);
  if (options.json) {
    io.stdout(`${JSON.stringify(jsonOutput(result), null, 2)}\n`);
    progress(`Wrote ${written.map((f) => shown(f, paths)).join(', ')}`);
  } else
    printReport(
      result,
      written.map((f) => shown(f, paths)),
      io,
    );
}

/** What --json prints (docs/json-output.md). */
function jsonOutput(result: RunResult): JsonOutput {
  return {
    ...withInterventions(auditJson(result.audit), result.interventions),
    history: historyJson(result.history),
    programme: programmeJson(result.programme),
    emails: emailsJson(result.emails),
    ...(result.audit.usage ? { usage: usageJson(result.audit.usage) } : {}),
  };
}

/** The audit as text for the terminal, then the files written (as shown) and the emails' count. */
function printReport(result: RunResult, written: string[], io: Io): void {
  io.stdout(renderAudit(result.audit));
  io.stdout(`\n${renderHistory(result.history)}`);
  if (result.audit.usage) io.stdout(`\n${renderUsage(result.audit.usage, result.audit.team.adoptionRate)}`);
  const interventions = renderInterventions(result.interventions);
  if (interventions) io.stdout(`\n${interventions}`);
  io.stdout(`\nWritten:\n${written.map((f) => `  ${f}`).join('\n')}\n`);
  io.stdout(
    `Emails the daily run would send in the next ${SIMULATED_DAYS} days: ${result.emails.length} (see reminders.md).\n`,
  );
}

export function main(argv: string[], env: NodeJS.ProcessEnv, terminal: Io): number {
  // Everything printed passes here: no control character from team text (or a file name)
  // reaches the terminal.
  const io: Io = {
    stdout: (text) => terminal.stdout(terminalSafe(text)),
    stderr: (text) => terminal.stderr(terminalSafe(text)),
  };
  const paths: Paths = {
    root: path.resolve(env.UPTAKE_ROOT ?? process.cwd()),
    cwd: path.resolve(env.INIT_CWD ?? process.cwd()),
  };
  try {
    const options = parseCliArgs(argv);
    if (options.help) io.stdout(USAGE);
    else audit(options, paths, io);
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`uptake: ${error.message}\n`);
      return error.exitCode;
    }
    // Not the person's data: a bug. The message, and the stack only when asked for.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`uptake: could not finish: ${message}\n`);
    if (env.UPTAKE_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    else io.stderr('uptake: set UPTAKE_DEBUG=1 for the details.\n');
    return 70;
  }
}

// Run when executed (node cli.cjs), not when imported by a test.
if (require.main === module) {
  // Piped into `head` or a pager that quits: stop quietly, as other command-line tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  process.exitCode = main(process.argv.slice(2), process.env, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
