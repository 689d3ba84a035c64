import { plus } from '../support/sheets';
import { auditTables, cellDisplay, NO_VALUE, type AuditTable } from '../../src/core/audit/audit-table';
import { windowLabel } from '../../src/core/base/text';
import { audit, runsOf } from './fixtures';

const AS_OF = '2026-03-15';

function table(tables: AuditTable[], id: AuditTable['id']): AuditTable {
  const found = tables.find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
}

const sample = () =>
  audit(
    [
      ...runsOf('Ana', 4, AS_OF, { workflow: 'Proposal' }),
      ...runsOf('Ben', 3, AS_OF, { workflow: 'Weekly update', outcome: 'Heavy edit', edit: 'tone, format' }),
      { date: AS_OF, member: '=IMPORTXML("http://x","//a")', workflow: '+1 draft' },
      { date: 'not a date', member: 'Ana' },
    ],
    {
      asOf: AS_OF,
      roster: [
        { name: 'Ana', training: plus(AS_OF, -20), anchor: 'Proposal' },
        { name: 'Ben', training: plus(AS_OF, -50) },
        { name: 'Cleo' },
      ],
    },
  );

describe('auditTables', () => {
  const result = sample();
  const tables = auditTables(result);

  test('every row has one cell per column', () => {
    for (const t of tables) {
      for (const row of t.rows) expect(row).toHaveLength(t.columns.length);
    }
  });

  test('the member table lists the audit members in the audit order, with their figures', () => {
    const members = table(tables, 'members');
    expect(members.rows.map((r) => r[0])).toEqual(result.members.map((m) => m.member));
    const ben = members.rows.find((r) => r[0] === 'Ben')!;
    const benReport = result.members.find((m) => m.member === 'Ben')!;
    expect(ben[2]).toBe(benReport.category);
    expect(ben[3]).toBe(benReport.usesPerWeek);
    expect(ben[4]).toBe(benReport.acceptanceRate);
    expect(ben[5]).toBe(benReport.runs);
    expect(ben[8]).toBe(benReport.sixWeek.label);
  });

  test('a member without runs has no acceptance rate (null, shown "–"), not 0%', () => {
    const cleo = table(tables, 'members').rows.find((r) => r[0] === 'Cleo')!;
    expect(cleo[4]).toBeNull();
    expect(cellDisplay(cleo[4], 'percent')).toBe(NO_VALUE);
    expect(cleo[6]).toBe('no training date');
  });

  test('text from the log stays the exact text', () => {
    const names = table(tables, 'members').rows.map((r) => r[0]);
    expect(names).toContain('=IMPORTXML("http://x","//a")');
    expect(table(tables, 'workflows').rows.map((r) => r[0])).toContain('+1 draft');
  });

  test('categories add up to the members in scope', () => {
    const rows = table(tables, 'categories').rows;
    expect(rows.reduce((sum, r) => sum + (r[1] as number), 0)).toBe(result.team.membersInScope);
  });

  test('workflows carry the target and the below-target flag of the audit', () => {
    const rows = table(tables, 'workflows').rows;
    expect(rows).toHaveLength(result.workflows.length);
    for (const [i, w] of result.workflows.entries()) {
      expect(rows[i]).toEqual([
        w.workflow,
        w.runs,
        w.members,
        w.acceptanceRate,
        result.settings.acceptanceTarget,
        w.belowTarget ? 'yes' : '',
      ]);
    }
    expect(rows.find((r) => r[0] === 'Weekly update')?.[5]).toBe('yes');
  });

  test('edit types count the team edits', () => {
    const rows = table(tables, 'editTypes').rows;
    expect(rows.find((r) => r[0] === 'tone')?.[1]).toBe(result.team.editTypes.tone);
    expect(rows.find((r) => r[0] === 'tone')?.[1]).toBe(3);
  });

  test('a skipped log row is listed with its row number and reason', () => {
    const skipped = result.skippedRows[0];
    expect(skipped).toBeDefined();
    expect(table(tables, 'rows').rows).toContainEqual(['Log', skipped.row, 'Skipped', skipped.reason]);
  });

  test('the summary row holds the team figures', () => {
    const [row] = table(tables, 'summary').rows;
    const t = result.team;
    expect(row).toEqual([
      t.adoptionRate,
      t.trainingCompletionRate,
      t.gap,
      t.blendedAcceptanceRate,
      t.membersInScope,
      t.genuineAdopters,
      t.runs,
      t.activeMembers,
      t.workflowsBelowThreshold.length,
      result.skippedRows.length,
    ]);
  });
});

describe('cellDisplay and windowLabel', () => {
  test.each([
    [0.734, 'percent', '73%'],
    [2.25, 'decimal', '2.3'],
    [4, 'integer', '4'],
    ['not yet', 'integer', 'not yet'],
    [null, 'decimal', NO_VALUE],
  ] as const)('%p as %s reads %p', (cell, kind, shown) => {
    expect(cellDisplay(cell, kind)).toBe(shown);
  });

  test('the window names its weeks and days', () => {
    expect(windowLabel({ weeks: 2, windowStart: '2026-03-02', asOf: '2026-03-15' })).toBe(
      '2 weeks (2026-03-02 to 2026-03-15)',
    );
    expect(windowLabel({ weeks: 1, windowStart: '2026-03-09', asOf: '2026-03-15' })).toBe(
      '1 week (2026-03-09 to 2026-03-15)',
    );
  });
});
