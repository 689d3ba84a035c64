/** How interventions read in the digest and on the audit sheet (rules §14): "change after", never "effect of". */
import { interventionDigestBlocks } from '../../src/core/interventions/digest';
import { interventionTables } from '../../src/core/interventions/tables';
import { changeSentence, figureLines, pointsChange, usesChange } from '../../src/core/interventions/wording';
import type { InterventionReport } from '../../src/core/interventions/types';
import { NO_INTERVENTIONS, type InterventionsView } from '../../src/core/interventions/view';
import { summariseByType } from '../../src/core/interventions/summary';
import type { EmailBlock } from '../../src/core/mail/email';
import { day } from './fixtures';

function report(over: Partial<InterventionReport> & Pick<InterventionReport, 'date'>): InterventionReport {
  return {
    row: 2,
    member: 'Chloé Martin',
    type: 'Context pack fix',
    typeAsWritten: 'Context pack fix',
    workflow: 'Client proposal',
    note: '',
    before: { from: '', to: '', runs: 5, usesPerWeek: 2, acceptanceRate: 0.4, adoptionRate: null },
    after: { from: '', to: '', days: 14, runs: 6, usesPerWeek: 3, acceptanceRate: 5 / 6, adoptionRate: null },
    change: { usesPerWeek: 1, acceptanceRate: 5 / 6 - 0.4, adoptionRate: null },
    ...over,
  };
}

const COMPLETE = report({ date: '2026-02-10' }); // 14 days after end on 24 Feb
const PARTIAL = report({
  row: 3,
  date: '2026-02-23',
  member: null,
  type: 'Peer advocacy moment',
  typeAsWritten: 'Peer advocacy moment',
  workflow: null,
  after: { from: '', to: '', days: 6, runs: 1, usesPerWeek: null, acceptanceRate: 1, adoptionRate: 0.5 },
  before: { from: '', to: '', runs: 9, usesPerWeek: null, acceptanceRate: 0.5, adoptionRate: 0.25 },
  change: null,
});
const view = (reports: InterventionReport[]): InterventionsView => ({
  sheet: 'Interventions',
  interventions: reports,
  byType: summariseByType(reports),
  skipped: [{ row: 9, reason: 'The date is blank' }],
  notices: [],
});
const textOf = (blocks: EmailBlock[]) => JSON.stringify(blocks);

describe('wording', () => {
  test('changes: signed, acceptance in points', () => {
    expect([usesChange(1), usesChange(-0.5), usesChange(0), usesChange(null)]).toEqual(['+1.0', '−0.5', '±0', '–']);
    expect([pointsChange(0.4333), pointsChange(-0.01), pointsChange(0), pointsChange(null)]).toEqual([
      '+43 points',
      '−1 point',
      '±0 points',
      '–',
    ]);
  });

  test('before → after, the change once complete; a partial window says its days', () => {
    expect(figureLines(COMPLETE)).toEqual([
      'Uses a week 2.0 → 3.0 (+1.0)',
      'Acceptance on Client proposal 40% → 83% (+43 points)',
    ]);
    expect(changeSentence(PARTIAL)).toBe(
      'After window: 6 of 14 days so far; the change after is shown once it is complete.',
    );
    expect(figureLines(PARTIAL)).toEqual(['Adoption rate 25% → 50%', 'Blended acceptance 50% → 100%']);
  });
});

describe('the digest (named)', () => {
  test('recorded this week, and those whose 14 days just ended, with their change after', () => {
    const blocks = interventionDigestBlocks({
      view: view([COMPLETE, PARTIAL]),
      named: true,
      weekStart: day('2026-02-23'),
      asOf: day('2026-03-01'),
      membersInScope: 3,
      minGroup: 5,
    });
    expect(blocks).toEqual([
      { kind: 'heading', text: 'Interventions and the change after them' },
      { kind: 'paragraph', text: 'Recorded this week:' },
      {
        kind: 'list',
        items: ['Mon 23 Feb 2026 · Peer advocacy moment · whole team: after window 6 of 14 days so far.'],
      },
      { kind: 'paragraph', text: 'Their 14 days after ended this week:' },
      {
        kind: 'list',
        items: [
          'Tue 10 Feb 2026 · Context pack fix · Chloé Martin · Client proposal. Change after: Uses a week 2.0 → 3.0 (+1.0); Acceptance on Client proposal 40% → 83% (+43 points).',
        ],
      },
    ]);
    expect(textOf(blocks)).not.toMatch(/effect/i);
  });

  test('a week with neither says so; no sheet, no section', () => {
    const blocks = interventionDigestBlocks({
      view: view([COMPLETE]),
      named: true,
      weekStart: day('2026-03-09'),
      asOf: day('2026-03-15'),
      membersInScope: 3,
      minGroup: 5,
    });
    expect(blocks.filter((b) => b.kind === 'paragraph').map((b) => (b as { text: string }).text)).toEqual([
      'Recorded this week:',
      'None.',
      'Their 14 days after ended this week:',
      'None.',
    ]);
    expect(
      interventionDigestBlocks({
        view: NO_INTERVENTIONS,
        named: true,
        weekStart: 0,
        asOf: 7,
        membersInScope: 3,
        minGroup: 5,
      }),
    ).toEqual([]);
  });
});

describe('the digest (aggregate)', () => {
  const input = (reports: InterventionReport[], membersInScope: number) => ({
    view: view(reports),
    named: false,
    weekStart: day('2026-02-23'),
    asOf: day('2026-03-01'),
    membersInScope,
    minGroup: 5,
  });
  const fix = (member: string) => report({ date: '2026-02-10', member });

  test('names nobody and shows only types covering 5 or more people', () => {
    const four = ['A', 'B', 'C', 'D'].map(fix);
    expect(interventionDigestBlocks(input(four, 10))).toEqual([]);
    const five = [...four, fix('E'), fix('E')];
    const blocks = interventionDigestBlocks(input(five, 10));
    expect(blocks[1]).toEqual({
      kind: 'list',
      items: ['Context pack fix: 6 recorded, 6 complete; median change after +1.0 uses a week, +43 points acceptance.'],
    });
    expect(textOf(blocks)).not.toMatch(/Chloé|"A"|Client proposal/);
  });

  test('a team-wide intervention covers the members in scope', () => {
    expect(interventionDigestBlocks(input([PARTIAL], 4))).toEqual([]);
    const blocks = interventionDigestBlocks(input([PARTIAL], 5));
    expect((blocks[1] as { items: string[] }).items).toEqual([
      'Peer advocacy moment: 1 recorded, 0 complete; no after window complete yet.',
    ]);
  });
});

describe('the audit sheet tables', () => {
  test('one row per intervention, changes in points, the partial window in days; the summary; the rows', () => {
    const [list, byType, rows] = interventionTables(view([COMPLETE, PARTIAL]));
    expect(list.rows).toEqual([
      [
        '2026-02-10',
        'Context pack fix · Chloé Martin · Client proposal',
        'complete',
        2,
        3,
        1,
        0.4,
        5 / 6,
        (5 / 6 - 0.4) * 100,
        null,
        null,
        null,
        '',
        '',
      ],
      [
        '2026-02-23',
        'Peer advocacy moment · whole team',
        '6 of 14 days',
        null,
        null,
        null,
        0.5,
        1,
        null,
        0.25,
        0.5,
        null,
        '',
        '',
      ],
    ]);
    expect(list.columns.map((c) => c.label).filter((l) => /change/i.test(l))).toEqual([
      'Change after in uses a week',
      'Change after in acceptance (points)',
      'Change after in adoption (points)',
    ]);
    expect(byType.rows).toEqual([
      ['Context pack fix', 1, 1, 1, (5 / 6 - 0.4) * 100],
      ['Peer advocacy moment', 1, 0, null, null],
    ]);
    expect(rows.rows).toEqual([[9, 'Skipped', 'The date is blank']]);
    expect(JSON.stringify([list, byType])).not.toMatch(/effect/i);
  });
});
