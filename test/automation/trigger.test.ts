// Turning automation on and off, and how the daily run finds its spreadsheet and checks its rights.
import { plus } from '../support/sheets';
import { BOSS, OWNER, runWithoutDocument, team } from './support';

const members = [{ name: 'Ana', training: '2026-03-02' }];

describe('turning automation on and off', () => {
  test('on makes one daily trigger at the Settings hour in the sheet’s zone; on twice still one', () => {
    const { gas, bundle } = team({ members, on: false, settings: { digestHour: 7 } });
    expect(bundle.getAutomationStatus()).toMatchObject({ on: false, lastRun: null });
    const status = bundle.setAutomation(true);
    expect(status).toMatchObject({ on: true, hour: 7 });
    bundle.setAutomation(true);
    const triggers = gas.triggers.clock();
    expect(triggers).toHaveLength(1);
    expect(triggers[0]).toMatchObject({
      handler: 'runDaily',
      schedule: { kind: 'days', every: 1, hour: 7 },
      timeZone: 'Etc/UTC',
      owner: OWNER,
    });
  });

  // inTimezone takes time-zone database ids only; a spreadsheet may be in a custom offset zone.
  test.each([
    ['GMT-07:00', 'Etc/GMT+7', 7, null],
    ['GMT+10', 'Etc/GMT-10', 7, null],
    ['GMT+05:30', 'Etc/UTC', 2, "02:00 in the script's zone (Etc/UTC), which is 07:30 in the spreadsheet's zone"],
  ])('a sheet in %s: the trigger is made in %s at %i:00', (sheetZone, triggerZone, hour, note) => {
    const { gas, bundle } = team({
      members,
      on: false,
      settings: { digestHour: 7 },
      fake: { spreadsheet: { timeZone: sheetZone } },
    });
    bundle.setAutomation(true);
    expect(gas.triggers.clock()).toMatchObject([{ schedule: { hour }, timeZone: triggerZone }]);
    const check = bundle.$runFromClient('getSetupCheck').find((line) => line.id === 'trigger');
    if (note === null) expect(check).toMatchObject({ status: 'ok' });
    else expect(check).toMatchObject({ status: 'warn', detail: expect.stringContaining(note) });
  });

  test('saving a new hour in Settings moves the trigger at once, still one trigger', () => {
    const { gas, bundle } = team({ members });
    expect(gas.triggers.clock().map((t) => t.schedule)).toEqual([{ kind: 'days', every: 1, hour: 8 }]);
    bundle.saveSettings({ digestHour: 18 });
    expect(gas.triggers.clock().map((t) => t.schedule)).toEqual([{ kind: 'days', every: 1, hour: 18 }]);
    expect(bundle.getAutomationStatus()).toMatchObject({ on: true, hour: 18, problems: [] });
  });

  test('saving settings while automation is off creates no trigger', () => {
    const { gas, bundle } = team({ members });
    bundle.setAutomation(false);
    bundle.saveSettings({ digestHour: 18 });
    expect(gas.triggers.clock()).toEqual([]);
  });

  test('off removes the trigger; nothing runs any more', () => {
    const { gas, bundle } = team({ members });
    expect(bundle.setAutomation(false)).toMatchObject({ on: false });
    expect(gas.triggers.clock()).toEqual([]);
    expect(bundle.$runDays(14)).toEqual([]);
    expect(gas.mail.sent).toEqual([]);
  });

  test('another editor can neither turn it off nor on: refused, naming the owner; the owner’s trigger runs on', () => {
    const { gas, bundle } = team({ members });
    for (const on of [false, true])
      expect(() => bundle.$run('setAutomation', [on], { user: 'colleague@example.com' })).toThrow(
        /^Only the owner of Uptake for this spreadsheet \(owner@example\.com\) can switch automation\./,
      );
    expect(gas.triggers.clock().map((t) => t.owner)).toEqual([OWNER]);
    bundle.$runDays(8);
    expect(gas.mail.sent.map((m) => m.subject)).toContain('Uptake: Day-seven follow-up for Ana');
  });

  test('with no owner email in Settings, whoever saved Settings is the owner, and only they turn automation on', () => {
    const { gas, bundle } = team({ members, on: false, settings: { ownerEmail: '' } });
    expect(bundle.getSettings()).toMatchObject({ ownerEmail: OWNER });
    expect(() => bundle.$run('setAutomation', [true], { user: 'founder@example.com' })).toThrow(/^Only the owner/);
    expect(gas.triggers.clock()).toEqual([]);
    bundle.setAutomation(true);
    bundle.$runDays(8);
    expect(gas.mail.sent.map((m) => [m.recipients.join(), m.subject])).toContainEqual([
      OWNER,
      'Uptake: Day-seven follow-up for Ana',
    ]);
    expect(gas.mail.to('founder@example.com')).toEqual([]);
  });

  test('in a 21st spreadsheet (20 triggers per user per script), a message the user can act on, and still off', () => {
    const { gas, bundle } = team({ members, on: false });
    // The same user has automation on in 20 other spreadsheets of this add-on.
    for (let i = 0; i < 20; i++) {
      const other = gas.createSpreadsheet({ name: `Team ${i}` });
      gas.setActiveSpreadsheet(other);
      gas.globals.ScriptApp.newTrigger('runDaily').timeBased().everyDays(1).atHour(8).create();
    }
    gas.setActiveSpreadsheet(gas.spreadsheet);
    expect(() => bundle.setAutomation(true)).toThrow(
      /^Automation could not be turned on: your Google account already has the 20 scheduled runs .* then try again here\.$/,
    );
    expect(gas.triggers.list(OWNER).filter((t) => t.documentId === gas.spreadsheet.getId())).toEqual([]);
    expect(bundle.getAutomationStatus()).toMatchObject({ on: false });
    // Off in one of the others frees a slot: on works here then.
    gas.triggers.records.splice(0, 1);
    expect(bundle.setAutomation(true)).toMatchObject({ on: true });
  });

  test('the entry point refuses anything but true or false', () => {
    const { bundle } = team({ members, on: false });
    expect(() => bundle.$run('setAutomation', ['yes'])).toThrow(
      /^Whether automation is on must be true or false, but the page sent a text\./,
    );
  });
});

describe('finding the spreadsheet and checking authorisation', () => {
  test('without an active spreadsheet in the trigger, it opens the one it was made for (full spreadsheets scope)', () => {
    const { gas, bundle } = team({
      members,
      fake: {
        activeSpreadsheetInTimeTriggers: false,
        oauthScopes: ['spreadsheets', 'script.container.ui', 'script.send_mail', 'script.scriptapp', 'userinfo.email'],
      },
    });
    bundle.$runDays(8);
    expect(gas.calls.count('SpreadsheetApp.openById')).toBeGreaterThan(0);
    expect(gas.mail.sent.map((m) => m.subject)).toContain('Uptake: Day-seven follow-up for Ana');
  });

  test('with no document context at all, it finds the spreadsheet, settings and state through the trigger owner’s properties', () => {
    const { gas, bundle } = team({
      members,
      settings: { digestWeekday: 3 },
      fake: {
        oauthScopes: ['spreadsheets', 'script.container.ui', 'script.send_mail', 'script.scriptapp', 'userinfo.email'],
      },
    });
    runWithoutDocument(gas, bundle, '2026-03-09T08:30:00Z');
    expect(gas.mail.sent.map((m) => m.subject)).toEqual([
      'Uptake: Day-seven follow-up for Ana',
      'Uptake weekly digest: the week to Tue 3 Mar 2026 (late: due Wed 4 Mar 2026)',
    ]);
    expect(gas.locks.acquisitions.get('script')).toBe(1);
    // The run's report went to the owner's mirror; the sidebar shows it.
    expect(bundle.getAutomationStatus().lastRunReport[0]).toBe('Sent Day-seven follow-up for Ana to owner@example.com');
  });

  test('with no document context, it uses the settings another editor saved, not the trigger owner’s stale copy', () => {
    // The owner turns automation on (the trigger is theirs), then changes the digest weekday: the
    // trigger's mirror still holds the settings of when it was made.
    const { gas, bundle } = team({
      members,
      settings: { digestWeekday: 3 },
      fake: {
        oauthScopes: ['spreadsheets', 'script.container.ui', 'script.send_mail', 'script.scriptapp', 'userinfo.email'],
      },
    });
    bundle.$run('saveSettings', [{ digestWeekday: 1, recipients: [BOSS] }], { kind: 'call', user: OWNER });
    expect(gas.triggers.clock().map((t) => t.owner)).toEqual([OWNER]);
    runWithoutDocument(gas, bundle, '2026-03-09T08:30:00Z');
    const digests = gas.mail.sent.filter((m) => m.subject.startsWith('Uptake weekly digest'));
    // Monday is the new weekday: the digest is on time, and goes to the recipient added too.
    expect(digests.map((m) => [m.recipients, m.subject])).toEqual([
      [[OWNER], 'Uptake weekly digest: the week to Sun 8 Mar 2026'],
      [[BOSS], 'Uptake weekly digest: the week to Sun 8 Mar 2026'],
    ]);
    // Two saves, one copy in the spreadsheet, updated in place.
    const copies = gas.spreadsheet.getDeveloperMetadata().filter((m) => m.getKey() === 'uptake.settings');
    expect(copies.map((m) => JSON.parse(String(m.getValue())) as unknown)).toEqual([
      expect.objectContaining({ digestWeekday: 1, ownerEmail: OWNER, recipients: [BOSS] }),
    ]);
  });

  test('with only spreadsheets.currentonly and no active spreadsheet, the run says why it could not work', () => {
    const { gas, bundle } = team({
      members,
      fake: {
        activeSpreadsheetInTimeTriggers: false,
        oauthScopes: [
          'spreadsheets.currentonly',
          'script.container.ui',
          'script.send_mail',
          'script.scriptapp',
          'userinfo.email',
        ],
      },
    });
    const runs = bundle.$runDays(1);
    expect(runs[0].ok).toBe(true);
    expect(gas.mail.sent).toEqual([]);
    const status = bundle.getAutomationStatus();
    expect(status.problems).toEqual([
      expect.stringMatching(
        /^The daily run could not open the spreadsheet \(You do not have permission to call SpreadsheetApp\.openById/,
      ),
    ]);
    expect(status.lastRunReport).toEqual(status.problems);
  });

  test('when authorisation is needed again, nothing is sent, the run fails and the sidebar says so', () => {
    const { gas, bundle } = team({ members });
    gas.triggers.authorizationStatus = 'REQUIRED';
    // Each day's run fails, so that Google's failure summary tells the trigger's creator.
    const failed = bundle.$runDays(8);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.filter((r) => r.ok)).toEqual([]);
    expect(gas.mail.sent).toEqual([]);
    expect(bundle.getAutomationStatus().problems).toEqual([
      expect.stringContaining('Uptake needs to be authorised again'),
    ]);
    gas.triggers.authorizationStatus = 'NOT_REQUIRED';
    bundle.$runDays(1);
    expect(gas.mail.sent.map((m) => m.subject)).toContain('Uptake: Day-seven follow-up for Ana (late)');
    expect(bundle.getAutomationStatus().problems).toEqual([]);
  });
});

describe('the cost of a daily run', () => {
  test('its spreadsheet calls do not grow with the log', () => {
    const callsFor = (rows: number) => {
      const runs = Array.from({ length: rows }, (_, i) => ({
        date: plus('2026-03-01', -(i % 60)),
        member: i % 2 ? 'Ana' : 'Ben',
      }));
      const { gas, bundle } = team({
        members: [
          { name: 'Ana', training: '2026-02-20' },
          { name: 'Ben', training: '2026-02-20' },
        ],
        runs,
      });
      gas.calls.reset();
      bundle.$runDays(1);
      return gas.calls.spreadsheet;
    };
    const small = callsFor(10);
    expect(small).toBeGreaterThan(0);
    expect(callsFor(3000)).toBe(small);
  });
});
