// ScriptApp: installable triggers with editor add-on rules, a schedule the harness can fire, and
// a scriptable authorization status.
import { api, type FakeInfo } from './boundary';
import {
  AuthMode,
  AuthModeNames,
  AuthorizationStatus,
  EventType,
  InstallationSource,
  TriggerSource,
  Weekday,
  WeekdayNames,
  enumName,
  type AuthorizationStatusName,
  type EventTypeName,
  type TriggerSourceName,
  type WeekdayName,
} from './enums';
import type { FakeGas } from './harness';
import { isDateLike } from './realm';
import { FakeSpreadsheet } from './spreadsheet';
import { zonedParts, zonedToUtc } from './time';

type GScriptApp = GoogleAppsScript.Script.ScriptApp;
type GTrigger = GoogleAppsScript.Script.Trigger;
type GTriggerBuilder = GoogleAppsScript.Script.TriggerBuilder;
type GClockBuilder = GoogleAppsScript.Script.ClockTriggerBuilder;
type GSpreadsheetTriggerBuilder = GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
type GAuthInfo = GoogleAppsScript.Script.AuthorizationInfo;
type GEventType = GoogleAppsScript.Script.EventType;
type GTriggerSource = GoogleAppsScript.Script.TriggerSource;
type GAuthMode = GoogleAppsScript.Script.AuthMode;
type GAuthStatus = GoogleAppsScript.Script.AuthorizationStatus;

export const ADDON_TRIGGER_LIMIT_MESSAGE =
  'This add-on has created too many time-based triggers in this document for this Google user account.';
export const SCRIPT_TRIGGER_LIMIT_MESSAGE =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
/** "Quotas for Google Services" (https://developers.google.com/apps-script/guides/services/quotas):
 * triggers, 20 per user per script; a published add-on is one script for every document it runs in. */
export const TRIGGERS_PER_USER_LIMIT = 20;

export type ClockSchedule =
  | { kind: 'minutes'; every: number }
  | { kind: 'hours'; every: number }
  | { kind: 'days'; every: number; hour: number | null }
  | { kind: 'weeks'; every: number; weekday: WeekdayName | null; hour: number | null }
  | { kind: 'monthDay'; day: number; hour: number | null }
  | { kind: 'once'; at: number };

export interface TriggerRecord {
  uid: string;
  handler: string;
  eventType: EventTypeName;
  source: TriggerSourceName;
  sourceId: string | null;
  /** The document an add-on's trigger belongs to (the active one when it was made). */
  documentId: string | null;
  owner: string;
  createdAt: number;
  schedule?: ClockSchedule;
  /** The minute within the hour a clock trigger fires at (nearMinute, else fixed per trigger). */
  minute?: number;
  timeZone?: string;
  lastFiredAt?: number;
  /** One-shot clock triggers stop firing once fired. */
  spent?: boolean;
}

export class FakeTrigger implements Pick<
  GTrigger,
  'getEventType' | 'getHandlerFunction' | 'getTriggerSource' | 'getTriggerSourceId' | 'getUniqueId'
> {
  static readonly fakeInfo: FakeInfo = { service: 'script', cls: 'Trigger' };
  constructor(readonly _rec: TriggerRecord) {}

  getEventType(): GEventType {
    return api<GEventType>(this._rec.eventType as unknown as object);
  }
  getHandlerFunction(): string {
    return this._rec.handler;
  }
  getTriggerSource(): GTriggerSource {
    return api<GTriggerSource>(this._rec.source as unknown as object);
  }
  getTriggerSourceId(): string {
    return this._rec.sourceId as string;
  }
  getUniqueId(): string {
    return this._rec.uid;
  }
}

function hashMinute(uid: string): number {
  let h = 0;
  for (const ch of uid) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % 60;
}

/** Triggers, the authorization status and when clock triggers fire. */
export class TriggerState {
  records: TriggerRecord[] = [];
  authorizationStatus: AuthorizationStatusName = 'NOT_REQUIRED';
  authorizationUrl = 'https://script.google.com/macros/auth?fake=1';
  private seq = 0;

  constructor(private readonly gas: FakeGas) {}

  list(owner?: string): TriggerRecord[] {
    return this.records.filter((r) => owner === undefined || r.owner === owner);
  }

  clock(): TriggerRecord[] {
    return this.records.filter((r) => r.eventType === 'CLOCK');
  }

  /** Handlers of triggers that name no top-level function of the loaded bundle. */
  missingHandlers(functionNames: readonly string[]): string[] {
    return this.records.map((r) => r.handler).filter((h) => !functionNames.includes(h));
  }

  clear(): void {
    this.records = [];
  }

  _create(
    rec: Omit<TriggerRecord, 'uid' | 'owner' | 'createdAt' | 'documentId'> & { documentId?: string | null },
  ): TriggerRecord {
    const owner = this.gas.currentUser();
    const documentId = rec.documentId ?? this.gas.documentSpreadsheet()?._id ?? null;
    const mine = this.records.filter((r) => r.owner === owner);
    if (this.gas.options.addon) {
      // One trigger of each event type per user per document (Apps Script uses the same wording
      // whatever the type).
      if (mine.some((r) => r.eventType === rec.eventType && r.documentId === documentId)) {
        throw new Error(ADDON_TRIGGER_LIMIT_MESSAGE);
      }
      if (
        rec.schedule &&
        (rec.schedule.kind === 'minutes' || (rec.schedule.kind === 'hours' && rec.schedule.every < 1))
      ) {
        throw new Error(
          'Add-ons may not use time-driven triggers that run more often than once an hour. (gas-fake wording)',
        );
      }
    }
    if (mine.length >= TRIGGERS_PER_USER_LIMIT) throw new Error(SCRIPT_TRIGGER_LIMIT_MESSAGE);
    const uid = String(Date.UTC(2026, 0, 1) / 1000 + ++this.seq * 7 + 1000000);
    const full: TriggerRecord = { ...rec, uid, owner, documentId, createdAt: this.gas.clock.now() };
    if (full.eventType === 'CLOCK' && full.minute === undefined) full.minute = hashMinute(uid);
    this.records.push(full);
    return full;
  }

  _delete(uid: string): void {
    this.records = this.records.filter((r) => r.uid !== uid);
  }

  /** The first time after `after` at which this clock trigger fires, or null. */
  nextFire(r: TriggerRecord, after: number): number | null {
    const s = r.schedule;
    if (!s || r.spent) return null;
    const tz = r.timeZone ?? this.gas.session.scriptTimeZone;
    const minute = r.minute ?? 0;
    switch (s.kind) {
      case 'once':
        return s.at > after || (r.lastFiredAt === undefined && s.at >= after) ? s.at : null;
      case 'minutes': {
        const step = s.every * 60000;
        const k = Math.floor((after - r.createdAt) / step) + 1;
        return r.createdAt + Math.max(1, k) * step;
      }
      case 'hours': {
        const created = zonedParts(r.createdAt, tz);
        const first =
          zonedToUtc(tz, created.year, created.month, created.day, created.hour, minute) +
          (created.minute >= minute ? 3600000 : 0);
        const step = s.every * 3600000;
        if (first > after) return first;
        return first + (Math.floor((after - first) / step) + 1) * step;
      }
      case 'days':
      case 'weeks':
      case 'monthDay': {
        // Walk calendar days in the trigger's zone: simple, and cheap for the spans tests use.
        // Start a couple of days early so that no zone offset can skip the first candidate.
        const start = zonedParts(after - 86400000 * 2, tz);
        const createdDay = zonedParts(r.createdAt, tz);
        const createdDayNum = Date.UTC(createdDay.year, createdDay.month - 1, createdDay.day) / 86400000;
        let y = start.year;
        let m = start.month;
        let d = start.day;
        for (let i = 0; i < 800; i++) {
          const dayNum = Date.UTC(y, m - 1, d) / 86400000;
          const weekday = new Date(dayNum * 86400000).getUTCDay();
          const hour = s.hour ?? createdDay.hour;
          let matches: boolean;
          if (s.kind === 'days') matches = (dayNum - createdDayNum) % s.every === 0;
          else if (s.kind === 'weeks') {
            const wd = s.weekday === null ? createdDay.weekday : WEEKDAY_INDEX[s.weekday];
            matches = weekday === wd && Math.floor((dayNum - createdDayNum) / 7) % s.every === 0;
          } else matches = d === s.day;
          if (matches) {
            const t = zonedToUtc(tz, y, m, d, hour, minute);
            if (t > after && t > r.createdAt) return t;
          }
          const next = new Date(Date.UTC(y, m - 1, d + 1));
          y = next.getUTCFullYear();
          m = next.getUTCMonth() + 1;
          d = next.getUTCDate();
        }
        return null;
      }
    }
  }

  /** The clock trigger that fires next in (now, until], and when. */
  _nextDue(until: number): { rec: TriggerRecord; at: number } | null {
    let best: { rec: TriggerRecord; at: number } | null = null;
    const now = this.gas.clock.now();
    for (const rec of this.clock()) {
      const at = this.nextFire(rec, Math.max(now, rec.lastFiredAt ?? -Infinity));
      if (at === null || at > until || (rec.lastFiredAt !== undefined && at <= rec.lastFiredAt)) continue;
      if (!best || at < best.at) best = { rec, at };
    }
    return best;
  }
}

const WEEKDAY_INDEX: Record<WeekdayName, number> = {
  SUNDAY: 0,
  MONDAY: 1,
  TUESDAY: 2,
  WEDNESDAY: 3,
  THURSDAY: 4,
  FRIDAY: 5,
  SATURDAY: 6,
};

export class FakeAuthorizationInfo implements Pick<GAuthInfo, 'getAuthorizationStatus' | 'getAuthorizationUrl'> {
  static readonly fakeInfo: FakeInfo = { service: 'script', cls: 'AuthorizationInfo' };
  constructor(
    private readonly status: AuthorizationStatusName,
    private readonly url: string,
  ) {}
  getAuthorizationStatus(): GAuthStatus {
    return api<GAuthStatus>(this.status as unknown as object);
  }
  getAuthorizationUrl(): string {
    // Apps Script gives a URL only when authorization is needed.
    return this.status === 'REQUIRED' ? this.url : (null as unknown as string);
  }
}

export class FakeClockTriggerBuilder implements Pick<
  GClockBuilder,
  | 'after'
  | 'at'
  | 'atHour'
  | 'create'
  | 'everyDays'
  | 'everyHours'
  | 'everyMinutes'
  | 'everyWeeks'
  | 'inTimezone'
  | 'nearMinute'
  | 'onMonthDay'
  | 'onWeekDay'
> {
  static readonly fakeInfo: FakeInfo = { service: 'script', cls: 'ClockTriggerBuilder' };
  private kind: ClockSchedule['kind'] | null = null;
  private every = 1;
  private hour: number | null = null;
  private minute: number | undefined;
  private weekday: WeekdayName | null = null;
  private monthDay = 1;
  private onceAt = 0;
  private tz: string | undefined;

  constructor(
    private readonly gas: FakeGas,
    private readonly handler: string,
  ) {}

  private _self(): GClockBuilder {
    return api<GClockBuilder>(this);
  }
  private _recurrence(kind: ClockSchedule['kind'], every: number): GClockBuilder {
    if (this.kind !== null)
      throw new Error(
        'The trigger already has a schedule; call only one of everyMinutes/everyHours/everyDays/everyWeeks/onMonthDay/after/at.',
      );
    this.kind = kind;
    this.every = every;
    return this._self();
  }

  after(durationMilliseconds: number): GClockBuilder {
    this._recurrence('once', 1);
    this.onceAt = this.gas.clock.now() + durationMilliseconds;
    return this._self();
  }
  at(date: GoogleAppsScript.Base.Date): GClockBuilder {
    if (!isDateLike(date)) throw new Error('ClockTriggerBuilder.at needs a Date.');
    this._recurrence('once', 1);
    this.onceAt = date.getTime();
    return this._self();
  }
  atHour(hour: number): GClockBuilder {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23)
      throw new Error(`Invalid argument: hour (${hour}); use 0-23.`);
    this.hour = hour;
    return this._self();
  }
  everyMinutes(n: number): GClockBuilder {
    if (![1, 5, 10, 15, 30].includes(n)) throw new Error('Invalid argument: minutes must be 1, 5, 10, 15 or 30.');
    return this._recurrence('minutes', n);
  }
  everyHours(n: number): GClockBuilder {
    if (!Number.isInteger(n) || n < 1) throw new Error(`Invalid argument: hours (${n}).`);
    return this._recurrence('hours', n);
  }
  everyDays(n: number): GClockBuilder {
    if (!Number.isInteger(n) || n < 1) throw new Error(`Invalid argument: days (${n}).`);
    return this._recurrence('days', n);
  }
  everyWeeks(n: number): GClockBuilder {
    if (!Number.isInteger(n) || n < 1) throw new Error(`Invalid argument: weeks (${n}).`);
    return this._recurrence('weeks', n);
  }
  onMonthDay(day: number): GClockBuilder {
    if (!Number.isInteger(day) || day < 1 || day > 31) throw new Error(`Invalid argument: day (${day}).`);
    this._recurrence('monthDay', 1);
    this.monthDay = day;
    return this._self();
  }
  onWeekDay(day: GoogleAppsScript.Base.Weekday): GClockBuilder {
    const name = enumName(WeekdayNames, day);
    if (!name) throw new Error('Invalid argument: day; use ScriptApp.WeekDay.');
    this.weekday = name;
    return this._self();
  }
  inTimezone(timezone: string): GClockBuilder {
    this.tz = String(timezone);
    return this._self();
  }
  nearMinute(minute: number): GClockBuilder {
    if (!Number.isInteger(minute) || minute < 0 || minute > 59)
      throw new Error(`Invalid argument: minute (${minute}).`);
    // Apps Script rounds to the nearest 15 minutes.
    this.minute = (Math.round(minute / 15) * 15) % 60;
    return this._self();
  }
  create(): GTrigger {
    let schedule: ClockSchedule;
    switch (this.kind) {
      case null:
        throw new Error(
          'The time-based trigger has no schedule: call everyDays(), everyHours(), after() or similar before create().',
        );
      case 'once':
        schedule = { kind: 'once', at: this.onceAt };
        break;
      case 'minutes':
        schedule = { kind: 'minutes', every: this.every };
        break;
      case 'hours':
        schedule = { kind: 'hours', every: this.every };
        break;
      case 'days':
        schedule = { kind: 'days', every: this.every, hour: this.hour };
        break;
      case 'weeks':
        schedule = { kind: 'weeks', every: this.every, weekday: this.weekday, hour: this.hour };
        break;
      case 'monthDay':
        schedule = { kind: 'monthDay', day: this.monthDay, hour: this.hour };
        break;
    }
    if (this.hour !== null && this.kind !== 'days' && this.kind !== 'weeks' && this.kind !== 'monthDay') {
      throw new Error('atHour() works only with everyDays(), everyWeeks() or onMonthDay().');
    }
    const rec = this.gas.triggers._create({
      handler: this.handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      schedule,
      minute: this.minute,
      timeZone: this.tz,
    });
    return api<GTrigger>(new FakeTrigger(rec));
  }
}

export class FakeSpreadsheetTriggerBuilder implements Pick<
  GSpreadsheetTriggerBuilder,
  'create' | 'onChange' | 'onEdit' | 'onFormSubmit' | 'onOpen'
> {
  static readonly fakeInfo: FakeInfo = { service: 'script', cls: 'SpreadsheetTriggerBuilder' };
  private type: EventTypeName | null = null;

  constructor(
    private readonly gas: FakeGas,
    private readonly handler: string,
    private readonly ssId: string,
  ) {}

  private _on(t: EventTypeName): GSpreadsheetTriggerBuilder {
    this.type = t;
    return api<GSpreadsheetTriggerBuilder>(this);
  }
  onChange(): GSpreadsheetTriggerBuilder {
    return this._on('ON_CHANGE');
  }
  onEdit(): GSpreadsheetTriggerBuilder {
    return this._on('ON_EDIT');
  }
  onFormSubmit(): GSpreadsheetTriggerBuilder {
    return this._on('ON_FORM_SUBMIT');
  }
  onOpen(): GSpreadsheetTriggerBuilder {
    return this._on('ON_OPEN');
  }
  create(): GTrigger {
    if (!this.type)
      throw new Error(
        'The spreadsheet trigger has no event: call onOpen(), onEdit(), onChange() or onFormSubmit() before create().',
      );
    const rec = this.gas.triggers._create({
      handler: this.handler,
      eventType: this.type,
      source: 'SPREADSHEETS',
      sourceId: this.ssId,
      documentId: this.ssId,
    });
    return api<GTrigger>(new FakeTrigger(rec));
  }
}

export class FakeTriggerBuilder implements Pick<GTriggerBuilder, 'timeBased' | 'forSpreadsheet'> {
  static readonly fakeInfo: FakeInfo = { service: 'script', cls: 'TriggerBuilder' };
  constructor(
    private readonly gas: FakeGas,
    private readonly handler: string,
  ) {}

  timeBased(): GClockBuilder {
    return api<GClockBuilder>(new FakeClockTriggerBuilder(this.gas, this.handler));
  }
  forSpreadsheet(sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string): GSpreadsheetTriggerBuilder {
    const id = typeof sheet === 'string' ? sheet : sheet instanceof FakeSpreadsheet ? sheet._id : null;
    if (id === null) throw new Error('TriggerBuilder.forSpreadsheet needs a Spreadsheet or its id.');
    return api<GSpreadsheetTriggerBuilder>(new FakeSpreadsheetTriggerBuilder(this.gas, this.handler, id));
  }
}

export class FakeScriptApp implements Pick<
  GScriptApp,
  | 'AuthMode'
  | 'AuthorizationStatus'
  | 'EventType'
  | 'TriggerSource'
  | 'WeekDay'
  | 'InstallationSource'
  | 'newTrigger'
  | 'deleteTrigger'
  | 'getProjectTriggers'
  | 'getUserTriggers'
  | 'getAuthorizationInfo'
  | 'getScriptId'
> {
  static readonly fakeInfo: FakeInfo = { service: 'script', cls: 'ScriptApp' };
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = Weekday;
  readonly InstallationSource = InstallationSource;

  constructor(private readonly gas: FakeGas) {}

  newTrigger(functionName: string): GTriggerBuilder {
    if (typeof functionName !== 'string' || functionName === '')
      throw new Error('ScriptApp.newTrigger needs a function name.');
    return api<GTriggerBuilder>(new FakeTriggerBuilder(this.gas, functionName));
  }
  deleteTrigger(trigger: GTrigger): void {
    if (!(trigger instanceof FakeTrigger)) throw new Error('ScriptApp.deleteTrigger needs a Trigger.');
    this.gas.triggers._delete(trigger._rec.uid);
  }
  getProjectTriggers(): GTrigger[] {
    return this.gas.triggers.list(this.gas.currentUser()).map((r) => api<GTrigger>(new FakeTrigger(r)));
  }
  getUserTriggers(
    document:
      GoogleAppsScript.Spreadsheet.Spreadsheet | GoogleAppsScript.Document.Document | GoogleAppsScript.Forms.Form,
  ): GTrigger[] {
    if (!(document instanceof FakeSpreadsheet))
      throw new Error('ScriptApp.getUserTriggers needs a Spreadsheet in this fake.');
    return this.gas.triggers
      .list(this.gas.currentUser())
      .filter((r) => r.documentId === document._id || r.sourceId === document._id)
      .map((r) => api<GTrigger>(new FakeTrigger(r)));
  }
  getAuthorizationInfo(authMode: GAuthMode): GAuthInfo {
    if (!enumName(AuthModeNames, authMode))
      throw new Error('ScriptApp.getAuthorizationInfo needs a ScriptApp.AuthMode.');
    const t = this.gas.triggers;
    return api<GAuthInfo>(new FakeAuthorizationInfo(t.authorizationStatus, t.authorizationUrl));
  }
  getScriptId(): string {
    return this.gas.options.scriptId;
  }
}
