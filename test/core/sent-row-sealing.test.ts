// The sealed cells of a sent-sheet row (rules §19): every one a fixed length whatever it holds,
// and read back with the key.
import { SENT_HEADERS, type SentRecord } from '../../src/core/programme/sent-row';
import { taggedRow, untaggedRows } from '../../src/core/programme/sent-row-sealing';
import { KeyedTags } from '../../src/core/programme/sent-tags';
import { utf8Bytes } from '../../src/core/base/text';

const tags = new KeyedTags('7'.repeat(64));
const record = (note: string, sentAt = '2026-03-25 08:10'): SentRecord => ({
  sentAt,
  member: 'Fen Li',
  milestone: 'Week-three check',
  recipient: 'b.coach@acme.test',
  dueDate: '2026-03-23',
  trainingDate: '2026-03-02',
  memberEmail: 'fen@acme.test',
  note,
});
const at = (name: string) => SENT_HEADERS.indexOf(name);
const people = { names: ['Fen Li'], emails: ['b.coach@acme.test', 'fen@acme.test'] };

describe('a row as the sheet holds it', () => {
  test('Date sent is sealed, and opens to the time it was sent', () => {
    const row = taggedRow(record(''), tags);
    expect(row[at('Date sent')]).toMatch(/^[0-9a-f]{32}$/);
    expect(untaggedRows([SENT_HEADERS, row], tags, people)[1][at('Date sent')]).toBe('2026-03-25 08:10');
  });

  test('a note longer than one block (a quoted MailApp error) is clipped to it: every sealed note is 256 bytes', () => {
    const error = `Not sent after 3 attempts: Service error: ${'Ünïcode détails '.repeat(30)}`;
    expect(utf8Bytes(error)).toBeGreaterThan(256);
    const [long, short] = [taggedRow(record(error), tags), taggedRow(record('Not needed'), tags)];
    expect(long[at('Note')]).toHaveLength(512);
    expect(short[at('Note')]).toHaveLength(512);
    const opened = untaggedRows([SENT_HEADERS, long], tags, people)[1][at('Note')];
    expect(utf8Bytes(opened)).toBeLessThanOrEqual(256);
    expect(opened.endsWith('…')).toBe(true);
    expect(error.startsWith(opened.slice(0, -1))).toBe(true);
  });
});
