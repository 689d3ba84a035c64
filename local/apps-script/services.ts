// PropertiesService, LockService, CacheService, MailApp, Utilities, Logger and console.
import { randomUUID } from 'node:crypto';
import { format as nodeFormat } from 'node:util';
import type { FakeInfo } from './boundary';
import type { FakeGas } from './harness';
import { isDateLike } from './realm';
import { dayKey, formatDate } from './time';

type GProperties = GoogleAppsScript.Properties.Properties;
type GPropertiesService = GoogleAppsScript.Properties.PropertiesService;
type GLock = GoogleAppsScript.Lock.Lock;
type GLockService = GoogleAppsScript.Lock.LockService;
type GCache = GoogleAppsScript.Cache.Cache;
type GCacheService = GoogleAppsScript.Cache.CacheService;
type GMailApp = GoogleAppsScript.Mail.MailApp;
type MailParams = GoogleAppsScript.Mail.MailAdvancedParameters;
type GUtilities = GoogleAppsScript.Utilities.Utilities;
type GLogger = GoogleAppsScript.Base.Logger;

function api<T>(x: object): T {
  return x as unknown as T;
}

const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

// ---- Properties --------------------------------------------------------------------------------

export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

export class FakeProperties implements Pick<
  GProperties,
  | 'deleteAllProperties'
  | 'deleteProperty'
  | 'getKeys'
  | 'getProperties'
  | 'getProperty'
  | 'setProperties'
  | 'setProperty'
> {
  static readonly fakeInfo: FakeInfo = { service: 'properties', cls: 'Properties' };
  readonly _map = new Map<string, string>();

  constructor(readonly _scope: string) {}

  /** Applies a change only if the store stays within Apps Script's limits. */
  private _commit(next: Map<string, string>): void {
    for (const v of next.values()) {
      if (utf8Bytes(v) > PROPERTY_VALUE_LIMIT) throw new Error('Argument too large: value');
    }
    let total = 0;
    for (const [k, v] of next) total += utf8Bytes(k) + utf8Bytes(v);
    if (total > PROPERTY_STORE_LIMIT) {
      throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
    this._map.clear();
    for (const [k, v] of next) this._map.set(k, v);
  }

  _bytes(): number {
    let total = 0;
    for (const [k, v] of this._map) total += utf8Bytes(k) + utf8Bytes(v);
    return total;
  }

  deleteAllProperties(): GProperties {
    this._map.clear();
    return api<GProperties>(this);
  }
  deleteProperty(key: string): GProperties {
    this._map.delete(String(key));
    return api<GProperties>(this);
  }
  getKeys(): string[] {
    return [...this._map.keys()];
  }
  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this._map);
  }
  getProperty(key: string): string | null {
    return this._map.get(String(key)) ?? null;
  }
  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): GProperties {
    if (typeof properties !== 'object' || properties === null) throw new Error('Invalid argument: properties');
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this._map);
    for (const [k, v] of Object.entries(properties)) next.set(k, String(v));
    this._commit(next);
    return api<GProperties>(this);
  }
  setProperty(key: string, value: string): GProperties {
    if (key === null || key === undefined || key === '') throw new Error('Invalid argument: key');
    const next = new Map(this._map);
    next.set(String(key), String(value));
    this._commit(next);
    return api<GProperties>(this);
  }
}

export class PropertiesState {
  readonly script = new FakeProperties('script');
  private readonly docs = new Map<string, FakeProperties>();
  private readonly users = new Map<string, FakeProperties>();

  forDocument(id: string): FakeProperties {
    let p = this.docs.get(id);
    if (!p) this.docs.set(id, (p = new FakeProperties(`document:${id}`)));
    return p;
  }
  forUser(email: string): FakeProperties {
    let p = this.users.get(email);
    if (!p) this.users.set(email, (p = new FakeProperties(`user:${email}`)));
    return p;
  }
}

export class FakePropertiesService implements Pick<
  GPropertiesService,
  'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties'
> {
  static readonly fakeInfo: FakeInfo = { service: 'properties', cls: 'PropertiesService' };
  constructor(private readonly gas: FakeGas) {}

  getDocumentProperties(): GProperties {
    const doc = this.gas.documentSpreadsheet();
    // Null outside a document, like the real service (typed non-null there too).
    return (doc ? api<GProperties>(this.gas.properties.forDocument(doc._id)) : null) as GProperties;
  }
  getScriptProperties(): GProperties {
    return api<GProperties>(this.gas.properties.script);
  }
  getUserProperties(): GProperties {
    return api<GProperties>(this.gas.properties.forUser(this.gas.currentUser()));
  }
}

// ---- Locks -------------------------------------------------------------------------------------

export type LockScope = 'script' | 'document' | 'user';

interface Mutex {
  holder: string | null;
  /** When a holder outside the test's executions lets go on its own (fake-clock ms). */
  releaseAt: number | null;
}

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';
const OTHER_PROCESS = 'another-process';

export class LockState {
  private readonly mutexes = new Map<string, Mutex>();
  /** Number of successful acquisitions, by scope key: lets tests check a lock was taken. */
  readonly acquisitions = new Map<string, number>();

  constructor(private readonly gas: FakeGas) {}

  _mutex(key: string): Mutex {
    let m = this.mutexes.get(key);
    if (!m) this.mutexes.set(key, (m = { holder: null, releaseAt: null }));
    return m;
  }

  key(scope: LockScope, id?: string): string {
    if (scope === 'script') return 'script';
    if (scope === 'user') return `user:${id ?? this.gas.currentUser()}`;
    const doc = id ?? this.gas.documentSpreadsheet()?._id ?? this.gas.spreadsheet._id;
    return `document:${doc}`;
  }

  /**
   * Makes the lock held by some other execution. With `releaseAfterMs`, it frees itself that
   * long from now (so a waitLock with a long enough timeout gets it); otherwise never.
   */
  holdElsewhere(scope: LockScope, opts: { releaseAfterMs?: number; id?: string } = {}): void {
    const m = this._mutex(this.key(scope, opts.id));
    m.holder = OTHER_PROCESS;
    m.releaseAt = opts.releaseAfterMs === undefined ? null : this.gas.clock.now() + opts.releaseAfterMs;
  }

  release(scope: LockScope, id?: string): void {
    const m = this._mutex(this.key(scope, id));
    m.holder = null;
    m.releaseAt = null;
  }

  holder(scope: LockScope, id?: string): string | null {
    return this._mutex(this.key(scope, id)).holder;
  }

  /** Apps Script frees an execution's locks when it ends. */
  _releaseAllOf(executionId: string): string[] {
    const released: string[] = [];
    for (const [k, m] of this.mutexes) {
      if (m.holder === executionId) {
        m.holder = null;
        released.push(k);
      }
    }
    return released;
  }
}

export class FakeLock implements Pick<GLock, 'hasLock' | 'releaseLock' | 'tryLock' | 'waitLock'> {
  static readonly fakeInfo: FakeInfo = { service: 'lock', cls: 'Lock' };
  private acquired = false;

  constructor(
    private readonly gas: FakeGas,
    private readonly key: string,
  ) {}

  hasLock(): boolean {
    return this.acquired && this.gas.locks._mutex(this.key).holder === this.gas.executionId();
  }
  releaseLock(): void {
    const m = this.gas.locks._mutex(this.key);
    if (this.acquired && m.holder === this.gas.executionId()) m.holder = null;
    this.acquired = false;
  }
  tryLock(timeoutInMillis: number): boolean {
    const m = this.gas.locks._mutex(this.key);
    const me = this.gas.executionId();
    const clock = this.gas.clock;
    if (m.holder !== null && m.holder !== me && m.releaseAt !== null && m.releaseAt <= clock.now() + timeoutInMillis) {
      // Waiting costs the time until the other holder lets go.
      if (m.releaseAt > clock.now()) clock.set(m.releaseAt);
      m.holder = null;
      m.releaseAt = null;
    }
    if (m.holder === null || m.holder === me) {
      m.holder = me;
      this.acquired = true;
      this.gas.locks.acquisitions.set(this.key, (this.gas.locks.acquisitions.get(this.key) ?? 0) + 1);
      return true;
    }
    clock.advance(Math.max(0, timeoutInMillis));
    return false;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error(LOCK_TIMEOUT_MESSAGE);
  }
}

export class FakeLockService implements Pick<GLockService, 'getDocumentLock' | 'getScriptLock' | 'getUserLock'> {
  static readonly fakeInfo: FakeInfo = { service: 'lock', cls: 'LockService' };
  constructor(private readonly gas: FakeGas) {}

  getDocumentLock(): GLock {
    const doc = this.gas.documentSpreadsheet();
    return (doc ? api<GLock>(new FakeLock(this.gas, this.gas.locks.key('document', doc._id))) : null) as GLock;
  }
  getScriptLock(): GLock {
    return api<GLock>(new FakeLock(this.gas, this.gas.locks.key('script')));
  }
  getUserLock(): GLock {
    return api<GLock>(new FakeLock(this.gas, this.gas.locks.key('user')));
  }
}

// ---- Cache -------------------------------------------------------------------------------------

export const CACHE_VALUE_LIMIT = 100 * 1024;
export const CACHE_KEY_LIMIT = 250;
const CACHE_DEFAULT_SECONDS = 600;
const CACHE_MAX_SECONDS = 21600;

export class FakeCache implements Pick<GCache, 'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'> {
  static readonly fakeInfo: FakeInfo = { service: 'cache', cls: 'Cache' };
  readonly _entries = new Map<string, { value: string; expiresAt: number }>();

  constructor(private readonly gas: FakeGas) {}

  private _live(key: string): string | null {
    const e = this._entries.get(key);
    if (!e) return null;
    if (e.expiresAt <= this.gas.clock.now()) {
      this._entries.delete(key);
      return null;
    }
    return e.value;
  }

  get(key: string): string | null {
    return this._live(String(key));
  }
  getAll(keys: string[]): { [key: string]: string } {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this._live(String(k));
      if (v !== null) out[k] = v;
    }
    return out;
  }
  put(key: string, value: string, expirationInSeconds = CACHE_DEFAULT_SECONDS): void {
    const k = String(key);
    const v = String(value);
    if (k.length > CACHE_KEY_LIMIT) throw new Error('Argument too large: key');
    if (utf8Bytes(v) > CACHE_VALUE_LIMIT) throw new Error('Argument too large: value');
    const secs = Math.min(Math.max(1, expirationInSeconds), CACHE_MAX_SECONDS);
    this._entries.set(k, { value: v, expiresAt: this.gas.clock.now() + secs * 1000 });
  }
  putAll(values: { [key: string]: string }, expirationInSeconds?: number): void {
    for (const [k, v] of Object.entries(values)) this.put(k, v, expirationInSeconds);
  }
  remove(key: string): void {
    this._entries.delete(String(key));
  }
  removeAll(keys: string[]): void {
    for (const k of keys) this._entries.delete(String(k));
  }
}

export class CacheState {
  private readonly caches = new Map<string, FakeCache>();
  constructor(private readonly gas: FakeGas) {}
  get(key: string): FakeCache {
    let c = this.caches.get(key);
    if (!c) this.caches.set(key, (c = new FakeCache(this.gas)));
    return c;
  }
}

export class FakeCacheService implements Pick<GCacheService, 'getDocumentCache' | 'getScriptCache' | 'getUserCache'> {
  static readonly fakeInfo: FakeInfo = { service: 'cache', cls: 'CacheService' };
  constructor(private readonly gas: FakeGas) {}

  getDocumentCache(): GCache | null {
    const doc = this.gas.documentSpreadsheet();
    return doc ? api<GCache>(this.gas.cache.get(`document:${doc._id}`)) : null;
  }
  getScriptCache(): GCache {
    return api<GCache>(this.gas.cache.get('script'));
  }
  getUserCache(): GCache {
    return api<GCache>(this.gas.cache.get(`user:${this.gas.currentUser()}`));
  }
}

// ---- MailApp -----------------------------------------------------------------------------------

export interface SentMail {
  to: string;
  cc: string;
  bcc: string;
  recipients: string[];
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  from: string;
  at: Date;
}

export const MAIL_QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';
export const MAX_RECIPIENTS_PER_MESSAGE = 50;

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+$/;

export class MailState {
  sent: SentMail[] = [];
  dailyQuota: number;
  private usedDay = '';
  private used = 0;
  private readonly failures = new Map<string, string>();

  constructor(
    private readonly gas: FakeGas,
    quota: number,
  ) {
    this.dailyQuota = quota;
  }

  /** Sending to this address throws (by default "Invalid email: <address>"). */
  failFor(address: string, message = `Invalid email: ${address}`): void {
    this.failures.set(address.toLowerCase(), message);
  }

  clearFailures(): void {
    this.failures.clear();
  }

  /** Recipients left today, in the script's time zone; a new day starts a new quota. */
  remaining(): number {
    this._roll();
    return Math.max(0, this.dailyQuota - this.used);
  }

  /** Uses up quota as if `n` recipients had been mailed today. */
  consume(n: number): void {
    this._roll();
    this.used += n;
  }

  to(address: string): SentMail[] {
    const a = address.toLowerCase();
    return this.sent.filter((m) => m.recipients.includes(a));
  }

  reset(): void {
    this.sent = [];
    this.used = 0;
  }

  private _roll(): void {
    const today = dayKey(this.gas.clock.now(), this.gas.session.scriptTimeZone);
    if (today !== this.usedDay) {
      this.usedDay = today;
      this.used = 0;
    }
  }

  _send(m: Omit<SentMail, 'recipients' | 'from' | 'at'>): void {
    const recipients = [m.to, m.cc, m.bcc].flatMap(splitAddresses);
    if (recipients.length === 0) throw new Error('Failed to send email: no recipient');
    for (const r of recipients) {
      const failure = this.failures.get(r);
      if (failure) throw new Error(failure);
      if (!EMAIL.test(r)) throw new Error(`Invalid email: ${r}`);
    }
    if (recipients.length > MAX_RECIPIENTS_PER_MESSAGE)
      throw new Error('Limit Exceeded: Email Recipients Per Message.');
    this._roll();
    if (this.used + recipients.length > this.dailyQuota) throw new Error(MAIL_QUOTA_MESSAGE);
    this.used += recipients.length;
    this.sent.push({ ...m, recipients, from: this.gas.session.effectiveUser, at: this.gas.clock.date() });
  }
}

function splitAddresses(list: string): string[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => (/<([^>]+)>/.exec(s)?.[1] ?? s).trim().toLowerCase());
}

export class FakeMailApp implements Pick<GMailApp, 'getRemainingDailyQuota' | 'sendEmail'> {
  static readonly fakeInfo: FakeInfo = { service: 'mail', cls: 'MailApp' };
  constructor(private readonly gas: FakeGas) {}

  getRemainingDailyQuota(): number {
    return this.gas.mail.remaining();
  }

  sendEmail(a: string | MailParams, b?: string, c?: string, d?: string | MailParams): void {
    if (typeof a === 'object' && a !== null) {
      this.gas.mail._send({
        to: a.to ?? '',
        cc: a.cc ?? '',
        bcc: a.bcc ?? '',
        subject: a.subject ?? '',
        body: a.body ?? '',
        htmlBody: a.htmlBody,
        name: a.name,
        replyTo: a.replyTo,
        noReply: a.noReply,
      });
      return;
    }
    if (typeof a !== 'string' || typeof b !== 'string' || typeof c !== 'string') {
      throw new Error("The parameters don't match the method signature for MailApp.sendEmail.");
    }
    if (typeof d === 'string') {
      // sendEmail(to, replyTo, subject, body)
      this.gas.mail._send({ to: a, cc: '', bcc: '', replyTo: b, subject: c, body: d });
      return;
    }
    const o = d ?? {};
    this.gas.mail._send({
      to: a,
      cc: o.cc ?? '',
      bcc: o.bcc ?? '',
      subject: b,
      body: c,
      htmlBody: o.htmlBody,
      name: o.name,
      replyTo: o.replyTo,
      noReply: o.noReply,
    });
  }
}

// ---- Utilities ---------------------------------------------------------------------------------

/** Java's String.format for the conversions scripts use: %s %d %f %.Nf %%, %n. */
export function javaFormat(template: string, args: unknown[]): string {
  let i = 0;
  return String(template).replace(
    /%(\.(\d+))?([sdfn%])/g,
    (whole, _p: string, prec: string | undefined, conv: string) => {
      if (conv === '%') return '%';
      if (conv === 'n') return '\n';
      if (i >= args.length) throw new Error(`Format specifier '${whole}' has no argument`);
      const v = args[i++];
      if (conv === 'd') return String(Math.trunc(Number(v)));
      if (conv === 'f') return Number(v).toFixed(prec === undefined ? 6 : Number(prec));
      return stringify(v);
    },
  );
}

function stringify(v: unknown): string {
  if (typeof v === 'string') return v;
  if (isDateLike(v)) return v.toString();
  if (typeof v === 'object' && v !== null) {
    try {
      return JSON.stringify(v);
    } catch (_e) {
      return String(v);
    }
  }
  return String(v);
}

export class FakeUtilities implements Pick<GUtilities, 'formatDate' | 'formatString' | 'getUuid' | 'sleep'> {
  static readonly fakeInfo: FakeInfo = { service: 'utilities', cls: 'Utilities' };
  constructor(private readonly gas: FakeGas) {}

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (!isDateLike(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw new Error("The parameters don't match the method signature for Utilities.formatDate.");
    }
    return formatDate(date.getTime(), timeZone, format);
  }
  formatString(template: string, ...args: unknown[]): string {
    return javaFormat(template, args);
  }
  getUuid(): string {
    return randomUUID();
  }
  sleep(milliseconds: number): void {
    if (milliseconds > 300000) throw new Error('Utilities.sleep: the maximum is 300000 milliseconds.');
    this.gas.clock.advance(Math.max(0, milliseconds));
  }
}

// ---- Logger and console ------------------------------------------------------------------------

export interface LogEntry {
  source: 'Logger' | 'console';
  level: 'log' | 'info' | 'warn' | 'error';
  message: string;
  at: Date;
  execution: string | null;
}

export class LogState {
  entries: LogEntry[] = [];
  echo: boolean;
  private timers = new Map<string, number>();

  constructor(
    private readonly gas: FakeGas,
    echo: boolean,
  ) {
    this.echo = echo;
  }

  messages(level?: LogEntry['level']): string[] {
    return this.entries.filter((e) => !level || e.level === level).map((e) => e.message);
  }

  clear(): void {
    this.entries = [];
  }

  _add(source: LogEntry['source'], level: LogEntry['level'], message: string): void {
    const ex = this.gas.execution;
    this.entries.push({ source, level, message, at: this.gas.clock.date(), execution: ex ? ex.name : null });
    if (this.echo) process.stdout.write(`[gas ${level}] ${message}\n`);
  }

  _time(label: string): void {
    this.timers.set(label, this.gas.clock.now());
  }

  _timeEnd(label: string): void {
    const start = this.timers.get(label);
    if (start === undefined) return;
    this.timers.delete(label);
    this._add('console', 'info', `${label}: ${this.gas.clock.now() - start}ms`);
  }
}

export class FakeLogger implements Pick<GLogger, 'clear' | 'getLog' | 'log'> {
  static readonly fakeInfo: FakeInfo = { service: 'logger', cls: 'Logger' };
  constructor(private readonly gas: FakeGas) {}

  clear(): void {
    this.gas.logs.entries = this.gas.logs.entries.filter((e) => e.source !== 'Logger');
  }
  getLog(): string {
    return this.gas.logs.entries
      .filter((e) => e.source === 'Logger')
      .map((e) => e.message)
      .join('\n');
  }
  log(data: unknown, ...values: unknown[]): GLogger {
    const message = values.length > 0 && typeof data === 'string' ? javaFormat(data, values) : stringify(data);
    this.gas.logs._add('Logger', 'info', message);
    return api<GLogger>(this);
  }
}

export class FakeConsole {
  static readonly fakeInfo: FakeInfo = { service: 'logger', cls: 'console' };
  constructor(private readonly gas: FakeGas) {}

  log(...args: unknown[]): void {
    this.gas.logs._add('console', 'log', nodeFormat(...args));
  }
  info(...args: unknown[]): void {
    this.gas.logs._add('console', 'info', nodeFormat(...args));
  }
  warn(...args: unknown[]): void {
    this.gas.logs._add('console', 'warn', nodeFormat(...args));
  }
  error(...args: unknown[]): void {
    this.gas.logs._add('console', 'error', nodeFormat(...args));
  }
  time(label = 'default'): void {
    this.gas.logs._time(label);
  }
  timeEnd(label = 'default'): void {
    this.gas.logs._timeEnd(label);
  }
}
