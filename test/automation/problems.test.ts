// Problems reach the owner once: a missing log, an email MailApp refuses, a renamed member.
import type { RosterSpec } from '../support/sheets';
import { deleteSheet, LEAD, LOG, milestoneKeys, OWNER, sentRows, team } from './support';

const setupSubject = 'Uptake: the daily run needs a fix in your spreadsheet';

describe('the log sheet deleted', () => {
  test('the owner is emailed once, not daily; again only when the problem comes back after a fix', () => {
    const { gas, bundle } = team({ members: [{ name: 'Ana', training: '2026-03-02' }] });
    deleteSheet(gas, LOG);
    bundle.$runDays(5);
    const problemMails = () => gas.mail.sent.filter((m) => m.subject === setupSubject);
    expect(problemMails()).toHaveLength(1);
    expect(problemMails()[0].recipients).toEqual([OWNER]);
    expect(problemMails()[0].body).toContain('Uptake found no log');
    expect(problemMails()[0].body).toContain('Set up log and roster');
    expect(gas.mail.sent.filter((m) => m.subject !== setupSubject)).toEqual([]);
    const status = bundle.getAutomationStatus();
    expect(status.problems).toEqual([expect.stringContaining('Uptake found no log')]);
    expect(status.lastRunReport).toEqual([expect.stringContaining('Still waiting for a fix')]);

    // Fixed on Friday 6 March after the run: on Saturday the Monday digest is caught up once, the
    // problem leaves the sidebar, and the programme goes on (day 7 is Monday 9 March).
    gas.addSheet(LOG, [['Date', 'Team member', 'Workflow', 'Outcome']]);
    bundle.$runDays(3);
    expect(
      gas.mail.sent.filter((m) => m.subject !== setupSubject).map((m) => [m.at.toISOString().slice(0, 10), m.subject]),
    ).toEqual([
      ['2026-03-07', 'Uptake weekly digest: the week to Sun 1 Mar 2026 (late: due Mon 2 Mar 2026)'],
      ['2026-03-09', 'Uptake: Day-seven follow-up for Ana'],
      ['2026-03-09', 'Uptake weekly digest: the week to Sun 8 Mar 2026'],
    ]);
    expect(bundle.getAutomationStatus().problems).toEqual([]);

    // Broken again: a new email, once.
    deleteSheet(gas, LOG);
    bundle.$runDays(3);
    expect(problemMails()).toHaveLength(2);
  });
});

describe('MailApp refusing one recipient', () => {
  const members: RosterSpec[] = [
    { name: 'Ana', training: '2026-03-03', owner: LEAD },
    { name: 'Ben', training: '2026-03-03' },
  ];

  test('the others are still sent; the failure is in the owner’s next digest and the sidebar', () => {
    const { gas, bundle } = team({ members });
    gas.mail.failFor(LEAD, 'Invalid email: lead@example.com');
    bundle.$runDays(9); // through Tuesday 10 March: day 7
    expect(gas.mail.sent.map((m) => m.subject)).toContain('Uptake: Day-seven follow-up for Ben');
    expect(gas.mail.to(LEAD)).toEqual([]);
    expect(bundle.getAutomationStatus().problems).toEqual([
      'Day-seven follow-up for Ana to lead@example.com failed (last 2026-03-10 08:08): Invalid email: lead@example.com; Uptake tries again at the next run.',
    ]);
    bundle.$runDays(6); // retried on 11 and 12 March, then given up; Monday 16 March: the digest
    const digest = gas.mail.sent.find(
      (m) => m.subject.startsWith('Uptake weekly digest') && m.at.toISOString().startsWith('2026-03-16'),
    )!;
    expect(digest.body).toContain('Problems Uptake ran into');
    expect(digest.body).toContain(
      'Day-seven follow-up for Ana to lead@example.com failed 3 times (last 2026-03-12 08:08): Invalid email: lead@example.com; Uptake gave up and recorded it as not sent.',
    );
    // Reported: the sidebar no longer lists them.
    expect(bundle.getAutomationStatus().problems).toEqual([]);
  });

  test('an email that failed once and went the next day leaves no problem behind', () => {
    const { gas, bundle } = team({ members });
    gas.mail.failFor(LEAD);
    bundle.$runDays(9);
    expect(bundle.getAutomationStatus().problems).toHaveLength(1);
    gas.mail.clearFailures();
    bundle.$runDays(1);
    expect(gas.mail.to(LEAD).map((m) => m.subject)).toEqual(['Uptake: Day-seven follow-up for Ana (late)']);
    expect(bundle.getAutomationStatus().problems).toEqual([]);
  });

  test('an email that keeps failing is given up after three runs and recorded as not sent', () => {
    const { gas, bundle } = team({ members });
    gas.mail.failFor(LEAD);
    const attempted: string[] = [];
    gas.onCall((call) => {
      if (call.key === 'MailApp.sendEmail') attempted.push(String((call.args[0] as { to: string }).to));
    });
    bundle.$runDays(20);
    expect(attempted.filter((to) => to === LEAD)).toHaveLength(3);
    expect(sentRows(gas).find((r) => r.member === 'Ana')).toMatchObject({
      milestone: 'Day-seven follow-up',
      recipient: LEAD,
      // The sheet names no one (rules §19): MailApp's error quoted the address.
      note: 'Not sent after 3 attempts: Invalid email: (an address)',
    });
    // The week-three check (24 March, outside these 20 days) is a new email: not given up with it.
    expect(milestoneKeys(gas).filter((k) => k.startsWith('Ana|'))).toEqual([
      'Ana|Day-seven follow-up',
      'Ana|Peer advocacy moment',
    ]);
  });
});

describe('a member renamed in the roster', () => {
  test('with an email on the roster, the history follows them: nothing is sent twice', () => {
    const { gas, bundle } = team({ members: [{ name: 'Ana', email: 'ana@example.com', training: '2026-03-02' }] });
    bundle.$runDays(8);
    gas
      .sheet('Roster')
      .getRange('A2')
      .setValues([['Ana Silva']]);
    bundle.$runDays(7);
    expect(gas.mail.sent.filter((m) => m.subject.includes('Day-seven')).map((m) => m.subject)).toEqual([
      'Uptake: Day-seven follow-up for Ana',
    ]);
    expect(gas.mail.sent.map((m) => m.subject)).toContain('Uptake: Peer advocacy moment for Ana Silva');
    expect(milestoneKeys(gas, ['Ana'])).toEqual(['Ana|Day-seven follow-up', 'Ana Silva|Peer advocacy moment']);
  });

  test('without an email, the renamed member is someone new to Uptake (as to the log) and starts over', () => {
    const { gas, bundle } = team({ members: [{ name: 'Ana', training: '2026-03-02' }] });
    bundle.$runDays(8);
    gas
      .sheet('Roster')
      .getRange('A2')
      .setValues([['Ana Silva']]);
    bundle.$runDays(1);
    expect(gas.mail.sent.filter((m) => m.subject.includes('Day-seven')).map((m) => m.subject)).toEqual([
      'Uptake: Day-seven follow-up for Ana',
      'Uptake: Day-seven follow-up for Ana Silva (late)',
    ]);
  });
});

describe('names that are markup or formulas', () => {
  test('are escaped in the email HTML and written as text in the sent sheet', () => {
    const evil = '<b>x</b>';
    const formula = '=HYPERLINK("http://evil")';
    // The apostrophe makes the roster cell hold the text, as typing '=… in Sheets does.
    const { gas, bundle } = team({
      members: [
        { name: evil, training: '2026-03-02' },
        { name: `'${formula}`, training: '2026-03-02' },
      ],
    });
    bundle.$runDays(8);
    const mail = gas.mail.sent.find((m) => m.subject.startsWith('Uptake: Day-seven'))!;
    expect(mail.htmlBody).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(mail.htmlBody).not.toContain('<b>x</b>');
    expect(mail.htmlBody).toContain('=HYPERLINK(&quot;http://evil&quot;)');
    expect(mail.body).toContain(formula);
    const rows = sentRows(gas).filter((r) => r.milestone === 'Day-seven follow-up');
    expect(rows.map((r) => r.member).sort()).toEqual([evil, formula].sort());
    expect(gas.inspect.formulaCells().filter((c) => c.sheet === 'Uptake sent')).toEqual([]);
    const digest = gas.mail.sent.find(
      (m) => m.subject.startsWith('Uptake weekly digest') && m.htmlBody?.includes('x&lt;/b&gt;'),
    );
    expect(digest?.htmlBody).not.toContain('<b>x</b>');
  });
});

describe('the user’s properties unreadable', () => {
  test('the sidebar’s status says so among its problems; the call itself does not fail', () => {
    const { gas, bundle } = team({ members: [{ name: 'Ana', training: '2026-03-02' }] });
    gas.onCall((call) => {
      if (call.key === 'PropertiesService.getUserProperties') throw new Error('Service unavailable: Properties');
    });
    const status = bundle.getAutomationStatus();
    expect(status.problems).toEqual(['Uptake could not read the automation status: Service unavailable: Properties']);
  });
});
