import {
  LOCK_TIMEOUT_MESSAGE,
  MAIL_QUOTA_MESSAGE,
  PROPERTY_STORE_LIMIT,
  createFakeGas,
} from '../../packages/fake-apps-script';

describe('MailApp', () => {
  it('spends one quota unit per recipient and refuses past the daily quota', () => {
    const fake = createFakeGas({ mailQuota: 3, now: '2026-03-01T10:00:00Z' });
    const mail = fake.globals.MailApp;
    mail.sendEmail('a@x.com', 'S', 'B', { cc: 'b@x.com' });
    expect(mail.getRemainingDailyQuota()).toBe(1);
    expect(() => mail.sendEmail({ to: 'c@x.com, d@x.com', subject: 'S', body: 'B' })).toThrow(MAIL_QUOTA_MESSAGE);
    mail.sendEmail({ to: 'c@x.com', subject: 'S', body: 'B', htmlBody: '<b>B</b>', name: 'Uptake' });
    expect(() => mail.sendEmail('e@x.com', 'S', 'B')).toThrow('Service invoked too many times for one day: email.');
    expect(fake.mail.sent.map((m) => m.recipients)).toEqual([['a@x.com', 'b@x.com'], ['c@x.com']]);
    expect(fake.mail.sent[1]).toMatchObject({
      htmlBody: '<b>B</b>',
      name: 'Uptake',
      at: new Date('2026-03-01T10:00:00Z'),
    });
  });

  it('restores the quota 24 hours after the first email it counted, not at midnight', () => {
    // "Quotas are per user and reset 24 hours after the first request" ("Quotas for Google Services").
    const fake = createFakeGas({ mailQuota: 2, timeZone: 'America/New_York', now: '2026-03-02T15:00:00Z' });
    const mail = fake.globals.MailApp;
    mail.sendEmail('a@x.com', 'S', 'B');
    fake.clock.set('2026-03-02T20:00:00Z');
    mail.sendEmail('b@x.com', 'S', 'B');
    expect(mail.getRemainingDailyQuota()).toBe(0);
    // Past midnight in the script's zone, and the next morning: still the same 24 hours.
    fake.clock.set('2026-03-03T09:00:00Z');
    expect(mail.getRemainingDailyQuota()).toBe(0);
    expect(() => mail.sendEmail('a@x.com', 'S', 'B')).toThrow(MAIL_QUOTA_MESSAGE);
    fake.clock.set('2026-03-03T14:59:59Z');
    expect(mail.getRemainingDailyQuota()).toBe(0);
    fake.clock.set('2026-03-03T15:00:00Z');
    expect(mail.getRemainingDailyQuota()).toBe(2);
    mail.sendEmail('a@x.com', 'S', 'B');
    expect(fake.mail.sent).toHaveLength(3);
    expect(fake.mail.resetsAt()).toBe(Date.parse('2026-03-04T15:00:00Z'));
  });

  it('counts each user’s recipients against their own quota', () => {
    // "Quotas are per user" ("Quotas for Google Services").
    const fake = createFakeGas({ mailQuota: 1, user: 'owner@example.com' });
    const mail = fake.globals.MailApp;
    mail.sendEmail('a@x.com', 'S', 'B');
    expect(mail.getRemainingDailyQuota()).toBe(0);
    fake.session.setUser('editor@example.com');
    expect(mail.getRemainingDailyQuota()).toBe(1);
    mail.sendEmail('a@x.com', 'S', 'B');
    expect(() => mail.sendEmail('a@x.com', 'S', 'B')).toThrow(MAIL_QUOTA_MESSAGE);
  });

  it('fails for scripted and malformed addresses without spending quota', () => {
    const fake = createFakeGas();
    fake.mail.failFor('bad@x');
    const mail = fake.globals.MailApp;
    expect(() => mail.sendEmail('bad@x', 'S', 'B')).toThrow('Invalid email: bad@x');
    expect(() => mail.sendEmail('not-an-address', 'S', 'B')).toThrow('Invalid email: not-an-address');
    expect(mail.getRemainingDailyQuota()).toBe(100);
    mail.sendEmail('boss@x.com', 'reply-to@x.com', 'Weekly report', 'Body');
    expect(fake.mail.sent[0]).toMatchObject({
      to: 'boss@x.com',
      replyTo: 'reply-to@x.com',
      subject: 'Weekly report',
      body: 'Body',
    });
  });
});

describe('LockService', () => {
  it('tryLock fails and waits out its timeout while someone else holds the lock', () => {
    const fake = createFakeGas();
    fake.locks.holdElsewhere('script');
    const lock = fake.globals.LockService.getScriptLock();
    const before = fake.clock.now();
    expect(lock.tryLock(5000)).toBe(false);
    expect(fake.clock.now() - before).toBe(5000);
    expect([null, fake.executionId()]).not.toContain(fake.locks.holder('script'));
    expect(() => lock.waitLock(1000)).toThrow(LOCK_TIMEOUT_MESSAGE);
  });

  it('waitLock succeeds when the other holder lets go within the timeout', () => {
    const fake = createFakeGas();
    fake.locks.holdElsewhere('document', { releaseAfterMs: 3000 });
    const lock = fake.globals.LockService.getDocumentLock();
    const before = fake.clock.now();
    lock.waitLock(10000);
    expect(fake.locks.holder('document')).toBe(fake.executionId());
    expect(fake.clock.now() - before).toBe(3000);
    lock.releaseLock();
    expect(fake.locks.holder('document')).toBeNull();
  });

  it('gives no document lock or properties without a document', () => {
    const fake = createFakeGas();
    fake.setActiveSpreadsheet(null);
    expect(fake.globals.LockService.getDocumentLock()).toBeNull();
    expect(fake.globals.PropertiesService.getDocumentProperties()).toBeNull();
    expect(fake.globals.SpreadsheetApp.getActiveSpreadsheet()).toBeNull();
  });
});

describe('PropertiesService', () => {
  it('refuses a value over 9 KB and a store over 500 KB, changing nothing', () => {
    const fake = createFakeGas();
    const props = fake.globals.PropertiesService.getDocumentProperties();
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    props.setProperty('ok', 'x'.repeat(9 * 1024));
    const chunk = 'y'.repeat(9000);
    let i = 0;
    expect(() => {
      for (; i < 100; i++) props.setProperty(`k${i}`, chunk);
    }).toThrow('You have exceeded the property storage quota. Please remove some properties and try again.');
    expect(props.getProperty(`k${i}`)).toBeNull();
    expect(fake.properties.forDocument(fake.spreadsheet.getId())._bytes()).toBeLessThanOrEqual(PROPERTY_STORE_LIMIT);
  });

  it('keeps user properties per user and document properties per document', () => {
    const fake = createFakeGas({ user: 'ann@x.com' });
    const svc = fake.globals.PropertiesService;
    svc.getUserProperties().setProperty('k', 'ann');
    svc.getDocumentProperties().setProperty('a', '1');
    svc.getDocumentProperties().setProperty('b', '2');
    fake.session.setUser('bob@x.com');
    expect(svc.getUserProperties().getProperty('k')).toBeNull();
    expect(svc.getDocumentProperties().getProperties()).toEqual({ a: '1', b: '2' });
    svc.getDocumentProperties().deleteProperty('a');
    expect(Object.keys(svc.getDocumentProperties().getProperties())).toEqual(['b']);
  });
});

describe('console', () => {
  it('keeps what console.error writes, with the fake time and the execution', () => {
    const fake = createFakeGas({ now: '2026-03-01T08:00:00Z' });
    fake.globals.console.error('sent %d of %s', 3, 'reminders');
    expect(fake.logs.messages()).toEqual(['sent 3 of reminders']);
    expect(fake.logs.entries[0]).toEqual({
      message: 'sent 3 of reminders',
      at: new Date('2026-03-01T08:00:00Z'),
      execution: null,
    });
    fake.logs.clear();
    expect(fake.logs.messages()).toEqual([]);
  });
});

describe('Spreadsheet.getOwner', () => {
  test('the Drive owner’s email, blank for an account whose email Google does not give (Class User)', () => {
    const gas = createFakeGas({ user: 'owner@example.com', usersWithoutEmail: ['hidden@example.com'] });
    gas.setDriveOwner('owner@example.com');
    expect(gas.globals.SpreadsheetApp.getActiveSpreadsheet().getOwner()!.getEmail()).toBe('owner@example.com');
    gas.setDriveOwner('hidden@example.com');
    expect(gas.globals.SpreadsheetApp.getActiveSpreadsheet().getOwner()!.getEmail()).toBe('');
    gas.setDriveOwner(null);
    expect(gas.globals.SpreadsheetApp.getActiveSpreadsheet().getOwner()).toBeNull();
  });
});
