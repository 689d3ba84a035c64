// The history in the weekly digest (rules §13): names in the named digest, counts in the aggregate one.
import { composeDigest } from '../../src/core/programme/digest';
import { historyDigestBlocks, trendLine } from '../../src/core/programme/digest-history';
import type { History, HistoryWeek } from '../../src/core/history/history-types';
import { audit, day, runsOf } from './fixtures';

const week = (asOf: string, adoptionRate: number | null): HistoryWeek => ({
  asOf,
  membersInScope: 5,
  genuineAdopters: 0,
  adoptionRate,
  trainingCompletionRate: 1,
  runs: 0,
  activeMembers: 0,
  blendedAcceptanceRate: null,
});

const HISTORY: History = {
  weeks: [
    week('2026-02-01', 0),
    week('2026-02-08', 0.2),
    week('2026-02-15', null),
    week('2026-02-22', 0.4),
    week('2026-03-01', 0.6),
  ],
  cohorts: [],
  allCohorts: Array(12).fill(null),
  transitions: { retained: ['Ben'], newAdopters: ['Dan'], reactivated: ['Ana', 'Eve'], lapsed: ['Cara'] },
};

describe('the digest’s history lines', () => {
  test('the adoption rate over the last 4 weeks in one line', () => {
    expect(trendLine(HISTORY)).toBe(
      'Adoption rate, last 4 weeks: 20% → – → 40% → 60% (weeks to Sun 8 Feb 2026 … Sun 1 Mar 2026).',
    );
  });

  test('the named digest says who lapsed and who reactivated', () => {
    const [, list] = historyDigestBlocks(HISTORY, true);
    expect(list).toEqual({
      kind: 'list',
      items: [
        trendLine(HISTORY),
        'Lapsed (Genuine adopters last week, not this week): Cara.',
        'Reactivated (Genuine again after a gap): Ana, Eve.',
        'New adopters: Dan; retained: 1 Genuine adopter.',
      ],
    });
  });

  test('the aggregate digest gives counts only, in the composed email too', () => {
    const current = audit(runsOf('Ana', 3, '2026-03-01'), { asOf: '2026-03-01' });
    const previous = audit([], { asOf: '2026-02-22' });
    const compose = (named: boolean) =>
      composeDigest({
        current,
        previous,
        upcoming: [],
        named,
        problems: [],
        spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/x/edit',
        digestDay: day('2026-03-02'),
        sentDay: day('2026-03-02'),
        history: HISTORY,
      }).text;
    const aggregate = compose(false);
    expect(aggregate).toContain(
      'This week against last week: 1 lapsed, 2 reactivated, 1 new, 1 retained Genuine adopters.',
    );
    expect(aggregate).toContain(trendLine(HISTORY));
    for (const name of ['Cara', 'Eve', 'Dan', 'Ben']) expect(aggregate).not.toContain(name);
    expect(compose(true)).toContain('Reactivated (Genuine again after a gap): Ana, Eve.');
  });
});
