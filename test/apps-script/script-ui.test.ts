import {
  ADDON_TRIGGER_LIMIT_MESSAGE,
  SCRIPT_TRIGGER_LIMIT_MESSAGE,
  createFakeGas,
} from '../../packages/fake-apps-script';

describe('ScriptApp triggers', () => {
  it('allows one time-driven trigger per user per document in an add-on', () => {
    const fake = createFakeGas();
    const app = fake.globals.ScriptApp;
    const ss = fake.globals.SpreadsheetApp.getActiveSpreadsheet();
    const daily = app.newTrigger('daily').timeBased().everyDays(1).atHour(7).create();
    expect(() => app.newTrigger('other').timeBased().everyDays(2).create()).toThrow(ADDON_TRIGGER_LIMIT_MESSAGE);
    // Another user, or another document, has its own allowance.
    fake.session.setUser('bob@x.com');
    app.newTrigger('daily').timeBased().everyDays(1).atHour(7).create();
    fake.session.setUser('user@example.com');
    const other = fake.createSpreadsheet({ name: 'Other' });
    fake.setActiveSpreadsheet(other);
    app.newTrigger('daily').timeBased().everyDays(1).atHour(7).create();
    fake.setActiveSpreadsheet(fake.spreadsheet);
    // Deleting frees the slot.
    app.deleteTrigger(daily);
    app.newTrigger('daily').timeBased().everyDays(1).atHour(8).create();
    expect(app.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['daily', 'daily']);
    expect(fake.triggers.list().map((t) => [t.owner, t.eventType, t.source])).toEqual([
      ['bob@x.com', 'CLOCK', 'CLOCK'],
      ['user@example.com', 'CLOCK', 'CLOCK'],
      ['user@example.com', 'CLOCK', 'CLOCK'],
    ]);
    expect(app.getUserTriggers(ss).map((t) => t.getHandlerFunction())).toEqual(['daily']);
  });

  it('caps a plain script at 20 triggers per user', () => {
    const plain = createFakeGas({ addon: false });
    for (let i = 0; i < 20; i++) plain.globals.ScriptApp.newTrigger(`f${i}`).timeBased().everyDays(1).create();
    expect(() => plain.globals.ScriptApp.newTrigger('f20').timeBased().everyDays(1).create()).toThrow(
      SCRIPT_TRIGGER_LIMIT_MESSAGE,
    );
  });

  it('schedules atHour in the trigger time zone, across a DST change', () => {
    const fake = createFakeGas({ now: '2026-03-27T12:00:00Z', timeZone: 'Europe/Berlin' });
    fake.globals.ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(7).create();
    const rec = fake.triggers.clock()[0];
    // Apps Script picks the minute within the hour; this test pins it.
    rec.minute = 0;
    const fires: string[] = [];
    let t = fake.clock.now();
    for (let i = 0; i < 3; i++) {
      const next = fake.triggers.nextFire(rec, t);
      if (next === null) throw new Error('no next fire');
      fires.push(new Date(next).toISOString());
      t = next;
    }
    // 07:00 Berlin is 06:00Z before 29 March and 05:00Z after.
    expect(fires).toEqual(['2026-03-28T06:00:00.000Z', '2026-03-29T05:00:00.000Z', '2026-03-30T05:00:00.000Z']);
  });

  it('reports the scripted authorization status', () => {
    const fake = createFakeGas();
    const app = fake.globals.ScriptApp;
    const info = (): GoogleAppsScript.Script.AuthorizationInfo => app.getAuthorizationInfo(app.AuthMode.FULL);
    expect(info().getAuthorizationStatus()).toBe(app.AuthorizationStatus.NOT_REQUIRED);
    fake.triggers.authorizationStatus = 'REQUIRED';
    expect(String(info().getAuthorizationStatus())).toBe('REQUIRED');
    expect(info().getAuthorizationUrl()).toMatch(/^https:\/\//);
  });
});

describe('Ui', () => {
  it('answers dialogs from the scripted queue and records them', () => {
    const fake = createFakeGas();
    const ui = fake.globals.SpreadsheetApp.getUi();
    fake.ui.queueResponse('YES');
    fake.ui.queueResponse('CANCEL');
    expect(ui.alert('Reset?', 'This deletes the log.', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    expect(ui.alert('Send now?', ui.ButtonSet.OK_CANCEL)).toBe(ui.Button.CANCEL);
    // Nothing scripted: a YES/NO dialog is closed, a plain alert acknowledged.
    expect(ui.alert('Again?', ui.ButtonSet.YES_NO)).toBe(ui.Button.CLOSE);
    expect(ui.alert('Done')).toBe(ui.Button.OK);
    expect(fake.ui.dialogs.map((d) => [d.kind, d.title, d.buttons, d.response])).toEqual([
      ['alert', 'Reset?', 'YES_NO', 'YES'],
      ['alert', null, 'OK_CANCEL', 'CANCEL'],
      ['alert', null, 'YES_NO', 'CLOSE'],
      ['alert', null, null, 'OK'],
    ]);
    fake.ui.queueResponse('YES');
    expect(() => ui.alert('Only OK')).toThrow(/cannot answer an alert with buttons OK/);
  });

  it('records toasts and replaces a menu built twice', () => {
    const fake = createFakeGas();
    const ui = fake.globals.SpreadsheetApp.getUi();
    ui.createAddonMenu().addItem('A', 'a').addToUi();
    ui.createAddonMenu().addItem('B', 'b').addToUi();
    expect(fake.ui.menuItems().map((i) => i.functionName)).toEqual(['b']);
    fake.globals.SpreadsheetApp.getActiveSpreadsheet().toast('Saved', 'Uptake');
    expect(fake.ui.toasts).toEqual([expect.objectContaining({ message: 'Saved', title: 'Uptake' })]);
  });
});

describe('call counting and unimplemented methods', () => {
  it('counts every call on spreadsheet objects, per method, and resets', () => {
    const fake = createFakeGas();
    fake.addSheet('Log', [
      ['a', 'b'],
      [1, 2],
    ]);
    fake.calls.reset();
    const sheet = fake.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Log');
    sheet?.getDataRange().getValues();
    sheet?.getRange(3, 1, 1, 2).setValues([[3, 4]]);
    fake.globals.MailApp.getRemainingDailyQuota();
    expect(fake.calls.spreadsheet).toBe(6);
    expect(fake.calls.mail).toBe(1);
    expect(fake.calls.methods('spreadsheet')).toEqual({
      'Range.getValues': 1,
      'Range.setValues': 1,
      'Sheet.getDataRange': 1,
      'Sheet.getRange': 1,
      'Spreadsheet.getSheetByName': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
    });
    expect(fake.calls.count('Range.*')).toBe(2);
    expect(fake.calls.sequence.slice(0, 2)).toEqual([
      'SpreadsheetApp.getActiveSpreadsheet',
      'Spreadsheet.getSheetByName',
    ]);
    // Test helpers work on the raw objects and are not counted.
    fake.sheetValues('Log');
    expect(fake.calls.total).toBe(7);
    fake.calls.reset();
    expect(fake.calls.total).toBe(0);
  });

  it('names the fake class when a method is not implemented, and hides internals', () => {
    const fake = createFakeGas();
    const range = fake.globals.SpreadsheetApp.getActiveSpreadsheet()
      .getActiveSheet()
      .getRange('A1') as unknown as Record<string, unknown>;
    expect(() => (range.autoFill as () => void)()).toThrow(
      'FakeRange.autoFill is not implemented by the Apps Script fake',
    );
    expect(range._write).toBeUndefined();
    expect(range._sheet).toBeUndefined();
  });

  it('advances the clock by a configured latency per call', () => {
    const fake = createFakeGas();
    fake.setLatency('Range.*', 50);
    const t0 = fake.clock.now();
    fake.globals.SpreadsheetApp.getActiveSpreadsheet()
      .getActiveSheet()
      .getRange('A1')
      .setValues([[1]]);
    expect(fake.clock.now() - t0).toBe(50);
  });
});
