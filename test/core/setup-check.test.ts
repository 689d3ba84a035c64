// "Check set-up": the pure checks, one line per fact, ok or what to do.
import { utf8Bytes } from '../../src/core/base/text';
import { PROPERTY_STORE_LIMIT_BYTES, setupChecks, SPREADSHEET_CELL_LIMIT } from '../../src/core/setup-check/checks';
import type { SetupFacts } from '../../src/core/setup-check/facts';
import type { RosterMember } from '../../src/core/base/types';

const healthy: SetupFacts = {
  authorization: { required: false, url: null, missing: null },
  owner: { setting: 'lead@example.com', effectiveUser: 'lead@example.com' },
  trigger: { on: true, found: 1, hour: 8, timeZone: 'Europe/London', note: null, turnedOnBy: null },
  lastRun: {
    at: '2026-03-15T08:05:00.000Z',
    report: ['Sent Day-seven follow-up for Ana to lee@example.com'],
    problems: [],
  },
  mailQuotaLeft: 97,
  timeZones: { spreadsheet: 'Europe/London', script: 'Etc/UTC' },
  sheets: {
    log: { name: 'AI usage log', rows: 1_000, columns: 26 },
    roster: { name: 'Roster', rows: 1_000, columns: 26 },
    sent: null,
  },
  form: null,
  usage: { sources: [], refused: [] },
  spreadsheetCells: 52_000,
  propertyBytes: { document: 2_048, user: 100 },
  rosterRead: { members: [], skipped: [] },
  approvals: {
    followUpOwners: [],
    followUpOwnersByAddress: [],
    followUpOwnersMirrored: 0,
    rosterEmails: [],
    everApproved: true,
  },
  ownerChange: { interventionsElsewhere: null, last: null },
  lock: { kind: 'document', available: true },
};

const byId = (facts: SetupFacts) => Object.fromEntries(setupChecks(facts).map((line) => [line.id, line]));

describe('setupChecks', () => {
  test('the usage line lists each export with its format, tool and days, and what could not be read', () => {
    expect(byId(healthy).usage).toMatchObject({
      status: 'ok',
      detail: expect.stringMatching(/^No usage export found/),
    });
    const chatgpt = {
      source: 'ChatGPT Nov',
      format: 'chatgpt' as const,
      tool: 'ChatGPT',
      rows: 40,
      from: '2026-11-02',
      to: '2026-11-29',
      periods: [
        { from: '2026-11-02', to: '2026-11-08' },
        { from: '2026-11-16', to: '2026-11-22' },
        { from: '2026-11-23', to: '2026-11-29' },
      ],
      skipped: 0,
      firstSkipped: null,
    };
    expect(byId({ ...healthy, usage: { sources: [chatgpt], refused: [] } }).usage).toMatchObject({
      status: 'ok',
      detail:
        '"ChatGPT Nov" (ChatGPT Enterprise user report, ChatGPT): 2026-11-02 to 2026-11-29, 40 rows; ' +
        '3 periods 2026-11-02–2026-11-08, 2026-11-16–2026-11-22, 2026-11-23–2026-11-29.',
    });
    const daily = {
      ...chatgpt,
      source: 'Daily',
      format: 'daily' as const,
      tool: 'Claude',
      rows: 1,
      periods: [{ from: '2026-11-02', to: '2026-11-08' }],
    };
    const line = byId({
      ...healthy,
      usage: {
        sources: [{ ...daily, skipped: 2, firstSkipped: { row: 7, reason: 'the date is blank' } }],
        refused: [{ source: 'Odd', message: 'Odd is not a usage export Uptake can read.' }],
      },
    }).usage;
    expect(line.status).toBe('warn');
    expect(line.detail).toBe(
      '"Daily" (daily export, Claude): 2026-11-02 to 2026-11-29, 1 row; period 2026-11-02–2026-11-08; 2 rows not read (row 7: the date is blank). Odd is not a usage export Uptake can read.',
    );
  });

  test('one line per check, in order, all ok on a healthy install', () => {
    const lines = setupChecks(healthy);
    expect(lines.map((l) => l.id)).toEqual([
      'authorization',
      'owner',
      'trigger',
      'last-run',
      'mail-quota',
      'time-zones',
      'log',
      'roster',
      'sent',
      'form',
      'usage',
      'cells',
      'properties',
      'lock',
    ]);
    expect(lines.filter((l) => l.status !== 'ok')).toEqual([]);
    const lineOf = byId(healthy);
    expect(lineOf.trigger.detail).toBe('Every day at 08:00 in Europe/London.');
    expect(lineOf['time-zones'].detail).toContain('The sheet is in Europe/London, the script in Etc/UTC');
    expect(lineOf.log.detail).toBe('"AI usage log": 1,000 rows × 26 columns.');
    expect(lineOf.cells.detail).toBe('52,000 of 10,000,000 cells (0.5%).');
    expect(lineOf.properties.detail).toBe('Document 2.0 KB, yours 0.1 KB, of 500.0 KB each.');
  });

  test('after the checks, the lines of as many as are found, in order: roster, approvals, change of owner', () => {
    const ana: RosterMember = {
      row: 2,
      key: 'ana',
      name: 'Ana',
      email: 'ana@example.com',
      role: '',
      trainingDay: null,
      anchorWorkflow: '',
      trainedWorkflows: [],
      status: 'active',
      contextPackReady: null,
      followUpOwner: 'lee@example.com',
    };
    const facts: SetupFacts = {
      ...healthy,
      rosterRead: {
        members: [ana],
        skipped: [{ row: 3, reason: 'the team member is blank' }],
        sharedEmails: [
          {
            email: 'eve@example.com',
            rows: [
              { row: 4, name: 'Eve', email: 'eve@example.com' },
              { row: 5, name: 'Fay', email: 'eve@example.com' },
            ],
            kept: null,
          },
        ],
      },
      approvals: { ...healthy.approvals, followUpOwners: [{ member: 'Dee', address: 'lee@example.com' }] },
      ownerChange: {
        interventionsElsewhere: { holder: 'ben@example.com', url: 'https://example.com/a', name: '' },
        last: {
          at: '2026-03-15T10:00:00.000Z',
          from: 'ben@example.com',
          to: 'lead@example.com',
          how: 'reclaim',
          told: false,
        },
      },
    };
    expect(
      setupChecks(facts)
        .map((l) => l.id)
        .slice(14),
    ).toEqual([
      'follow-up-owner-not-approved',
      'roster-row-skipped',
      'roster-email-shared',
      'roster-emails-not-approved',
      'follow-up-approvals-mirror-full',
      'interventions-with-former-owner',
      'former-owner-not-told',
    ]);
  });

  test('the logging form: none is fine; gone, unlinked, unpublished or without answers sheet says what to do', () => {
    const form = {
      url: 'https://docs.google.com/forms/d/e/F/viewform',
      linked: true,
      published: true,
      accepting: true,
      answersSheet: 'Form Responses 1',
      pinnedLogSheets: [],
    };
    const line = (facts: SetupFacts['form']) => byId({ ...healthy, form: facts }).form;
    expect(line(null)).toMatchObject({
      status: 'ok',
      detail: expect.stringContaining('"Create logging form" makes one'),
    });
    expect(line(form)).toEqual({
      id: 'form',
      label: 'Logging form',
      status: 'ok',
      detail: 'https://docs.google.com/forms/d/e/F/viewform: answers land in "Form Responses 1".',
    });
    expect(line('gone')).toMatchObject({
      status: 'fix',
      detail: expect.stringMatching(/deleted.*stays part of the log/),
    });
    expect(line({ ...form, linked: false })).toMatchObject({
      status: 'fix',
      detail: expect.stringContaining('link it to this spreadsheet'),
    });
    expect(line({ ...form, published: false, accepting: false }).detail).toContain('press Publish');
    expect(line({ ...form, accepting: false }).detail).toContain('turn on "Accepting responses"');
    expect(line({ ...form, answersSheet: null })).toMatchObject({
      status: 'fix',
      detail: expect.stringContaining('No sheet of this spreadsheet is linked to the form'),
    });
    expect(line({ ...form, pinnedLogSheets: ['Log'] })).toMatchObject({
      status: 'fix',
      detail: expect.stringContaining('not among the log sheets pinned in Settings'),
    });
    expect(line({ ...form, pinnedLogSheets: ['Log', 'Form Responses 1'] }).status).toBe('ok');
  });

  test('says what to do when something is wrong', () => {
    const lineOf = byId({
      ...healthy,
      authorization: { required: true, url: 'https://script.google.com/auth', missing: null },
      owner: { setting: '', effectiveUser: '' },
      trigger: { ...healthy.trigger, found: 0 },
      lastRun: { at: '2026-03-15T08:05:00.000Z', report: [], problems: ['The roster sheet "Team" is gone.'] },
      mailQuotaLeft: 0,
      sheets: { log: 'Uptake found no log: use "Set up log and roster".', roster: null, sent: null },
      spreadsheetCells: 0.9 * SPREADSHEET_CELL_LIMIT,
      propertyBytes: { document: 0.85 * PROPERTY_STORE_LIMIT_BYTES, user: 0 },
      lock: { kind: 'script', available: false },
    });
    expect(lineOf.authorization).toMatchObject({ status: 'fix' });
    expect(lineOf.authorization.detail).toContain('https://script.google.com/auth');
    expect(lineOf.owner).toMatchObject({ status: 'fix' });
    expect(lineOf.owner.detail).toContain('set the owner email in Settings');
    expect(lineOf.trigger).toMatchObject({
      status: 'fix',
      detail: expect.stringContaining('turn automation off and on'),
    });
    expect(lineOf['last-run']).toMatchObject({ status: 'fix', detail: expect.stringContaining('"Team" is gone') });
    expect(lineOf['mail-quota']).toMatchObject({ status: 'fix' });
    expect(lineOf.log).toMatchObject({ status: 'fix', detail: 'Uptake found no log: use "Set up log and roster".' });
    expect(lineOf.roster).toMatchObject({ status: 'warn' });
    expect(lineOf.cells).toMatchObject({ status: 'warn', detail: expect.stringContaining('90.0%') });
    expect(lineOf.properties).toMatchObject({ status: 'warn' });
    expect(lineOf.lock).toMatchObject({ status: 'warn', detail: expect.stringContaining('script lock is held') });
  });

  test('a trigger another editor made is theirs, and one at a converted hour says when it runs', () => {
    const theirs = byId({ ...healthy, trigger: { ...healthy.trigger, found: 0, turnedOnBy: 'sam@example.com' } });
    expect(theirs.trigger.status).toBe('ok');
    expect(theirs.trigger.detail).toContain('Turned on by sam@example.com');
    // The same account in another case is this user's own: its trigger should be listed, so none found is a fix.
    const mine = byId({ ...healthy, trigger: { ...healthy.trigger, found: 0, turnedOnBy: 'Lead@Example.COM' } });
    expect(mine.trigger.status).toBe('fix');
    expect(mine.trigger.detail).toContain('finds no daily run');
    const note = 'the daily run is scheduled at 03:00 in the script’s zone';
    const converted = byId({ ...healthy, trigger: { ...healthy.trigger, note } });
    expect(converted.trigger).toEqual({ id: 'trigger', label: 'Daily run', status: 'warn', detail: note });
  });

  test('the mail quota is read as Google counts it: 24 hours from the first email, not a calendar day', () => {
    const lineOf = byId({ ...healthy, mailQuotaLeft: 0 });
    expect(lineOf['mail-quota'].detail).toContain(
      'restarts 24 hours after the first email it counted, not at midnight',
    );
    expect(lineOf['mail-quota'].detail).not.toContain('tomorrow.');
  });

  test('an owner left blank is the person checking, and automation off is only a warning', () => {
    const lineOf = byId({
      ...healthy,
      owner: { setting: '', effectiveUser: 'me@example.com' },
      trigger: { ...healthy.trigger, on: false, found: 0 },
      lastRun: { at: null, report: [], problems: [] },
    });
    expect(lineOf.owner).toMatchObject({ status: 'ok', detail: 'me@example.com (you: no owner is set in Settings).' });
    expect(lineOf.trigger).toMatchObject({ status: 'warn', detail: 'Automation is off: turn it on in the sidebar.' });
    expect(lineOf['last-run']).toMatchObject({ status: 'ok', detail: 'The daily run has not run yet.' });
  });
});

describe('utf8Bytes', () => {
  test('counts bytes as UTF-8 does', () => {
    for (const text of ['', 'abc', 'é', '€', '😀', 'Ana Silva — 😀 ü']) {
      expect(utf8Bytes(text)).toBe(Buffer.byteLength(text, 'utf8'));
    }
  });
});
