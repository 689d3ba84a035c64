import { plus, type RunSpec } from '../support/sheets';
import { audit, member, runsOf } from './fixtures';
import { categoryFor, acceptanceRate } from '../../src/core/audit/rates';
import { DEFAULT_SETTINGS } from '../../src/core/base/types';

const AS_OF = '2026-03-15';

describe('windows (spec §2)', () => {
  test('a week is the 7 calendar days ending on the as-of date, inclusive', () => {
    const result = audit(
      [
        { date: plus(AS_OF, -7), member: 'Ana' }, // 8 days back: outside
        { date: plus(AS_OF, -6), member: 'Ana' }, // first day of the week
        { date: AS_OF, member: 'Ana' }, // as-of itself
        { date: plus(AS_OF, 1), member: 'Ana' }, // after as-of: outside
      ],
      { asOf: AS_OF },
    );
    expect(member(result, 'Ana').runs).toBe(2);
    expect(result.windowStart).toBe(plus(AS_OF, -6));
  });

  test('a window of n weeks is the 7·n days ending on as-of; uses per week divide by n', () => {
    const runs = runsOf('Ana', 14, AS_OF).concat({ date: plus(AS_OF, -14), member: 'Ana' });
    const result = audit(runs, { asOf: AS_OF, weeks: 2 });
    expect(member(result, 'Ana').runs).toBe(14);
    expect(member(result, 'Ana').usesPerWeek).toBe(7);
    expect(result.windowStart).toBe(plus(AS_OF, -13));
  });
});

describe('frequency and category (spec §3)', () => {
  test.each([
    [3, 'Genuine adopter'],
    [5, 'Genuine adopter'],
    [2.99, 'Developing user'],
    [1, 'Developing user'],
    [0.99, 'Non-adopter'],
    [0, 'Non-adopter'],
  ])('%p uses per week is a %s', (uses, category) => {
    expect(categoryFor(uses, DEFAULT_SETTINGS)).toBe(category);
  });

  test('thresholds are settings', () => {
    expect(categoryFor(3, { genuineAt: 4, developingAt: 2 })).toBe('Developing user');
    expect(categoryFor(1.5, { genuineAt: 4, developingAt: 2 })).toBe('Non-adopter');
  });

  test('prompted runs never count toward adoption', () => {
    const runs = [...runsOf('Ana', 3, AS_OF, { prompted: true }), ...runsOf('Ana', 1, plus(AS_OF, -4))];
    const ana = member(audit(runs, { asOf: AS_OF }), 'Ana');
    expect(ana.runs).toBe(4);
    expect(ana.unpromptedRuns).toBe(1);
    expect(ana.usesPerWeek).toBe(1);
    expect(ana.category).toBe('Developing user');
  });

  test('each category from the log', () => {
    const runs = [...runsOf('Genuine', 3, AS_OF), ...runsOf('Developing', 2, AS_OF), ...runsOf('Non', 0, AS_OF)];
    const result = audit(runs, { asOf: AS_OF, roster: [{ name: 'Genuine' }, { name: 'Developing' }, { name: 'Non' }] });
    expect(member(result, 'Genuine').category).toBe('Genuine adopter');
    expect(member(result, 'Developing').category).toBe('Developing user');
    expect(member(result, 'Non').category).toBe('Non-adopter');
    expect(result.team.categories).toEqual({ 'Genuine adopter': 1, 'Developing user': 1, 'Non-adopter': 1 });
  });
});

describe('acceptance rate (spec §4)', () => {
  test('(as-is + light) ÷ all outcomes, prompted runs included', () => {
    const runs: RunSpec[] = [
      { date: AS_OF, member: 'Ana', outcome: 'used as-is' },
      { date: AS_OF, member: 'Ana', outcome: 'light edit', prompted: true },
      { date: AS_OF, member: 'Ana', outcome: 'heavy edit' },
      { date: AS_OF, member: 'Ana', outcome: 'not used' },
      { date: AS_OF, member: 'Ana', outcome: 'Used' },
    ];
    expect(member(audit(runs, { asOf: AS_OF }), 'Ana').acceptanceRate).toBeCloseTo(3 / 5);
  });

  test('no runs, no rate: null, never 0', () => {
    const result = audit([], { asOf: AS_OF, roster: [{ name: 'Ana' }] });
    expect(member(result, 'Ana').acceptanceRate).toBeNull();
    expect(result.team.blendedAcceptanceRate).toBeNull();
    expect(acceptanceRate({ 'as-is': 0, light: 0, heavy: 0, 'not-used': 0 })).toBeNull();
  });

  test('blended rate is over every run of the team in the window', () => {
    const runs: RunSpec[] = [
      ...runsOf('Ana', 3, AS_OF, { outcome: 'as-is' }),
      { date: AS_OF, member: 'Ben', outcome: 'heavy' },
      { date: plus(AS_OF, -10), member: 'Ben', outcome: 'heavy' }, // outside the window
    ];
    expect(audit(runs, { asOf: AS_OF }).team.blendedAcceptanceRate).toBeCloseTo(3 / 4);
  });
});

describe('team figures (spec §5)', () => {
  const roster = [
    { name: 'Ana', training: '2026-03-01' },
    { name: 'Ben', training: '2026-03-01' },
    { name: 'Cy', training: '2026-03-20' }, // trained after as-of: not yet
    { name: 'Di' }, // no training date
    { name: 'Ed', training: '2026-03-01', status: 'No suitable anchor workflow' },
    { name: 'Flo', training: '2026-03-01', status: 'Principled resistance' },
  ];
  const runs = [...runsOf('Ana', 3, AS_OF), ...runsOf('Ed', 5, AS_OF), ...runsOf('Ben', 1, AS_OF)];
  const result = audit(runs, { asOf: AS_OF, roster });

  test('adoption rate = genuine adopters ÷ members in scope; no-anchor members are out of scope', () => {
    expect(result.team.membersInScope).toBe(5);
    expect(result.team.genuineAdopters).toBe(1);
    expect(result.team.adoptionRate).toBeCloseTo(1 / 5);
    expect(member(result, 'Ed').inScope).toBe(false);
    expect(member(result, 'Ed').category).toBe('Genuine adopter');
  });

  test('principled resistance still counts in the team figures', () => {
    expect(member(result, 'Flo').inScope).toBe(true);
    expect(member(result, 'Flo').statusLabel).toBe('Principled resistance');
  });

  test('training completion = in scope with a training date on or before as-of ÷ in scope; gap = completion − adoption', () => {
    expect(result.team.trainingCompletionRate).toBeCloseTo(3 / 5);
    expect(result.team.gap).toBeCloseTo(3 / 5 - 1 / 5);
  });

  test('active members and runs count everyone who ran, out of scope included', () => {
    expect(result.team.activeMembers).toBe(3);
    expect(result.team.runs).toBe(9);
  });

  test('without a roster, every member of the log is in scope and training completion is unknown', () => {
    const noRoster = audit(runs, { asOf: AS_OF });
    expect(noRoster.team.membersInScope).toBe(3);
    expect(noRoster.team.trainingCompletionRate).toBeNull();
    expect(noRoster.team.gap).toBeNull();
  });

  test('a log member missing from the roster is shown, reported, and not counted in the adoption rate', () => {
    const withStranger = audit([...runs, ...runsOf('Zed', 4, AS_OF)], { asOf: AS_OF, roster });
    expect(member(withStranger, 'Zed').onRoster).toBe(false);
    expect(member(withStranger, 'Zed').inScope).toBe(false);
    expect(withStranger.team.membersInScope).toBe(5);
    expect(withStranger.notices.some((n) => n.reason.includes('"Zed" is in the log but not on the roster'))).toBe(true);
  });

  test('workflows below threshold need at least 3 runs in the window and a rate below target', () => {
    const wf = audit(
      [
        ...runsOf('Ana', 3, AS_OF, { workflow: 'Proposal', outcome: 'heavy' }),
        ...runsOf('Ana', 2, AS_OF, { workflow: 'Summary', outcome: 'not used' }),
        ...runsOf('Ben', 3, AS_OF, { workflow: 'Email', outcome: 'light' }),
      ],
      { asOf: AS_OF },
    );
    expect(wf.team.workflowsBelowThreshold).toEqual(['Proposal']);
  });
});

describe('the other metrics of the second article (spec §6)', () => {
  test('workflow run frequency per member per week (= §3)', () => {
    expect(member(audit(runsOf('Ana', 6, AS_OF), { asOf: AS_OF, weeks: 2 }), 'Ana').usesPerWeek).toBe(3);
  });

  test('acceptance rate per workflow per member', () => {
    const ana = member(
      audit(
        [
          ...runsOf('Ana', 2, AS_OF, { workflow: 'Proposal', outcome: 'as-is' }),
          ...runsOf('Ana', 2, AS_OF, { workflow: 'Proposal', outcome: 'heavy' }),
          ...runsOf('Ana', 1, AS_OF, { workflow: 'Summary', outcome: 'light' }),
        ],
        { asOf: AS_OF },
      ),
      'Ana',
    );
    expect(ana.workflows).toEqual([
      { workflow: 'Proposal', runs: 4, acceptanceRate: 0.5 },
      { workflow: 'Summary', runs: 1, acceptanceRate: 1 },
    ]);
  });

  test('editing type distribution counts edit types over light and heavy runs only, per team, member and workflow', () => {
    const result = audit(
      [
        { date: AS_OF, member: 'Ana', workflow: 'Proposal', outcome: 'heavy', edit: 'tone, missing info' },
        { date: AS_OF, member: 'Ana', workflow: 'Proposal', outcome: 'light', edit: 'tone' },
        { date: AS_OF, member: 'Ben', workflow: 'Summary', outcome: 'light', edit: 'format' },
        { date: AS_OF, member: 'Ben', workflow: 'Summary', outcome: 'as-is', edit: 'scope' }, // not an edited run
        { date: AS_OF, member: 'Ben', workflow: 'Summary', outcome: 'not used', edit: 'wrong info' },
      ],
      { asOf: AS_OF },
    );
    expect(result.team.editTypes).toEqual({ tone: 2, scope: 0, format: 1, 'missing info': 1, 'wrong info': 0 });
    expect(member(result, 'Ana').editTypes).toEqual({
      tone: 2,
      scope: 0,
      format: 0,
      'missing info': 1,
      'wrong info': 0,
    });
    expect(result.workflows.find((w) => w.workflow === 'Summary')!.editTypes.format).toBe(1);
  });

  test('time to first independent run: days from training to the first unprompted run on or after it', () => {
    const result = audit(
      [
        { date: '2026-03-01', member: 'Ana' }, // before training: not counted
        { date: '2026-03-05', member: 'Ana', prompted: true }, // prompted: not independent
        { date: '2026-03-07', member: 'Ana' },
        { date: '2026-03-09', member: 'Ana' },
      ],
      {
        asOf: AS_OF,
        roster: [{ name: 'Ana', training: '2026-03-03' }, { name: 'Ben', training: '2026-03-03' }, { name: 'Cy' }],
      },
    );
    expect(member(result, 'Ana').daysToFirstRun).toBe(4);
    expect(member(result, 'Ana').firstRunDate).toBe('2026-03-07');
    expect(member(result, 'Ben').daysToFirstRun).toBeNull(); // "not yet"
    expect(member(result, 'Cy').daysToFirstRun).toBeNull(); // no training date
  });

  test('workflow count over 90 days: distinct workflows in the 90 days ending on as-of', () => {
    const result = audit(
      [
        { date: AS_OF, member: 'Ana', workflow: 'Proposal' },
        { date: plus(AS_OF, -89), member: 'Ana', workflow: 'Summary' },
        { date: plus(AS_OF, -90), member: 'Ana', workflow: 'Report' }, // day 91: outside
        { date: plus(AS_OF, -3), member: 'Ana', workflow: ' proposal ' }, // same workflow, other spelling
      ],
      { asOf: AS_OF },
    );
    expect(member(result, 'Ana').workflows90d).toBe(2);
  });
});

describe('six-week decision table (spec §9)', () => {
  const training = plus(AS_OF, -42);
  const base = { name: 'Ana', training, anchor: 'Proposal', trained: 'Proposal, Summary' };
  const decide = (runs: RunSpec[], roster = base) =>
    member(audit(runs, { asOf: AS_OF, roster: [roster] }), 'Ana').sixWeek;

  test('frequency yes, acceptance yes, expansion yes → Adoption is working', () => {
    const six = decide([
      ...runsOf('Ana', 3, AS_OF, { workflow: 'Proposal' }),
      { date: plus(AS_OF, -20), member: 'Ana', workflow: 'Board report' },
    ]);
    expect(six).toMatchObject({
      status: 'working',
      label: 'Adoption is working',
      nextStep: 'Continue; plan second-wave workflows',
      expansion: true,
    });
  });

  test('frequency no → Reverted', () => {
    expect(decide(runsOf('Ana', 2, AS_OF))).toMatchObject({
      status: 'reverted',
      label: 'Reverted',
      nextStep: 'Diagnose why; intervene',
      frequencyMet: false,
    });
    // No runs: no acceptance rate, so acceptance is unknown rather than "no".
    expect(decide([])).toMatchObject({ status: 'reverted', frequencyMet: false, acceptanceMet: null });
  });

  test('frequency yes, acceptance no → Quality bar not met', () => {
    expect(decide(runsOf('Ana', 3, AS_OF, { outcome: 'heavy' }))).toMatchObject({
      status: 'quality',
      label: 'Quality bar not met',
      nextStep: 'Diagnose the context or prompt gap; fix it',
      acceptanceMet: false,
    });
  });

  test('frequency yes, acceptance yes, expansion no → Stable, not deepening', () => {
    expect(decide(runsOf('Ana', 3, AS_OF, { workflow: 'summary' }))).toMatchObject({
      status: 'stable',
      label: 'Stable, not deepening',
      nextStep: 'Second session on additional workflows',
      expansion: false,
    });
  });

  test('before day 42 there is no decision yet; without a training date there is none at all', () => {
    expect(decide(runsOf('Ana', 3, AS_OF), { ...base, training: plus(AS_OF, -41) })).toMatchObject({
      status: 'not-yet',
      dueDate: plus(AS_OF, 1),
    });
    expect(decide(runsOf('Ana', 3, AS_OF), { name: 'Ana' } as typeof base)).toMatchObject({
      status: 'no-training-date',
    });
    expect(decide([], { ...base, training: plus(AS_OF, 4) })).toMatchObject({
      status: 'not-yet',
      label: `Training on ${plus(AS_OF, 4)}`,
    });
  });
});
