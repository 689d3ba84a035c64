#!/usr/bin/env node
// Writes the example team: examples/log.csv, examples/roster.csv, examples/interventions.csv,
// the usage exports examples/usage-chatgpt.csv and examples/usage-claude.csv, and
// examples/example.json.
// Deterministic (a seeded generator fills the earlier weeks), so running it again gives the
// same files; the CSVs are committed, this script is how they were made.
//
// The example is written so that one audit as of its last day shows everything Uptake can
// report: the three categories, all seven diagnosed causes, every six-week outcome, a skipped
// row of each kind and every programme milestone; and its history (rules §13) shows each
// transition this week and several training cohorts. test/local/example.test.ts and
// test/local/example-history.test.ts check that it still does, and that this script still
// writes the committed files.
// Usage: node examples/generate.mjs [output folder, default examples/]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(process.argv[2] ?? HERE);

/** The example covers eight weeks, Monday 5 January to Sunday 1 March 2026, audited on its last day. */
const FIRST_DAY = '2026-01-05';
const AS_OF = '2026-03-01';
const WEEKS = 8;
const OWNER = 'maya.ortiz@northwind.example';
const LEAD = 'sam.lee@northwind.example';

/**
 * mulberry32: a small seeded generator, enough for varied but reproducible filler runs.
 * @param {number} seed
 */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(20260301);
/** @type {<T>(list: T[]) => T} */
const pick = (list) => list[Math.floor(random() * list.length)];
/** @param {number} min @param {number} max */
const between = (min, max) => min + Math.floor(random() * (max - min + 1));

/** @param {string} iso @param {number} n */
function addDays(iso, n) {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
/**
 * Day `weekday` (0 = Monday) of week `week` (0 = the first week).
 * @param {number} week @param {number} weekday
 */
const dayOf = (week, weekday) => addDays(FIRST_DAY, week * 7 + weekday);

const USED = 'Used as-is';
const LIGHT = 'Light edit';
const HEAVY = 'Heavy edit';
const NOT_USED = 'Not used';

/**
 * A run. `outcome` is written as the team's dropdown writes it; `edit` only on edited runs.
 * @typedef {{ date: string, member: string, workflow: string, outcome: string, edit?: string, prompted?: boolean | string, notes?: string }} LogRun
 */

/**
 * Filler: `perWeek` runs a week on weekdays of weeks [from, to], mostly accepted at `acceptance`.
 * @param {string} member
 * @param {{ from: number, to: number, perWeek: [number, number], workflows: string[], acceptance: number, edits?: string[], promptedShare?: number }} options
 */
function filler(
  member,
  { from, to, perWeek, workflows, acceptance, edits = ['format', 'tone', 'scope'], promptedShare = 0 },
) {
  /** @type {LogRun[]} */
  const runs = [];
  for (let week = from; week <= to; week++) {
    const count = between(perWeek[0], perWeek[1]);
    const days = new Set();
    while (days.size < Math.min(count, 5)) days.add(between(0, 4));
    const ordered = [...days].sort();
    for (let i = 0; i < count; i++) {
      const r = random();
      const outcome =
        r < acceptance * 0.6
          ? USED
          : r < acceptance
            ? LIGHT
            : r < acceptance + (1 - acceptance) * 0.6
              ? HEAVY
              : NOT_USED;
      runs.push({
        date: dayOf(week, ordered[i % ordered.length]),
        member,
        workflow: pick(workflows),
        outcome,
        edit: outcome === LIGHT || outcome === HEAVY ? pick(edits) : '',
        prompted: random() < promptedShare,
      });
    }
  }
  return runs;
}

/**
 * Explicit runs on given dates: [date, workflow, outcome, edit?, prompted?, notes?].
 * @param {string} member
 * @param {[string, string, string, string?, boolean?, string?][]} rows
 * @returns {LogRun[]}
 */
function runsOf(member, rows) {
  return rows.map(([date, workflow, outcome, edit = '', prompted = false, notes = '']) => ({
    date,
    member,
    workflow,
    outcome,
    edit,
    prompted,
    notes,
  }));
}

const LAST_WEEK = WEEKS - 1;
/** @param {number} weekday */
const lastWeek = (weekday) => dayOf(LAST_WEEK, weekday);

/**
 * The roster and what each member's log says, with why they are in the example.
 * @type {{ roster: string[], runs: LogRun[] }[]}
 */
const members = [
  {
    // Genuine adopter who expanded beyond what she was trained on: six weeks say "working".
    roster: [
      'Ana Silva',
      'ana.silva@northwind.example',
      'Account manager',
      '2026-01-05',
      'Client proposal',
      'Client proposal, Meeting summary',
      '',
      'yes',
      LEAD,
    ],
    runs: [
      ...filler('Ana Silva', {
        from: 0,
        to: 2,
        perWeek: [3, 4],
        workflows: ['Client proposal', 'Meeting summary'],
        acceptance: 0.85,
      }),
      ...filler('Ana Silva', {
        from: 3,
        to: LAST_WEEK - 1,
        perWeek: [3, 5],
        workflows: ['Client proposal', 'Meeting summary', 'Sales follow-up email'],
        acceptance: 0.9,
      }),
      ...runsOf('Ana Silva', [
        [lastWeek(0), 'Client proposal', USED, '', false, 'Renewal for "Acme Ltd", sent the same day'],
        [lastWeek(1), 'Sales follow-up email', LIGHT, 'tone'],
        [lastWeek(2), 'Meeting summary', USED],
        [lastWeek(3), 'Client proposal', LIGHT, 'format'],
      ]),
    ],
  },
  {
    // Genuine adopter on the one workflow he was trained on: "stable, not deepening". A slow
    // week last week (two runs) makes him this week's reactivated adopter (rules §13).
    roster: [
      'Ben Okafor',
      'ben.okafor@northwind.example',
      'Support lead',
      '2026-01-05',
      'Support reply',
      'Support reply',
      '',
      'yes',
      LEAD,
    ],
    runs: [
      ...filler('Ben Okafor', {
        from: 0,
        to: LAST_WEEK - 1,
        perWeek: [4, 6],
        workflows: ['Support reply'],
        acceptance: 0.85,
      }).filter((run) => run.date < dayOf(LAST_WEEK - 1, 0)),
      ...runsOf('Ben Okafor', [
        [dayOf(LAST_WEEK - 1, 1), 'Support reply', USED],
        [dayOf(LAST_WEEK - 1, 3), 'Support reply', LIGHT, 'tone'],
        [lastWeek(0), 'Support reply', USED],
        [lastWeek(0), 'Support reply', LIGHT, 'tone'],
        [lastWeek(1), 'Support reply', USED],
        [lastWeek(3), 'Support reply', USED, '', false, 'Customer replied:\n"thanks, that solved it"'],
        [lastWeek(4), 'Support reply', HEAVY, 'wrong info'],
      ]),
    ],
  },
  {
    // Uses it often, but the output misses context and her context pack is not ready:
    // "quality bar not met" and the Foundation cause.
    roster: [
      'Chloé Martin',
      'chloe.martin@northwind.example',
      'Marketing manager',
      '2026-01-12',
      'Campaign brief',
      'Campaign brief',
      '',
      'no',
      '',
    ],
    runs: [
      ...filler('Chloé Martin', {
        from: 1,
        to: LAST_WEEK - 1,
        perWeek: [3, 4],
        workflows: ['Campaign brief'],
        acceptance: 0.45,
        edits: ['missing info', 'missing info', 'wrong info', 'tone'],
      }),
      ...runsOf('Chloé Martin', [
        [lastWeek(0), 'Campaign brief', HEAVY, 'missing info'],
        [lastWeek(1), 'Campaign brief', LIGHT, 'missing info; tone'],
        [lastWeek(2), 'Campaign brief', HEAVY, 'wrong info', false, "=the brief had last year's prices"],
        [lastWeek(4), 'Campaign brief', NOT_USED],
      ]),
    ],
  },
  {
    // Started after training, then stopped two weeks ago: "reverted", an obstacle nobody followed up.
    roster: [
      'Dev Patel',
      'dev.patel@northwind.example',
      'Sales representative',
      '2026-01-12',
      'Sales follow-up email',
      'Sales follow-up email',
      '',
      'yes',
      LEAD,
    ],
    runs: [
      ...runsOf('Dev Patel', [[dayOf(1, 1), 'Sales follow-up email', LIGHT, 'tone', true]]),
      ...filler('Dev Patel', {
        from: 2,
        to: 5,
        perWeek: [2, 3],
        workflows: ['Sales follow-up email'],
        acceptance: 0.7,
      }),
    ],
  },
  {
    // Developing user on her anchor workflow who also tries client proposals, below target.
    // Three weekly reports last week made her a Genuine adopter for one week: this week's lapse.
    roster: [
      'Emma Johansson',
      'emma.johansson@northwind.example',
      'Operations coordinator',
      '2026-01-20',
      'Weekly report',
      'Weekly report',
      '',
      'yes',
      '',
    ],
    runs: [
      ...runsOf('Emma Johansson', [
        [dayOf(2, 2), 'Weekly report', USED],
        [dayOf(3, 4), 'Weekly report', LIGHT, 'format'],
        [dayOf(4, 4), 'Weekly report', USED],
        [dayOf(5, 4), 'Weekly report', USED],
        [dayOf(6, 1), 'Weekly report', USED],
        [dayOf(6, 2), 'Weekly report', LIGHT, 'format'],
        [dayOf(6, 4), 'Weekly report', LIGHT, 'scope'],
        [lastWeek(1), 'Client proposal', HEAVY, 'tone'],
        [lastWeek(2), 'Client proposal', NOT_USED, '', true],
        [lastWeek(4), 'Weekly report', USED],
      ]),
    ],
  },
  {
    // First runs after training were heavy edits and an unused output; client proposals stay
    // below target for him and Emma: a workflow-level gap (tone: a voice guide).
    roster: [
      'Farid Haddad',
      'farid.haddad@northwind.example',
      'Account manager',
      '2026-01-26',
      'Client proposal',
      'Client proposal',
      '',
      'yes',
      LEAD,
    ],
    runs: [
      ...runsOf('Farid Haddad', [
        [dayOf(3, 1), 'Client proposal', HEAVY, 'tone'],
        [dayOf(3, 3), 'Client proposal', NOT_USED],
        [dayOf(4, 2), 'Client proposal', HEAVY, 'tone, scope'],
        [dayOf(5, 1), 'Client proposal', LIGHT, 'tone', true],
        [dayOf(6, 3), 'Client proposal', LIGHT, 'tone'],
        [lastWeek(1), 'Client proposal', HEAVY, 'tone'],
        [lastWeek(3), 'Client proposal', LIGHT, 'tone'],
      ]),
    ],
  },
  {
    // Trained on invoice chasing, has never run it: demonstrations were not about her work.
    roster: [
      'Grace Liu',
      'grace.liu@northwind.example',
      'Finance analyst',
      '2026-02-02',
      'Invoice chase',
      'Invoice chase',
      '',
      'yes',
      LEAD,
    ],
    runs: runsOf('Grace Liu', [
      [dayOf(4, 3), 'Meeting summary', LIGHT, 'format', true],
      [dayOf(5, 2), 'Expense summary', HEAVY, 'missing info'],
    ]),
  },
  {
    // A new genuine adopter three weeks in, two runs a week before this one: one to name at the
    // peer advocacy moment, and this week's new adopter.
    roster: [
      'Hugo Brown',
      'hugo.brown@northwind.example',
      'Software engineer',
      '2026-02-09',
      'Release notes',
      'Release notes',
      '',
      'yes',
      '',
    ],
    runs: [
      ...runsOf('Hugo Brown', [[dayOf(5, 1), 'Release notes', LIGHT, 'format', true]]),
      ...filler('Hugo Brown', {
        from: 5,
        to: LAST_WEEK - 1,
        perWeek: [2, 2],
        workflows: ['Release notes'],
        acceptance: 0.8,
      }),
      ...runsOf('Hugo Brown', [
        [lastWeek(0), 'Release notes', USED],
        [lastWeek(1), 'Release notes', LIGHT, 'format'],
        [lastWeek(2), 'Meeting summary', USED],
        [lastWeek(4), 'Release notes', USED],
      ]),
    ],
  },
  // Trained two weeks ago with no anchor workflow, and no runs since: no role-specific workflow.
  {
    roster: ['Isla Novak', 'isla.novak@northwind.example', 'HR partner', '2026-02-16', '', '', '', '', LEAD],
    runs: [],
  },
  {
    // Principled resistance: counted in the team figures, never diagnosed or chased.
    roster: [
      'Jonas Weber',
      'jonas.weber@northwind.example',
      'Legal counsel',
      '2026-01-12',
      'Contract summary',
      'Contract summary',
      'Principled resistance',
      'yes',
      '',
    ],
    runs: runsOf('Jonas Weber', [
      [dayOf(2, 3), 'Contract summary', NOT_USED, '', true, 'Tried it once with Sam; prefers to draft himself'],
    ]),
  },
  {
    // No suitable anchor workflow: shown, but out of scope of the adoption rate.
    roster: [
      'Kofi Mensah',
      'kofi.mensah@northwind.example',
      'Facilities manager',
      '',
      '',
      '',
      'No suitable anchor workflow',
      '',
      '',
    ],
    runs: runsOf('Kofi Mensah', [[dayOf(6, 2), 'Meeting summary', USED, '', true]]),
  },
  {
    // Trained six days ago; logs under her email, which the roster maps to her name.
    roster: [
      'Lena Fischer',
      'lena.fischer@northwind.example',
      'Product manager',
      '2026-02-23',
      'Research brief',
      'Research brief',
      '',
      'yes',
      LEAD,
    ],
    runs: runsOf('lena.fischer@northwind.example', [
      [lastWeek(1), 'Research brief', USED, '', true],
      [lastWeek(3), 'Research brief', LIGHT, 'format'],
    ]),
  },
];

/**
 * Rows Uptake must skip, one of each kind, placed among the runs by their date.
 * @type {LogRun[]}
 */
const problemRows = [
  {
    date: '2026-02-30',
    member: 'Hugo Brown',
    workflow: 'Release notes',
    outcome: USED,
    prompted: false,
    notes: 'unreadable date',
  },
  { date: dayOf(2, 3), member: '', workflow: 'Meeting summary', outcome: LIGHT, edit: 'format', prompted: false },
  { date: dayOf(4, 0), member: 'Ben Okafor', workflow: '', outcome: USED, prompted: false },
  { date: dayOf(5, 4), member: 'Emma Johansson', workflow: 'Weekly report', outcome: 'Partly used', prompted: false },
  {
    date: dayOf(6, 1),
    member: 'Farid Haddad',
    workflow: 'Client proposal',
    outcome: LIGHT,
    edit: 'tone',
    prompted: 'sometimes',
  },
];

const order = new Map(members.map((m, i) => [m.roster[0], i]));
/** @param {LogRun} run */
const rank = (run) => order.get(run.member) ?? members.length;
const allRuns = members.flatMap((m) => m.runs);
allRuns.sort((a, b) => a.date.localeCompare(b.date) || rank(a) - rank(b));
for (const problem of problemRows) {
  // The unreadable date sits in the last week, where a typo like that is usually found.
  const sortDate = problem.date === '2026-02-30' ? lastWeek(1) : problem.date;
  const at = allRuns.findIndex((run) => run.date > sortDate);
  allRuns.splice(at < 0 ? allRuns.length : at, 0, problem);
}

/** @param {string} value */
const csvField = (value) => (/[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
/** @param {string[][]} rows */
const toCsv = (rows) => rows.map((row) => row.map((cell) => csvField(String(cell))).join(',')).join('\r\n') + '\r\n';
/** @param {boolean | string} prompted */
const checkbox = (prompted) => (typeof prompted === 'string' ? prompted : prompted ? 'TRUE' : 'FALSE');

const LOG_HEADER = ['Date', 'Team member', 'Workflow', 'Outcome', 'Edit type', 'Prompted', 'Notes'];
const logRows = [
  // A title row above the header, as real logs have; Sheets exports it padded with empty cells.
  ['Northwind Studio: AI usage log (example team)', '', '', '', '', '', ''],
  LOG_HEADER,
  ...allRuns.map((r) => [
    r.date,
    r.member,
    r.workflow,
    r.outcome,
    r.edit ?? '',
    checkbox(r.prompted ?? false),
    r.notes ?? '',
  ]),
];
const ROSTER_HEADER = [
  'Team member',
  'Email',
  'Role',
  'Training date',
  'Anchor workflow',
  'Trained workflows',
  'Status',
  'Context pack ready',
  'Follow-up owner',
];
const rosterRows = [ROSTER_HEADER, ...members.map((m) => m.roster)];

// The owner's interventions (rules §14): one of each type, a team-wide one, one typed in lower
// case, one of a type of the team's own ("Other"), and one whose 14 days after are still running
// on the as-of date (Emma's, 6 of 14 days).
/** The replacement programme's day 0: its day 30 falls inside the 30 days `npm start` simulates. */
const PROGRAMME_START = '2026-02-23';
const INTERVENTION_HEADER = ['Date', 'Team member', 'Type', 'Workflow', 'Note'];
const interventionRows = [
  INTERVENTION_HEADER,
  ['2026-01-12', 'Ana Silva', 'Follow-up session', '', 'Day-seven follow-up: 15 minutes on her first proposals'],
  ['2026-02-02', 'Dev Patel', 'Anchor-workflow session', 'Sales follow-up email', 'Worked on two real follow-ups'],
  [
    '2026-02-09',
    'Chloé Martin',
    'context pack fix',
    'Campaign brief',
    'Added the brand voice guide and two past briefs',
  ],
  ['2026-02-13', '', 'Peer advocacy moment', '', 'Ana and Ben each showed one result at the team meeting'],
  ['2026-02-20', 'Farid Haddad', 'Pairing with a peer', 'Client proposal', 'An hour with Ana on a live proposal'],
  // Farid is a Developing user in the week ending 23 February: the session gets §18's warning.
  ['2026-02-23', 'Farid Haddad', 'Second training session', 'Client proposal', 'Second session on client proposals'],
  // The replacement programme (rules §17) started on PROGRAMME_START: two participants have their
  // anchor-workflow session in its first week, the others none, so that the next 30 days send
  // every one of its milestones (two follow-ups, sessions not held, peer advocacy, reassessment).
  ['2026-02-25', 'Ben Okafor', 'Anchor-workflow session', 'Support reply', 'On two real tickets from his queue'],
  ['2026-02-27', 'Grace Liu', 'Anchor-workflow session', '', 'On this week’s status report'],
];

// The tools' own usage records (rules §15), set beside the log of the last two weeks so that the
// audit shows every status: ChatGPT's weekly user report (no active-day count) and a daily export
// of Claude converted to Uptake's daily shape. Dev (no runs, 35 messages) and Jonas (principled
// resistance: shown, never chased) are not logging; Lena, active on 5 days with runs logged on 2,
// is under-logging; Emma logged runs ChatGPT did not see; Grace's row cannot be read and Isla is
// in no export (no usage data); a contractor's email is on no roster row.
const CHATGPT_HEADER = [
  'cadence',
  'period_start',
  'period_end',
  'name',
  'email',
  'role',
  'user_status',
  'is_active',
  'first_day_active_in_period',
  'last_day_active_in_period',
  'messages',
];
/** @param {string} start @param {string} name @param {string} email @param {number | string} messages */
const chatgptRow = (start, name, email, messages) => {
  const active = typeof messages !== 'number' || messages > 0;
  return [
    'weekly',
    start,
    addDays(start, 6),
    name,
    email,
    'standard-user',
    'enabled',
    active ? 'TRUE' : 'FALSE',
    active ? start : '',
    active ? addDays(start, 4) : '',
    String(messages),
  ];
};
const email = (/** @type {string} */ name) =>
  members.find((m) => m.roster[0] === name)?.roster[1] ?? `${name.toLowerCase().replace(/ /g, '.')}@northwind.example`;
const chatgptRows = [CHATGPT_HEADER];
for (const start of [addDays(AS_OF, -13), addDays(AS_OF, -6)]) {
  for (const [name, messages] of /** @type {[string, number | string][]} */ ([
    ['Ana Silva', 120],
    ['Ben Okafor', 80],
    ['Chloé Martin', 50],
    ['Dev Patel', 35],
    ['Emma Johansson', 0],
    ['Farid Haddad', 15],
    ['Grace Liu', 'n/a'],
    ['Jonas Weber', 20],
  ]))
    chatgptRows.push(chatgptRow(start, name, email(name), messages));
  chatgptRows.push(chatgptRow(start, 'Alex Contractor', 'alex@agency.example', 12));
}
const claudeRows = [
  ['Email', 'Date', 'Tool', 'Sessions'],
  ['hugo.brown@northwind.example', addDays(AS_OF, -13), 'Claude', '2'],
  ...[-6, -5, -4, -2].map((n) => ['hugo.brown@northwind.example', addDays(AS_OF, n), 'Claude', '3']),
  ...[-6, -5, -4, -3, -2].map((n) => ['lena.fischer@northwind.example', addDays(AS_OF, n), 'Claude', '4']),
  ['farid.haddad@northwind.example', addDays(AS_OF, -5), 'Claude', '1'],
  ['farid.haddad@northwind.example', '2026-02-31', 'Claude', '1'],
  ['lena.fischer@northwind.example', AS_OF, 'Claude', '0'],
];

fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'usage-chatgpt.csv'), toCsv(chatgptRows));
fs.writeFileSync(path.join(OUT, 'usage-claude.csv'), toCsv(claudeRows));
fs.writeFileSync(path.join(OUT, 'log.csv'), toCsv(logRows));
fs.writeFileSync(path.join(OUT, 'roster.csv'), toCsv(rosterRows));
fs.writeFileSync(path.join(OUT, 'interventions.csv'), toCsv(interventionRows));
fs.writeFileSync(
  path.join(OUT, 'example.json'),
  `${JSON.stringify(
    {
      description:
        'The example team `npm start` audits when no --log is given. Regenerate with: node examples/generate.mjs',
      log: 'log.csv',
      roster: 'roster.csv',
      interventions: 'interventions.csv',
      usage: ['usage-chatgpt.csv', 'usage-claude.csv'],
      asOf: AS_OF,
      locale: 'en_US',
      timeZone: 'UTC',
      owner: OWNER,
      programmeStart: PROGRAMME_START,
    },
    null,
    2,
    // A short list on one line, as prettier (npm run lint) writes it.
  ).replace(/\[\n\s+([^\]]*?)\n\s+\]/g, (_, items) => `[${items.split(/,\n\s+/).join(', ')}]`)}\n`,
);
process.stderr.write(`examples: ${allRuns.length} log rows, ${members.length} members, as of ${AS_OF}\n`);
