import { plus } from '../support/sheets';
import { headline } from '../../src/core/audit/headline';
import { programmePosition, programmeTimeline, MILESTONES } from '../../src/core/programme/milestones';
import { day, audit, member, runsOf } from './fixtures';

describe('the headline sentence (spec §11)', () => {
  test('the form of the spec', () => {
    expect(headline({ activeMembers: 7, runs: 63, blendedAcceptanceRate: 0.78, workflowsBelow: 2, weeks: 1 })).toBe(
      '7 team members ran 63 workflow sessions this week; blended acceptance rate 78%; 2 workflows below threshold under review.',
    );
  });
  test('singular, rounding and no rate', () => {
    expect(headline({ activeMembers: 1, runs: 1, blendedAcceptanceRate: 0.665, workflowsBelow: 1, weeks: 1 })).toBe(
      '1 team member ran 1 workflow session this week; blended acceptance rate 67%; 1 workflow below threshold under review.',
    );
    expect(headline({ activeMembers: 0, runs: 0, blendedAcceptanceRate: null, workflowsBelow: 0, weeks: 4 })).toBe(
      '0 team members ran 0 workflow sessions in the last 4 weeks; no acceptance rate yet; 0 workflows below threshold under review.',
    );
  });
  test('the audit headline counts members who ran and every run, prompted ones included', () => {
    const result = audit(
      [...runsOf('Ana', 2, '2026-03-15', { prompted: true }), ...runsOf('Ben', 1, '2026-03-15', { outcome: 'heavy' })],
      { asOf: '2026-03-15' },
    );
    expect(result.headline).toBe(
      '2 team members ran 3 workflow sessions this week; blended acceptance rate 67%; 1 workflow below threshold under review.',
    );
  });
});

describe('programme timeline (spec §8)', () => {
  test.each([
    [7, 'Day-seven follow-up', 'follow-up owner'],
    [14, 'Peer advocacy moment', 'owner'],
    [21, 'Week-three check', 'follow-up owner'],
    [30, 'Adoption reassessment', 'owner'],
    [42, 'Six-week measurement', 'owner'],
  ])('day %i is the %s, emailed to the %s', (dayNumber, name, recipient) => {
    expect(MILESTONES.find((m) => m.day === dayNumber)).toEqual({ day: dayNumber, name, recipient });
  });

  test('where a member stands on the as-of date', () => {
    const trained = day('2026-03-01');
    expect(programmePosition(trained, trained + 3)).toMatchObject({
      day: 3,
      reached: null,
      next: 7,
      nextDate: '2026-03-08',
    });
    expect(programmePosition(trained, trained + 14)).toMatchObject({
      day: 14,
      reached: 14,
      reachedLabel: 'Peer advocacy moment',
      next: 21,
    });
    expect(programmePosition(trained, trained + 50)).toMatchObject({ reached: 42, next: null, nextDate: null });
  });

  test('the audit gives each trained member their position', () => {
    const result = audit([], {
      asOf: '2026-03-15',
      roster: [{ name: 'Ana', training: plus('2026-03-15', -21) }, { name: 'Ben' }],
    });
    expect(member(result, 'Ana').programme).toMatchObject({
      day: 21,
      reachedLabel: 'Week-three check',
      nextLabel: 'Adoption reassessment',
    });
    expect(member(result, 'Ben').programme).toBeNull();
  });
});

describe('the programme timeline the sidebar shows', () => {
  test('lists only members the programme is about, soonest milestone first', () => {
    const asOf = '2026-03-15';
    const result = audit([], {
      asOf,
      roster: [
        { name: 'Ana', training: plus(asOf, -12) },
        { name: 'Ben', training: plus(asOf, -5) },
        { name: 'Cy', training: plus(asOf, -60) },
        { name: 'Di', training: plus(asOf, -5), status: 'Principled resistance' },
        { name: 'Ed', training: plus(asOf, -5), status: 'No suitable anchor workflow' },
        { name: 'Flo' },
      ],
    });
    expect(programmeTimeline(result).map((r) => [r.member, r.next, r.nextDate])).toEqual([
      ['Ana', 'Peer advocacy moment', plus(asOf, 2)], // same date: by name
      ['Ben', 'Day-seven follow-up', plus(asOf, 2)],
      ['Cy', null, null],
    ]);
  });
});
