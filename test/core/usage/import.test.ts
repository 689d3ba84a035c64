// Import usage export (spec §15), the pure part: what a file must be, and the sheet it goes to.
import { IMPORT_MAX_CHARS, planUsageImport, UsageImportRefused } from '../../../src/core/usage/import';
import { fileStem, importedSheetName, toolOfSourceName } from '../../../src/core/usage/names';
import { readUsageSource } from '../../../src/core/usage/read';
import { UTC } from '../fixtures';

const CHATGPT = [
  'cadence,period_start,period_end,name,email,messages',
  'weekly,2026-11-02,2026-11-08,Ana,ana@x.example,12',
  'weekly,2026-11-16,2026-11-22,Ana,ana@x.example,=HYPERLINK("http://evil.example")',
  'weekly,2026-11-23,2026-11-29,Ana,ana@x.example,5',
].join('\r\n');

describe('planUsageImport', () => {
  test('a ChatGPT report: named after the tool and its first to last day, every cell kept as the file has it', () => {
    const plan = planUsageImport('chatgpt-nov.csv', CHATGPT, ['Log', 'Roster'], UTC);
    expect(plan.sheetName).toBe('ChatGPT usage 2026-11-02–2026-11-29');
    expect(plan.width).toBe(6);
    expect(plan.rows).toHaveLength(4);
    expect(plan.rows[2][5]).toBe('=HYPERLINK("http://evil.example")');
    // The formula-looking count is no number: the reader will skip that row, and says so.
    expect(plan.skipped).toBe(1);
    expect(plan.summary).toMatchObject({ format: 'chatgpt', tool: 'ChatGPT', rows: 2 });
  });

  test('a daily file without a Tool column is named after the file, and reads back as that tool', () => {
    const text = 'Email,Date\nana@x.example,2026-11-03\nana@x.example,2026-11-10,extra\n';
    const plan = planUsageImport('C:\\exports\\gemini-daily.CSV', text, [], UTC);
    expect(plan.sheetName).toBe('gemini-daily usage 2026-11-03–2026-11-10');
    // Short rows are padded to the widest: a rectangle for one setValues.
    expect(plan.rows.map((r) => r.length)).toEqual([3, 3, 3]);
    const again = readUsageSource(plan.sheetName, plan.rows, new Map(), UTC);
    expect(again.summary.tool).toBe('gemini-daily');
  });

  test('a name already taken, in any case, gets (2), then (3)', () => {
    const taken = ['chatgpt usage 2026-11-02–2026-11-29', 'ChatGPT usage 2026-11-02–2026-11-29 (2)'];
    expect(planUsageImport('x.csv', CHATGPT, taken, UTC).sheetName).toBe('ChatGPT usage 2026-11-02–2026-11-29 (3)');
    expect(toolOfSourceName('ChatGPT usage 2026-11-02–2026-11-29 (3)')).toBe('ChatGPT');
  });

  test.each([
    [
      'no known shape: its columns and the shapes accepted',
      'Name,Hours\nAna,3\n',
      /^notes\.csv is not a usage export Uptake can read: its columns are "Name", "Hours"\. Uptake reads these shapes.*daily \(Email, Date.*ChatGPT Enterprise.*periods.*Microsoft 365 Copilot.* Nothing was imported\.$/,
    ],
    ['an empty file', '', /^notes\.csv is not a usage export Uptake can read: its columns are none \(it is empty\)/],
    [
      'concealed names: how to turn concealment off',
      'Report Refresh Date,User Principal Name,Last activity date,Report Period\n2026-11-29,0123456789abcdef0123456789abcdef,2026-11-20,7\n',
      /^notes\.csv: the user column holds concealed names .*Settings › Org settings › Services › Reports.* Nothing was imported\.$/,
    ],
    [
      'a quote never closed',
      'Email,Date\n"ana@x.example,2026-11-03\n',
      /^notes\.csv is not CSV Uptake can read: Line 2: a quoted field is never closed.* Nothing was imported\.$/,
    ],
    [
      'a cell longer than a Sheets cell',
      `Email,Date,Notes\nana@x.example,2026-11-03,${'x'.repeat(50_001)}\n`,
      /^notes\.csv, row 2, column C: the cell holds 50,001 characters, and a Google Sheets cell holds at most 50,000\. Nothing was imported\.$/,
    ],
  ])('refused, %s', (_what, text, message) => {
    expect(() => planUsageImport('notes.csv', text, [], UTC)).toThrow(UsageImportRefused);
    expect(() => planUsageImport('notes.csv', text, [], UTC)).toThrow(message);
  });

  test('a file over the size Import takes is refused before it is read', () => {
    const text = 'x'.repeat(IMPORT_MAX_CHARS + 1);
    expect(() => planUsageImport('huge.csv', text, [], UTC)).toThrow(
      /^huge\.csv is 20,000,001 characters long; Import takes files up to 20,000,000\./,
    );
  });
});

describe('names', () => {
  test('file stems', () => {
    expect(fileStem('chatgpt-nov.csv')).toBe('chatgpt-nov');
    expect(fileStem('/tmp/a/b.txt')).toBe('b');
    expect(fileStem('.csv')).toBe('Usage export');
  });

  test('a long tool is cut so that the name stays within 100 characters, with its period whole', () => {
    const name = importedSheetName('T'.repeat(150), '2026-11-02', '2026-11-29', []);
    expect(name).toHaveLength(100);
    expect(name.endsWith(' usage 2026-11-02–2026-11-29')).toBe(true);
  });

  test('without readable days, the tool alone; a sheet the team named itself keeps its whole name as the tool', () => {
    expect(importedSheetName('Claude', null, null, ['Claude usage'])).toBe('Claude usage (2)');
    expect(toolOfSourceName('Claude usage')).toBe('Claude usage');
    expect(toolOfSourceName('Claude usage Nov')).toBe('Claude usage Nov');
  });
});

describe('one file, one tool', () => {
  test('a tool-less file given to the local run, the sheet Import writes it into, and that sheet read back name the same tool', () => {
    const text = 'Email,Period start,Period end,Active days\nana@x.example,2026-11-16,2026-11-22,3\n';
    const rows = text
      .trim()
      .split('\n')
      .map((line) => line.split(','));
    const plan = planUsageImport('gemini-periods.csv', text, [], UTC);
    const localRun = readUsageSource('gemini-periods.csv', rows, new Map(), UTC).summary.tool;
    const sheet = readUsageSource(plan.sheetName, rows, new Map(), UTC).summary.tool;
    expect([plan.summary.tool, localRun, sheet]).toEqual(['gemini-periods', 'gemini-periods', 'gemini-periods']);
    expect(toolOfSourceName('Claude.TXT')).toBe('Claude');
  });
});
