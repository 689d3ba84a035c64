// The example team the browser test loads into the in-memory Apps Script: ten members on a
// roster, a log of several workflows over six weeks, and rows the audit must skip, one of
// them carrying HTML in its cells to prove the sidebar shows cell text as text.
import { d, logRows, OWNER, plus, rosterRows, type RosterSpec, type RunSpec } from '../support/sheets';

/** A Wednesday; the fake clock stands at 10:00 UTC on it. */
export const TODAY = '2026-03-11';
export const LOG_SHEET = 'AI usage log';
export const ROSTER_SHEET = 'Roster';
export { OWNER };

/** Typed into the member and outcome cells of the log: must show as these characters. */
export const HTML_NAME = '<img src=x onerror=alert(1)>';
export const HTML_OUTCOME = '<img src=x onerror=alert(2)>';

const ago = (days: number) => plus(TODAY, -days);

export const TEAM_ROSTER: RosterSpec[] = [
  {
    name: 'Ana Lima',
    email: 'ana@example.com',
    role: 'Account manager',
    training: ago(20),
    anchor: 'Client proposal',
    trained: 'Client proposal',
    pack: 'yes',
  },
  {
    name: 'Ben Okafor',
    email: 'ben@example.com',
    role: 'Operations',
    training: ago(20),
    anchor: 'Weekly update',
    trained: 'Weekly update',
    pack: 'yes',
  },
  {
    name: 'Chloé Martin',
    email: 'chloe@example.com',
    role: 'Analyst',
    training: ago(20),
    anchor: 'Market brief',
    trained: 'Market brief',
    pack: 'no',
  },
  {
    name: 'Dev Patel',
    email: 'dev@example.com',
    role: 'Support',
    training: ago(9),
    anchor: 'Ticket reply',
    trained: 'Ticket reply',
    pack: 'yes',
  },
  {
    name: 'Eva Novak',
    email: 'eva@example.com',
    role: 'Sales',
    training: ago(20),
    anchor: 'Client proposal',
    trained: 'Client proposal',
    pack: 'yes',
  },
  {
    name: 'Farid Haddad',
    email: 'farid@example.com',
    role: 'Finance',
    training: ago(20),
    anchor: 'Board memo',
    trained: 'Board memo',
    pack: 'yes',
  },
  { name: 'Grace Kim', email: 'grace@example.com', role: 'Design', training: ago(20) },
  {
    name: 'Hugo Silva',
    email: 'hugo@example.com',
    role: 'Legal',
    training: ago(20),
    anchor: 'Contract summary',
    status: 'Principled resistance',
  },
  { name: 'Ines Duarte', email: 'ines@example.com', role: 'Reception', status: 'No suitable anchor workflow' },
  {
    name: 'Jon Berg',
    email: 'jon@example.com',
    role: 'Marketing',
    training: ago(44),
    anchor: 'Weekly update',
    trained: 'Weekly update',
    pack: 'yes',
  },
];

const run = (
  daysAgo: number,
  member: string,
  workflow: string,
  outcome = 'Used as-is',
  edit = '',
  prompted = false,
): RunSpec => ({
  date: ago(daysAgo),
  member,
  workflow,
  outcome,
  edit,
  prompted,
});

/** Runs in date order, as a team appends them. */
export const TEAM_RUNS: RunSpec[] = [
  run(40, 'Jon Berg', 'Weekly update'),
  run(33, 'Jon Berg', 'Weekly update', 'Light edit', 'tone'),
  run(26, 'Jon Berg', 'Social post'),
  run(19, 'Jon Berg', 'Weekly update'),
  run(15, 'Eva Novak', 'Client proposal', 'Heavy edit', 'missing info'),
  run(14, 'Eva Novak', 'Client proposal', 'Not used'),
  run(13, 'Ana Lima', 'Client proposal'),
  run(12, 'Chloé Martin', 'Market brief', 'Heavy edit', 'missing info'),
  run(12, 'Ben Okafor', 'Weekly update', 'Light edit', 'format'),
  run(11, 'Ana Lima', 'Client proposal', 'Light edit', 'tone'),
  run(10, 'Jon Berg', 'Social post', 'Light edit', 'tone'),
  run(9, 'Ben Okafor', 'Weekly update'),
  run(8, 'Hugo Silva', 'Contract summary', 'Heavy edit', 'wrong info', true),
  run(6, 'Ana Lima', 'Client proposal'),
  run(6, 'Jon Berg', 'Weekly update'),
  run(5, 'Ben Okafor', 'Weekly update', 'Light edit', 'tone'),
  run(5, 'Chloé Martin', 'Market brief', 'Heavy edit', 'missing info'),
  run(4, 'Ana Lima', 'Client proposal', 'Light edit', 'format'),
  run(4, 'Jon Berg', 'Social post'),
  run(3, HTML_NAME, 'Client proposal'),
  run(3, 'Chloé Martin', 'Market brief', 'Heavy edit', 'wrong info'),
  run(3, 'Dev Patel', 'Ticket reply', 'Light edit', 'format'),
  run(2, 'Ben Okafor', 'Weekly update'),
  run(2, 'Ana Lima', 'Client proposal'),
  run(2, 'Jon Berg', 'Weekly update', 'Used as-is', '', true),
  run(1, 'Chloé Martin', 'Market brief', 'Not used', '', true),
  run(1, 'Ben Okafor', 'Weekly update'),
  run(0, 'Ana Lima', 'Client proposal', 'Light edit', 'tone'),
  run(0, 'Jon Berg', 'Social post'),
];

/** Rows the audit must skip, each with a different reason. */
const SKIPPED: unknown[][] = [
  ['next tuesday', 'Ana Lima', 'Client proposal', 'Used as-is', '', false, ''],
  [d(ago(2)), 'Ben Okafor', '', 'Used as-is', '', false, 'forgot the workflow'],
  [d(ago(1)), 'Dev Patel', 'Ticket reply', 'meh', '', false, ''],
  [d(ago(3)), HTML_NAME, 'Client proposal', HTML_OUTCOME, '', false, ''],
];

/** The team's log sheet: header, runs, then the rows to skip (rows 2 … 34). */
export function teamLogRows(): unknown[][] {
  return [...logRows(TEAM_RUNS), ...SKIPPED];
}

/** The team's roster sheet: header, then its ten members. */
export function teamRosterRows(): unknown[][] {
  return rosterRows(TEAM_ROSTER);
}
