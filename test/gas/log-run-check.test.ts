// What "Log a run" accepts before it writes anything (the write itself is tested on the bundle).
import { checkLogRun } from '../../src/gas/log-run';
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
