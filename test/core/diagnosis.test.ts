import { logRows, rosterRows, type RosterSpec, type RunSpec } from '../support/sheets';
import { parseLog } from '../../src/core/sheets/log';
import { MemberDirectory, parseRoster } from '../../src/core/sheets/roster';
import { runAudit } from '../../src/core/audit/audit';
import { DEFAULT_SETTINGS } from '../../src/core/base/types';
import { audit, day, member, runsOf, UTC } from './fixtures';

const AS_OF = '2026-03-15';
const TRAINED = '2026-03-01';
const codes = (result: ReturnType<typeof audit>, name: string) => member(result, name).diagnosis.map((f) => f.code);

describe('diagnosis (spec §10): a suggestion with its evidence', () => {
  test('low acceptance with mostly missing/wrong info edits → Insufficient context pack', () => {
    const runs: RunSpec[] = runsOf('Ana', 4, AS_OF, { outcome: 'heavy', edit: 'missing info' }).concat(
      runsOf('Ana', 1, AS_OF, { outcome: 'light', edit: 'tone' }),
    );
    const result = audit(runs, { asOf: AS_OF, roster: [{ name: 'Ana', training: TRAINED, anchor: 'Proposal' }] });
    const finding = member(result, 'Ana').diagnosis.find((f) => f.code === 'foundation')!;
    expect(finding.cause).toBe('Insufficient context pack (Foundation)');
    expect(finding.step).toMatch(/fix the context pack/i);
    expect(finding.evidence[0]).toMatch(/Acceptance 20% against a 70% target; 4 of 5 edits were missing or wrong info/);
  });

  test('context pack not ready on the roster → Insufficient context pack', () => {
    const result = audit(runsOf('Ana', 1, AS_OF), {
      asOf: AS_OF,
      roster: [{ name: 'Ana', training: TRAINED, anchor: 'Proposal', pack: 'no' }],
    });
    const finding = member(result, 'Ana').diagnosis.find((f) => f.code === 'foundation')!;
    expect(finding.evidence).toEqual(['The roster says the context pack for their role is not ready.']);
  });

  test('low acceptance from tone edits is not a Foundation problem', () => {
    const runs = runsOf('Ana', 4, AS_OF, { outcome: 'heavy', edit: 'tone' });
    expect(
      codes(audit(runs, { asOf: AS_OF, roster: [{ name: 'Ana', training: TRAINED, anchor: 'Proposal' }] }), 'Ana'),
    ).not.toContain('foundation');
  });

  test('ran after training, then no runs in the last week → Obstacle with no follow-up', () => {
    const result = audit([{ date: '2026-03-04', member: 'Ana', workflow: 'Proposal' }], {
      asOf: AS_OF,
      roster: [{ name: 'Ana', training: TRAINED, anchor: 'Proposal' }],
    });
    const finding = member(result, 'Ana').diagnosis.find((f) => f.code === 'obstacle')!;
    expect(finding.cause).toBe('Obstacle with no follow-up (cause 3)');
    expect(finding.step).toMatch(/15-minute follow-up now/);
    expect(finding.evidence).toEqual(['Ran after training (last run 2026-03-04), then no runs in the last week.']);
  });

  test('first runs after training heavy edit or not used → Obstacle with no follow-up', () => {
    const runs: RunSpec[] = [
      { date: '2026-02-20', member: 'Ana', outcome: 'used' }, // before training: not a first run
      { date: '2026-03-05', member: 'Ana', outcome: 'heavy' },
      { date: '2026-03-07', member: 'Ana', outcome: 'not used' },
      { date: '2026-03-14', member: 'Ana', outcome: 'heavy' },
      { date: '2026-03-15', member: 'Ana', outcome: 'used' }, // fourth: not among the first three
    ];
    const result = audit(runs, { asOf: AS_OF, roster: [{ name: 'Ana', training: TRAINED, anchor: 'Proposal' }] });
    const finding = member(result, 'Ana').diagnosis.find((f) => f.code === 'obstacle')!;
    expect(finding.evidence).toEqual(['Their first 3 runs after training: heavy edit, not used, heavy edit.']);
  });

  test('no anchor workflow on the roster and no runs → No role-specific workflow', () => {
    const result = audit([], { asOf: AS_OF, roster: [{ name: 'Ana', training: TRAINED }] });
    const finding = member(result, 'Ana').diagnosis.find((f) => f.code === 'no-workflow')!;
    expect(finding.cause).toBe('No role-specific workflow (cause 2)');
    expect(finding.step).toContain('the one weekly task that takes the most time and gives the least satisfaction');
  });

  test('anchor workflow set, trained, never ran it → Demonstrations not about their work', () => {
    const result = audit([{ date: '2026-03-14', member: 'Ana', workflow: 'Summary' }], {
      asOf: AS_OF,
      roster: [{ name: 'Ana', training: TRAINED, anchor: 'Client proposal' }],
    });
    const finding = member(result, 'Ana').diagnosis.find((f) => f.code === 'generic-demos')!;
    expect(finding.cause).toBe('Demonstrations not about their work (cause 1)');
    expect(finding.step).toBe('Individual anchor-workflow session on real current work.');
    expect(finding.evidence[0]).toContain('"Client proposal"');
    // Not yet trained: not diagnosed.
    const notTrained = audit([], {
      asOf: AS_OF,
      roster: [{ name: 'Ana', training: '2026-04-01', anchor: 'Client proposal' }],
    });
    expect(codes(notTrained, 'Ana')).not.toContain('generic-demos');
  });

  test('training completion high, adoption low is no cause: the headline says it (cause 4 is gone, §18)', () => {
    const roster: RosterSpec[] = ['Ana', 'Ben', 'Cy', 'Di'].map((name) => ({
      name,
      training: TRAINED,
      anchor: 'Proposal',
    }));
    const result = audit(runsOf('Ana', 3, AS_OF, { workflow: 'Proposal' }), { asOf: AS_OF, roster });
    expect(result.team.gap).toBe(0.75);
    expect(result.diagnosis.map((f) => f.cause).filter((cause) => /metric|cause 4/i.test(cause))).toEqual([]);
  });

  test('some genuine adopters, most others not → No peer advocacy, naming the adopters', () => {
    const roster: RosterSpec[] = ['Ana', 'Ben', 'Cy'].map((name) => ({ name, anchor: 'Proposal' }));
    const result = audit(runsOf('Ana', 3, AS_OF, { workflow: 'Proposal' }), { asOf: AS_OF, roster });
    const finding = result.diagnosis.find((f) => f.code === 'no-peer-advocacy')!;
    expect(finding.cause).toBe('No peer advocacy (cause 5)');
    expect(finding.evidence[0]).toBe('1 genuine adopter (Ana) out of 3 members in scope; 2 are not.');
    const none = audit([], { asOf: AS_OF, roster });
    expect(none.diagnosis.map((f) => f.code)).not.toContain('no-peer-advocacy');
  });

  test.each([
    ['tone', /voice guide/],
    ['format', /output template/],
    ['scope', /prompt's scope/],
  ])('one workflow below target for two or more members → workflow-level gap; "%s" edits → %p', (edit, step) => {
    const runs = [
      ...runsOf('Ana', 2, AS_OF, { workflow: 'Proposal', outcome: 'heavy', edit }),
      ...runsOf('Ben', 3, AS_OF, { workflow: 'Proposal', outcome: 'heavy', edit }),
      ...runsOf('Ben', 1, AS_OF, { workflow: 'Proposal', outcome: 'used' }),
    ];
    const result = audit(runs, { asOf: AS_OF });
    const finding = result.diagnosis.find((f) => f.code === 'workflow-gap')!;
    expect(finding.workflow).toBe('Proposal');
    expect(finding.step).toMatch(step);
    expect(finding.evidence[0]).toBe('Below the 70% target for 2 members: Ana 0% over 2 runs; Ben 25% over 4 runs.');
  });

  test('a workflow below target for one member only is not a workflow gap', () => {
    const result = audit([...runsOf('Ana', 3, AS_OF, { outcome: 'heavy' }), ...runsOf('Ben', 3, AS_OF)], {
      asOf: AS_OF,
    });
    expect(result.diagnosis.map((f) => f.code)).not.toContain('workflow-gap');
  });

  test('principled resistance: listed apart, never diagnosed', () => {
    const result = audit([], {
      asOf: AS_OF,
      roster: [{ name: 'Ana', training: TRAINED, status: 'Principled resistance', pack: 'no' }],
    });
    expect(member(result, 'Ana').diagnosis).toEqual([]);
    expect(member(result, 'Ana').followUp).toEqual([]);
  });

  test('who needs follow-up and why', () => {
    const result = audit([...runsOf('Ana', 1, AS_OF, { outcome: 'heavy' }), ...runsOf('Ben', 3, AS_OF)], {
      asOf: AS_OF,
      roster: [{ name: 'Ana' }, { name: 'Ben' }],
    });
    expect(member(result, 'Ana').followUp).toEqual([
      'Developing user: 1 unprompted use a week (threshold 3)',
      'Acceptance 0% is below the 70% target',
    ]);
    expect(member(result, 'Ben').followUp).toEqual([]);
  });

  test('a member whose training is still ahead is not chased for being below the threshold', () => {
    const result = audit([], { asOf: AS_OF, roster: [{ name: 'Ana', training: '2026-03-20', anchor: 'Proposal' }] });
    expect(member(result, 'Ana').followUp).toEqual([]);
  });

  test('one edit is "was", several "were"', () => {
    const result = audit(runsOf('Ana', 1, AS_OF, { outcome: 'heavy', edit: 'wrong info' }), {
      asOf: AS_OF,
      roster: [{ name: 'Ana', training: TRAINED, anchor: 'Proposal' }],
    });
    expect(member(result, 'Ana').diagnosis.find((f) => f.code === 'foundation')!.evidence[0]).toContain(
      '1 of 1 edit was missing or wrong info',
    );
  });

  describe('no training date: no evidence about training', () => {
    // Both obstacle signals of cause 3: runs, the first ones heavy edit or not used, then nothing
    // in the last week. Without a training date none of it is "after training".
    const runs: RunSpec[] = [
      { date: '2026-03-02', member: 'Ana', outcome: 'heavy' },
      { date: '2026-03-04', member: 'Ana', outcome: 'not used' },
    ];
    /** The audit with Ana's roster training cell holding `trainingCell` (null: Ana not on the roster). */
    function auditWithTrainingCell(trainingCell: unknown) {
      const rows = rosterRows([
        { name: 'Ben', training: TRAINED, anchor: 'Proposal' },
        { name: 'Ana', anchor: 'Proposal' },
      ]);
      if (trainingCell === null) rows.pop();
      else rows[2][3] = trainingCell;
      const roster = parseRoster(rows, UTC);
      const log = parseLog(logRows(runs), { ...UTC, directory: new MemberDirectory(roster.members) });
      return runAudit({
        runs: log.runs,
        roster,
        names: log.names,
        asOf: day(AS_OF),
        weeks: 1,
        settings: DEFAULT_SETTINGS,
        skippedRows: log.skipped,
        notices: log.notices,
      });
    }

    test.each([
      ['blank', ''],
      ['only spaces', '   '],
      ['unreadable', 'after the offsite'],
      ['not on the roster', null],
    ])('training date %s', (_name, cell) => {
      const result = auditWithTrainingCell(cell);
      const evidence = member(result, 'Ana').diagnosis.flatMap((f) => f.evidence);
      expect(evidence.filter((line) => /training/i.test(line))).toEqual([]);
      expect(codes(result, 'Ana')).not.toContain('obstacle');
    });

    test('no roster at all', () => {
      const result = audit(runs, { asOf: AS_OF });
      expect(codes(result, 'Ana')).not.toContain('obstacle');
      expect(
        member(result, 'Ana')
          .diagnosis.flatMap((f) => f.evidence)
          .join('\n'),
      ).not.toMatch(/training/i);
    });

    test('the same runs with a training date before them are evidence of cause 3', () => {
      const result = auditWithTrainingCell(new Date(`${TRAINED}T00:00:00Z`));
      expect(member(result, 'Ana').diagnosis.find((f) => f.code === 'obstacle')!.evidence).toEqual([
        'Ran after training (last run 2026-03-04), then no runs in the last week.',
        'Their first 2 runs after training: heavy edit, not used.',
      ]);
    });
  });
});
