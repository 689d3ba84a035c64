import { adoptionCategory, acceptanceRateOf, usesPerWeek } from '../../src/core/functions/sheet-functions';
import { d } from '../support/sheets';

const UTC = { timeZone: 'UTC', dateOrder: 'MDY' as const };

describe('ADOPTION_CATEGORY', () => {
  test('single values, with default and custom thresholds', () => {
    expect(adoptionCategory(3)).toBe('Genuine adopter');
    expect(adoptionCategory(1)).toBe('Developing user');
    expect(adoptionCategory(0.5)).toBe('Non-adopter');
    expect(adoptionCategory(3, 4)).toBe('Developing user');
    expect(adoptionCategory(1, 4, 2)).toBe('Non-adopter');
    expect(adoptionCategory(2, '', '')).toBe('Developing user');
  });

  test('a range gives a same-shaped range, blanks stay blank', () => {
    expect(
      adoptionCategory([
        [3, ''],
        [0, 1.5],
      ]),
    ).toEqual([
      ['Genuine adopter', ''],
      ['Non-adopter', 'Developing user'],
    ]);
  });

  test('text or a negative number throws, naming the value and its place in the range', () => {
    expect(() => adoptionCategory('three')).toThrow('got "three".');
    expect(() => adoptionCategory([[1], [2], ['lots']])).toThrow('"lots" (row 3, column 1 of the range)');
    expect(() => adoptionCategory([[1, -2]])).toThrow('cannot be negative; got -2 (row 1, column 2 of the range)');
    expect(() => adoptionCategory(-1)).toThrow('cannot be negative; got -1.');
    expect(() => adoptionCategory(2, 1, 3)).toThrow('developing_at (3) must not be above genuine_at (1).');
    expect(() => adoptionCategory(0.7, 0.5)).toThrow(
      'developing_at (default 1) must not be above genuine_at (0.5): give developing_at too.',
    );
    expect(() => adoptionCategory(2, 'x')).toThrow('genuine_at');
  });
});

describe('ACCEPTANCE_RATE', () => {
  test('(as-is + light) ÷ recognised outcomes, blanks ignored', () => {
    expect(acceptanceRateOf([['Used as-is'], ['light edit'], [''], ['heavy'], ['NOT USED']])).toBe(0.5);
    expect(acceptanceRateOf('used')).toBe(1);
  });

  test('an unknown outcome throws naming the value, its position and the accepted spellings', () => {
    expect(() => acceptanceRateOf([['used'], ['great']])).toThrow(
      /"great" \(row 2, column 1 of the range\) is not an outcome\. Accepted spellings: used as-is, as-is/,
    );
  });

  test('no outcome at all throws', () => {
    expect(() => acceptanceRateOf([[''], ['']])).toThrow('no outcome to rate');
    expect(() => acceptanceRateOf('')).toThrow('no outcome to rate');
  });
});

describe('USES_PER_WEEK', () => {
  const dates = [[d('2026-03-01')], [d('2026-03-09')], [d('2026-03-10')], [d('2026-03-15')], [d('2026-03-15')], ['']];
  const members = [['Ana'], ['ana'], [' ANA '], ['Ana'], ['Ben'], ['']];
  const prompted = [[false], [false], [true], [false], [false], ['']];

  test('as_of defaults to the latest date; weeks defaults to 1', () => {
    expect(usesPerWeek(dates, members, 'Ana', '', '', undefined, UTC)).toBe(3);
  });

  test('prompted runs are excluded only when the prompted range is given', () => {
    expect(usesPerWeek(dates, members, 'Ana', undefined, undefined, prompted, UTC)).toBe(2);
  });

  test('a window of weeks×7 days ending on as_of inclusive', () => {
    expect(usesPerWeek(dates, members, 'ana', d('2026-03-14'), 2, undefined, UTC)).toBe(1.5);
    expect(usesPerWeek(dates, members, 'ana', d('2026-03-09'), 1, undefined, UTC)).toBe(1);
    expect(usesPerWeek(dates, members, 'Cy', undefined, 1, undefined, UTC)).toBe(0);
  });

  test('a default as_of after today is refused, naming the row, instead of moving the window past every run', () => {
    const typo = [...dates, [d('2062-03-01')]];
    const names = [...members, ['Ben']];
    const now = Date.parse('2026-03-16T12:00:00Z');
    expect(() => usesPerWeek(typo, names, 'Ana', '', '', undefined, { ...UTC, now })).toThrow(
      'the latest date (row 7 of dates) is 2062-03-01, after today; correct it, or give as_of',
    );
    expect(usesPerWeek(typo, names, 'Ana', d('2026-03-15'), 1, undefined, { ...UTC, now })).toBe(3);
    expect(usesPerWeek(dates, members, 'Ana', '', '', undefined, { ...UTC, now })).toBe(3);
  });

  test('bad arguments throw a message a sheet user can act on', () => {
    expect(() => usesPerWeek(dates, [['Ana']], 'Ana', '', '', undefined, UTC)).toThrow('same size');
    expect(() => usesPerWeek(dates, members, '', '', '', undefined, UTC)).toThrow(
      "member must be a team member's name or email",
    );
    expect(() => usesPerWeek(dates, members, 'Ana', '', 0, undefined, UTC)).toThrow('weeks must be a whole number');
    expect(() => usesPerWeek(dates, members, 'Ana', 'soon', 1, undefined, UTC)).toThrow('as_of is not a date');
    expect(() => usesPerWeek([['x'], [d('2026-03-01')]], [['Ana'], ['Ana']], 'Ana', '', 1, undefined, UTC)).toThrow(
      '(row 1 of dates)',
    );
    expect(() => usesPerWeek([[d('2026-03-01')]], [['Ana']], 'Ana', '', 1, [['maybe']], UTC)).toThrow(
      '"maybe" (row 1 of prompted)',
    );
  });
});
