// Import usage export (spec §15) through the BUILT bundle in the in-memory Apps Script: the file
// goes as-is, as text, into a new sheet named after its tool and period, which the dashboard then
// reads; a refused file, a busy lock or a full spreadsheet leave the spreadsheet as it was.
import { roleTeam, OWNER, world, type Fake } from '../roles/support';
import { auditOf } from '../support/dashboard';

const DAILY = [
  'Email,Date,Tool,Count,Notes',
  'ana@example.com,2026-03-02,Gemini,3,=HYPERLINK("http://evil.example";"x")',
  'ana@example.com,2026-03-03,Gemini,2,+1 call',
  'ben@example.com,2026-03-04,Gemini,1,-2 dashes',
  'ben@example.com,2026-03-09,Gemini,lots,@mention',
  'stranger@other.example,2026-03-15,Gemini,4,',
].join('\r\n');

const importFile = (fake: Fake, fileName: string, text: string) =>
  fake.bundle.$run('importUsageExport', [{ fileName, text }], { user: OWNER });

function dashboardUsage(fake: Fake) {
  const data = fake.bundle.$run('getDashboard', [{ asOf: '2026-03-15', weeks: 4 }], { user: OWNER });
  return auditOf(data).usage;
}

describe('Import usage export', () => {
  test('writes the file as-is, every cell text (no formula), into a new sheet the dashboard reads', () => {
    const fake = roleTeam();
    const result = importFile(fake, 'gemini-march.csv', DAILY);
    expect(result.sheet).toBe('Gemini usage 2026-03-02–2026-03-15');
    expect(result.message).toBe(
      'Imported gemini-march.csv into the new sheet "Gemini usage 2026-03-02–2026-03-15": 4 rows of Gemini from 2–15 Mar. ' +
        '1 row could not be read: the Usage section lists them.',
    );
    const sheet = fake.gas.spreadsheet.getSheetByName(result.sheet)!;
    const range = sheet.getRange(1, 1, 6, 5);
    expect(range.getValues()).toEqual(DAILY.split('\r\n').map((line) => line.split(/,(?![^"]*"\))/)));
    expect(fake.gas.inspect.formulaCells().filter((cell) => cell.sheet === result.sheet)).toEqual([]);
    expect(
      range
        .getNumberFormats()
        .flat()
        .every((f) => f === '@'),
    ).toBe(true);
    // The last of the spreadsheet's sheets: the team's own keep their places.
    expect(fake.gas.spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Log', 'Roster', result.sheet]);

    const usage = dashboardUsage(fake)!;
    expect(usage.sources).toEqual([
      expect.objectContaining({ source: result.sheet, tool: 'Gemini', rows: 4, from: '2026-03-02', to: '2026-03-15' }),
    ]);
    expect(usage.skippedUsageRows).toEqual([{ source: result.sheet, row: 5, reason: 'count: "lots" is not a number' }]);
    expect(usage.notOnRoster.map((n) => n.key)).toEqual(['stranger@other.example']);
  });

  test('a tool-less file is named after the file, and its tool reads back without the period', () => {
    const fake = roleTeam();
    const text = 'Email,Date\nana@example.com,2026-03-09\nana@example.com,2026-03-10\n';
    const first = importFile(fake, 'claude-code.csv', text);
    // Another export of the same days (another count of the same tool), not the same file again.
    const second = importFile(
      fake,
      'claude-code.csv',
      text.replace('2026-03-10', '2026-03-10\nben@example.com,2026-03-10'),
    );
    expect([first.sheet, second.sheet]).toEqual([
      'claude-code usage 2026-03-09–2026-03-10',
      'claude-code usage 2026-03-09–2026-03-10 (2)',
    ]);
    expect(dashboardUsage(fake)!.sources.map((s) => s.tool)).toEqual(['claude-code', 'claude-code']);
  });

  test('the same export again is refused, naming the sheet that holds it', () => {
    const fake = roleTeam();
    const first = importFile(fake, 'gemini-march.csv', DAILY);
    const before = world(fake);
    expect(() => importFile(fake, 'gemini-march.csv', DAILY)).toThrow(
      `gemini-march.csv is the same export, row for row, as the sheet "${first.sheet}", which Uptake already reads; a second copy would count every use twice. Nothing was imported.`,
    );
    expect(world(fake)).toBe(before);
  });

  test('the same export on two sheets is read once, the second listed as a duplicate of the first', () => {
    const fake = roleTeam();
    const first = importFile(fake, 'gemini-march.csv', DAILY);
    const once = dashboardUsage(fake)!;
    // Sheets' own File › Import: the same rows, dates and counts typed as Sheets types them.
    const rows = DAILY.split('\r\n').map((line) => line.split(/,(?![^"]*"\))/));
    const typed = rows.map((r, i) =>
      i === 0 ? r : [r[0], new Date(`${r[1]}T00:00:00Z`), r[2], Number(r[3]) || r[3], r[4]],
    );
    fake.gas.addSheet('gemini-march', typed);
    const usage = dashboardUsage(fake)!;
    expect(usage.sources.map((s) => s.source)).toEqual([first.sheet]);
    expect(usage.periods).toEqual(once.periods);
    expect(usage.usageAdopters).toEqual(once.usageAdopters);
    expect(usage.refused).toEqual([
      {
        source: 'gemini-march',
        duplicateOf: first.sheet,
        message: `gemini-march: duplicate of ${first.sheet} (the same export, row for row), so it is read once, as ${first.sheet}. Delete one of the two.`,
      },
    ]);
  });

  test.each([
    [
      'no known shape',
      'notes.csv',
      'Name,Hours\nAna,3\n',
      /^notes\.csv is not a usage export Uptake can read: its columns are "Name", "Hours"\. Uptake reads these shapes.* Nothing was imported\.$/,
    ],
    [
      'concealed names',
      'copilot.csv',
      'Report Refresh Date,User Principal Name,Last activity date,Report Period\n2026-03-15,0123456789abcdef0123456789abcdef,2026-03-10,7\n',
      /^copilot\.csv: the user column holds concealed names/,
    ],
    [
      'not CSV',
      'broken.csv',
      'Email,Date\n"ana@example.com,2026-03-09\n',
      /^broken\.csv is not CSV Uptake can read: Line 2/,
    ],
  ])('%s: refused with what to do, and nothing written', (_what, fileName, text, message) => {
    const fake = roleTeam();
    const before = world(fake);
    expect(() => importFile(fake, fileName, text)).toThrow(message);
    expect(world(fake)).toBe(before);
  });

  test('a spreadsheet without room for the file (10 million cells): refused before any sheet is made', () => {
    const fake = roleTeam();
    // 382,000 rows of 26 columns, beside the log's and the roster's 26,000 cells each: 9,984,000.
    const big = fake.gas.spreadsheet.insertSheet('Archive');
    big.insertRowsAfter(1000, 381_000);
    const before = world(fake);
    expect(() => importFile(fake, 'gemini-march.csv', DAILY)).toThrow(
      'gemini-march.csv needs 26,000 cells and this spreadsheet already has 9,984,000 of the 10,000,000 a spreadsheet holds',
    );
    expect(world(fake)).toBe(before);
  });

  test('a write that fails half-way takes its new sheet away again', () => {
    // Room for the new sheet's first 1,000 rows, not for the 2,000 the file needs.
    const fake = roleTeam({}, { cellLimit: 52_000 + 26_000 + 100 });
    const rows = Array.from(
      { length: 1999 },
      (_, i) => `ana@example.com,2026-03-${String((i % 14) + 1).padStart(2, '0')}`,
    );
    const before = world(fake);
    expect(() => importFile(fake, 'long.csv', ['Email,Date', ...rows].join('\n'))).toThrow(
      /^long\.csv could not be written \(This action would increase the number of cells.*\)\. Nothing was imported\.$/,
    );
    expect(world(fake)).toBe(before);
  });

  test('another run holding the lock: refused, nothing written', () => {
    const fake = roleTeam();
    fake.gas.locks.holdElsewhere('document');
    const before = world(fake);
    expect(() => importFile(fake, 'gemini-march.csv', DAILY)).toThrow(
      /^Another Uptake action is writing.*Nothing was imported\.$/,
    );
    expect(world(fake)).toBe(before);
  });

  test('arguments of the wrong type are named', () => {
    const fake = roleTeam();
    expect(() => fake.bundle.$run('importUsageExport', [{ fileName: 'a.csv', text: 42 }], { user: OWNER })).toThrow(
      "The file's text must be a text, but the page sent the number 42. Reload the sidebar and try again.",
    );
  });
});
