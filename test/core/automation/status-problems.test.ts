// The automation status's own two problems, from the facts src/gas/automation-status.ts reads.
import { scheduleMovedProblem, statusUnreadProblem } from '../../../src/core/automation/status-problems';
import type { AutomationState } from '../../../src/core/automation/store';

const on: AutomationState = {
  on: true,
  triggerId: 't1',
  hour: 8,
  spreadsheetId: 's1',
  turnedOnBy: 'lead@example.com',
  since: '2026-11-02',
};

describe('scheduleMovedProblem', () => {
  test('the trigger at another hour than Settings ask for: how to move it', () => {
    expect(scheduleMovedProblem(on, 17)).toBe(
      'The daily run is still set for 8:00; turn automation off and on again to move it to 17:00.',
    );
  });

  test('nothing when the hours agree, automation is off or was never turned on', () => {
    expect(scheduleMovedProblem(on, 8)).toBeNull();
    expect(scheduleMovedProblem({ ...on, on: false }, 17)).toBeNull();
    expect(scheduleMovedProblem(null, 17)).toBeNull();
  });
});

describe('statusUnreadProblem', () => {
  test('says the error in its own words', () => {
    expect(statusUnreadProblem(new Error('Service unavailable: Properties'))).toBe(
      'Uptake could not read the automation status: Service unavailable: Properties',
    );
    expect(statusUnreadProblem('quota')).toBe('Uptake could not read the automation status: quota');
  });
});
