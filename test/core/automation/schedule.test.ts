// Which digest is due, who gets which version in which email, and the time budget.
import {
  chunk,
  digestAudiences,
  digestBatches,
  latestDigestDay,
  scheduledDigestDue,
  TIME_BUDGET_MS,
  withinTimeBudget,
} from '../../../src/core/automation/schedule';
import { MAX_RECIPIENTS_PER_EMAIL } from '../../../src/core/automation/mail-rules';
import { dayToIso } from '../../../src/core/base/dates';
import { day } from '../fixtures';

describe('the digest day', () => {
  test('is the latest chosen weekday on or before today', () => {
    // 2026-03-02 is a Monday (weekday 1).
    expect(dayToIso(latestDigestDay(day('2026-03-02'), 1))).toBe('2026-03-02');
    expect(dayToIso(latestDigestDay(day('2026-03-08'), 1))).toBe('2026-03-02');
    expect(dayToIso(latestDigestDay(day('2026-03-09'), 1))).toBe('2026-03-09');
    expect(dayToIso(latestDigestDay(day('2026-03-02'), 3))).toBe('2026-02-25');
  });

  test('a digest due before automation was turned on is not caught up; one due that day only by a run on it', () => {
    const monday = day('2026-03-02');
    expect(scheduledDigestDue(monday + 1, monday, monday - 1)).toBe(true);
    expect(scheduledDigestDue(monday + 1, monday, monday)).toBe(false);
    expect(scheduledDigestDue(monday, monday, monday)).toBe(true);
    expect(scheduledDigestDue(monday + 3, monday, monday + 2)).toBe(false);
    expect(scheduledDigestDue(monday + 3, monday, null)).toBe(true);
  });
});

describe('who gets which version', () => {
  test('the owner the named one, the others the aggregate one unless the owner chose named', () => {
    const settings = { recipients: ['Boss@Example.com', 'owner@example.com'], namedForRecipients: false };
    expect(digestAudiences(settings, 'Owner@example.com')).toEqual({
      named: ['owner@example.com'],
      aggregate: ['boss@example.com'],
    });
    expect(digestAudiences({ ...settings, namedForRecipients: true }, 'owner@example.com')).toEqual({
      named: ['owner@example.com', 'boss@example.com'],
      aggregate: [],
    });
  });

  test('the owner alone first, then at most 50 recipients an email', () => {
    const others = Array.from({ length: 120 }, (_, i) => `r${i}@example.com`);
    const batches = digestBatches('owner@example.com', {
      named: ['owner@example.com', 'lead@example.com'],
      aggregate: others,
    });
    expect(batches.map((b) => [b.version, b.recipients.length, b.forOwner])).toEqual([
      ['named', 1, true],
      ['named', 1, false],
      ['aggregate', MAX_RECIPIENTS_PER_EMAIL, false],
      ['aggregate', MAX_RECIPIENTS_PER_EMAIL, false],
      ['aggregate', 20, false],
    ]);
    expect(batches.flatMap((b) => b.recipients).slice(2)).toEqual(others);
  });

  test('an owner who already had it gets no copy; nobody owed, no email', () => {
    expect(digestBatches('owner@example.com', { named: [], aggregate: ['a@example.com'] })).toEqual([
      { recipients: ['a@example.com'], version: 'aggregate', forOwner: false },
    ]);
    expect(digestBatches('owner@example.com', { named: [], aggregate: [] })).toEqual([]);
    expect(chunk([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
  });
});

describe('the time budget', () => {
  test('emails start until 4½ minutes into the run, well before the 6-minute kill', () => {
    expect(TIME_BUDGET_MS).toBeLessThan(6 * 60_000);
    expect(withinTimeBudget(1_000, 1_000 + TIME_BUDGET_MS)).toBe(true);
    expect(withinTimeBudget(1_000, 1_001 + TIME_BUDGET_MS)).toBe(false);
  });
});
