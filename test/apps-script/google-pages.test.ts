// Probes of the in-memory Apps Script, one rule each, read against the Google page that states it
// (cited beside each rule in packages/fake-apps-script). Each probe runs a small script through
// loadBundle, as the add-on runs, so the rule is checked where the add-on meets it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EXECUTION_TIMEOUT_MESSAGE, createFakeGas, loadBundle, type FakeGas } from '../../packages/fake-apps-script';

const CODE = String.raw`"use strict";
function zone(tz) { ScriptApp.newTrigger('noop').timeBased().everyDays(1).atHour(7).inTimezone(tz).create(); return tz; }
function noop() {}
function readUserKey() { return PropertiesService.getUserProperties().getProperty('k'); }
function writeUserKey() { PropertiesService.getUserProperties().setProperty('k', 'changed'); return 'written'; }
function emails() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()]; }
function alertIt() { SpreadsheetApp.getUi().alert('hi'); }
function toastIt() { SpreadsheetApp.getActiveSpreadsheet().toast('hi'); }
function menuIt() { SpreadsheetApp.getUi().createAddonMenu().addItem('Go', 'noop').addToUi(); return 'menu'; }
function htmlIt() { HtmlService.createHtmlOutputFromFile('page'); return 'made'; }
function authIt() { return String(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus()); }
function slowReads(n) { for (var i = 0; i < n; i++) SpreadsheetApp.getActiveSpreadsheet().getName(); return n; }
function onOpen(e) { slowReads(3); }
function onEdit(e) { return emails(); }
function lockThenAlert() {
  var lock = LockService.getScriptLock();
  lock.waitLock(1000);
  SpreadsheetApp.getUi().alert('Sure?');
  return lock.tryLock(0);
}
function userTriggerCount() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  ScriptApp.newTrigger('noop').timeBased().everyDays(1).atHour(7).create();
  return [ScriptApp.getUserTriggers(ss).length, ScriptApp.getProjectTriggers().length];
}
function withHoles() { var a = [1, , 3]; a[1] = undefined; return { list: a, gone: undefined, nested: [[undefined]] }; }
function grantedScopes() { return ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizedScopes(); }
function mail() { MailApp.sendEmail('a@example.com', 'S', 'B'); return 'sent'; }
function chartIt() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  sheet.insertChart(sheet.newChart().setChartType(Charts.ChartType.PIE).addRange(sheet.getRange('A1:B2')).setPosition(1, 4, 0, 0).build());
  return 'built';
}
function dateArgument(d) { return d.toISOString(); }
`;

const SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/script.send_mail',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/userinfo.email',
];

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gas-fake-pages-'));
  fs.writeFileSync(path.join(dir, 'Code.js'), CODE);
  fs.writeFileSync(path.join(dir, 'page.html'), '<p>x</p>');
  fs.writeFileSync(path.join(dir, 'appsscript.json'), JSON.stringify({ timeZone: 'Etc/UTC', oauthScopes: SCOPES }));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function load(options: Parameters<typeof createFakeGas>[0] = {}) {
  const fake: FakeGas = createFakeGas({ now: '2026-03-02T15:00:00Z', user: 'owner@example.com', ...options });
  return { fake, ctx: loadBundle(fake, dir) };
}

describe('1. ClockTriggerBuilder.inTimezone takes time-zone database ids only', () => {
  it.each(['Etc/GMT+3', 'Europe/London', 'UTC', 'Etc/UTC'])('accepts %s', (tz) => {
    expect(load().ctx.zone(tz)).toBe(tz);
  });
  it.each(['GMT-03:00', 'GMT+0530', 'Mars/Olympus', ''])('throws for %j', (tz) => {
    expect(() => load().ctx.zone(tz)).toThrow('Invalid argument: timezone');
  });
});

describe('2. custom functions see the spreadsheet owner’s user properties and cannot set them', () => {
  it('an editor reads the owner’s store and is refused a write; the owner may write', () => {
    const { fake, ctx } = load();
    fake.properties.forUser('owner@example.com').setProperty('k', 'owner’s');
    fake.properties.forUser('editor@example.com').setProperty('k', 'editor’s');
    fake.session.setUser('editor@example.com', 'owner@example.com');
    expect(ctx.$run('readUserKey', [], { authMode: 'CUSTOM_FUNCTION', user: 'editor@example.com' })).toBe('owner’s');
    expect(() => ctx.$run('writeUserKey', [], { authMode: 'CUSTOM_FUNCTION', user: 'editor@example.com' })).toThrow(
      /permission to set user properties/,
    );
    expect(fake.properties.forUser('owner@example.com').getProperty('k')).toBe('owner’s');
    expect(ctx.$run('writeUserKey', [], { authMode: 'CUSTOM_FUNCTION', user: 'owner@example.com' })).toBe('written');
    // Outside custom functions each user has their own store.
    expect(ctx.$run('readUserKey', [], { user: 'editor@example.com' })).toBe('editor’s');
  });
});

describe('3. Session gives no email in custom functions, simple triggers and AuthMode.LIMITED', () => {
  it('blank there; the email in FULL', () => {
    const { ctx } = load();
    expect(ctx.$run('emails', [], { authMode: 'CUSTOM_FUNCTION' })).toEqual(['', '']);
    expect(ctx.$run('emails', [], { authMode: 'LIMITED' })).toEqual(['', '']);
    expect(ctx.onEdit({ authMode: 'LIMITED' })).toEqual(['', '']);
    expect(ctx.$run('emails', [], { authMode: 'FULL' })).toEqual(['owner@example.com', 'owner@example.com']);
  });
});

describe('4. AuthMode.LIMITED and NONE allow adding menu items, no alert, prompt, toast or HTML', () => {
  it.each(['alertIt', 'toastIt'])('%s is refused in LIMITED and NONE', (fn) => {
    const { ctx } = load();
    for (const authMode of ['LIMITED', 'NONE'] as const) {
      expect(() => ctx.$run(fn, [], { authMode })).toThrow('You do not have permission to call');
    }
    expect(() => ctx.$run(fn, [], { authMode: 'FULL' })).not.toThrow();
  });
  it('NONE refuses HtmlService and the authorization check too; the menu works in both', () => {
    const { ctx } = load();
    expect(() => ctx.$run('htmlIt', [], { authMode: 'NONE' })).toThrow('HtmlService.createHtmlOutputFromFile');
    expect(() => ctx.$run('authIt', [], { authMode: 'NONE' })).toThrow('ScriptApp.getAuthorizationInfo');
    expect(ctx.$run('menuIt', [], { authMode: 'NONE' })).toBe('menu');
    expect(ctx.$run('menuIt', [], { authMode: 'LIMITED' })).toBe('menu');
    expect(ctx.$run('htmlIt', [], { authMode: 'LIMITED' })).toBe('made');
  });
  // Charts is reached the way the add-on reaches it (audit-sheet.ts): an embedded chart built with
  // a Charts.ChartType. Reading the enum itself is no service call and the fake lets it through.
  it('NONE refuses building a chart, and adds none; FULL builds it', () => {
    const { fake, ctx } = load();
    expect(() => ctx.$run('chartIt', [], { authMode: 'NONE' })).toThrow('You do not have permission to call');
    const sheet = fake.spreadsheet.getSheets()[0].getName();
    expect(fake.inspect.charts(sheet)).toHaveLength(0);
    expect(ctx.$run('chartIt', [], { authMode: 'FULL' })).toBe('built');
    expect(fake.inspect.charts(sheet)).toHaveLength(1);
  });
});

describe('5. simple triggers run at most 30 seconds', () => {
  it('onOpen is stopped past 30 s; the same work in a menu call is not', () => {
    const { fake, ctx } = load();
    fake.setLatency('Spreadsheet.getName', 12_000);
    expect(() => ctx.onOpen({ authMode: 'LIMITED' })).toThrow(EXECUTION_TIMEOUT_MESSAGE);
    expect(ctx.slowReads(3)).toBe(3);
  });
});

describe('6. the mail quota is whole again 24 hours after its first email, not at midnight', () => {
  it('an email at 15:00 still counts at 09:00 the next morning', () => {
    const { fake, ctx } = load({ mailQuota: 1 });
    expect(ctx.mail()).toBe('sent');
    fake.clock.set('2026-03-03T09:00:00Z');
    expect(() => ctx.mail()).toThrow(/too many times for one day/);
    fake.clock.set('2026-03-03T15:00:00Z');
    expect(ctx.mail()).toBe('sent');
  });
});

describe('7. locks do not persist across alert or prompt', () => {
  it('the lock is let go while the dialog is open, and another execution may take it', () => {
    const { fake, ctx } = load();
    const heldWhileOpen: (string | null)[] = [];
    fake.ui.queueResponse({
      button: 'OK',
      whileOpen: () => {
        heldWhileOpen.push(fake.locks.holder('script'));
        fake.locks.holdElsewhere('script');
      },
    });
    expect(ctx.lockThenAlert()).toBe(false);
    expect(heldWhileOpen).toEqual([null]);
    fake.locks.release('script');
    fake.ui.queueResponse('OK');
    expect(ctx.lockThenAlert()).toBe(true);
  });
});

describe('8. custom functions recalculate only when an argument changes', () => {
  // Not modelled: the in-memory Apps Script has no formula engine, so nothing recalculates a cell
  // by itself; tests call a custom function directly ($custom), as Sheets would after an argument
  // changed. What the rule leaves to the add-on is to say what does not refresh the cell, and
  // that help is what the user sees: the JSDoc in the built bundle, checked here.
  it("USES_PER_WEEK's help in build/Code.js names what does not refresh it, and TODAY()", () => {
    const code = fs.readFileSync(path.join('build', 'Code.js'), 'utf8');
    const help = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*function USES_PER_WEEK\(/.exec(code)?.[1] ?? '';
    const text = help.replace(/\s*\n\s*\*\s?/g, ' ');
    expect(text).toMatch(/Recalculates only when an argument changes/);
    for (const input of [
      "spreadsheet's time zone and locale",
      "the script's time zone",
      'the first rows of the log sheet named in Settings',
    ]) {
      expect(text).toContain(input);
    }
    expect(text).toMatch(/leave as_of blank rather than TODAY\(\)/);
    expect(text).toMatch(/Never give NOW\(\) or RAND\(\)/);
  });
});

describe('9. a custom function’s date argument arrives in the script’s zone by default', () => {
  // A cell showing 2 March 2026 00:00 in a Tokyo spreadsheet holds 1 March 15:00 UTC; the script's
  // zone is UTC (the manifest). The custom-functions guide says the function "needs to
  // compensate" when the zones differ, so the default answer is the same wall-clock time read in
  // the script's zone; 'sheet-zone' (answers.ts) keeps the instant the cell holds.
  const cell = new Date('2026-03-01T15:00:00Z');
  it.each([
    [undefined, '2026-03-02T00:00:00.000Z'],
    ['script-zone', '2026-03-02T00:00:00.000Z'],
    ['sheet-zone', '2026-03-01T15:00:00.000Z'],
  ] as const)('customFunctionDates %s gives %s', (answer, expected) => {
    const { fake, ctx } = load(answer ? { customFunctionDates: answer } : {});
    fake.spreadsheet.setSpreadsheetTimeZone('Asia/Tokyo');
    expect(ctx.$custom('dateArgument', cell)).toBe(expected);
  });
});

describe('10. getUserTriggers(spreadsheet) and time-driven triggers (undocumented: both answers)', () => {
  it.each([
    [true, 1],
    [false, 0],
  ])('userTriggersListTimeDriven %s lists %i; getProjectTriggers lists it', (answer, listed) => {
    const { ctx } = load({ userTriggersListTimeDriven: answer });
    expect(ctx.userTriggerCount()).toEqual([listed, 1]);
  });
});

describe('12. google.script.run delivers undefined in arrays as null', () => {
  it('and leaves out undefined fields, as a copy', () => {
    const { ctx } = load();
    expect(ctx.$runFromClient('withHoles')).toEqual({ list: [1, null, 3], nested: [[null]] });
    expect(Object.keys(ctx.$runFromClient('withHoles') as object)).toEqual(['list', 'nested']);
  });
});

describe('13. partial consent: a user may grant only some of the scopes', () => {
  it('getAuthorizedScopes names the granted ones, the status asks again, and the others’ calls fail', () => {
    const { ctx } = load({ ungrantedScopes: ['script.send_mail'] });
    expect(ctx.grantedScopes()).toEqual(SCOPES.filter((s) => !s.endsWith('script.send_mail')));
    expect(ctx.authIt()).toBe('REQUIRED');
    expect(() => ctx.mail()).toThrow(/Required permissions: https:\/\/www.googleapis.com\/auth\/script.send_mail/);
    const all = load();
    expect(all.ctx.grantedScopes()).toEqual(SCOPES);
    expect(all.ctx.mail()).toBe('sent');
  });
});
