import fc from 'fast-check';
import { CsvError, csvField, parseCsv, spreadsheetSafeCell, toCsv } from '../../local/csv';

describe('parseCsv (RFC 4180, as Sheets downloads a tab)', () => {
  test('splits records on CRLF and LF, fields on commas, and keeps empty fields', () => {
    expect(parseCsv('a,b,c\r\n1,,3\n,,\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
      ['', '', ''],
    ]);
  });

  test('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'Date,Notes\r\n2026-03-02,"Sent to ""Acme"", same day"\r\n2026-03-03,"two\r\nlines\nhere"\r\n';
    expect(parseCsv(text)).toEqual([
      ['Date', 'Notes'],
      ['2026-03-02', 'Sent to "Acme", same day'],
      ['2026-03-03', 'two\r\nlines\nhere'],
    ]);
  });

  test('keeps record numbers equal to sheet rows when a quoted field spans lines', () => {
    const records = parseCsv('title\n"a\nb\nc",x\nthird\n');
    expect(records.length).toBe(3);
    expect(records[2]).toEqual(['third']);
  });

  test('drops a byte-order mark at the start, and only there', () => {
    expect(parseCsv('\uFEFFDate,Team member\n')).toEqual([['Date', 'Team member']]);
    expect(parseCsv('x,\uFEFFy')).toEqual([['x', '\uFEFFy']]);
  });

  test('a file without a final line break still yields its last record', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('"q"')).toEqual([['q']]);
    expect(parseCsv('a,""')).toEqual([['a', '']]);
  });

  test('an empty file has no records; a blank line in the middle is a blank row', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFF')).toEqual([]);
    expect(parseCsv('a\n\nb\n')).toEqual([['a'], [''], ['b']]);
  });

  test('keeps spaces and a stray quote inside an unquoted field as typed', () => {
    expect(parseCsv(' Ana , 5" screen\n')).toEqual([[' Ana ', ' 5" screen']]);
  });

  test('keeps text that looks like a formula as text', () => {
    expect(parseCsv('=SUM(A1:A2),+1,-2,@x\n')).toEqual([['=SUM(A1:A2)', '+1', '-2', '@x']]);
  });

  test('an unclosed quote is an error naming the line where the field starts', () => {
    let error: unknown;
    try {
      parseCsv('a,b\n1,"open\nstill open\n');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvError);
    expect((error as CsvError).line).toBe(2);
    expect((error as CsvError).message).toMatch(/^Line 2: a quoted field is never closed/);
  });

  test('text after a closing quote is an error naming the line', () => {
    expect(() => parseCsv('a\n"x"y,z\n')).toThrow(/^Line 2: text follows the closing quote/);
    expect(() => parseCsv('"a\nb"c')).toThrow(/^Line 2: /);
  });

  test('csvField quotes only what needs quoting', () => {
    expect(['plain', 'a,b', 'say "hi"', 'two\nlines', ' lead', ''].map(csvField)).toEqual([
      'plain',
      '"a,b"',
      '"say ""hi"""',
      '"two\nlines"',
      '" lead"',
      '',
    ]);
    expect(
      toCsv([
        ['a', 'b'],
        ['1', '2,3'],
      ]),
    ).toBe('a,b\r\n1,"2,3"\r\n');
  });

  test('toCsv then parseCsv gives back any table of text (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r', '\r\n', 'é', '=', '\uFEFF') });
    // A record of one empty field is written as an empty line and read back as a blank row.
    const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(table, (rows) => {
        expect(parseCsv(toCsv(rows))).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });
});

describe('spreadsheetSafeCell', () => {
  test.each([
    ['=IMPORTXML("http://x","//a")', `'=IMPORTXML("http://x","//a")`],
    ['+1 555', "'+1 555"],
    ['-Dee', "'-Dee"],
    ['@Eve', "'@Eve"],
    ['-0.25', '-0.25'],
    ['+3', '+3'],
    ['Ana', 'Ana'],
    ['', ''],
  ])('%p is written as %p', (cell, written) => {
    expect(spreadsheetSafeCell(cell)).toBe(written);
  });
});
