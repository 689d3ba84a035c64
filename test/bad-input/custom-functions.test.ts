// The sheet functions of the BUILT bundle, called as a cell calls them (AuthMode.CUSTOM_FUNCTION),
// on what a team's ranges hold: errors of failed formulas, payload text, blanks, numbers as text,
// dates as text. Each gives a value or an error (Sheets shows #ERROR! with it) naming the cell.
import { createFakeGas } from '../../packages/fake-apps-script';
import { loadUptake } from '../../local/uptake-bundle';
import { BUILD_DIR, readBuilt } from '../bundle/support';
import { PAYLOADS } from './corpus';

function sheetFunctions() {
  readBuilt('Code.js');
  const gas = createFakeGas({
    now: '2026-03-15T12:00:00Z',
    spreadsheet: { timeZone: 'Europe/London', locale: 'en_GB' },
  });
  return loadUptake(gas, BUILD_DIR);
}

const midnight = (iso: string) => new Date(`${iso}T00:00:00Z`);

test.each([
  [[['#N/A']], 'ADOPTION_CATEGORY needs uses per week as a number; got the error #N/A (row 1, column 1 of the range).'],
  [
    [[3], [PAYLOADS.img]],
    `ADOPTION_CATEGORY needs uses per week as a number; got "${PAYLOADS.img}" (row 2, column 1 of the range).`,
  ],
  [[['+1']], 'ADOPTION_CATEGORY needs uses per week as a number; got "+1" (row 1, column 1 of the range).'],
  [[[2, -1]], 'ADOPTION_CATEGORY: uses per week cannot be negative; got -1 (row 1, column 2 of the range).'],
  [
    [[true]],
    'ADOPTION_CATEGORY needs uses per week as a number; got a ticked checkbox (TRUE) (row 1, column 1 of the range).',
  ],
])('ADOPTION_CATEGORY(%j) says which cell and why', (range, message) => {
  expect(() => sheetFunctions().$custom('ADOPTION_CATEGORY', range)).toThrow(message);
});

test('ADOPTION_CATEGORY keeps blanks blank and reads every number', () => {
  expect(sheetFunctions().$custom('ADOPTION_CATEGORY', [[''], [0], [1], [2.99], [3], [50_000]])).toEqual([
    [''],
    ['Non-adopter'],
    ['Developing user'],
    ['Developing user'],
    ['Genuine adopter'],
    ['Genuine adopter'],
  ]);
});

test.each([
  [
    [['Used as-is'], ['#REF!']],
    'ACCEPTANCE_RATE: the error #REF! (row 2, column 1 of the range) is not an outcome. Accepted spellings:',
  ],
  [[[PAYLOADS.script]], `ACCEPTANCE_RATE: "${PAYLOADS.script}" (row 1, column 1 of the range) is not an outcome.`],
  [[[''], ['  ']], 'ACCEPTANCE_RATE: there is no outcome to rate: the cells are blank.'],
])('ACCEPTANCE_RATE(%j) says which cell and why', (range, message) => {
  expect(() => sheetFunctions().$custom('ACCEPTANCE_RATE', range)).toThrow(message);
});

test('ACCEPTANCE_RATE reads odd spellings and skips blanks', () => {
  expect(
    sheetFunctions().$custom('ACCEPTANCE_RATE', [['USED AS-IS'], [''], ['light_edit'], ['heavy–edit'], ['not-used']]),
  ).toBe(0.5);
});

describe('USES_PER_WEEK', () => {
  const dates = [[midnight('2026-03-10')], ['2026-03-11'], ['12/3/2026'], ['#N/A'], [''], [midnight('2026-03-12')]];
  const members = [['Ana'], [' ana '], ['ANA'], ['Ben'], [''], [PAYLOADS.formula]];

  test("dates as date cells and as text in the sheet's order; names in any case and spacing", () => {
    expect(sheetFunctions().$custom('USES_PER_WEEK', dates, members, 'Ana', midnight('2026-03-15'), 1)).toBe(3);
    expect(sheetFunctions().$custom('USES_PER_WEEK', dates, members, PAYLOADS.formula, midnight('2026-03-15'), 1)).toBe(
      1,
    );
  });

  test.each([
    ['Ben', '2026-03-15', 1, 'USES_PER_WEEK: the date cell shows the error #N/A (row 4 of dates).'],
    ['', '2026-03-15', 1, "USES_PER_WEEK: member must be a team member's name or email; got a blank cell."],
    ['Ana', 'next week', 1, 'USES_PER_WEEK: as_of is not a date: "next week" is not a date (write it as YYYY-MM-DD).'],
    ['Ana', '2026-03-15', 0.5, 'USES_PER_WEEK: weeks must be a whole number of weeks, 1 or more; got the number 0.5.'],
  ])('member %j, as_of %j, weeks %j: %s', (member, asOf, weeks, message) => {
    expect(() => sheetFunctions().$custom('USES_PER_WEEK', dates, members, member, asOf, weeks)).toThrow(message);
  });

  test('ranges of different sizes are named with their sizes', () => {
    expect(() => sheetFunctions().$custom('USES_PER_WEEK', dates, members.slice(1), 'Ana')).toThrow(
      'USES_PER_WEEK: dates and members must be ranges of the same size; dates has 6 cells, members 5.',
    );
  });
});
