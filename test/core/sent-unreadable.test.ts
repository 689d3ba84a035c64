// What the owner is told about rows of the "Uptake sent" sheet a run cannot read: the rows and
// cells by the numbers and headers they see, why, and the ways out, in the daily run's problem
// email and in Check set-up alike (SentIndex.recordingProblem).
import { SentIndex } from '../../src/core/programme/sent-records';
import { KeyedTags } from '../../src/core/programme/sent-tags';
import {
  namedRows,
  ROWS_NAMED,
  unreadableRowsProblem,
  type UnreadableRow,
} from '../../src/core/programme/sent-unreadable';

const notText = (row: number, ...columns: string[]): UnreadableRow => ({ row, reason: 'not-text', columns });
const otherKey = (row: number): UnreadableRow => ({ row, reason: 'other-key', columns: ['Key'] });

test('one cell turned into a number: the row and column named, in the singular, with both ways out', () => {
  const message = unreadableRowsProblem([notText(3, 'Team member')]);
  expect(message).toContain('Uptake cannot tell what 1 row of the "Uptake sent" sheet records,');
  expect(message).toContain('pasted back or imported): row 3 (Team member).');
  expect(message).toMatch(/bring back that row as Uptake wrote it from an earlier version/);
  expect(message).toContain('File › Version history › See version history');
  expect(message).toContain(`Docs Editors Help "Find what's changed in a file"`);
  expect(message).toContain(
    'Or delete that row, knowing that the reminders and digests it records may be sent once more.',
  );
  expect(message).not.toMatch(/\b1 rows\b|\bwere\b|another key|moved to a sheet/);
});

test('several rows: in the plural, each reason with its own rows, and where rows of another spreadsheet can go', () => {
  const message = unreadableRowsProblem([notText(3, 'Key'), notText(4, 'Team member', 'Recipient'), otherKey(9)]);
  expect(message).toContain('Uptake cannot tell what 3 rows of the "Uptake sent" sheet record,');
  expect(message).toContain('pasted back or imported): row 3 (Key) and row 4 (Team member, Recipient).');
  expect(message).toContain('copied from another spreadsheet): row 9 (Key).');
  expect(message).toContain(
    'Or delete those rows, knowing that the reminders and digests they record may be sent once more.',
  );
  expect(message).toContain('Rows copied from another spreadsheet can instead be moved to a sheet of another name');
});

test(`at most ${ROWS_NAMED} rows named per reason, the others counted`, () => {
  const rows = Array.from({ length: ROWS_NAMED + 3 }, (_, i) => notText(i + 2, 'Key'));
  const listed = namedRows(rows);
  expect(listed.match(/row \d+ \(Key\)/g)).toHaveLength(ROWS_NAMED);
  expect(listed).toMatch(new RegExp(`^row 2 \\(Key\\), .*, row ${ROWS_NAMED + 1} \\(Key\\) and 3 more rows$`));
  expect(namedRows(rows.slice(0, ROWS_NAMED + 1))).toMatch(/ and 1 more row$/);
  expect(namedRows(rows.slice(0, ROWS_NAMED))).toMatch(
    new RegExp(`, row ${ROWS_NAMED} \\(Key\\) and row ${ROWS_NAMED + 1} \\(Key\\)$`),
  );
  expect(unreadableRowsProblem(rows)).toContain('13 rows of the "Uptake sent" sheet record');
});

test('the index says it as its recording problem; with no unreadable row it has none', () => {
  const tags = new KeyedTags('7'.repeat(64));
  const rows = [otherKey(5)];
  expect(new SentIndex([], tags, rows).recordingProblem).toBe(unreadableRowsProblem(rows));
  expect(new SentIndex([], tags, rows).unreadable).toBe(1);
  expect(new SentIndex([], tags).recordingProblem).toBeNull();
});
