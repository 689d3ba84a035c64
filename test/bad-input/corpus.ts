import { LOG_HEADERS } from '../../src/core/sheets/log';
import { ROSTER_HEADERS } from '../../src/core/sheets/roster';
/**
 * The bad-input corpus: what a whole team does to a shared sheet (typos, pasted text, formulas,
 * merged and deleted cells, odd dates), each case with what Uptake must make of it. The same
 * cases run through the core (core.test.ts), the built bundle in the in-memory Apps Script
 * (sheets.test.ts: sidebar calls, the audit sheet, the daily run, the custom functions) and the
 * CSV run of `npm start` (csv.test.ts).
 *
 * Cells are written as getValues returns them: strings, numbers, booleans, and dates as
 * `D('2026-03-10')` (midnight, or the given wall time, in the spreadsheet's zone; the in-memory
 * Apps Script stores dates as instants, as Sheets' Date objects are).
 *
 * Every case is audited as of TODAY over one week (9 to 15 March 2026), with TODAY as today.
 */

export const TODAY = '2026-03-15';
export const WINDOW_START = '2026-03-09';

export interface DateCell {
  date: string;
  /** "HH:mm" wall time in the spreadsheet's zone; midnight when absent. */
  time?: string;
}

export type Cell = string | number | boolean | DateCell;

export function D(date: string, time?: string): DateCell {
  return time === undefined ? { date } : { date, time };
}

export function isDateCell(cell: unknown): cell is DateCell {
  return typeof cell === 'object' && cell !== null && 'date' in cell;
}

/** [sheet row, reason]: the row number the sheet shows and Uptake's exact words. */
export type RowReason = [number, string];

export interface Expected {
  /** Log rows skipped. */
  skipped: RowReason[];
  /** Log rows read with a caveat, and header notices (at the header row). */
  notices: RowReason[];
  rosterSkipped?: RowReason[];
  rosterNotices?: RowReason[];
  /** Notices the audit adds: rows dated after today, members not on the roster (row 0). */
  auditNotices?: RowReason[];
  /** Runs in the window per member (as the audit names them), for every member with a run. */
  runs: Record<string, number>;
  /** Unprompted runs in the window, where the case is about them. */
  unprompted?: Record<string, number>;
}

export interface CorpusCase {
  id: string;
  /** What the team did. */
  what: string;
  log: Cell[][];
  roster?: Cell[][];
  locale?: 'en_US' | 'en_GB';
  timeZone?: string;
  /** Cells merged in the sheet version (A1 notation), as a team formats titles and groups. */
  merges?: string[];
  /** The log's (or roster's) header cannot be read: the HeaderNotFoundError message. */
  headerError?: { sheet: 'log' | 'roster'; message: string };
  expect?: Expected;
  /**
   * The CSV run reads every cell as text, as a download holds it (File › Download › CSV). Where
   * that loses what a cell was (a number or checkbox in the member column, a date serial), the
   * CSV expectation differs: the rows listed here replace those of `expect`, and `runs` replaces
   * the whole map. `false`: not representable as CSV.
   */
  csv?:
    | false
    | { skipped?: RowReason[]; dropSkipped?: number[]; dropRosterSkipped?: number[]; runs?: Record<string, number> };
}

const OUTCOMES = 'used as-is, light edit, heavy edit, not used';
const outcomeReason = (shown: string) => `The outcome ${shown} is not one of: ${OUTCOMES}`;
const notOnRoster = (name: string) =>
  `"${name}" is in the log but not on the roster: add them to the roster, or log them under their roster name or email. Their runs count in the team's sessions but not in the adoption rate.`;
const future = (iso: string) =>
  `Dated ${iso}, after today (${TODAY}): no audit up to today counts this run; check the date`;

/** A run row: date, member, workflow, outcome, then edit type, prompted, notes. */
const run = (
  date: Cell,
  member: Cell,
  workflow: Cell = 'Proposal',
  outcome: Cell = 'Used as-is',
  edit: Cell = '',
  prompted: Cell = false,
  notes: Cell = '',
): Cell[] => [date, member, workflow, outcome, edit, prompted, notes];

/** The text the payload tests put in every kind of cell. */
export const PAYLOADS = {
  img: '<img src=x onerror=alert(1)>',
  script: '</script><script>alert(1)</script>',
  jsLink: 'javascript:alert(1)',
  formula: '=IMPORTXML("http://x","//a")',
  plus: '+1',
  minus: '-1',
  at: '@x',
  quotes: `"quotes" & 'apostrophes'`,
} as const;

export const LONG = 50_000;

export const CORPUS: CorpusCase[] = [
  {
    id: 'blank-rows-and-columns',
    what: 'blank rows between runs, a row of spaces, short rows, columns without a header and stray values in them',
    log: [
      ['Date', '', 'Team member', 'Workflow', '', 'Outcome', 'Notes', ''],
      [D('2026-03-10'), '', 'Ana', 'Proposal', '', 'Used as-is', '', ''],
      ['', '', '', '', '', '', '', ''],
      ['   ', '', ' ', '', '', '', '', ''],
      [D('2026-03-11'), '', 'Ana', 'Proposal', '', 'Light edit', '', ''],
      [D('2026-03-12'), 'stray', 'Ben', 'Update', 'x', 'Heavy edit', '', 'stray'],
      ['', '', '', '', '', '', '', ''],
    ],
    expect: { skipped: [], notices: [], runs: { Ana: 2, Ben: 1 } },
  },
  {
    id: 'header-typo-required',
    what: '"Dtae" typed for "Date"',
    log: [
      ['Dtae', 'Team member', 'Workflow', 'Outcome'],
      [D('2026-03-10'), 'Ana', 'Proposal', 'Used as-is'],
    ],
    headerError: {
      sheet: 'log',
      message:
        'The log has no header row with the columns Uptake needs. Missing: Date ("date", "day", "run date", "timestamp"). ' +
        'Headers found on row 1: "Dtae", "Team member", "Workflow", "Outcome". Column A ("Dtae") looks like the Date column but is not read: name it "Date".',
    },
  },
  {
    id: 'header-typo-optional',
    what: '"Promted" typed for "Prompted": the column is not read, and the audit says so',
    log: [
      ['Date', 'Team member', 'Workflow', 'Outcome', 'Promted'],
      [D('2026-03-10'), 'Ana', 'Proposal', 'Used as-is', 'yes'],
      [D('2026-03-11'), 'Ana', 'Proposal', 'Used as-is', ''],
    ],
    expect: {
      skipped: [],
      notices: [[1, 'Column E ("Promted") looks like the Prompted column but is not read: name it "Prompted".']],
      runs: { Ana: 2 },
      unprompted: { Ana: 2 },
    },
  },
  {
    id: 'duplicate-headers',
    what: 'a form\'s "Timestamp" beside "Date", "Email" beside "Team member", two "Outcome" columns',
    log: [
      ['Date', 'Timestamp', 'Team member', 'Email', 'Workflow', 'Outcome', 'Outcome'],
      [D('2026-03-10'), '2026-01-01 09:00', 'Ana', 'ben@example.com', 'Proposal', 'Used as-is', 'garbage'],
      [D('2026-03-11'), 'not a time', 'Ana', '', 'Proposal', 'Heavy edit', ''],
    ],
    expect: {
      skipped: [],
      notices: [
        [1, 'Columns A and B could both be the Date column; Uptake reads column A ("Date") and ignores B.'],
        [
          1,
          'Columns C and D could both be the Team member column; Uptake reads column C ("Team member") and ignores D.',
        ],
        [1, 'Columns F and G could both be the Outcome column; Uptake reads column F ("Outcome") and ignores G.'],
      ],
      runs: { Ana: 2 },
    },
  },
  {
    id: 'header-below-titles',
    what: 'a merged title row, a subtitle and a blank row above the header; a member merged down two rows',
    log: [
      ['Team AI usage 2026', '', '', '', '', '', ''],
      ['Kept by Ops: one row per run', '', '', '', '', '', ''],
      ['', '', '', '', '', '', ''],
      LOG_HEADERS,
      run(D('2026-03-10'), 'Ana'),
      run(D('2026-03-11'), 'Ana', 'Proposal', 'meh'),
      // Merged with the cell above in the sheet: only the top cell of a merge holds the value.
      run(D('2026-03-12'), '', 'Proposal', 'Light edit'),
    ],
    merges: ['A1:G1', 'B6:B7'],
    expect: {
      skipped: [
        [6, outcomeReason('"meh"')],
        [7, 'The team member is blank'],
      ],
      notices: [],
      runs: { Ana: 1 },
    },
  },
  {
    id: 'dates-day-first',
    what: 'dates as text in a day-first locale (en_GB), timestamps, a serial number, and dates that are not dates',
    locale: 'en_GB',
    log: [
      LOG_HEADERS,
      run('2026-03-09', 'Ana'),
      run('10/3/2026', 'Ana'),
      run('3/10/2026', 'Ana'),
      run('11 Mar 2026', 'Ana'),
      run('March 12, 2026', 'Ana'),
      run('2026-03-12 14:30', 'Ana'),
      run('2026-03-13T23:30:00Z', 'Ana'),
      run('13.3.2026', 'Ana'),
      run(46091, 'Ana'),
      run(D('2026-03-14'), 'Ana'),
      run('yesterday', 'Ben'),
      run('31/2/2026', 'Ben'),
      run('3/4/26', 'Ben'),
      run(12345, 'Ben'),
      run(true, 'Ben'),
      run('2026-02-30', 'Ben'),
      run('', 'Ben'),
      run('2026-03-13 25:00', 'Ben'),
    ],
    expect: {
      skipped: [
        [12, '"yesterday" is not a date (write it as YYYY-MM-DD)'],
        [13, `"31/2/2026" is not a date in the spreadsheet's day/month/year order`],
        [14, '"3/4/26" has a two-digit year: write the year in full'],
        [15, 'The number 12345 is not a date'],
        [16, 'A ticked checkbox (TRUE) is not a date'],
        [17, '"2026-02-30" is not a calendar date'],
        [18, 'The date is blank'],
        [19, '"2026-03-13 25:00" has an impossible time'],
      ],
      notices: [],
      auditNotices: [[4, future('2026-10-03')]],
      runs: { Ana: 9 },
    },
    // As text, a serial number is not a date (the CSV of a date formatted as a number shows it).
    csv: {
      skipped: [
        [10, '"46091" is not a date (write it as YYYY-MM-DD)'],
        [15, '"12345" is not a date (write it as YYYY-MM-DD)'],
        [16, '"TRUE" is not a date (write it as YYYY-MM-DD)'],
      ],
      runs: { Ana: 8 },
    },
  },
  {
    id: 'dates-month-first',
    what: 'the same kind of text in a month-first locale (en_US): the locale decides, never the value',
    locale: 'en_US',
    log: [
      LOG_HEADERS,
      run('3/10/2026', 'Ana'),
      run('10/3/2026', 'Ana'),
      run('13/3/2026', 'Ben'),
      run('3/11/2026 9:15 PM', 'Ana'),
      run('3/12/2026 13:00 PM', 'Ben'),
    ],
    expect: {
      skipped: [
        [4, `"13/3/2026" is not a date in the spreadsheet's month/day/year order`],
        [6, '"3/12/2026 13:00 PM" has an impossible time'],
      ],
      notices: [],
      auditNotices: [[3, future('2026-10-03')]],
      runs: { Ana: 2 },
    },
  },
  {
    id: 'future-dates',
    what: 'runs dated tomorrow, next year and decades ahead (typos): outside every window up to today, and reported',
    log: [
      LOG_HEADERS,
      run(D('2026-03-15'), 'Ana'),
      run(D('2026-03-16'), 'Ana'),
      run(D('2027-03-10'), 'Ana'),
      run(D('2062-03-10'), 'Ben'),
    ],
    expect: {
      skipped: [],
      notices: [],
      auditNotices: [
        [3, future('2026-03-16')],
        [4, future('2027-03-10')],
        [5, future('2062-03-10')],
      ],
      runs: { Ana: 1 },
    },
  },
  {
    id: 'names',
    what: 'one person logged by case, spacing, a non-breaking space and their email; accents kept apart',
    roster: [
      ['Team member', 'Email'],
      ['Ana Lima', 'ana@example.com'],
      ['José', 'jose@example.com'],
      ['Zoë Brown', ''],
    ],
    log: [
      LOG_HEADERS,
      run(D('2026-03-10'), 'Ana Lima'),
      run(D('2026-03-10'), ' ana  lima '),
      run(D('2026-03-10'), 'ANA LIMA'),
      run(D('2026-03-10'), 'Ana\u00a0Lima'),
      run(D('2026-03-10'), 'ana@example.com'),
      run(D('2026-03-10'), ' ANA@Example.COM '),
      run(D('2026-03-11'), 'José'),
      run(D('2026-03-11'), 'Jose\u0301'),
      run(D('2026-03-11'), 'Jose'),
      run(D('2026-03-12'), 'zoë brown'),
      run(D('2026-03-12'), 'Zoe Brown'),
    ],
    expect: {
      skipped: [],
      notices: [],
      auditNotices: [
        [0, notOnRoster('Jose')],
        [0, notOnRoster('Zoe Brown')],
      ],
      runs: { 'Ana Lima': 6, José: 2, Jose: 1, 'Zoë Brown': 1, 'Zoe Brown': 1 },
    },
  },
  {
    id: 'outcomes',
    what: 'outcomes in odd case, hyphens, underscores, dashes and spacing; and ones that are not outcomes',
    log: [
      LOG_HEADERS,
      ...[
        'USED AS-IS',
        'used-as-is',
        ' Used as is ',
        'light_edit',
        'Light Edits',
        'heavy–edit',
        'MAJOR EDIT',
        'not-used',
        'Rejected',
        'accepted',
      ].map((o) => run(D('2026-03-10'), 'Ana', 'Proposal', o)),
      run(D('2026-03-10'), 'Ana', 'Proposal', 'Not Used.'),
      run(D('2026-03-10'), 'Ana', 'Proposal', 'ok'),
      run(D('2026-03-10'), 'Ana', 'Proposal', 'Used ✓'),
      run(D('2026-03-10'), 'Ana', 'Proposal', ''),
      run(D('2026-03-10'), 'Ana', 'Proposal', 'as–is'),
    ],
    expect: {
      skipped: [
        [12, outcomeReason('"Not Used."')],
        [13, outcomeReason('"ok"')],
        [14, outcomeReason('"Used ✓"')],
        [15, 'The outcome is blank'],
      ],
      notices: [],
      runs: { Ana: 11 },
    },
  },
  {
    id: 'sheet-errors',
    what: '#N/A, #REF! and other error values where a formula failed',
    log: [
      LOG_HEADERS,
      run('#N/A', 'Ana'),
      run(D('2026-03-10'), '#REF!'),
      run(D('2026-03-10'), 'Ana', '#N/A'),
      run(D('2026-03-10'), 'Ana', 'Proposal', '#VALUE!'),
      run(D('2026-03-10'), 'Ana', 'Proposal', 'Used as-is', '#DIV/0!', '#N/A', '#ERROR!'),
      run(D('2026-03-10'), 'Ana', 'Proposal', 'Light edit', '#NAME?', false, '#REF!'),
    ],
    expect: {
      skipped: [
        [2, 'The date cell shows the error #N/A'],
        [3, 'The team member cell shows the error #REF!'],
        [4, 'The workflow cell shows the error #N/A'],
        [5, 'The outcome cell shows the error #VALUE!'],
        [6, 'Prompted is "#N/A": use yes/no or the checkbox'],
      ],
      notices: [[7, 'Edit type "#NAME?" ignored: use tone, scope, format, missing info or wrong info']],
      runs: { Ana: 1 },
    },
  },
  {
    id: 'values-in-the-name-column',
    what: 'numbers, a checkbox and a date in the member column (not names); "007" typed as text (a name)',
    log: [
      LOG_HEADERS,
      run(D('2026-03-10'), 42),
      run(D('2026-03-10'), 3.5),
      run(D('2026-03-10'), true),
      run(D('2026-03-10'), D('2026-03-01')),
      run(D('2026-03-10'), '007'),
      run(D('2026-03-10'), 'Ana'),
    ],
    expect: {
      skipped: [
        [2, 'The team member is the number 42, not a name or email'],
        [3, 'The team member is the number 3.5, not a name or email'],
        [4, 'The team member is a ticked checkbox (TRUE), not a name or email'],
        [5, 'The team member is the date 2026-03-01, not a name or email'],
        [6, 'The team member is the number 007, not a name or email'],
      ],
      notices: [],
      runs: { Ana: 1 },
    },
    // A CSV holds only text: digits are read as the number they were, but "TRUE" and a date
    // cannot be told from a name typed as text. Not a guess: with a roster, each of them is
    // reported as not on it.
    csv: { dropSkipped: [4, 5], runs: { TRUE: 1, '2026-03-01': 1, Ana: 1 } },
  },
  {
    id: 'long-text',
    what: '50,000-character notes, workflow, edit type and member name (the most a cell holds)',
    roster: [['Team member'], ['Ana']],
    log: [
      LOG_HEADERS,
      run(D('2026-03-10'), 'Ana', 'Proposal', 'Used as-is', 'tone', false, 'n'.repeat(LONG)),
      run(D('2026-03-11'), 'Ana', 'W'.repeat(LONG), 'Heavy edit', 'x'.repeat(LONG)),
      run(D('2026-03-12'), 'M'.repeat(LONG)),
    ],
    expect: {
      skipped: [],
      notices: [[3, `Edit type "${'x'.repeat(57)}..." ignored: use tone, scope, format, missing info or wrong info`]],
      auditNotices: [[0, notOnRoster('M'.repeat(LONG))]],
      runs: { Ana: 2, ['M'.repeat(LONG)]: 1 },
    },
  },
  {
    id: 'markup-and-formula-text',
    what: 'HTML, <script>, javascript: links and text starting with = + - @ in every text cell',
    log: [
      LOG_HEADERS,
      run(D('2026-03-10'), PAYLOADS.img, PAYLOADS.script, 'Used as-is', '', false, PAYLOADS.jsLink),
      run(D('2026-03-10'), PAYLOADS.formula, PAYLOADS.plus, 'Light edit', PAYLOADS.formula),
      run(D('2026-03-11'), PAYLOADS.at, PAYLOADS.minus, 'Heavy edit', 'tone'),
      run(D('2026-03-11'), PAYLOADS.quotes, PAYLOADS.jsLink, 'Not used'),
      run(D('2026-03-12'), 'Ana', 'Proposal', PAYLOADS.img),
    ],
    expect: {
      skipped: [[6, outcomeReason(`"${PAYLOADS.img}"`)]],
      // Edit types are a comma list: the formula's comma splits it in two parts, both reported.
      notices: [
        [3, 'Edit type "=IMPORTXML("http://x"", ""//a")" ignored: use tone, scope, format, missing info or wrong info'],
      ],
      runs: { [PAYLOADS.img]: 1, [PAYLOADS.formula]: 1, [PAYLOADS.at]: 1, [PAYLOADS.quotes]: 1 },
    },
  },
  {
    id: 'prompted-spellings',
    what: 'prompted as words, letters, ticks and checkboxes; and values that are none of them',
    log: [
      LOG_HEADERS,
      ...(['Yes', 'y', 'TRUE', true, 'x', '✓', 'no', '', false, 'FALSE'] as Cell[]).map((p) =>
        run(D('2026-03-10'), 'Ana', 'Proposal', 'Used as-is', '', p),
      ),
      run(D('2026-03-10'), 'Ana', 'Proposal', 'Used as-is', '', 'maybe'),
      run(D('2026-03-10'), 'Ana', 'Proposal', 'Used as-is', '', 1),
    ],
    expect: {
      skipped: [
        [12, 'Prompted is "maybe": use yes/no or the checkbox'],
        [13, 'Prompted is the number 1: use yes/no or the checkbox'],
      ],
      notices: [],
      runs: { Ana: 10 },
      unprompted: { Ana: 4 },
    },
    csv: { skipped: [[13, 'Prompted is "1": use yes/no or the checkbox']] },
  },
  {
    id: 'roster-problems',
    what: 'a roster with missing, invalid and shared emails, duplicates, blanks, numbers, errors and unknown values',
    roster: [
      ROSTER_HEADERS,
      ['Ana', '', '', '', '', '', '', '', ''],
      ['Ben', 'ben@', '', '', '', '', '', '', ''],
      ['Cleo', 'cleo@example.com', '', D('2026-03-01'), '', '', 'On leave', 'maybe', 'not an email'],
      ['Ana', 'ana2@example.com', '', '', '', '', '', '', ''],
      ['', 'ghost@example.com', '', '', '', '', '', '', ''],
      [42, '', '', '', '', '', '', '', ''],
      ['#REF!', '', '', '', '', '', '', '', ''],
      ['Dee', 'cleo@example.com', '', '', '', '', '', '', ''],
      ['Eve', '', '', 'soon', '', '', '', '', ''],
      [PAYLOADS.img, 'img@example.com', '', '', '', '', '', '', ''],
    ],
    log: [
      LOG_HEADERS,
      run(D('2026-03-10'), 'cleo@example.com'),
      run(D('2026-03-10'), 'Ana'),
      run(D('2026-03-11'), 'ben@'),
      run(D('2026-03-11'), PAYLOADS.img),
    ],
    expect: {
      skipped: [],
      notices: [],
      rosterSkipped: [
        [5, '"Ana" is already on the roster at row 2'],
        [6, 'The team member is blank'],
        [7, 'The team member is the number 42, not a name or email'],
        [8, 'The team member cell shows the error #REF!'],
      ],
      rosterNotices: [
        [3, `Email "ben@" is not an email address: it is ignored, so log rows under it do not count as Ben's`],
        [
          4,
          'Status "On leave" is not one of: blank, Principled resistance, No suitable anchor workflow: Cleo is counted as active',
        ],
        [4, 'Context pack ready is "maybe": use yes or no'],
        [4, 'Follow-up owner "not an email" is not an email address: the owner follows up Cleo'],
        [
          9,
          `Email "cleo@example.com" is also Cleo's (row 4): it stays only with the row you approved it for, if you approved one; give each member their own email`,
        ],
        [
          10,
          'Training date not read ("soon" is not a date (write it as YYYY-MM-DD)): Eve is counted as not yet trained',
        ],
      ],
      auditNotices: [
        [0, notOnRoster('cleo@example.com')],
        [0, notOnRoster('ben@')],
      ],
      runs: { 'cleo@example.com': 1, Ana: 1, 'ben@': 1, [PAYLOADS.img]: 1 },
    },
    // A number in the roster's name column comes as "42" in a CSV: read as the number it was.
  },
  {
    id: 'roster-header-typo',
    what: 'a roster whose "Training date" header has a typo: read as not trained, and said',
    roster: [
      ['Name', 'E-mail', 'Traning date'],
      ['Ana', 'ana@example.com', D('2026-03-01')],
    ],
    log: [LOG_HEADERS, run(D('2026-03-10'), 'Ana')],
    expect: {
      skipped: [],
      notices: [],
      rosterNotices: [
        [1, 'Column C ("Traning date") looks like the Training date column but is not read: name it "Training date".'],
      ],
      runs: { Ana: 1 },
    },
  },
  {
    id: 'roster-without-member-column',
    what: 'a roster whose name column was deleted',
    roster: [
      ['Email', 'Training date'],
      ['ana@example.com', D('2026-03-01')],
    ],
    log: [LOG_HEADERS, run(D('2026-03-10'), 'Ana')],
    headerError: {
      sheet: 'roster',
      message:
        'The roster has no header row with the columns Uptake needs. Missing: Team member ("team member", "member", "name"). Headers found on the first 30 rows: "Email", "Training date".',
    },
  },
];

/** A log with every kind of bad row above and good rows between: the 100,000-row case repeats it. */
export function mixedBlock(): Cell[][] {
  return [
    run(D('2026-03-10'), 'Ana'),
    run('yesterday', 'Ana'),
    run(D('2026-03-11'), 42),
    run(D('2026-03-11'), 'Ben', 'Update', 'meh'),
    run(D('2026-03-12'), ' ben ', 'Update', 'heavy edit', 'tone; vibes', 'yes'),
    run('#N/A', '#REF!', '#N/A', '#N/A'),
    ['', '', '', '', '', '', ''],
    run(D('2027-03-12'), 'Cleo'),
    run('12/3/2026', PAYLOADS.img, PAYLOADS.formula, 'Light edit'),
    run(D('2026-03-13'), 'Cleo', 'Report', 'Not used', '', 'maybe'),
  ];
}
