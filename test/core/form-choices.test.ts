import { formChoices, OTHER_WORKFLOW } from '../../src/core/form/questions';
import { parseLog } from '../../src/core/sheets/log';
import { MemberDirectory, parseRoster } from '../../src/core/sheets/roster';
import { logRows, rosterRows } from '../support/sheets';
import { UTC } from './fixtures';

const roster = parseRoster(
  rosterRows([
    { name: 'Ann', anchor: 'Triage', trained: 'Replies' },
    { name: 'Bo', anchor: 'Refunds' },
  ]),
  UTC,
);

describe('the logging form’s choices', () => {
  it('come from the roster alone when the log could not be read', () => {
    expect(formChoices(roster, null)).toEqual({
      members: ['Ann', 'Bo'],
      workflows: ['Triage', 'Replies', 'Refunds', OTHER_WORKFLOW],
    });
  });

  it('add the log’s workflows after the roster’s, and take the log’s names without a roster', () => {
    const log = parseLog(
      logRows([
        { date: '2026-03-02', member: 'Cy', workflow: 'Billing' },
        { date: '2026-03-03', member: 'Cy', workflow: 'Triage' },
      ]),
      { ...UTC, directory: new MemberDirectory([]) },
    );
    expect(formChoices(roster, log.table).workflows).toEqual([
      'Triage',
      'Replies',
      'Refunds',
      'Billing',
      OTHER_WORKFLOW,
    ]);
    expect(formChoices(null, log.table).members).toEqual(['Cy']);
    expect(formChoices(null, null)).toEqual({ members: [], workflows: [OTHER_WORKFLOW] });
  });
});
