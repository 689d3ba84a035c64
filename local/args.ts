/** The command line of `npm start`: flags, their checks and the help text. */
import { parseArgs } from 'node:util';
import { isKnownTimeZone, isoToDay } from '../src/core/base/dates';
import { isEmail } from '../src/core/base/text';
import { MAX_HISTORY_WEEKS, MIN_HISTORY_WEEKS } from '../src/core/base/settings';

/** A problem the person running the command can fix; printed without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export interface CliOptions {
  /** CSV of the log tab (the first --log); null = the example team. */
  log: string | null;
  /** The other --log files: each one more sheet of the log (spec §16), a form's answers say. */
  extraLogs: string[];
  roster: string | null;
  /** CSV of the Interventions tab; null = none (the example team has its own). */
  interventions: string | null;
  /** CSVs of the tools' usage exports (spec §15), each its own source; empty = none. */
  usage: string[];
  /** YYYY-MM-DD; null = the example's date, or today for a real log. */
  asOf: string | null;
  /** Window in weeks; null = the Settings default (1). */
  weeks: number | null;
  /** Weeks of the adoption trend; null = the Settings default (12). */
  historyWeeks: number | null;
  out: string | null;
  json: boolean;
  /** The spreadsheet locale the CSV was downloaded from: decides d/m/y or m/d/y. */
  locale: string | null;
  timeZone: string | null;
  owner: string | null;
  /** YYYY-MM-DD: the replacement programme's start (spec §17); null = no programme. */
  programmeStart: string | null;
  help: boolean;
}

export const USAGE = `Usage: npm start -- [options]

Audits a team's AI usage log with the same code the Uptake add-on runs in Google Sheets
(build/Code.js in an in-memory Apps Script), prints the audit and writes its outputs.
With no --log it audits the example team in examples/.

  --log FILE         the log tab downloaded as CSV (File > Download > Comma-separated values);
                     give --log again for each other sheet of the log (a form's answers sheet):
                     they are audited together, the first being the team's own log
  --roster FILE      the roster tab downloaded as CSV (optional)
  --interventions FILE  the Interventions tab downloaded as CSV (optional)
  --usage FILE       a tool's usage export as CSV (ChatGPT Enterprise user report, Microsoft
                     365 Copilot usage user detail, or the daily / periods shapes of
                     docs/usage.md); repeat it for several files
  --as-of YYYY-MM-DD last day of the audit (default: today; the example's last day for the example)
  --weeks N          audit window in whole weeks, 1 to 52 (default 1: "this week")
  --history-weeks N  weeks of the adoption trend, 4 to 52 (default 12)
  --out DIR          where to write the outputs (default out/)
  --json             print one JSON object on stdout instead of the tables
                     (use \`npm start --silent -- --json\` so npm prints nothing else)
  --locale LOCALE    the spreadsheet's locale, which decides how dates are read:
                     en_US reads 3/4/2026 as 4 March, en_GB as 3 April (default en_US)
  --time-zone ZONE   the spreadsheet's time zone, an IANA name or an offset such as GMT-07:00 (default UTC)
  --owner EMAIL      the programme owner, who receives the digest and reminders
                     (default owner@example.com; the example team has its own)
  --programme-start YYYY-MM-DD
                     start the replacement programme (day 0) on that date, as the owner
                     would from the sidebar; its baseline is the week before it
  --help             this text
`;

const LOCALE_RE = /^[a-z]{2,3}(?:[_-][A-Za-z]{2,4})?(?:[_-][A-Za-z0-9]{2,8})?$/;

const CLI_FLAGS = {
  log: { type: 'string', multiple: true },
  roster: { type: 'string' },
  interventions: { type: 'string' },
  usage: { type: 'string', multiple: true },
  'as-of': { type: 'string' },
  weeks: { type: 'string' },
  'history-weeks': { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  locale: { type: 'string' },
  'time-zone': { type: 'string' },
  owner: { type: 'string' },
  'programme-start': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type FlagValues = ReturnType<typeof readFlags>;

/** The flags as given, each at most once unless repeatable; a flag parseArgs cannot read is refused with the usage. */
function readFlags(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, strict: true, allowPositionals: false, tokens: true, options: CLI_FLAGS });
  } catch (error) {
    // parseArgs explains the flag it could not read; the usage says what it accepts.
    throw new CliError(`${(error as Error).message.replace(/\. To specify.*$/s, '.')}\n\n${USAGE}`, 2);
  }
  refuseRepeatedFlags(parsed.tokens ?? []);
  return parsed.values;
}

/** A YYYY-MM-DD flag's value, or null when not given; `example` shows how to write it. */
function dateFlag(value: string | undefined, flag: string, example: string): string | null {
  if (value !== undefined && isoToDay(value) === null)
    throw new CliError(`--${flag} "${value}" is not a date: write it as YYYY-MM-DD, e.g. ${example}.`, 2);
  return value ?? null;
}

/** --weeks as a whole number of weeks from 1 to 52, or null when not given. */
function weeksFlag(value: string | undefined): number | null {
  if (value === undefined) return null;
  const text = value.trim();
  const weeks = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52) {
    throw new CliError(
      `--weeks "${value}" is not a window Uptake can audit: give a whole number of weeks from 1 to 52.`,
      2,
    );
  }
  return weeks;
}

/** --locale, --time-zone and --owner, each checked, or null when not given. */
function placeFlags(v: FlagValues): { locale: string | null; timeZone: string | null; owner: string | null } {
  const locale = v.locale ?? null;
  if (locale !== null && !LOCALE_RE.test(locale)) {
    throw new CliError(`--locale "${locale}" is not a locale: write it as Sheets names them, e.g. en_US or en_GB.`, 2);
  }
  const timeZone = v['time-zone'] ?? null;
  if (timeZone !== null && !isKnownTimeZone(timeZone)) {
    throw new CliError(
      `--time-zone "${timeZone}" is not a time zone: use an IANA name such as Europe/London or America/New_York, or an offset as Sheets writes it, such as GMT-07:00.`,
      2,
    );
  }
  const owner = v.owner ?? null;
  if (owner !== null && !isEmail(owner)) {
    throw new CliError(`--owner "${owner}" is not an email address.`, 2);
  }
  return { locale: locale?.replace('-', '_') ?? null, timeZone, owner };
}

/** Refuses a file flag given without a name, or one that needs --log without it. */
function checkFileFlags(v: FlagValues): void {
  if (v.roster !== undefined && v.log === undefined) {
    throw new CliError('--roster needs --log: give the log tab as CSV too (the roster alone has no runs to audit).', 2);
  }
  if (v.interventions !== undefined && v.log === undefined) {
    throw new CliError(
      '--interventions needs --log: give the log tab as CSV too (the figures around an intervention come from the log).',
      2,
    );
  }
  if (v.usage !== undefined && v.log === undefined) {
    throw new CliError('--usage needs --log: give the log tab as CSV too (the usage is checked against the log).', 2);
  }
  if (v.usage?.some((file) => file.trim() === '')) throw new CliError('--usage needs a file name.', 2);
  for (const flag of ['roster', 'interventions', 'out'] as const) {
    if (v[flag] !== undefined && v[flag]!.trim() === '')
      throw new CliError(`--${flag} needs a file or folder name.`, 2);
  }
  if (v.log?.some((file) => file.trim() === '')) throw new CliError('--log needs a file name.', 2);
}

export function parseCliArgs(argv: string[]): CliOptions {
  const v = readFlags(argv);
  const programmeStart = dateFlag(v['programme-start'], 'programme-start', '2026-03-02');
  const asOf = dateFlag(v['as-of'], 'as-of', '2026-03-01');
  const weeks = weeksFlag(v.weeks);
  const historyWeeks = wholeNumberFlag(
    v['history-weeks'],
    MIN_HISTORY_WEEKS,
    MAX_HISTORY_WEEKS,
    (text) =>
      `--history-weeks "${text}" is not a trend length Uptake can show: give a whole number of weeks from ${MIN_HISTORY_WEEKS} to ${MAX_HISTORY_WEEKS}.`,
  );
  const { locale, timeZone, owner } = placeFlags(v);
  checkFileFlags(v);
  const [log = null, ...extraLogs] = v.log ?? [];
  return {
    log,
    extraLogs,
    roster: v.roster ?? null,
    interventions: v.interventions ?? null,
    usage: v.usage ?? [],
    asOf,
    weeks,
    historyWeeks,
    out: v.out ?? null,
    json: v.json ?? false,
    locale,
    timeZone,
    owner,
    programmeStart,
    help: v.help ?? false,
  };
}

/** Flags that may be given more than once: each --log is one more sheet of the log. */
const REPEATABLE_FLAGS = new Set(['log', 'usage']);

/**
 * Refuses a flag given twice that is not repeatable: parseArgs keeps the last one silently, and
 * a second --as-of or --out that replaced the first would audit or write what was not asked.
 */
function refuseRepeatedFlags(tokens: ReadonlyArray<{ kind: string; name?: string; rawName?: string }>): void {
  const seen = new Map<string, number>();
  for (const token of tokens) {
    if (token.kind !== 'option' || !token.name || REPEATABLE_FLAGS.has(token.name)) continue;
    const times = (seen.get(token.name) ?? 0) + 1;
    seen.set(token.name, times);
    if (times === 2)
      throw new CliError(
        `${token.rawName ?? `--${token.name}`} was given twice: give it once (only --log and --usage may be repeated: once per sheet of the log, once per usage export).`,
        2,
      );
  }
}

/** A flag holding a whole number from `min` to `max`; null when absent. */
function wholeNumberFlag(
  value: string | undefined,
  min: number,
  max: number,
  message: (text: string) => string,
): number | null {
  if (value === undefined) return null;
  const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new CliError(message(value), 2);
  return n;
}
