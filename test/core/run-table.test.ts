import { logRows } from '../support/sheets';
import { RunTable, editMask, editTypesOf } from '../../src/core/sheets/run-table';
import { parseLog } from '../../src/core/sheets/log';
import { UTC } from './fixtures';
import type { Run } from '../../src/core/base/types';

describe('RunTable: the runs column by column', () => {
  const runs: Run[] = [
    {
      row: 2,
      day: 20_000,
      memberKey: 'ana',
      memberText: 'Ana',
      workflowKey: 'proposal',
      workflow: 'Proposal',
      outcome: 'heavy',
      editTypes: ['tone', 'wrong info'],
      prompted: false,
    },
    {
      row: 3,
      day: 20_001,
      memberKey: 'ana',
      memberText: 'ANA',
      workflowKey: 'proposal',
      workflow: 'proposal',
      outcome: 'as-is',
      editTypes: [],
      prompted: true,
    },
    {
      row: 5,
      day: 19_990,
      memberKey: 'ben',
      memberText: 'Ben',
      workflowKey: 'summary',
      workflow: 'Summary',
      outcome: 'not-used',
      editTypes: ['format'],
      prompted: false,
    },
  ];

  test('gives back the runs it was made from, spelling by spelling', () => {
    const table = RunTable.fromRuns(runs);
    expect(table.length).toBe(3);
    expect(table.toArray()).toEqual(runs);
    // Two spellings of one member are two cells with one key.
    expect(table.memberTexts).toEqual(['Ana', 'ANA', 'Ben']);
    expect(table.memberKeys).toEqual(['ana', 'ana', 'ben']);
  });

  test('edit types travel as a mask, in the canonical order', () => {
    expect(editTypesOf(editMask(['wrong info', 'tone']))).toEqual(['tone', 'wrong info']);
    expect(editTypesOf(0)).toEqual([]);
  });

  test('the parser fills one, and its Run objects are made on demand from it', () => {
    const log = parseLog(
      logRows([
        { date: '2026-03-02', member: 'Ana', edit: 'scope', outcome: 'light' },
        { date: '2026-03-03', member: 'Ben' },
      ]),
      UTC,
    );
    expect(log.table.length).toBe(2);
    expect(log.runs.map((r) => [r.row, r.memberText, r.outcome, r.editTypes])).toEqual([
      [2, 'Ana', 'light', ['scope']],
      [3, 'Ben', 'as-is', []],
    ]);
  });
});
