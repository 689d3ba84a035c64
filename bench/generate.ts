/**
 * Seeded, reproducible team data for the benchmark: a log as getValues returns it (Date cells,
 * checkbox booleans, text) and the roster of its members. The same seed and size always give the
 * same cells, so figures from two machines or two commits describe the same work.
 */
import { dayToIso, isoToDay, wallClockInstant, type Day } from '../src/core/base/dates';
import { EDIT_TYPE_CHOICES, LOG_HEADERS, OUTCOME_CHOICES } from '../src/core/sheets/log';
import { ROSTER_HEADERS } from '../src/core/sheets/roster';

export const MEMBER_COUNT = 50;
export const WORKFLOW_COUNT = 20;
/** A team of 50 logs about 40 runs a day (5.6 a member a week): the log's span grows with its size. */
export const RUNS_PER_DAY = 40;
/** The last day of every generated log, and the audit's as-of date. */
export const LAST_DAY_ISO = '2026-03-13';
export const TIME_ZONE = 'Europe/London';
export const LOCALE = 'en_GB';
/** Column indexes of the generated log (its header is LOG_HEADERS). */
export const DATE_COL = LOG_HEADERS.indexOf('Date');
export const MEMBER_COL = LOG_HEADERS.indexOf('Team member');
/** One bad row per this many rows, and never fewer than MIN_BAD_ROWS. */
const BAD_ROW_EVERY = 2_000;
const MIN_BAD_ROWS = 5;

const MS_PER_DAY = 86_400_000;

/** mulberry32: a small, fast PRNG whose sequence depends only on the seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const FIRST_NAMES = ['Ana', 'Ben', 'Cleo', 'Dev', 'Eun-ji', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas'];
const LAST_NAMES = ['Okafor', 'Lindqvist', 'Moreau', 'Patel', 'Silva'];
const WORKFLOWS = [
  'Client proposal',
  'Weekly update',
  'Board memo',
  'Meeting notes',
  'Sales email',
  'Support reply',
  'Job description',
  'Press release',
  'Contract summary',
  'Research brief',
  'Blog draft',
  'Release notes',
  'Onboarding guide',
  'Survey analysis',
  'Campaign copy',
  'Invoice query',
  'Product FAQ',
  'Status report',
  'Interview questions',
  'Risk register',
];
const ROLES = ['Account manager', 'Analyst', 'Designer', 'Engineer', 'Marketer', 'Operations'];
/** What a team types besides the dropdown's spellings: all of them read as the same outcome. */
const OUTCOME_VARIANTS: Record<string, string[]> = {
  'Used as-is': ['used as-is', 'Used as is', 'used'],
  'Light edit': ['light edit', 'Light', 'minor edit'],
  'Heavy edit': ['heavy edit', 'HEAVY EDIT', 'major edit'],
  'Not used': ['not used', 'Not-used', 'discarded'],
};
const NOTES = [
  'Saved about 20 minutes',
  'Needed the client context',
  'First try with the new prompt',
  'Shared in stand-up',
];

export interface GeneratedMember {
  name: string;
  email: string;
  /** Relative share of the team's runs. */
  weight: number;
  anchor: string;
  trained: string[];
  /** Other workflows the member sometimes runs (expansion beyond training). */
  extra: string[];
}

export interface GeneratedTeam {
  rows: number;
  seed: number;
  /** The log as getValues returns it: LOG_HEADERS, then `rows` data rows. */
  log: unknown[][];
  /** The roster as getValues returns it: ROSTER_HEADERS, then one row per member. */
  roster: unknown[][];
  members: GeneratedMember[];
  workflows: string[];
  /** Sheet row numbers (1-based) of the rows Uptake must skip. */
  badRows: number[];
  firstDay: Day;
  lastDay: Day;
  timeZone: string;
  locale: string;
}

export interface GenerateOptions {
  seed?: number;
  /** false: every row is readable (for the sheet functions, which stop at the first bad cell). */
  badRows?: boolean;
}

/** The instant a date cell holds for `day` in a spreadsheet in `timeZone`: local midnight. */
export function localMidnight(day: Day, timeZone: string): number {
  return wallClockInstant(day * MS_PER_DAY, timeZone);
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function buildMembers(random: () => number): GeneratedMember[] {
  const members: GeneratedMember[] = [];
  for (let i = 0; i < MEMBER_COUNT; i++) {
    const first = FIRST_NAMES[i % FIRST_NAMES.length];
    const last = LAST_NAMES[Math.floor(i / FIRST_NAMES.length)];
    const anchor = WORKFLOWS[i % WORKFLOWS.length];
    const trained = [anchor, WORKFLOWS[(i + 7) % WORKFLOWS.length]];
    // A third of the team are heavy users, a third occasional, a third hardly use it.
    const weight = i % 3 === 0 ? 3 : i % 3 === 1 ? 1 : 0.15;
    members.push({
      name: `${first} ${last}`,
      email: `${first.toLowerCase()}.${last.toLowerCase()}@example.com`,
      weight,
      anchor,
      trained,
      extra: [WORKFLOWS[(i + 3) % WORKFLOWS.length], pick(random, WORKFLOWS)],
    });
  }
  return members;
}

function rosterRows(members: GeneratedMember[], lastDay: Day, timeZone: string): unknown[][] {
  const rows: unknown[][] = [ROSTER_HEADERS.slice()];
  members.forEach((m, i) => {
    // Cohorts trained 10 to 130 days before the last day; two members not trained yet.
    const training = i === 48 || i === 49 ? '' : new Date(localMidnight(lastDay - 10 - 12 * (i % 11), timeZone));
    const status = i === 5 ? 'Principled resistance' : i === 17 ? 'No suitable anchor workflow' : '';
    rows.push([
      m.name,
      m.email,
      ROLES[i % ROLES.length],
      training,
      m.anchor,
      m.trained.join(', '),
      status,
      i % 4 === 0 ? 'no' : 'yes',
      i % 10 === 0 ? 'lead@example.com' : '',
    ]);
  });
  return rows;
}

/** How a member's cell reads in the log: mostly the roster name, sometimes the email or odd spacing. */
function memberSpellings(m: GeneratedMember): string[] {
  return [
    m.name,
    m.name,
    m.name,
    m.name,
    m.name,
    m.name,
    m.name,
    m.email,
    m.name.toLowerCase(),
    ` ${m.name.replace(' ', '  ')} `,
  ];
}

/** A row Uptake must skip, each with a different reason it reports. */
function badRow(kind: number, good: unknown[]): unknown[] {
  const row = good.slice();
  switch (kind % 6) {
    case 0:
      row[MEMBER_COL] = '';
      break;
    case 1:
      row[3] = 'maybe';
      break;
    case 2:
      row[DATE_COL] = 'yesterday';
      break;
    case 3:
      row[2] = '#REF!';
      break;
    case 4:
      row[DATE_COL] = '3/4/24';
      break;
    default:
      row[5] = 'perhaps';
      break;
  }
  return row;
}

/**
 * A log of `rows` runs by 50 members over 20 workflows, in date order ending on LAST_DAY_ISO,
 * and its roster. Date cells are Dates at local midnight, with a few form timestamps and a few
 * dates typed as text; some runs are prompted; outcomes use every accepted spelling; light and
 * heavy edits name edit types; a few rows are bad (blank member, unknown outcome, unreadable date,
 * #REF! workflow, two-digit year, unknown prompted value) and some edit types are unknown.
 */
export function generateTeam(rows: number, options: GenerateOptions = {}): GeneratedTeam {
  const seed = options.seed ?? 20260313;
  const random = seededRandom(seed ^ rows);
  const timeZone = TIME_ZONE;
  const lastDay = isoToDay(LAST_DAY_ISO)!;
  const spanDays = Math.max(7, Math.ceil(rows / RUNS_PER_DAY));
  const firstDay = lastDay - spanDays + 1;
  const members = buildMembers(random);
  const totalWeight = members.reduce((sum, m) => sum + m.weight, 0);
  const cumulative: number[] = [];
  let running = 0;
  for (const m of members) cumulative.push((running += m.weight / totalWeight));
  const spellings = members.map(memberSpellings);
  // Each workflow has its own acceptance: a few sit below the 70% target.
  const acceptance = WORKFLOWS.map((_, i) => (i % 5 === 4 ? 0.5 : 0.8));
  const midnights = new Map<Day, number>();

  const badCount = options.badRows === false ? 0 : Math.max(MIN_BAD_ROWS, Math.round(rows / BAD_ROW_EVERY));
  const bad = new Set<number>();
  while (bad.size < Math.min(badCount, rows)) bad.add(Math.floor(random() * rows));

  const log: unknown[][] = [LOG_HEADERS.slice()];
  for (let i = 0; i < rows; i++) {
    const day = firstDay + Math.floor((i * spanDays) / rows);
    let midnight = midnights.get(day);
    if (midnight === undefined) {
      midnight = localMidnight(day, timeZone);
      midnights.set(day, midnight);
    }
    const r = random();
    let memberIndex = 0;
    while (cumulative[memberIndex] < r && memberIndex < members.length - 1) memberIndex++;
    const member = members[memberIndex];

    const dateKind = random();
    const date: unknown =
      dateKind < 0.95
        ? new Date(midnight)
        : // A form timestamp: the same day, during working hours.
          dateKind < 0.98
          ? new Date(midnight + (8 + Math.floor(random() * 10)) * 3_600_000 + Math.floor(random() * 3_600_000))
          : dayToIso(day);

    const w = random();
    const workflow = w < 0.6 ? member.anchor : w < 0.85 ? member.trained[1] : pick(random, member.extra);
    const accepted = random() < acceptance[WORKFLOWS.indexOf(workflow)];
    const outcomeIndex = accepted ? (random() < 0.55 ? 0 : 1) : random() < 0.7 ? 2 : 3;
    const canonical = OUTCOME_CHOICES[outcomeIndex];
    const outcome = random() < 0.95 ? canonical : pick(random, OUTCOME_VARIANTS[canonical]);

    let editType = '';
    if ((outcomeIndex === 1 || outcomeIndex === 2) && random() < 0.9) {
      editType = pick(random, EDIT_TYPE_CHOICES);
      if (random() < 0.25) editType = `${editType}; ${pick(random, EDIT_TYPE_CHOICES)}`;
      if (random() < 0.002) editType = `${editType}, length`;
    }
    const prompted = random() < 0.15;
    const notes = random() < 0.1 ? pick(random, NOTES) : '';

    let row: unknown[] = [date, pick(random, spellings[memberIndex]), workflow, outcome, editType, prompted, notes];
    if (bad.has(i)) row = badRow(i, row);
    log.push(row);
  }
  return {
    rows,
    seed,
    log,
    roster: rosterRows(members, lastDay, timeZone),
    members,
    workflows: WORKFLOWS.slice(),
    badRows: [...bad].sort((a, b) => a - b).map((i) => i + 2),
    firstDay,
    lastDay,
    timeZone,
    locale: LOCALE,
  };
}

/**
 * A copy of `cells` as another getValues call would return them: new row arrays, new strings and
 * new Dates, equal to the originals. Each Apps Script execution gets cells it has never seen, and
 * V8 remembers a string's hash in the string itself, so timing a parse on the same strings again
 * and again would time look-ups that no execution gets. The bench hands every timed call a copy.
 */
export function cellsAsRead(cells: readonly unknown[][]): unknown[][] {
  return cells.map((row) =>
    row.map((cell) =>
      typeof cell === 'string'
        ? Buffer.from(cell, 'utf8').toString('utf8')
        : cell instanceof Date
          ? new Date(cell.getTime())
          : cell,
    ),
  );
}
