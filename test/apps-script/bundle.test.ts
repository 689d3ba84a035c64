import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EXECUTION_TIMEOUT_MESSAGE, createFakeGas, loadBundle, type FakeGas } from '../../packages/fake-apps-script';

// A stand-in for build/: the same shape as esbuild's output (an IIFE global plus top-level stubs).
const CODE = String.raw`"use strict";
var Uptake = (() => {
  var counter = 0;
  function log() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Log'); }
  return {
    onOpen(e) {
      SpreadsheetApp.getUi().createAddonMenu()
        .addItem('Open Uptake', 'showSidebar')
        .addSeparator()
        .addItem('Install daily run', 'install')
        .addToUi();
    },
    clock() {
      return { now: Date.now(), iso: new Date().toISOString(), fixed: new Date('2020-01-01T00:00:00Z').getTime(),
        isDate: new Date() instanceof Date, called: typeof Date() };
    },
    readCells() {
      var values = log().getRange('A1:B2').getValues();
      return { dateIsDate: values[1][0] instanceof Date, rowsAreArrays: values instanceof Array && values[0] instanceof Array,
        year: values[1][0].getUTCFullYear() };
    },
    bump() { counter += 1; return counter; },
    catchServiceError() {
      try { log().getRange(0, 1); return null; }
      catch (e) { return { isError: e instanceof Error, name: e.name, message: e.message }; }
    },
    fail() { throw new TypeError('bad input: ' + 42); },
    list() { return [[1, 'a'], [new Date(0), true]]; },
    mailUntilNearLimit(n) {
      var start = Date.now(), sent = 0;
      for (var i = 0; i < n; i++) {
        if (Date.now() - start > 5 * 60 * 1000) break;
        MailApp.sendEmail('u' + i + '@example.com', 'Reminder', 'Log your AI use');
        sent++;
      }
      return sent;
    },
    mailAll(n) {
      for (var i = 0; i < n; i++) MailApp.sendEmail('u' + i + '@example.com', 'Reminder', 'Log your AI use');
      return n;
    },
    openOther(id) { return SpreadsheetApp.openById(id).getName(); },
    install() {
      PropertiesService.getDocumentProperties().setProperty('ssId', SpreadsheetApp.getActiveSpreadsheet().getId());
      ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(7).create();
      return ScriptApp.getProjectTriggers().length;
    },
    daily(e) {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      var usedFallback = !ss;
      if (!ss) ss = SpreadsheetApp.openById(PropertiesService.getDocumentProperties().getProperty('ssId'));
      var sheet = ss.getSheetByName('Log');
      sheet.getRange(sheet.getLastRow() + 1, 1, 1, 3).setValues([[new Date(), usedFallback ? 'fallback' : 'active', e.triggerUid]]);
    },
    uiFromHere() { SpreadsheetApp.getUi().alert('hi'); },
    showSidebar() {
      SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Uptake'));
    },
    WRITE_BACK(x) { log().getRange('C1').setValues([[x]]); return x; },
    READ_A1() { return log().getRange('A1').getValues()[0][0]; },
    clientData(asIso) { var d = new Date(); return { when: asIso ? d.toISOString() : d, rows: [[1, 'a']] }; },
    holdLock() {
      var lock = LockService.getScriptLock();
      return lock.tryLock(1000);
    },
  };
})();
function onOpen(e) { return Uptake.onOpen.apply(this, arguments); }
function clock() { return Uptake.clock.apply(this, arguments); }
function readCells() { return Uptake.readCells.apply(this, arguments); }
function bump() { return Uptake.bump.apply(this, arguments); }
function catchServiceError() { return Uptake.catchServiceError.apply(this, arguments); }
function fail() { return Uptake.fail.apply(this, arguments); }
function list() { return Uptake.list.apply(this, arguments); }
function mailUntilNearLimit(n) { return Uptake.mailUntilNearLimit.apply(this, arguments); }
function mailAll(n) { return Uptake.mailAll.apply(this, arguments); }
function openOther(id) { return Uptake.openOther.apply(this, arguments); }
function install() { return Uptake.install.apply(this, arguments); }
function daily(e) { return Uptake.daily.apply(this, arguments); }
function uiFromHere() { return Uptake.uiFromHere.apply(this, arguments); }
function showSidebar() { return Uptake.showSidebar.apply(this, arguments); }
function holdLock() { return Uptake.holdLock.apply(this, arguments); }
function WRITE_BACK(x) { return Uptake.WRITE_BACK.apply(this, arguments); }
function READ_A1() { return Uptake.READ_A1.apply(this, arguments); }
function clientData(asIso) { return Uptake.clientData.apply(this, arguments); }
`;

const MANIFEST = {
  timeZone: 'Europe/London',
  runtimeVersion: 'V8',
  oauthScopes: [
    'https://www.googleapis.com/auth/spreadsheets.currentonly',
    'https://www.googleapis.com/auth/script.container.ui',
    'https://www.googleapis.com/auth/script.send_mail',
    'https://www.googleapis.com/auth/script.scriptapp',
  ],
};

let dir: string;
let topLevelDir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gas-fake-bundle-'));
  fs.writeFileSync(path.join(dir, 'Code.js'), CODE);
  fs.writeFileSync(path.join(dir, 'appsscript.json'), JSON.stringify(MANIFEST));
  fs.writeFileSync(path.join(dir, 'Sidebar.html'), '<!DOCTYPE html><html><body><h1>Uptake</h1></body></html>');
  topLevelDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gas-fake-toplevel-'));
  fs.writeFileSync(
    path.join(topLevelDir, 'a.js'),
    'var ZONE = Session.getScriptTimeZone();\nfunction zone() { return ZONE; }\n',
  );
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(topLevelDir, { recursive: true, force: true });
});

function fakeWithLog(extra: Parameters<typeof createFakeGas>[0] = {}): FakeGas {
  const fake = createFakeGas({ now: '2026-03-01T07:30:00Z', ...extra });
  fake.addSheet('Log', [
    ['Date', 'Note'],
    [new Date('2026-02-27T12:00:00Z'), 'x'],
  ]);
  return fake;
}

describe('loading the bundle', () => {
  it('exposes the top-level functions as entry points and reads the manifest', () => {
    const fake = fakeWithLog();
    const ctx = loadBundle(fake, dir);
    expect(ctx.$functions()).toEqual(expect.arrayContaining(['onOpen', 'daily', 'install', 'showSidebar']));
    expect(ctx.$functions()).not.toContain('Date');
    expect(fake.session.scriptTimeZone).toBe('Europe/London');
    ctx.onOpen({ authMode: 'NONE' });
    expect(fake.ui.menuItems()).toEqual([
      { caption: 'Open Uptake', functionName: 'showSidebar' },
      { caption: 'Install daily run', functionName: 'install' },
    ]);
    const missing = fake.ui
      .menuItems()
      .map((i) => i.functionName)
      .filter((f) => !ctx.$functions().includes(f));
    expect(missing).toEqual([]);
  });

  it('says so when an entry point does not exist', () => {
    const ctx = loadBundle(fakeWithLog(), dir);
    expect(() => ctx.$run('nope')).toThrow('Script function not found: nope');
  });

  it('records service calls made by top-level code', () => {
    const fake = createFakeGas();
    const ctx = loadBundle(fake, topLevelDir);
    expect(ctx.zone()).toBe('Etc/UTC');
    expect(fake.executions.at(-1)?.topLevelCalls).toEqual(['Session.getScriptTimeZone']);
  });
});

describe('the clock inside the vm realm', () => {
  it('drives new Date() and Date.now() while new Date(x) stays normal', () => {
    const fake = fakeWithLog();
    const ctx = loadBundle(fake, dir);
    const first = ctx.clock();
    expect(first).toEqual({
      now: Date.parse('2026-03-01T07:30:00Z'),
      iso: '2026-03-01T07:30:00.000Z',
      fixed: Date.parse('2020-01-01T00:00:00Z'),
      isDate: true,
      called: 'string',
    });
    fake.clock.advance(90 * 60 * 1000);
    expect(ctx.clock()).toMatchObject({ iso: '2026-03-01T09:00:00.000Z' });
  });

  it('hands the bundle dates and arrays of its own realm', () => {
    const ctx = loadBundle(fakeWithLog(), dir);
    expect(ctx.readCells()).toEqual({ dateIsDate: true, rowsAreArrays: true, year: 2026 });
  });

  it("throws service errors as the realm's Error, named Exception", () => {
    const ctx = loadBundle(fakeWithLog(), dir);
    expect(ctx.catchServiceError()).toEqual({
      isError: true,
      name: 'Exception',
      message: 'The starting row of the range is too small.',
    });
  });

  it('returns results and errors to the test as outer-realm values', () => {
    const ctx = loadBundle(fakeWithLog(), dir);
    expect(ctx.list()).toStrictEqual([
      [1, 'a'],
      [new Date(0), true],
    ]);
    expect(() => ctx.fail()).toThrow(Error);
    expect(() => ctx.fail()).toThrow('bad input: 42');
  });
});

describe('executions', () => {
  it('re-runs top-level code for each execution, as Apps Script does', () => {
    const fake = fakeWithLog();
    const fresh = loadBundle(fake, dir);
    expect([fresh.bump(), fresh.bump()]).toEqual([1, 1]);
    const kept = loadBundle(fake, dir, { freshContextPerExecution: false });
    expect([kept.bump(), kept.bump()]).toEqual([1, 2]);
  });

  it('lets code that watches Date.now stop before the six-minute limit', () => {
    const fake = fakeWithLog({ oauthScopes: MANIFEST.oauthScopes, mailQuota: 1000 });
    fake.setLatency('MailApp.sendEmail', 10_000);
    const ctx = loadBundle(fake, dir);
    expect(ctx.mailUntilNearLimit(100)).toBe(31);
    expect(fake.mail.sent).toHaveLength(31);
  });

  it('kills an execution that runs past six minutes', () => {
    const fake = fakeWithLog({ mailQuota: 1000 });
    fake.setLatency('MailApp.sendEmail', 10_000);
    const ctx = loadBundle(fake, dir);
    expect(() => ctx.mailAll(100)).toThrow(EXECUTION_TIMEOUT_MESSAGE);
    // The call that found the clock past 6:00 was refused; the ones before it went out.
    expect(fake.mail.sent).toHaveLength(37);
    expect(fake.executions.at(-1)?.killed).toBe(true);
  });

  it('shares state between executions through the fake', () => {
    const fake = fakeWithLog({
      oauthScopes: [...MANIFEST.oauthScopes, 'https://www.googleapis.com/auth/spreadsheets'],
    });
    const ctx = loadBundle(fake, dir);
    expect(ctx.install()).toBe(1);
    const second = loadBundle(fake, dir);
    expect(() => second.install()).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    expect(fake.properties.forDocument(fake.spreadsheet.getId()).getProperty('ssId')).toBe(fake.spreadsheet.getId());
  });

  it('releases the locks an execution still holds when it ends', () => {
    const fake = fakeWithLog();
    const ctx = loadBundle(fake, dir);
    expect(ctx.holdLock()).toBe(true);
    expect(fake.locks.holder('script')).toBeNull();
    expect(fake.executions.at(-1)?.releasedLocks).toEqual(['script']);
  });
});

describe('authorization', () => {
  it('allows only the menu in AuthMode.NONE', () => {
    const ctx = loadBundle(fakeWithLog(), dir);
    expect(() => ctx.onOpen({ authMode: 'NONE' })).not.toThrow();
    expect(() => ctx.$run('readCells', [], { authMode: 'NONE' })).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet',
    );
  });

  it('refuses calls that need a scope the manifest does not grant', () => {
    const fake = fakeWithLog();
    const other = fake.createSpreadsheet({ name: 'Other' });
    const ctx = loadBundle(fake, dir);
    expect(() => ctx.openOther(other.getId())).toThrow(
      'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
    fake.oauthScopes = null;
    expect(ctx.openOther(other.getId())).toBe('Other');
  });
});

describe('custom functions and google.script.run', () => {
  it('runs custom functions read-only', () => {
    const fake = fakeWithLog();
    const ctx = loadBundle(fake, dir);
    expect(ctx.$custom('READ_A1')).toBe('Date');
    expect(() => ctx.$custom('WRITE_BACK', 1)).toThrow('You do not have permission to call Range.setValue');
    expect(fake.executions.at(-1)?.limitMs).toBe(30_000);
  });

  it('refuses a Date crossing google.script.run', () => {
    const ctx = loadBundle(fakeWithLog(), dir);
    expect(ctx.$runFromClient('clientData', true)).toEqual({ when: '2026-03-01T07:30:00.000Z', rows: [[1, 'a']] });
    expect(() => ctx.$runFromClient('clientData', false)).toThrow(
      'clientData returned a value google.script.run cannot deliver (the client would get null): result.when is a Date (send an ISO string)',
    );
    expect(() => ctx.$runFromClient('clientData', new Date())).toThrow(
      'google.script.run cannot send: argument 0 is a Date',
    );
  });
});

describe('time-driven triggers over several days', () => {
  it('fires the daily trigger at 07:00 in the script zone, falling back to openById', () => {
    const fake = fakeWithLog({
      oauthScopes: [...MANIFEST.oauthScopes, 'https://www.googleapis.com/auth/spreadsheets'],
    });
    const ctx = loadBundle(fake, dir);
    ctx.install();
    // Apps Script picks the minute within the hour a daily trigger runs at; this test pins it.
    fake.triggers.clock()[0].minute = 0;
    const runs = ctx.$runDays(3);
    expect(runs.map((r) => [r.handler, r.ok])).toEqual([
      ['daily', true],
      ['daily', true],
      ['daily', true],
    ]);
    // Europe/London is on GMT in early March, so 07:00 local is 07:00Z.
    expect(runs.map((r) => r.at.toISOString())).toEqual([
      '2026-03-02T07:00:00.000Z',
      '2026-03-03T07:00:00.000Z',
      '2026-03-04T07:00:00.000Z',
    ]);
    const rows = fake.sheetValues('Log').slice(2);
    expect(rows.map((r) => r[1])).toEqual(['fallback', 'fallback', 'fallback']);
    expect((rows[0][0] as Date).toISOString()).toBe('2026-03-02T07:00:00.000Z');
    expect(fake.clock.now()).toBe(Date.parse('2026-03-04T07:30:00Z'));
  });

  it('has no Ui in a trigger', () => {
    const fake = fakeWithLog();
    const ctx = loadBundle(fake, dir);
    expect(() => ctx.$run('uiFromHere', [], { kind: 'trigger' })).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
  });
});

describe('HtmlService', () => {
  it('serves <name>.html from the bundle folder and records the sidebar', () => {
    const fake = fakeWithLog();
    const ctx = loadBundle(fake, dir);
    ctx.showSidebar();
    expect(fake.ui.sidebars()).toEqual([
      expect.objectContaining({
        kind: 'sidebar',
        title: 'Uptake',
        content: expect.stringContaining('<h1>Uptake</h1>'),
      }),
    ]);
  });
});
