// The weekly digest on the built bundle: once per digest week, named or aggregate, now or previewed.
import { plus, type RosterSpec, type RunSpec } from '../support/sheets';
import { BOSS, deleteSheet, LOG, OWNER, sentRows, team } from './support';

const members: RosterSpec[] = [
  { name: 'Ana', training: '2026-02-16' },
  { name: 'Ben', training: '2026-02-16' },
  { name: '<i>Cleo</i>', training: '2026-02-16' },
];
const runs: RunSpec[] = [
  ...Array.from({ length: 4 }, (_, i) => ({ date: plus('2026-02-28', -i), member: 'Ana' })),
  { date: '2026-02-27', member: 'Ben', outcome: 'Heavy edit', edit: 'tone' },
];

const digests = (gas: ReturnType<typeof team>['gas']) =>
  gas.mail.sent.filter((m) => m.subject.startsWith('Uptake weekly digest'));

describe('the scheduled digest', () => {
  test('goes once on the digest day, as-of the day before: a rerun the same day sends nothing', () => {
    const { gas, bundle } = team({ members, runs, settings: { recipients: [BOSS] } });
    bundle.$runDays(1);
    const trigger = gas.triggers.clock()[0];
    bundle.$fireTrigger(trigger);
    expect(digests(gas).map((m) => [m.recipients, m.subject])).toEqual([
      [[OWNER], 'Uptake weekly digest: the week to Sun 1 Mar 2026'],
      [[BOSS], 'Uptake weekly digest: the week to Sun 1 Mar 2026'],
    ]);
    const [owner, boss] = digests(gas);
    expect(owner.body.split('\n')[0]).toBe(
      '2 team members ran 5 workflow sessions this week; blended acceptance rate 80%; 0 workflows below threshold under review.',
    );
    expect(owner.body).toContain('- Ben: Developing user: 1 unprompted use a week (threshold 3)');
    expect(owner.htmlBody).toContain('&lt;i&gt;Cleo&lt;/i&gt;');
    expect(owner.htmlBody).not.toContain('<i>Cleo</i>');
    expect(boss.body.split('\n')[0]).toBe(owner.body.split('\n')[0]);
    for (const name of ['Ana', 'Ben', 'Cleo']) expect(`${boss.body}${boss.htmlBody}`).not.toContain(name);
    expect(boss.body).toContain('Fewer than 5 members are in scope');
    expect(sentRows(gas).filter((r) => r.milestone === 'Weekly digest')).toEqual([
      expect.objectContaining({ recipient: OWNER, dueDate: '2026-03-02', note: 'Named digest' }),
      expect.objectContaining({ recipient: BOSS, dueDate: '2026-03-02', note: 'Aggregate digest' }),
    ]);
  });

  test('goes on the weekday chosen in Settings, and named to the recipients when the owner chooses', () => {
    const { gas, bundle } = team({
      members,
      runs,
      settings: { recipients: [BOSS], digestWeekday: 4, namedForRecipients: true },
    });
    bundle.$runDays(7);
    expect(digests(gas).map((m) => [m.at.toISOString().slice(0, 10), m.recipients])).toEqual([
      ['2026-03-05', [OWNER]],
      ['2026-03-05', [BOSS]],
    ]);
    expect(digests(gas)[1].body).toContain('- Ben: Developing user');
    // The recipients' copy never carries the owner's problem list.
    expect(digests(gas)[1].body).not.toContain('Problems Uptake ran into');
  });

  test('a recipient added mid-week gets that week’s digest once, late', () => {
    const { gas, bundle } = team({ members, runs });
    bundle.$runDays(2);
    bundle.saveSettings({ recipients: [BOSS] });
    bundle.$runDays(3);
    expect(digests(gas).map((m) => [m.at.toISOString().slice(0, 10), m.recipients, m.subject])).toEqual([
      ['2026-03-02', [OWNER], 'Uptake weekly digest: the week to Sun 1 Mar 2026'],
      ['2026-03-04', [BOSS], 'Uptake weekly digest: the week to Sun 1 Mar 2026 (late: due Mon 2 Mar 2026)'],
    ]);
  });
});

describe('send digest now and preview', () => {
  test('send now goes at once, says so in a toast and returns the summary; on the digest day it is that day’s digest', () => {
    const { gas, bundle } = team({
      members,
      runs,
      settings: { recipients: [BOSS] },
      fake: { now: '2026-03-02T07:00:00Z' },
    });
    expect(bundle.sendDigestNow()).toBe('Digest sent to 2 recipients.');
    expect(gas.ui.toasts.map((t) => t.message)).toEqual(['Digest sent to 2 recipients.']);
    expect(bundle.sendDigestNow(true)).toBe('Digest sent to 2 recipients.');
    expect(gas.ui.toasts).toHaveLength(1);
    expect(digests(gas)).toHaveLength(4);
    bundle.$runDays(1); // the 8:00 run on Monday: this week's digest already went
    expect(digests(gas)).toHaveLength(4);
    expect(digests(gas)[0].subject).toBe('Uptake weekly digest: the week to Sun 1 Mar 2026');
  });

  test('send now on another day does not replace the scheduled digest', () => {
    const { gas, bundle } = team({ members, runs, fake: { now: '2026-03-04T10:00:00Z' } });
    bundle.sendDigestNow(true);
    expect(digests(gas).map((m) => m.subject)).toEqual(['Uptake weekly digest: the week to Tue 3 Mar 2026']);
    bundle.$runDays(5);
    expect(digests(gas).map((m) => m.subject)).toEqual([
      'Uptake weekly digest: the week to Tue 3 Mar 2026',
      'Uptake weekly digest: the week to Sun 8 Mar 2026',
    ]);
  });

  test('preview shows the owner’s digest as it would go now, and who gets a digest', () => {
    const { gas, bundle } = team({ members, runs, settings: { recipients: [BOSS] }, on: false });
    const preview = bundle.previewDigest();
    expect(preview.recipients).toEqual([OWNER, BOSS]);
    expect(preview.subject).toBe('Uptake weekly digest: the week to Sat 28 Feb 2026');
    expect(preview.text.split('\n')[0]).toBe(
      '2 team members ran 5 workflow sessions this week; blended acceptance rate 80%; 0 workflows below threshold under review.',
    );
    expect(preview.html).toContain('&lt;i&gt;Cleo&lt;/i&gt;');
    expect(gas.mail.sent).toEqual([]);
    expect(gas.spreadsheet.getSheetByName('Uptake sent')).toBeNull();
  });

  test('send now without a log says what to fix', () => {
    const { gas, bundle } = team({ members, runs, on: false });
    deleteSheet(gas, LOG);
    expect(() => bundle.sendDigestNow(true)).toThrow(/Uptake found no log/);
    expect(() => bundle.previewDigest()).toThrow(/Uptake found no log/);
  });
});
