import { FORMULA_MARKER, createFakeGas, type FakeGas } from '../../packages/fake-apps-script';

function setup(): { fake: FakeGas; sheet: GoogleAppsScript.Spreadsheet.Sheet } {
  const fake = createFakeGas({ timeZone: 'Europe/Paris' });
  fake.addSheet('Log', [
    ['Date', 'Workflow', 'Outcome'],
    [new Date('2026-03-02T09:00:00Z'), 'triage', 'accepted'],
    ['', 'summaries', ''],
  ]);
  const ss = fake.globals.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName('Log');
  if (!sheet) throw new Error('no sheet');
  return { fake, sheet };
}

describe('Range.setValues dimension checks', () => {
  it('rejects a wrong row count with the Apps Script message', () => {
    const { sheet } = setup();
    expect(() =>
      sheet.getRange(1, 1, 3, 2).setValues([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
  });

  it('rejects a wrong column count in any row, and writes nothing', () => {
    const { fake, sheet } = setup();
    expect(() => sheet.getRange(5, 1, 2, 2).setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(fake.sheet('Log').getLastRow()).toBe(3);
  });

  it('accepts an exact fit and grows getLastRow/getLastColumn', () => {
    const { fake, sheet } = setup();
    sheet.getRange(4, 2, 1, 3).setValues([['a', 'b', 'c']]);
    expect(sheet.getLastRow()).toBe(4);
    expect(sheet.getLastColumn()).toBe(4);
    expect(fake.sheetValues('Log')[3]).toEqual(['', 'a', 'b', 'c']);
  });
});

describe('Range.getValues', () => {
  it('returns a deep copy: blanks as "", dates as Date', () => {
    const { sheet } = setup();
    const values = sheet.getRange('A2:C3').getValues();
    expect(values[0][0]).toBeInstanceOf(Date);
    expect((values[0][0] as Date).toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect(values[1]).toEqual(['', 'summaries', '']);
    values[1][1] = 'changed';
    (values[0][0] as Date).setFullYear(1999);
    expect(sheet.getRange('A2:C3').getValues()[1][1]).toBe('summaries');
    expect((sheet.getRange('A2').getValues()[0][0] as Date).getUTCFullYear()).toBe(2026);
  });

  it('does not alias the array that was written', () => {
    const { sheet } = setup();
    const row = ['x', 'y'];
    sheet.getRange('E1:F1').setValues([row]);
    row[0] = 'mutated';
    expect(sheet.getRange('E1').getValues()[0][0]).toBe('x');
  });
});

describe('formulas versus text', () => {
  it('stores a string starting with = as a formula', () => {
    const { fake, sheet } = setup();
    sheet.getRange('D2').setValues([['=HYPERLINK("http://x")']]);
    expect(fake.inspect.formulas('Log', 'D2')).toEqual([['=HYPERLINK("http://x")']]);
    expect(sheet.getRange('D2').getValues()[0][0]).toBe(FORMULA_MARKER);
    expect(fake.inspect.formulaCells()).toEqual([
      expect.objectContaining({ sheet: 'Log', a1: 'D2', formula: '=HYPERLINK("http://x")' }),
    ]);
  });

  it('stores it as text in a cell formatted as plain text (@)', () => {
    const { fake, sheet } = setup();
    const cell = sheet.getRange('D3');
    cell.setNumberFormat('@');
    cell.setValues([['=1+1']]);
    expect(fake.inspect.formulas('Log', 'D3')).toEqual([['']]);
    expect(cell.getValues()[0][0]).toBe('=1+1');
    expect(fake.inspect.formulaCells()).toEqual([]);
  });

  it('stores it as text after a leading apostrophe, without the apostrophe', () => {
    const { fake, sheet } = setup();
    sheet.getRange('D4').setValues([["'=cmd|' /C calc'!A0"]]);
    expect(sheet.getRange('D4').getValues()[0][0]).toBe("=cmd|' /C calc'!A0");
    expect(fake.inspect.formulaCells()).toEqual([]);
  });

  it('parses typed-looking strings as Sheets does, but not in @ cells', () => {
    const { sheet } = setup();
    sheet.getRange('F1:F4').setValues([['007'], ['TRUE'], ['12%'], ['2026-03-01']]);
    const v = sheet
      .getRange('F1:F4')
      .getValues()
      .map((r) => r[0]);
    expect(v[0]).toBe(7);
    expect(v[1]).toBe(true);
    expect(v[2]).toBeCloseTo(0.12);
    expect(v[3]).toBeInstanceOf(Date);
    // Midnight in the spreadsheet's zone (Paris, UTC+1 in March).
    expect((v[3] as Date).toISOString()).toBe('2026-02-28T23:00:00.000Z');
    sheet
      .getRange('G1')
      .setNumberFormat('@')
      .setValues([['007']]);
    expect(sheet.getRange('G1').getValues()[0][0]).toBe('007');
  });
});

describe('number formats and display values', () => {
  it('keeps one format per cell', () => {
    const { fake, sheet } = setup();
    sheet.getRange('H1:H2').setNumberFormats([['0.00'], ['yyyy-mm-dd']]);
    sheet.getRange('H1:H2').setValues([[3.14159], [new Date('2026-03-02T09:00:00Z')]]);
    expect(sheet.getRange('H1:H2').getNumberFormats()).toEqual([['0.00'], ['yyyy-mm-dd']]);
    expect(fake.inspect.displayValues('Log').map((row) => row[7])).toEqual(['3.14', '2026-03-02', '']);
    expect(fake.inspect.numberFormat('Log', 'H3')).toBe('General');
  });

  it('formats percentages and grouped numbers', () => {
    const { fake, sheet } = setup();
    sheet
      .getRange('I1:I2')
      .setNumberFormats([['0%'], ['#,##0']])
      .setValues([[0.734], [1234567]]);
    expect(fake.inspect.displayValues('Log').map((row) => row[8])).toEqual(['73%', '1,234,567', '']);
  });
});

describe('data validation', () => {
  it('records criteria per cell and reads them back', () => {
    const { fake, sheet } = setup();
    const app = fake.globals.SpreadsheetApp;
    const rule = app
      .newDataValidation()
      .requireValueInList(['accepted', 'edited', 'rejected'], true)
      .setAllowInvalid(false)
      .setHelpText('Pick one')
      .build();
    sheet.getRange('C2:C10').setDataValidation(rule);
    expect(sheet.getRange('C5').getDataValidation()).not.toBeNull();
    expect(fake.inspect.validation('Log', 'C3')).toEqual({
      criteria: 'VALUE_IN_LIST',
      values: [['accepted', 'edited', 'rejected'], true],
      allowInvalid: false,
      helpText: 'Pick one',
    });
    expect(sheet.getRange('C11').getDataValidation()).toBeNull();
    sheet.getRange('C5').setDataValidation(null);
    expect(fake.inspect.validation('Log', 'C5')).toBeNull();
    expect(fake.inspect.validation('Log', 'C6')).not.toBeNull();
  });

  it('rejects a whole write that breaks a reject-input rule', () => {
    const { fake, sheet } = setup();
    const rule = fake.globals.SpreadsheetApp.newDataValidation()
      .requireValueInList(['yes', 'no'])
      .setAllowInvalid(false)
      .build();
    sheet.getRange('J1:J2').setDataValidation(rule);
    expect(() => sheet.getRange('J1:J2').setValues([['yes'], ['maybe']])).toThrow(
      'The data you entered in cell J2 violates the data validation rules set on this cell.',
    );
    expect(sheet.getRange('J1').getValues()[0][0]).toBe('');
  });

  it('keeps a checkbox rule to TRUE and FALSE', () => {
    const { fake, sheet } = setup();
    const rule = fake.globals.SpreadsheetApp.newDataValidation().requireCheckbox().setAllowInvalid(false).build();
    sheet.getRange('K1:K2').setDataValidation(rule);
    sheet.getRange('K1:K2').setValues([[true], [false]]);
    expect(sheet.getRange('K1:K2').getValues()).toEqual([[true], [false]]);
    expect(fake.inspect.validation('Log', 'K2')?.criteria).toBe('CHECKBOX');
    expect(() => sheet.getRange('K2').setValues([['maybe']])).toThrow(/violates the data validation rules/);
  });
});

describe('ranges and sheets', () => {
  it('checks coordinates like Apps Script', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(
      sheet
        .getRange('B2:C4')
        .getValues()
        .map((row) => row.length),
    ).toEqual([2, 2, 2]);
    expect(sheet.getRange('A:A').getValues()).toHaveLength(sheet.getMaxRows());
  });

  it('a row a person appends lands after the last row and grows the sheet past its maximum', () => {
    const fake = createFakeGas();
    const sheet = fake.addSheet('Tiny');
    fake.user.deleteRows('Tiny', 2, 999);
    expect(sheet.getMaxRows()).toBe(1);
    fake.user.appendRow('Tiny', ['a']);
    fake.user.appendRow('Tiny', ['b', 2]);
    expect(fake.sheetValues('Tiny')).toEqual([
      ['a', ''],
      ['b', 2],
    ]);
    expect(sheet.getMaxRows()).toBe(2);
  });

  it('inserts, names and deletes sheets with the real errors', () => {
    const fake = createFakeGas();
    const ss = fake.globals.SpreadsheetApp.getActiveSpreadsheet();
    const s = ss.insertSheet('Roster', 0);
    expect(ss.getSheets().map((x) => x.getName())).toEqual(['Roster', 'Sheet1']);
    expect(ss.getActiveSheet().getName()).toBe('Roster');
    expect(() => ss.insertSheet('Roster')).toThrow(
      'A sheet with the name "Roster" already exists. Please enter another name.',
    );
    ss.deleteSheet(s);
    expect(() => ss.deleteSheet(ss.getSheets()[0])).toThrow("You can't remove all the sheets in a document.");
  });

  it('records the selection made from a sidebar', () => {
    const { fake, sheet } = setup();
    sheet.getRange('A3:C3').activate();
    expect(fake.inspect.selection()).toEqual({ sheet: 'Log', a1: 'A3:C3' });
  });

  it('records charts built with the builder', () => {
    const { fake, sheet } = setup();
    const charts = fake.globals.Charts;
    const chart = sheet
      .newChart()
      .setChartType(charts.ChartType.COLUMN)
      .addRange(sheet.getRange('A1:B3'))
      .setPosition(2, 5, 0, 0)
      .setOption('title', 'Adoption')
      .build();
    sheet.insertChart(chart);
    expect(fake.inspect.charts('Log')).toEqual([
      {
        id: expect.any(Number),
        type: 'COLUMN',
        ranges: ['Log!A1:B3'],
        position: { row: 2, col: 5, offsetX: 0, offsetY: 0 },
        options: { title: 'Adoption' },
      },
    ]);
  });
});
