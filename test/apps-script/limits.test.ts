// The documented limits the fake enforces, each against the rule on Google's page (cited where the
// fake implements it), and the switches for what Google does not document.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ANSWERS_ENV,
  CELL_CHARACTER_LIMIT,
  CELL_TOO_LONG_MESSAGE,
  LOCK_TIMEOUT_MESSAGE,
  MAIL_BODY_SIZE_MESSAGE,
  MAIL_QUOTA_MESSAGE,
  MAIL_RECIPIENTS_PER_MESSAGE_MESSAGE,
  OUTSIDE_THE_SHEET,
  PROPERTY_STORE_LIMIT,
  PROPERTY_VALUE_LIMIT,
  SCRIPT_TRIGGER_LIMIT_MESSAGE,
  cellLimitMessage,
  createFakeGas,
  loadBundle,
} from '../../packages/fake-apps-script';
import { BUILD_DIR, readBuilt } from '../bundle/support';

const EMAIL_SCOPE = 'https://www.googleapis.com/auth/userinfo.email';

describe('Session needs the userinfo.email scope', () => {
  it('refuses getActiveUser and getEffectiveUser when the manifest lists scopes without it', () => {
    const fake = createFakeGas({ user: 'ann@x.com', oauthScopes: ['spreadsheets', 'script.send_mail'] });
    expect(() => fake.globals.Session.getEffectiveUser()).toThrow(
      `You do not have permission to call Session.getEffectiveUser. Required permissions: ${EMAIL_SCOPE}`,
    );
    expect(() => fake.globals.Session.getActiveUser()).toThrow(/Session\.getActiveUser/);
    // The zone and locale need no scope.
    expect(fake.globals.Session.getScriptTimeZone()).toBe('Etc/UTC');
    fake.oauthScopes = [...(fake.oauthScopes ?? []), EMAIL_SCOPE];
    expect(fake.globals.Session.getEffectiveUser().getEmail()).toBe('ann@x.com');
    expect(fake.globals.Session.getActiveUser().getEmail()).toBe('ann@x.com');
  });

  it('takes the scopes from build/appsscript.json when it loads the bundle, and they include it', () => {
    readBuilt('Code.js');
    const fake = createFakeGas({ user: 'ann@x.com' });
    expect(fake.oauthScopes).toBeNull();
    loadBundle(fake, BUILD_DIR);
    expect(fake.oauthScopes).toContain(EMAIL_SCOPE);
    expect(fake.globals.Session.getEffectiveUser().getEmail()).toBe('ann@x.com');
  });
});

describe('property sizes', () => {
  it('refuses a value over 9 KB and a store over 500 KB, in every store', () => {
    const fake = createFakeGas();
    const svc = fake.globals.PropertiesService;
    for (const store of [svc.getDocumentProperties(), svc.getUserProperties()]) {
      expect(() => store.setProperty('big', 'é'.repeat(PROPERTY_VALUE_LIMIT / 2 + 1))).toThrow(
        'Argument too large: value',
      );
      store.setProperty('ok', 'x'.repeat(PROPERTY_VALUE_LIMIT));
      const chunk = 'y'.repeat(9000);
      let i = 0;
      expect(() => {
        for (; i < Math.ceil(PROPERTY_STORE_LIMIT / 9000); i++) store.setProperty(`k${i}`, chunk);
      }).toThrow(/property storage quota/);
      expect(store.getProperty(`k${i}`)).toBeNull();
      expect(Object.keys(store.getProperties())).toHaveLength(i + 1);
    }
  });
});

describe('MailApp limits', () => {
  it('refuses a body over 200 KB, plain and HTML together, without spending quota', () => {
    const fake = createFakeGas();
    const mail = fake.globals.MailApp;
    const half = 'x'.repeat(100 * 1024);
    mail.sendEmail({ to: 'a@x.com', subject: 'S', body: half, htmlBody: half });
    expect(() => mail.sendEmail({ to: 'a@x.com', subject: 'S', body: half, htmlBody: `${half}!` })).toThrow(
      MAIL_BODY_SIZE_MESSAGE,
    );
    expect(() => mail.sendEmail('a@x.com', 'S', 'x'.repeat(200 * 1024 + 1))).toThrow(MAIL_BODY_SIZE_MESSAGE);
    expect(mail.getRemainingDailyQuota()).toBe(99);
    expect(createFakeGas({ mailBodyLimitBytes: 400 * 1024 }).mail.bodyLimitBytes).toBe(400 * 1024);
  });

  it('refuses more than 50 recipients in one message, counting to, cc and bcc', () => {
    const fake = createFakeGas({ mailQuota: 1500 });
    const mail = fake.globals.MailApp;
    const list = (n: number, at: string) => Array.from({ length: n }, (_, i) => `p${i}@${at}`).join(',');
    mail.sendEmail({ to: list(20, 'a.com'), cc: list(20, 'b.com'), bcc: list(10, 'c.com'), subject: 'S', body: 'B' });
    expect(() =>
      mail.sendEmail({ to: list(20, 'a.com'), cc: list(20, 'b.com'), bcc: list(11, 'c.com'), subject: 'S', body: 'B' }),
    ).toThrow(MAIL_RECIPIENTS_PER_MESSAGE_MESSAGE);
    expect(mail.getRemainingDailyQuota()).toBe(1450);
  });

  it('tells the three refusals apart by their messages', () => {
    expect(new Set([MAIL_QUOTA_MESSAGE, MAIL_BODY_SIZE_MESSAGE, MAIL_RECIPIENTS_PER_MESSAGE_MESSAGE]).size).toBe(3);
    const fake = createFakeGas({ mailQuota: 2 });
    fake.globals.MailApp.sendEmail('a@x.com,b@x.com', 'S', 'B');
    expect(() => fake.globals.MailApp.sendEmail('c@x.com', 'S', 'B')).toThrow(MAIL_QUOTA_MESSAGE);
  });
});

describe('triggers: 20 per user per script', () => {
  it('counts an add-on user’s triggers across every document the script runs in', () => {
    const fake = createFakeGas({ user: 'ann@x.com' });
    const app = fake.globals.ScriptApp;
    for (let i = 0; i < 20; i++) {
      fake.setActiveSpreadsheet(fake.createSpreadsheet({ name: `Team ${i}` }));
      app.newTrigger('runDaily').timeBased().everyDays(1).atHour(7).create();
    }
    fake.setActiveSpreadsheet(fake.createSpreadsheet({ name: 'Team 21' }));
    expect(() => app.newTrigger('runDaily').timeBased().everyDays(1).atHour(7).create()).toThrow(
      SCRIPT_TRIGGER_LIMIT_MESSAGE,
    );
    // Another user of the same add-on has an allowance of their own.
    fake.session.setUser('bob@x.com');
    app.newTrigger('runDaily').timeBased().everyDays(1).atHour(7).create();
    expect(fake.triggers.list('ann@x.com')).toHaveLength(20);
  });
});

describe('locks', () => {
  it('gives a null document lock outside a document', () => {
    const fake = createFakeGas();
    fake.setActiveSpreadsheet(null);
    expect(fake.globals.LockService.getDocumentLock()).toBeNull();
    expect(fake.globals.LockService.getScriptLock()).not.toBeNull();
  });

  it('has one script lock for every spreadsheet the script runs in', () => {
    const fake = createFakeGas();
    const other = fake.createSpreadsheet({ name: 'Another team' });
    fake.locks.holdElsewhere('script');
    fake.setActiveSpreadsheet(other);
    expect(fake.globals.LockService.getScriptLock().tryLock(1000)).toBe(false);
    // The document locks stay apart: the other document's is free.
    expect(fake.globals.LockService.getDocumentLock().tryLock(0)).toBe(true);
    expect(() => fake.globals.LockService.getScriptLock().waitLock(10)).toThrow(LOCK_TIMEOUT_MESSAGE);
  });
});

describe('sheet dimensions', () => {
  it('refuses a range past the last row or column, when it is made and when it is used', () => {
    const fake = createFakeGas();
    const sheet = fake.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    expect(sheet.getMaxRows()).toBe(1000);
    expect(() => sheet.getRange(1001, 1)).toThrow(OUTSIDE_THE_SHEET);
    expect(() => sheet.getRange(1, 27)).toThrow(OUTSIDE_THE_SHEET);
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow(OUTSIDE_THE_SHEET);
    const last = sheet.getRange(1000, 1);
    last.setValues([['kept']]);
    fake.user.deleteRows(sheet.getName(), 990, 11);
    expect(() => last.getValues()[0][0]).toThrow(OUTSIDE_THE_SHEET);
    expect(() => last.setValues([['x']])).toThrow(OUTSIDE_THE_SHEET);
    // A row a person appends grows the sheet instead.
    sheet.getRange(989, 1).setValues([['row 989']]);
    fake.user.appendRow(sheet.getName(), ['appended']);
    expect(sheet.getMaxRows()).toBe(990);
    expect(sheet.getRange(990, 1).getValues()[0][0]).toBe('appended');
  });

  it('refuses a change that takes the spreadsheet past its cell limit, changing nothing', () => {
    const fake = createFakeGas({ cellLimit: 60_000 });
    const ss = fake.globals.SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.getSheets()[0];
    expect(() => sheet.insertRowsAfter(1000, 1308)).toThrow(cellLimitMessage(60_000));
    sheet.insertRowsAfter(1000, 1307); // 2,307 × 26 = 59,982 cells
    expect(sheet.getMaxRows()).toBe(2307);
    expect(() => ss.insertSheet('More')).toThrow(cellLimitMessage(60_000));
    expect(ss.getSheets()).toHaveLength(1);
    expect(() => sheet.insertColumnsAfter(26, 1)).toThrow(cellLimitMessage(60_000));
    sheet.getRange(2307, 1).setValues([['last row']]);
    expect(() => fake.user.appendRow(sheet.getName(), ['one more'])).toThrow(cellLimitMessage(60_000));
    expect(sheet.getLastRow()).toBe(2307);
    expect(cellLimitMessage(10_000_000)).toBe(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
  });

  it('refuses more than 50,000 characters in a cell', () => {
    const fake = createFakeGas();
    const range = fake.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1:B1');
    range.setValues([['x'.repeat(CELL_CHARACTER_LIMIT), 'ok']]);
    expect(() => range.setValues([['y', 'x'.repeat(CELL_CHARACTER_LIMIT + 1)]])).toThrow(CELL_TOO_LONG_MESSAGE);
    expect(range.getValues()[0][1]).toBe('ok');
    expect(() => range.setValues([[`="${'x'.repeat(CELL_CHARACTER_LIMIT)}"`, 'ok']])).toThrow(CELL_TOO_LONG_MESSAGE);
  });
});

describe('switches for undocumented behaviour', () => {
  it('gives a null document lock in a trigger under documentLockInTriggers: "null"', () => {
    for (const answer of ['document', 'null'] as const) {
      const fake = createFakeGas({ documentLockInTriggers: answer });
      const ex = fake._beginExecution('runDaily', { kind: 'trigger' });
      const inTrigger = fake.globals.LockService.getDocumentLock();
      fake._endExecution(ex);
      expect(inTrigger === null).toBe(answer === 'null');
      // Outside triggers the document's lock is there under either answer.
      expect(fake.globals.LockService.getDocumentLock()).not.toBeNull();
    }
  });

  it('passes a date cell to a custom function in the sheet zone or the script zone', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custom-dates-'));
    fs.writeFileSync(path.join(dir, 'Code.js'), 'function ECHO_DATE(d) { return d.toISOString(); }\n');
    const midnightInLosAngeles = new Date('2026-03-01T08:00:00Z'); // the cell shows 2026-03-01
    const seen = (['sheet-zone', 'script-zone'] as const).map((answer) => {
      const fake = createFakeGas({
        timeZone: 'Etc/UTC',
        spreadsheet: { timeZone: 'America/Los_Angeles' },
        customFunctionDates: answer,
      });
      return loadBundle(fake, dir).$custom('ECHO_DATE', midnightInLosAngeles);
    });
    expect(seen).toEqual(['2026-03-01T08:00:00.000Z', '2026-03-01T00:00:00.000Z']);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads the environment variable for defaults, and an explicit option wins', () => {
    const saved = process.env[ANSWERS_ENV];
    try {
      process.env[ANSWERS_ENV] = JSON.stringify({ documentLockInTriggers: 'null', customFunctionDates: 'script-zone' });
      expect(createFakeGas().options).toMatchObject({
        documentLockInTriggers: 'null',
        customFunctionDates: 'script-zone',
      });
      expect(createFakeGas({ documentLockInTriggers: 'document' }).options.documentLockInTriggers).toBe('document');
      process.env[ANSWERS_ENV] = JSON.stringify({ nonsense: true });
      expect(() => createFakeGas()).toThrow(/unknown switch "nonsense"/);
    } finally {
      if (saved === undefined) delete process.env[ANSWERS_ENV];
      else process.env[ANSWERS_ENV] = saved;
    }
  });
});
