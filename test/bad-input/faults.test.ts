// Concurrency and faults on the BUILT bundle, beyond what test/automation already covers (a run
// repeated the same day, runs skipped, quota running out mid-run, emails taking a minute each,
// a run killed between or inside a send, a record write failing, the daily run finding the lock
// held, MailApp refusing a follow-up owner, the log deleted):
// - two audits at once;
// - MailApp refusing an extra digest recipient;
// - the quota already at zero when the run starts;
// - the 6-minute limit approached while reading, before any email;
// - a 50,000-character member name through the daily run (property sizes);
// - the roster or the log deleted, renamed or losing a column while automation is on.
import { auditFile } from '../support/fake-bundle';
import { plus } from '../support/sheets';
import { BOSS, deleteSheet, LEAD, LOG, OWNER, ROSTER, sentRows, team, type TeamOptions } from '../automation/support';
import { OWN_SHEETS } from './support';
import { snapshot } from '../support/snapshot';

const AUDIT = 'Adoption audit';
const SETUP_SUBJECT = 'Uptake: the daily run needs a fix in your spreadsheet';
const BUSY =
  'Another audit (or another Uptake task) is still writing to this spreadsheet. Nothing was changed: try again in a minute.';

/** Ana, trained on Mon 2 March (day 7: Mon 9 March), followed up by the lead; a few runs. */
function anaTeam(options: Partial<TeamOptions> = {}) {
  return team({
    members: [{ name: 'Ana', email: 'ana@example.com', training: '2026-03-02', owner: LEAD }],
    runs: [0, 1, 2].map((i) => ({ date: plus('2026-02-28', -i), member: 'Ana' })),
    ...options,
  });
}

const setupMails = (gas: ReturnType<typeof team>['gas']) => gas.mail.sent.filter((m) => m.subject === SETUP_SUBJECT);
const subjects = (gas: ReturnType<typeof team>['gas']) =>
  gas.mail.sent.map((m) => `${m.at.toISOString().slice(0, 10)} ${m.recipients.join()} ${m.subject}`);

describe('two audits at once', () => {
  test('an audit that finds another one writing waits for it, then writes one complete sheet', () => {
    const { gas, bundle } = anaTeam({ on: false });
    bundle.runAuditToSheet();
    const first = gas.sheetValues(AUDIT, auditFile(gas));
    // Another editor's audit holds the document lock for 8 more seconds.
    gas.locks.holdElsewhere('document', { releaseAfterMs: 8_000 });
    const started = gas.clock.now();
    bundle.runAuditToSheet();
    expect(gas.clock.now() - started).toBeGreaterThanOrEqual(8_000);
    // Each run says where the audit is (the owner's own file); neither says it could not run.
    expect(gas.ui.dialogs.map((d) => d.title)).toEqual(['Uptake audit written', 'Uptake audit written']);
    expect(auditFile(gas)._sheets.filter((s) => s._name === AUDIT)).toHaveLength(1);
    // Both correct: the same audit, apart from the line saying when it was written.
    expect(gas.sheetValues(AUDIT, auditFile(gas)).slice(1)).toEqual(first.slice(1));
    expect(gas.locks.holder('document')).toBeNull();
  });

  test('one that waits more than 30 s says so and changes nothing', () => {
    const { gas, bundle } = anaTeam({ on: false });
    bundle.runAuditToSheet();
    const before = gas.sheetValues(AUDIT, auditFile(gas));
    gas.locks.holdElsewhere('document');
    bundle.runAuditToSheet();
    expect(gas.ui.dialogs.slice(1)).toEqual([
      expect.objectContaining({ kind: 'alert', title: 'Uptake could not run the audit', prompt: BUSY }),
    ]);
    expect(gas.sheetValues(AUDIT, auditFile(gas))).toEqual(before);
  });

  test('the audit takes the document lock, the one the daily run and "Log a run" take too', () => {
    const { gas, bundle } = anaTeam({ on: false });
    bundle.runAuditToSheet();
    expect(gas.locks.acquisitions.get(`document:${gas.spreadsheet._id}`)).toBe(1);
  });
});

describe('MailApp refusing an extra digest recipient', () => {
  test('the owner still gets theirs; the failed one is retried, given up after three runs, and reported', () => {
    const { gas, bundle } = anaTeam({ settings: { recipients: [BOSS] } });
    gas.mail.failFor(BOSS, 'Invalid email: boss@example.com');
    bundle.$runDays(1); // Monday 2 March: the digest day
    expect(gas.mail.to(OWNER).map((m) => m.subject)).toEqual(['Uptake weekly digest: the week to Sun 1 Mar 2026']);
    expect(bundle.getAutomationStatus().problems).toEqual([
      'the aggregate weekly digest to boss@example.com failed (last 2026-03-02 08:08): Invalid email: boss@example.com; Uptake tries again at the next run.',
    ]);
    bundle.$runDays(3);
    // No email reached BOSS: their tag is read back by knowing the address.
    const digestRecords = sentRows(gas, [BOSS]).filter((r) => r.milestone === 'Weekly digest');
    expect(digestRecords.map((r) => [r.recipient, r.note])).toEqual([
      [OWNER, 'Named digest'],
      [BOSS, 'Not sent after 3 attempts: Invalid email: (an address)'],
    ]);
    expect(gas.mail.to(OWNER).filter((m) => m.subject.startsWith('Uptake weekly digest'))).toHaveLength(1);
  });
});

describe('the quota already at zero', () => {
  test('nothing is sent and the run says why; the next day everything goes, once', () => {
    const { gas, bundle } = anaTeam();
    gas.clock.set('2026-03-09T06:00:00Z');
    gas.mail.consume(gas.mail.remaining());
    const [run] = bundle.$runDueTriggers('2026-03-09T12:00:00Z');
    expect(run.ok).toBe(true);
    expect(gas.mail.sent).toEqual([]);
    expect(bundle.getAutomationStatus().lastRunReport).toEqual([
      'Stopped early: the email quota is used up (Google counts it over 24 hours from the first email, not by calendar day). 2 emails wait for the next run.',
    ]);
    bundle.$runDays(1);
    expect(subjects(gas)).toEqual([
      '2026-03-10 lead@example.com Uptake: Day-seven follow-up for Ana (late)',
      '2026-03-10 owner@example.com Uptake weekly digest: the week to Sun 8 Mar 2026 (late: due Mon 9 Mar 2026)',
    ]);
    bundle.$runDays(3);
    expect(gas.mail.sent).toHaveLength(2);
  });
});

describe('the 6-minute limit approached while reading the sheets', () => {
  test('the run starts no email past its budget, ends cleanly, and the next run sends everything once', () => {
    const { gas, bundle } = anaTeam();
    gas.clock.set('2026-03-09T06:00:00Z');
    // Every range call takes 60 s: reading the sent sheet, the log and the roster (a few range
    // calls each) uses the 270 s budget, however few reads finding the log takes.
    gas.setLatency('Range.*', 60_000);
    const [run] = bundle.$runDueTriggers('2026-03-09T12:00:00Z');
    expect(run.ok).toBe(true);
    expect(gas.mail.sent).toEqual([]);
    expect(bundle.getAutomationStatus().lastRunReport.join('\n')).toContain('close to Apps Script’s 6-minute limit');
    gas.setLatency('Range.*', 0);
    bundle.$runDays(2);
    expect(subjects(gas)).toEqual([
      '2026-03-10 lead@example.com Uptake: Day-seven follow-up for Ana (late)',
      '2026-03-10 owner@example.com Uptake weekly digest: the week to Sun 8 Mar 2026 (late: due Mon 9 Mar 2026)',
    ]);
  });
});

describe('a member whose name is 50,000 characters long', () => {
  test('the row is skipped, named by its row and length: the daily run neither overflows a property nor echoes the name', () => {
    const name = 'N'.repeat(50_000);
    const { gas, bundle } = team({ members: [{ name, training: '2026-03-02', owner: LEAD }] });
    const runs = bundle.$runDays(8); // through Monday 9 March: day 7 and the digest
    expect(runs.map((r) => r.error?.message ?? 'ok')).toEqual(Array(8).fill('ok'));
    // Uptake reads no row whose name is over 200 characters, so no follow-up is due for it.
    expect(gas.mail.to(LEAD)).toEqual([]);
    expect(sentRows(gas).filter((r) => r.milestone === 'Day-seven follow-up')).toEqual([]);
    for (const mail of gas.mail.sent) expect(`${mail.subject}\n${mail.body}`).not.toContain('N'.repeat(201));
    const report = bundle.getAutomationStatus().lastRunReport as string[];
    expect(report.length).toBeGreaterThan(0);
    for (const line of report) expect(line.length).toBeLessThanOrEqual(300);
  });
});

describe('the roster or the log deleted, renamed or changed while automation is on', () => {
  test('the roster deleted: the owner is told once; restored, the missed reminder goes late, once', () => {
    const { gas, bundle } = anaTeam();
    bundle.$runDays(1);
    const roster = gas.sheetValues(ROSTER);
    deleteSheet(gas, ROSTER);
    bundle.$runDays(4);
    expect(setupMails(gas)).toHaveLength(1);
    expect(setupMails(gas)[0].recipients).toEqual([OWNER]);
    expect(setupMails(gas)[0].body).toContain(
      'The roster sheet "Roster" that the daily run read before is gone (deleted or renamed)',
    );
    expect(bundle.getAutomationStatus().problems).toEqual([
      expect.stringContaining('The roster sheet "Roster" that the daily run read before is gone'),
    ]);
    gas.addSheet(ROSTER, roster);
    bundle.$runDays(5); // through Tuesday 10 March
    expect(gas.mail.to(LEAD).map((m) => m.subject)).toEqual(['Uptake: Day-seven follow-up for Ana']);
    expect(bundle.getAutomationStatus().problems).toEqual([]);
    expect(setupMails(gas)).toHaveLength(1);
  });

  test('the roster renamed: told once; chosen again in Settings, the reminders go on', () => {
    const { gas, bundle } = anaTeam();
    bundle.$runDays(1);
    gas.user.renameSheet(ROSTER, 'Team roster');
    bundle.$runDays(1);
    expect(setupMails(gas)).toHaveLength(1);
    bundle.saveSettings({ rosterSheet: 'Team roster' });
    bundle.$runDays(7);
    expect(gas.mail.to(LEAD).map((m) => m.subject)).toEqual(['Uptake: Day-seven follow-up for Ana']);
    expect(setupMails(gas)).toHaveLength(1);
  });

  test('the roster removed on purpose: turning automation off and on again clears the problem', () => {
    const { gas, bundle } = anaTeam();
    bundle.$runDays(1);
    deleteSheet(gas, ROSTER);
    bundle.$runDays(1);
    expect(bundle.getAutomationStatus().problems).toHaveLength(1);
    bundle.setAutomation(false);
    bundle.setAutomation(true);
    bundle.$runDays(7);
    expect(bundle.getAutomationStatus().problems).toEqual([]);
    expect(gas.mail.to(OWNER).map((m) => m.subject)).toContain('Uptake weekly digest: the week to Sun 8 Mar 2026');
  });

  test('the log chosen in Settings renamed: told once which sheet is gone; renamed back, the programme goes on', () => {
    const { gas, bundle } = anaTeam({ settings: { logSheet: LOG } });
    bundle.$runDays(1);
    gas.user.renameSheet(LOG, 'Old log');
    bundle.$runDays(3);
    expect(setupMails(gas)).toHaveLength(1);
    expect(setupMails(gas)[0].body).toContain(
      `The log sheet "${LOG}" chosen in Settings no longer exists. Choose the log sheet again in Settings.`,
    );
    gas.user.renameSheet('Old log', LOG);
    bundle.$runDays(4);
    expect(gas.mail.to(LEAD).map((m) => m.subject)).toEqual(['Uptake: Day-seven follow-up for Ana']);
  });

  test('the log renamed (found by its headers): nothing to fix, nothing missed', () => {
    const { gas, bundle } = anaTeam();
    gas.user.renameSheet(LOG, 'Runs 2026');
    bundle.$runDays(8);
    expect(setupMails(gas)).toEqual([]);
    expect(gas.mail.to(LEAD).map((m) => m.subject)).toEqual(['Uptake: Day-seven follow-up for Ana']);
  });

  test('a column deleted from the log: the owner is told which one is missing; Uptake touches neither sheet', () => {
    const { gas, bundle } = anaTeam();
    bundle.$runDays(1);
    gas.user.deleteColumns(LOG, 4); // Outcome
    const before = snapshot(gas, { except: OWN_SHEETS });
    bundle.$runDays(3);
    expect(setupMails(gas)).toHaveLength(1);
    expect(setupMails(gas)[0].body).toContain(
      `Log sheet "${LOG}": The log has no header row with the columns Uptake needs. Missing: Outcome`,
    );
    expect(bundle.getDashboard({}).problem).toEqual({
      code: 'log-header',
      message: expect.stringContaining('Missing: Outcome'),
    });
    expect(snapshot(gas, { except: OWN_SHEETS })).toEqual(before);
  });
});
