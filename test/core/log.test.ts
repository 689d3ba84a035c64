import { d, rosterRows } from '../support/sheets';
import { parseLog, LOG_FIELDS, readOutcome, readPrompted, readEditTypes } from '../../src/core/sheets/log';
import { HeaderNotFoundError } from '../../src/core/sheets/header';
import { MemberDirectory, parseRoster } from '../../src/core/sheets/roster';
import { UTC, day } from './fixtures';

describe('finding the log header (spec §1)', () => {
  const canonical = ['date', 'team member', 'workflow', 'outcome'];

  // One case per accepted header name of every field of the table.
  for (const spec of LOG_FIELDS) {
    for (const name of spec.names) {
      test(`"${name}" is read as the ${spec.field} column`, () => {
        const header = [...canonical, 'edit type', 'prompted', 'notes'];
        const index = LOG_FIELDS.indexOf(spec);
        header[index] = name.toUpperCase().replace(' ', '  ');
        const values = [header, [d('2026-03-02'), 'Ana', 'Proposal', 'Used as-is', 'tone', 'yes', 'n']];
        const log = parseLog(values, UTC);
        expect(log.columns[spec.field]).toBe(index);
        expect(log.runs).toHaveLength(1);
      });
    }
  }

  test('columns may come in any order, with extra columns kept and ignored', () => {
    const values = [
      ['Extra', 'Outcome', 'Who', 'Task', 'Run date'],
      ['x', 'light edit', 'Ben', 'Summary', d('2026-03-03')],
    ];
    const log = parseLog(values, UTC);
    expect(log.runs[0]).toMatchObject({
      day: day('2026-03-03'),
      memberText: 'Ben',
      workflow: 'Summary',
      outcome: 'light',
      prompted: false,
    });
  });

  test('the header row may sit below title rows; row numbers stay the sheet rows', () => {
    const values = [
      ['AI adoption log — Q1', '', '', ''],
      ['', '', '', ''],
      ['Date', 'Member', 'Workflow', 'Outcome'],
      [d('2026-03-02'), 'Ana', 'Proposal', 'banana'],
    ];
    const log = parseLog(values, UTC);
    expect(log.headerRow).toBe(3);
    expect(log.skipped).toEqual([{ row: 4, reason: expect.stringContaining('"banana"') }]);
  });

  test('a log without the required headers names each missing one and the headers found', () => {
    const values = [['Date', 'Member', 'Notes']];
    expect(() => parseLog(values, UTC)).toThrow(HeaderNotFoundError);
    try {
      parseLog(values, UTC);
    } catch (error) {
      const e = error as HeaderNotFoundError;
      expect(e.missing).toEqual(['Workflow', 'Outcome']);
      expect(e.headersFound).toEqual(['Date', 'Member', 'Notes']);
      expect(e.message).toContain('Missing: Workflow');
      expect(e.message).toContain('"Notes"');
    }
  });

  test('two columns for one field: the preferred name wins and the choice is reported', () => {
    const values = [
      ['Timestamp', 'Date', 'Name', 'Workflow', 'Outcome'],
      [d('2026-03-09'), d('2026-03-02'), 'Ana', 'Proposal', 'used'],
    ];
    const log = parseLog(values, UTC);
    expect(log.columns.date).toBe(1);
    expect(log.runs[0].day).toBe(day('2026-03-02'));
    expect(log.notices[0].reason).toMatch(/Columns A and B .* reads column B/);
  });
});

describe('outcome spellings (spec §1)', () => {
  const table: [string, string[]][] = [
    ['as-is', ['used as-is', 'as-is', 'as is', 'used', 'no edit', 'accepted']],
    ['light', ['light edit', 'light', 'light edits', 'minor edit']],
    ['heavy', ['heavy edit', 'heavy', 'heavy edits', 'major edit']],
    ['not-used', ['not used', 'unused', 'discarded', 'rejected']],
  ];
  for (const [outcome, spellings] of table) {
    for (const spelling of spellings) {
      test(`"${spelling}" is ${outcome}, in any case, spacing or hyphenation`, () => {
        expect(readOutcome(spelling)).toBe(outcome);
        expect(readOutcome(`  ${spelling.toUpperCase()} `)).toBe(outcome);
        expect(readOutcome(spelling.replace(/ /g, '-'))).toBe(outcome);
        expect(readOutcome(spelling.replace(/-/g, ' '))).toBe(outcome);
      });
    }
  }
  test('anything else is not an outcome', () => {
    for (const value of ['great', 'usedd', '', 'light-ish', true, 3, null]) expect(readOutcome(value)).toBeNull();
  });
});

describe('edit types and prompted (spec §1)', () => {
  test('a cell may list several edit types separated by commas or semicolons', () => {
    expect(readEditTypes('tone, Missing Info; format')).toEqual({
      types: ['tone', 'missing info', 'format'],
      unknown: [],
    });
    expect(readEditTypes('wrong-info;scope')).toEqual({ types: ['wrong info', 'scope'], unknown: [] });
    expect(readEditTypes('tone, vibes')).toEqual({ types: ['tone'], unknown: ['vibes'] });
  });

  test.each([
    [true, true],
    ['yes', true],
    ['Y', true],
    ['TRUE', true],
    ['x', true],
    ['✓', true],
    [false, false],
    ['', false],
    ['no', false],
    ['N', false],
    ['false', false],
  ])('prompted %p reads as %p', (value, expected) => {
    expect(readPrompted(value)).toBe(expected);
  });

  test('an unreadable prompted value skips the row instead of guessing', () => {
    expect(readPrompted('maybe')).toBeNull();
    const log = parseLog(
      [
        ['Date', 'Member', 'Workflow', 'Outcome', 'Prompted'],
        [d('2026-03-02'), 'Ana', 'P', 'used', 'maybe'],
      ],
      UTC,
    );
    expect(log.runs).toHaveLength(0);
    expect(log.skipped[0]).toEqual({ row: 2, reason: expect.stringContaining('Prompted is "maybe"') });
  });

  test('an unknown edit type keeps the run and is reported', () => {
    const log = parseLog(
      [
        ['Date', 'Member', 'Workflow', 'Outcome', 'Edit type'],
        [d('2026-03-02'), 'Ana', 'P', 'light', 'tone, vibes'],
      ],
      UTC,
    );
    expect(log.runs[0].editTypes).toEqual(['tone']);
    expect(log.notices).toEqual([{ row: 2, reason: expect.stringContaining('"vibes"') }]);
  });
});

describe('skipped rows (spec §1): reported with the sheet row and the reason, never guessed', () => {
  const header = ['Date', 'Team member', 'Workflow', 'Outcome'];
  test.each([
    [['not a date', 'Ana', 'P', 'used'], /"not a date" is not a date/],
    [['', 'Ana', 'P', 'used'], /date is blank/],
    [[d('2026-03-02'), '', 'P', 'used'], /team member is blank/],
    [[d('2026-03-02'), '   ', 'P', 'used'], /team member is blank/],
    [[d('2026-03-02'), 'Ana', '', 'used'], /workflow is blank/],
    [[d('2026-03-02'), 'Ana', 'P', 'great'], /outcome "great" is not one of/],
    [[d('2026-03-02'), 'Ana', 'P', ''], /outcome is blank/],
    [[d('2026-03-02'), 42, 'P', 'used'], /team member is the number 42/],
    [[d('2026-03-02'), '12345', 'P', 'used'], /team member is the number 12345/],
    [[d('2026-03-02'), '#N/A', 'P', 'used'], /error #N\/A/],
    [['#REF!', 'Ana', 'P', 'used'], /error #REF!/],
  ])('row %p is skipped', (row, reason) => {
    const log = parseLog([header, row], UTC);
    expect(log.runs).toHaveLength(0);
    expect(log.skipped).toEqual([{ row: 2, reason: expect.stringMatching(reason) }]);
  });

  test('fully blank rows are ignored silently', () => {
    const log = parseLog([header, ['', '', '', ''], [d('2026-03-02'), 'Ana', 'P', 'used'], [' ', '', '', '']], UTC);
    expect(log.runs.map((r) => r.row)).toEqual([3]);
    expect(log.skipped).toEqual([]);
  });

  test('every reason of a row is given at once', () => {
    const log = parseLog([header, ['soon', '', 'P', 'meh']], UTC);
    expect(log.skipped[0].reason).toMatch(/not a date.*team member is blank.*outcome "meh"/);
  });
});

describe('members (spec §1)', () => {
  test('names match case-insensitively with surrounding and repeated spaces folded', () => {
    const log = parseLog(
      [
        ['Date', 'Member', 'Workflow', 'Outcome'],
        [d('2026-03-02'), 'Ana  Lima', 'P', 'used'],
        [d('2026-03-03'), ' ana lima ', 'P', 'used'],
      ],
      UTC,
    );
    expect(new Set(log.runs.map((r) => r.memberKey)).size).toBe(1);
    expect(log.names.get(log.runs[0].memberKey)).toBe('Ana Lima');
  });

  test('the roster maps an email to a name: both are the same person', () => {
    const roster = parseRoster(rosterRows([{ name: 'Ana Lima', email: 'ana@example.com' }]), UTC);
    const log = parseLog(
      [
        ['Date', 'Member', 'Workflow', 'Outcome'],
        [d('2026-03-02'), 'ANA@example.com', 'P', 'used'],
        [d('2026-03-03'), 'ana lima', 'P', 'used'],
      ],
      { ...UTC, directory: new MemberDirectory(roster.members) },
    );
    expect(log.runs.map((r) => r.memberKey)).toEqual(['ana lima', 'ana lima']);
  });
});

describe("a form's answers sheet (spec §1, §16)", () => {
  const roster = parseRoster(rosterRows([{ name: 'Ana Lima', email: 'ana@example.com' }]), UTC);
  const directory = new MemberDirectory(roster.members);

  test('Timestamp is the date-time of the run, counted on its day in the spreadsheet zone', () => {
    const log = parseLog(
      [
        ['Timestamp', 'Team member', 'Workflow', 'Outcome', 'Edit types', 'Prompted', 'Notes'],
        // 23:30 on 2 March in New York is 04:30 on 3 March in UTC.
        [new Date('2026-03-03T04:30:00Z'), 'Ana Lima', 'Proposal', 'Light edit', 'tone, missing info', 'Yes', ''],
      ],
      { timeZone: 'America/New_York', dateOrder: 'MDY', directory },
    );
    expect(log.skipped).toEqual([]);
    expect(log.runs[0]).toMatchObject({ day: day('2026-03-02'), editTypes: ['tone', 'missing info'], prompted: true });
  });

  test('with Email Address and a team member question, the answer is the member, without a notice', () => {
    const log = parseLog(
      [
        ['Timestamp', 'Email Address', 'Team member', 'Workflow', 'Outcome'],
        [d('2026-03-02'), 'someone.else@example.com', 'Ana Lima', 'Proposal', 'Used as-is'],
      ],
      { ...UTC, directory },
    );
    expect(log.columns.member).toBe(2);
    expect(log.notices).toEqual([]);
    expect(log.runs.map((r) => r.memberKey)).toEqual(['ana lima']);
  });

  test('with Email Address and no team member question, the email is the member, through the roster', () => {
    const log = parseLog(
      [
        ['Timestamp', 'Email Address', 'Workflow', 'Outcome'],
        [d('2026-03-02'), 'ANA@example.com', 'Proposal', 'Used as-is'],
      ],
      { ...UTC, directory },
    );
    expect(log.columns.member).toBe(1);
    expect(log.runs.map((r) => r.memberKey)).toEqual(['ana lima']);
  });

  test('two member columns that are not a form email still give a notice', () => {
    const log = parseLog(
      [
        ['Date', 'Email', 'Member', 'Workflow', 'Outcome'],
        [d('2026-03-02'), 'ana@example.com', 'Ana Lima', 'Proposal', 'Used as-is'],
      ],
      { ...UTC, directory },
    );
    expect(log.notices).toHaveLength(1);
  });
});
