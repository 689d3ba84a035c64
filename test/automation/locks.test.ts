// The daily run and the lock ("Class LockService"): it waits a bounded time for a run in
// progress; where a trigger has no document lock it takes the script lock, which every
// spreadsheet using the add-on shares, so another spreadsheet's run may hold it for a while.
import type { RosterSpec } from '../support/sheets';
import { team } from './support';

const members: RosterSpec[] = [{ name: 'Ana', training: '2026-03-03' }];
const DUE = '2026-03-10';
const daySeven = (gas: ReturnType<typeof team>['gas']) =>
  gas.mail.sent.filter((m) => m.subject.startsWith('Uptake: Day-seven'));

describe('a run in progress elsewhere', () => {
  test('that ends within the wait: the daily run waits for it and does the day’s work that day', () => {
    const { gas, bundle } = team({ members, fake: { now: '2026-03-09T10:00:00Z' } });
    const trigger = gas.triggers.clock()[0];
    gas.clock.set(`${DUE}T08:00:00Z`);
    gas.locks.holdElsewhere('document', { releaseAfterMs: 40_000 });
    bundle.$fireTrigger(trigger);
    expect(daySeven(gas).map((m) => m.at.toISOString().slice(0, 10))).toEqual([DUE]);
    expect(bundle.getAutomationStatus().problems).toEqual([]);
  });

  test('with no document lock in the trigger, another spreadsheet’s run holding the script lock is waited for', () => {
    const { gas, bundle } = team({
      members,
      fake: { now: '2026-03-09T10:00:00Z', documentLockInTriggers: 'null' },
    });
    const trigger = gas.triggers.clock()[0];
    gas.clock.set(`${DUE}T08:00:00Z`);
    gas.locks.holdElsewhere('script', { releaseAfterMs: 45_000 });
    bundle.$fireTrigger(trigger);
    expect(daySeven(gas)).toHaveLength(1);
    expect(gas.locks.acquisitions.get('script')).toBeGreaterThan(0);
  });

  test('holding the script lock all morning: the day is not skipped silently, and the next run catches up', () => {
    const { gas, bundle } = team({
      members,
      fake: { now: '2026-03-09T10:00:00Z', documentLockInTriggers: 'null' },
    });
    const trigger = gas.triggers.clock()[0];
    gas.clock.set(`${DUE}T08:00:00Z`);
    gas.locks.holdElsewhere('script');
    expect(bundle.$fireTrigger(trigger).ok).toBe(true);
    expect(daySeven(gas)).toEqual([]);
    expect(bundle.getAutomationStatus().problems).toEqual([expect.stringContaining('could not start')]);
    gas.locks.release('script');
    bundle.$runDays(1);
    expect(daySeven(gas)).toHaveLength(1);
    expect(bundle.getAutomationStatus().lastRunReport[0]).toContain('this run did its work');
  });
});
