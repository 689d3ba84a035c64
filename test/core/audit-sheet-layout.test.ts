// The pure part of the audit sheet: how the tables become one block of values and formats.
import { auditTables } from '../../src/core/audit/audit-table';
import { auditSheetLayout, writtenNotice } from '../../src/core/audit/sheet-layout';
import { TEXT_FORMAT } from '../../src/core/base/cell-formats';
import { audit, runsOf } from './fixtures';

const AS_OF = '2026-03-15';
const result = audit(
  [
    ...runsOf('Ana', 4, AS_OF),
    ...runsOf('+1 Ben', 2, AS_OF, { workflow: '=HYPERLINK("http://x")' }),
    { date: AS_OF, member: '-Cleo', outcome: 'Not used' },
  ],
  { asOf: AS_OF, roster: [{ name: 'Ana' }, { name: '+1 Ben' }, { name: '-Cleo' }, { name: 'Dee' }] },
);
const layout = auditSheetLayout(result, 'NOTICE');

describe('auditSheetLayout', () => {
  test('values, formats and font weights are one rectangle of the same shape', () => {
    expect(layout.values.length).toBeGreaterThan(10);
    for (const grid of [layout.values, layout.formats, layout.fontWeights]) {
      expect(grid).toHaveLength(layout.values.length);
      for (const row of grid) expect(row).toHaveLength(layout.width);
    }
  });

  test('every text cell is plain text and every number cell a number format', () => {
    layout.values.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (typeof cell === 'string') expect(layout.formats[r][c]).toBe(TEXT_FORMAT);
        else expect(['0', '0.0', '0%']).toContain(layout.formats[r][c]);
      }),
    );
  });

  test('names and workflows that look like formulas are written as text', () => {
    const cells = layout.values.flatMap((row, r) => row.map((value, c) => ({ value, format: layout.formats[r][c] })));
    for (const text of ['+1 Ben', '-Cleo', '=HYPERLINK("http://x")']) {
      const found = cells.filter((cell) => cell.value === text);
      expect(found.length).toBeGreaterThan(0);
      for (const cell of found) expect(cell.format).toBe(TEXT_FORMAT);
    }
  });

  test('the notice is the first row, then the headline', () => {
    expect(layout.values[0][0]).toBe('NOTICE');
    expect(layout.values[1][0]).toBe(result.headline);
    expect(layout.fontWeights[0][0]).toBe('bold');
  });

  test('each table sits where its place says: header row, then its data rows', () => {
    for (const table of auditTables(result)) {
      const place = layout.tables[table.id];
      const header = layout.values[place.headerRow - 1].slice(0, table.columns.length);
      expect(header).toEqual(table.columns.map((c) => c.label));
      expect(layout.fontWeights[place.headerRow - 1][0]).toBe('bold');
      expect(place.dataRows).toBe(table.rows.length);
      table.rows.forEach((row, i) => {
        expect(layout.values[place.headerRow + i].slice(0, row.length)).toEqual(
          row.map((cell) => (cell === null ? '–' : cell)),
        );
      });
    }
  });
});

describe('writtenNotice', () => {
  test('gives the date and time in the spreadsheet zone and says the sheet is re-created', () => {
    const notice = writtenNotice(Date.parse('2026-03-15T23:30:00Z'), 'Europe/Paris');
    expect(notice).toBe(
      'Written by Uptake on 2026-03-16 at 00:30 (Europe/Paris): re-created at every run; edits here are lost.',
    );
  });
});
