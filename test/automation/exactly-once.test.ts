// Exactly once: a run repeated the same day, runs skipped, quota or time running out (also the
// quota a Send digest now used the afternoon before), and a run killed half-way. Six members
// trained on Tue 3 March, each with their own follow-up owner, so that Tue 10 March has six
// day-seven emails to send.
import { timeDrivenEvent, EXECUTION_TIMEOUT_MESSAGE } from '../../packages/fake-apps-script';
import type { RosterSpec } from '../support/sheets';
import { dayOf, duplicates, milestoneKeys, sentRows, team } from './support';

const NAMES = ['Ana', 'Ben', 'Cleo', 'Dara', 'Eli', 'Fay'];
const members: RosterSpec[] = NAMES.map((name) => ({
  name,
  training: '2026-03-03',
  owner: `${name.toLowerCase()}.lead@example.com`,
}));
const DUE = '2026-03-10';

/** Turned on Monday 9 March (so the first digest is Monday 16), run through to `until`. */
function sixDue(fake = {}) {
  return team({ members, fake: { now: '2026-03-09T10:00:00Z', ...fake } });
}

function daySeven(gas: ReturnType<typeof team>['gas']) {
  return gas.mail.sent.filter((m) => m.subject.startsWith('Uptake: Day-seven follow-up'));
}

/** Who got a day-seven email, in order: "ana" for ana.lead@example.com. */
function leadsMailed(gas: ReturnType<typeof team>['gas']): string[] {
  return daySeven(gas).map((m) => m.recipients[0].split('.')[0]);
}

const everyone = NAMES.map((n) => n.toLowerCase());

/**
 * The due run, with the sent sheet refusing the write of the first email's record (as Sheets
 * does when it times out); true when that write was refused.
 */
function runFailingFirstRecordWrite(gas: ReturnType<typeof team>['gas'], bundle: ReturnType<typeof team>['bundle']) {
  let failed = false;
  const stop = gas.onCall((call) => {
    if (!failed && call.key === 'Range.setValues' && gas.mail.sent.length === 1) {
      failed = true;
      throw new Error('Service Spreadsheets timed out while accessing document');
    }
  });
  bundle.$runDueTriggers(`${DUE}T12:00:00Z`);
  stop();
  return failed;
}

describe('a run repeated the same day', () => {
  test('sends nothing the second time, from the trigger or by hand', () => {
    const { gas, bundle } = sixDue();
    gas.calls.reset();
    bundle.$runDueTriggers(`${DUE}T12:00:00Z`);
    expect(leadsMailed(gas).sort()).toEqual(everyone);
    // Each email is recorded by one setValues and a flush right after it (plus the new sheet's header).
    expect(gas.calls.count('Range.setValues')).toBe(6 + 1);
    expect(gas.calls.count('SpreadsheetApp.flush')).toBe(6);
    expect(gas.calls.count('MailApp.getRemainingDailyQuota')).toBe(6);
    const trigger = gas.triggers.clock()[0];
    expect(bundle.$fireTrigger(trigger).ok).toBe(true);
    bundle.runDaily(timeDrivenEvent(trigger, gas.clock.now()));
    expect(daySeven(gas)).toHaveLength(6);
    expect(duplicates(milestoneKeys(gas))).toEqual([]);
    expect(bundle.getAutomationStatus().lastRunReport).toEqual([]);
  });
});

describe('runs skipped', () => {
  test('two days without a run: the late milestones go once, saying when they were due', () => {
    const { gas, bundle } = sixDue();
    gas.clock.set('2026-03-11T12:00:00Z'); // the runs of 10 and 11 March did not happen
    bundle.$runDays(1);
    expect(daySeven(gas).map(dayOf)).toEqual(Array(6).fill('2026-03-12'));
    for (const mail of daySeven(gas)) {
      expect(mail.subject).toMatch(/\(late\)$/);
      expect(mail.body).toContain('due on Tue 10 Mar 2026, 2 days ago');
    }
    expect(sentRows(gas).map((r) => r.note)).toEqual(Array(6).fill('Due 2026-03-10, sent 2 days late'));
    bundle.$runDays(3);
    expect(daySeven(gas)).toHaveLength(6);
  });
});

describe('quota running out mid-run', () => {
  test('what does not fit goes the next day: none lost, none doubled', () => {
    const { gas, bundle } = sixDue({ mailQuota: 4 });
    gas.mail.consume(0);
    bundle.$runDueTriggers(`${DUE}T12:00:00Z`);
    expect(daySeven(gas)).toHaveLength(4);
    expect(milestoneKeys(gas)).toHaveLength(4);
    const status = bundle.getAutomationStatus();
    expect(status.lastRunReport.join('\n')).toContain(
      'Stopped early: the email quota is used up (Google counts it over 24 hours from the first email, not by calendar day). 2 emails wait for the next run.',
    );
    bundle.$runDays(1);
    expect(leadsMailed(gas).sort()).toEqual(everyone);
    expect(daySeven(gas).slice(4).map(dayOf)).toEqual(['2026-03-11', '2026-03-11']);
    expect(duplicates(milestoneKeys(gas))).toEqual([]);
    bundle.$runDays(2);
    expect(daySeven(gas)).toHaveLength(6);
  });
});

describe('the quota used by Send digest now the afternoon before', () => {
  // "Quotas for Google Services": the daily quotas reset 24 hours after the first request
  // (https://developers.google.com/apps-script/guides/services/quotas); the fake keeps that
  // rolling window per user, so the digest sent at 15:00 still counts at the 08:00 run.
  test('the next morning’s run sends what fits, the rest wait a day; nothing goes twice', () => {
    const { gas, bundle } = sixDue({ mailQuota: 4 });
    gas.clock.set('2026-03-09T15:00:00Z');
    expect(bundle.sendDigestNow()).toBe('Digest sent to 1 recipient.');
    expect(gas.mail.sent).toHaveLength(1);
    bundle.$runDueTriggers(`${DUE}T12:00:00Z`);
    expect(daySeven(gas)).toHaveLength(3); // a quota counted by calendar day would have sent 4
    expect(daySeven(gas).map(dayOf)).toEqual(Array(3).fill(DUE));
    expect(milestoneKeys(gas)).toHaveLength(3);
    expect(bundle.getAutomationStatus().lastRunReport.join('\n')).toContain(
      'Stopped early: the email quota is used up (Google counts it over 24 hours from the first email, not by calendar day). 3 emails wait for the next run.',
    );
    bundle.$runDays(1);
    expect(leadsMailed(gas).sort()).toEqual(everyone);
    expect(daySeven(gas).slice(3).map(dayOf)).toEqual(Array(3).fill('2026-03-11'));
    expect(duplicates(milestoneKeys(gas))).toEqual([]);
    bundle.$runDays(2);
    expect(daySeven(gas)).toHaveLength(6);
    expect(gas.mail.sent.filter((m) => m.subject.startsWith('Uptake weekly digest'))).toHaveLength(1);
  });
});

describe('the six-minute limit approached', () => {
  test('the run stops starting emails in time, and the next run sends the rest', () => {
    const { gas, bundle } = sixDue();
    gas.setLatency('MailApp.sendEmail', 60_000); // each email takes a minute
    const [run] = bundle.$runDueTriggers(`${DUE}T12:00:00Z`);
    expect(run.ok).toBe(true); // not killed
    expect(daySeven(gas)).toHaveLength(5);
    expect(milestoneKeys(gas)).toHaveLength(5);
    expect(bundle.getAutomationStatus().lastRunReport.join('\n')).toContain(
      'close to Apps Script’s 6-minute limit. 1 email waits',
    );
    bundle.$runDays(1);
    expect(leadsMailed(gas).sort()).toEqual(everyone);
    expect(duplicates(milestoneKeys(gas))).toEqual([]);
  });
});

describe('the daily run killed half-way', () => {
  /** Kills the running execution at the first service call `when` accepts, as Apps Script's limit does. */
  function killWhen(gas: ReturnType<typeof team>['gas'], when: (key: string, sendsSoFar: number) => boolean) {
    let sends = 0;
    let done = false;
    const remove = gas.onCall((call) => {
      if (done) return;
      if (when(call.key, sends)) {
        done = true;
        gas.execution!.killed = true;
        throw new Error(EXECUTION_TIMEOUT_MESSAGE);
      }
      if (call.key === 'MailApp.sendEmail') sends++;
    });
    return remove;
  }

  test('killed between two emails: the rerun sends only what was not recorded', () => {
    const { gas, bundle } = sixDue();
    const stop = killWhen(gas, (key, sends) => key === 'MailApp.sendEmail' && sends === 3);
    const [run] = bundle.$runDueTriggers(`${DUE}T12:00:00Z`);
    stop();
    expect(run.ok).toBe(false);
    expect(daySeven(gas)).toHaveLength(3);
    expect(milestoneKeys(gas)).toHaveLength(3);
    bundle.$runDays(1);
    expect(leadsMailed(gas).sort()).toEqual(everyone);
    expect(daySeven(gas)).toHaveLength(6);
    expect(duplicates(milestoneKeys(gas))).toEqual([]);
  });

  test('killed between an email and its record (the residual window): only that one email goes twice', () => {
    const { gas, bundle } = sixDue();
    const stop = killWhen(gas, (key, sends) => sends === 3 && key !== 'MailApp.sendEmail');
    bundle.$runDueTriggers(`${DUE}T12:00:00Z`);
    stop();
    expect(daySeven(gas)).toHaveLength(3);
    expect(milestoneKeys(gas)).toHaveLength(2);
    bundle.$runDays(1);
    const mailed = leadsMailed(gas);
    expect(mailed).toHaveLength(7);
    expect(duplicates(mailed)).toEqual([mailed[2]]);
    expect(duplicates(milestoneKeys(gas))).toEqual([]);
  });

  test('a failed write of the record is kept and written first next run, no email starts after it: nothing is sent twice', () => {
    const { gas, bundle } = sixDue();
    const failed = runFailingFirstRecordWrite(gas, bundle);
    expect(failed).toBe(true);
    expect(daySeven(gas)).toHaveLength(1);
    expect(milestoneKeys(gas)).toHaveLength(0);
    bundle.$runDays(2);
    expect(daySeven(gas)).toHaveLength(6);
    expect(milestoneKeys(gas)).toHaveLength(6);
    expect(duplicates(milestoneKeys(gas))).toEqual([]);
  });
});

describe('two runs at once', () => {
  test('a run that finds the lock held past its wait does nothing, says so, and the next run does the work', () => {
    const { gas, bundle } = sixDue();
    // Whichever lock the run takes: in a trigger the document lock may be null (UPTAKE_FAKE_ANSWERS).
    gas.locks.holdElsewhere('document');
    gas.locks.holdElsewhere('script');
    const [run] = bundle.$runDueTriggers(`${DUE}T12:00:00Z`);
    expect(run.ok).toBe(true);
    expect(gas.mail.sent).toHaveLength(0);
    expect(bundle.getAutomationStatus().problems).toEqual([
      expect.stringMatching(/^The daily run of 2026-03-10 08:\d\d could not start: another Uptake run held the lock/),
    ]);
    gas.locks.release('document');
    gas.locks.release('script');
    bundle.$runDays(1);
    expect(leadsMailed(gas).sort()).toEqual(everyone);
    const status = bundle.getAutomationStatus();
    expect(status.problems).toEqual([]);
    expect(status.lastRunReport[0]).toMatch(
      /^The daily run of 2026-03-10 08:\d\d could not start .*this run did its work\.$/,
    );
  });
});

describe('records kept in properties', () => {
  test('an email settling more records than one property value holds (9 KB) keeps them all', () => {
    const many: RosterSpec[] = Array.from({ length: 80 }, (_, i) => ({
      name: `Member ${i} ${'n'.repeat(80)}`,
      training: '2026-03-03',
      owner: 'lead@example.com',
    }));
    // 80 pairings of such names with their follow-up owner are over what one stored value keeps
    // approved: unapproved, the follow-ups go to the owner, in the same one email.
    const { gas, bundle } = team({ members: many, fake: { now: '2026-03-09T10:00:00Z' }, approveFollowUps: false });
    expect(runFailingFirstRecordWrite(gas, bundle)).toBe(true);
    expect(gas.mail.sent).toHaveLength(1);
    bundle.$runDays(1);
    expect(daySeven(gas)).toHaveLength(1);
    expect(milestoneKeys(gas)).toHaveLength(80);
    expect(duplicates(milestoneKeys(gas))).toEqual([]);
  });
});
