// A member's notes (spec §1's Notes column), read from the cells only when asked: on a log over
// several sheets (§16), each with its header where it is and its Notes column where it is.
import { parseLogSheets } from '../../src/core/sheets/log';
import { memberNotes } from '../../src/core/sheets/log-notes';
import { day, UTC } from './fixtures';

const team = [
  ['Uptake log', '', '', '', ''],
  ['Date', 'Team member', 'Workflow', 'Outcome', 'Notes'],
  ['2026-03-02', 'Ana', 'Proposal', 'Heavy edit', 'first sheet, first note'],
  ['2026-03-03', 'Ana', 'Proposal', 'Used as-is', '   '],
  ['2026-03-04', 'Ben', 'Proposal', 'Used as-is', 'Ben’s'],
  ['2026-03-09', 'Ana', 'Proposal', 'Used as-is', 'after the range'],
];
const form = [
  ['Comments', 'Timestamp', 'Team member', 'Workflow', 'Outcome', 'Edit type'],
  ['from the form', '2026-03-03', 'ana', 'Report', 'Light edit', 'tone, format'],
  [42, '2026-03-05', 'Ana', 'Report', 'Used as-is', ''],
];
const noNotes = [
  ['Date', 'Team member', 'Workflow', 'Outcome'],
  ['2026-03-04', 'Ana', 'Report', 'Used as-is'],
];

test('the member’s noted runs in the range, oldest first, from every sheet, blank notes left out', () => {
  const log = parseLogSheets(
    [
      { values: team, name: 'Log' },
      { values: noNotes, name: 'Old form' },
      { values: form, name: 'Form answers' },
    ],
    UTC,
  );
  expect(log.table.length).toBe(7);
  const notes = memberNotes(log, 'ana', day('2026-03-01'), day('2026-03-08'));
  expect(notes).toEqual([
    { day: day('2026-03-02'), workflow: 'Proposal', outcome: 'heavy', editTypes: [], note: 'first sheet, first note' },
    {
      day: day('2026-03-03'),
      workflow: 'Report',
      outcome: 'light',
      editTypes: ['tone', 'format'],
      note: 'from the form',
    },
    { day: day('2026-03-05'), workflow: 'Report', outcome: 'as-is', editTypes: [], note: '42' },
  ]);
  expect(memberNotes(log, 'ben', day('2026-03-01'), day('2026-03-08')).map((n) => n.note)).toEqual(['Ben’s']);
  expect(memberNotes(log, 'nobody', day('2026-03-01'), day('2026-03-31'))).toEqual([]);
});
