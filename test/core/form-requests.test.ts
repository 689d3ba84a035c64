// What "Log a run" and "Record an intervention" accept before they write anything (the writes
// themselves are tested on the bundle). Both check their text fields and dates by the same rules.
import { checkLogRun } from '../../src/core/sheets/log-request';
import { checkIntervention } from '../../src/core/interventions/request';
import { CELL_TEXT_LIMIT } from '../../src/core/base/cell-formats';
import { isoToDay } from '../../src/core/base/dates';

const TODAY = isoToDay('2026-03-15')!;
const valid = {
  date: '2026-03-14',
  member: '  Ana   Lee ',
  workflow: 'Weekly update',
  outcome: 'light',
  editTypes: ['tone', 'Missing info'],
  prompted: false,
  notes: ' ok ',
};

describe('checkLogRun', () => {
  test('a valid run: spaces folded, outcome in its dropdown spelling, edit types canonical', () => {
    expect(checkLogRun(valid, TODAY)).toEqual({
      day: isoToDay('2026-03-14'),
      member: 'Ana Lee',
      workflow: 'Weekly update',
      outcome: 'Light edit',
      editTypes: 'tone, missing info',
      prompted: false,
      notes: 'ok',
    });
  });

  test('today is allowed, tomorrow is not', () => {
    expect(checkLogRun({ ...valid, date: '2026-03-15' }, TODAY).day).toBe(TODAY);
    expect(() => checkLogRun({ ...valid, date: '2026-03-16' }, TODAY)).toThrow(
      'The date 2026-03-16 is in the future: today is 2026-03-15',
    );
  });

  test.each([
    [{ date: '15/03/2026' }, 'The date "15/03/2026" is not a date: use YYYY-MM-DD.'],
    [{ date: '2026-02-30' }, 'The date "2026-02-30" is not a date'],
    [{ date: '' }, 'Enter the date of the run.'],
    [{ member: '   ' }, 'Enter the team member.'],
    [{ workflow: '' }, 'Enter the workflow.'],
    [{ workflow: 42 }, 'Workflow must be text.'],
    [{ outcome: 'great' }, 'Choose the outcome: Used as-is, Light edit, Heavy edit, Not used.'],
    [
      { editTypes: ['tone', 'vibes'] },
      'Edit type "vibes" is not one of: tone, scope, format, missing info, wrong info.',
    ],
    [{ prompted: 'yes' }, 'Prompted must be ticked or not.'],
  ])('%p is refused: %s', (change, message) => {
    expect(() => checkLogRun({ ...valid, ...change }, TODAY)).toThrow(message);
  });

  test('formula-looking text is kept as typed (it is written as text)', () => {
    const entry = checkLogRun({ ...valid, member: '+1 Ana', workflow: '=HYPERLINK("http://x")' }, TODAY);
    expect(entry.member).toBe('+1 Ana');
    expect(entry.workflow).toBe('=HYPERLINK("http://x")');
  });

  test('no request at all is refused with a message', () => {
    expect(() => checkLogRun(null, TODAY)).toThrow('Nothing to log');
  });
});

describe('checkIntervention', () => {
  const known = (text: string) => (text.toLowerCase().replace(/\s+/g, ' ').trim() === 'ana lee' ? 'Ana Lee' : null);
  const valid = { date: '2026-03-15', member: ' ana  LEE', type: 'other', workflow: ' Weekly   update ', note: '' };

  test('a valid intervention: the member as the roster spells it, the type canonical, spaces folded', () => {
    expect(checkIntervention(valid, TODAY, known)).toEqual({
      day: TODAY,
      member: 'Ana Lee',
      type: 'Other',
      workflow: 'Weekly update',
      note: '',
    });
    expect(checkIntervention({ ...valid, member: '' }, TODAY, known).member).toBe('');
  });

  test.each([
    [
      { date: '2026-03-16' },
      'The date 2026-03-16 is in the future: record an intervention once it has happened (today is 2026-03-15).',
    ],
    [{ date: '03/15/2026' }, 'The date "03/15/2026" is not a date: use YYYY-MM-DD.'],
    [{ date: ' ' }, 'Enter the date of the intervention.'],
    [{ type: 'pep talk' }, 'Choose the type: '],
    [{ member: 'Bo' }, '"Bo" is neither on the roster nor in the log: choose a team member, or the whole team.'],
    [{ note: ['x'] }, 'Note must be text.'],
    [
      { workflow: 'w'.repeat(CELL_TEXT_LIMIT + 1) },
      `Workflow is ${CELL_TEXT_LIMIT + 1} characters long; a cell holds at most ${CELL_TEXT_LIMIT}.`,
    ],
  ])('%p is refused: %s', (change, message) => {
    expect(() => checkIntervention({ ...valid, ...change }, TODAY, known)).toThrow(message);
  });

  test('no request at all is refused with a message', () => {
    expect(() => checkIntervention(undefined, TODAY, known)).toThrow('Nothing to record: fill in the form.');
  });
});
