// The sent sheet's rows as a run reads them: a row's Key and tags count only as the text Uptake
// wrote (every version writes the sheet as text). A cell Sheets read as a number, when rows were
// pasted back or imported as typed input, makes its row unreadable, never a row without a key.
import { readSentSheet } from '../../src/core/programme/sent-records';
import { SENT_HEADERS } from '../../src/core/programme/sent-row';
import { KeyedTags } from '../../src/core/programme/sent-tags';
import { memberKey } from '../../src/core/base/text';
import { isoToDay } from '../../src/core/base/dates';

const tags = new KeyedTags('7'.repeat(64));
const at = (name: string) => SENT_HEADERS.indexOf(name);
const DAY_SEVEN = 'Day-seven follow-up';
const fen = { key: memberKey('Fen Li'), email: null };

/** Fen's day-seven row as the version with tags but clear dates and notes wrote it. */
function taggedOnlyRow(): unknown[] {
  return [
    '2026-03-10 08:10',
    tags.member(DAY_SEVEN, fen.key),
    DAY_SEVEN,
    tags.recipient(`${DAY_SEVEN}|${fen.key}`, 'owner@acme.test'),
    '2026-03-09',
    '2026-03-02',
    '',
    '',
    tags.taggedOnlyFingerprint,
  ];
}

function read(row: unknown[]) {
  const sheet = readSentSheet([SENT_HEADERS, row], 'UTC', tags);
  return {
    recorded: sheet.index.hasMilestone(fen, 7, isoToDay('2026-03-02')!),
    unreadable: sheet.index.unreadable,
  };
}

test('a row as that version wrote it, as text, records Fen’s day-seven follow-up', () => {
  expect(read(taggedOnlyRow())).toEqual({ recorded: true, unreadable: 0 });
});

test.each([
  ['its Key a number too large to hold (what the in-memory Sheets makes of "6e885545")', 'Key', Infinity],
  ['its Key a number (a fingerprint "01234567" read as 1234567)', 'Key', 1234567],
  ['its Key a date', 'Key', new Date('2026-03-10T00:00:00Z')],
  ['a tag a number (a tag "1234567890123456" read as a number)', 'Team member', 1234567890123456],
  ['a tag a number too large to hold', 'Recipient', Infinity],
])('a row with %s is unreadable: a run sends nothing it would look up there', (_, column, value) => {
  const row = taggedOnlyRow();
  row[at(column)] = value;
  expect(read(row)).toEqual({ recorded: false, unreadable: 1 });
});

describe('the rows a run cannot read, named as the owner finds them', () => {
  const otherKey = new KeyedTags('8'.repeat(64));

  /** Fen's row written with `by`'s key (this version: everything but Date sent sealed). */
  function rowOf(by: KeyedTags): unknown[] {
    const row = taggedOnlyRow();
    row[at('Key')] = by === tags ? tags.taggedOnlyFingerprint : by.fingerprint;
    return row;
  }

  test('each by its sheet row (the header is row 1), why, and the columns at fault', () => {
    const numbers = rowOf(tags);
    numbers[at('Member email')] = 42;
    numbers[at('Team member')] = 123456;
    const values = [SENT_HEADERS, rowOf(tags), numbers, ['a note the owner typed'], rowOf(otherKey)];
    expect(readSentSheet(values, 'UTC', tags).index.unreadableRows).toEqual([
      { row: 3, reason: 'not-text', columns: ['Team member', 'Member email'] },
      { row: 5, reason: 'other-key', columns: ['Key'] },
    ]);
  });

  test('a column the owner moved is named by its header, where it now is', () => {
    const row = rowOf(tags);
    row[at('Recipient')] = 7;
    row[at('Key')] = 8;
    const moved = (cells: unknown[]) => [cells[cells.length - 1], ...cells.slice(0, -1)];
    expect(readSentSheet([moved(SENT_HEADERS), moved(row)], 'UTC', tags).index.unreadableRows).toEqual([
      { row: 2, reason: 'not-text', columns: ['Key', 'Recipient'] },
    ]);
  });

  test('a row without a key (an earlier version wrote names in clear) is read, whatever its cells hold', () => {
    const row = taggedOnlyRow();
    row[at('Key')] = '';
    row[at('Team member')] = 'Fen Li';
    row[at('Member email')] = 1234;
    expect(readSentSheet([SENT_HEADERS, row], 'UTC', tags).index.unreadableRows).toEqual([]);
  });
});
