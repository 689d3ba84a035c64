// ScriptApp.newTrigger's builders: a clock schedule or a spreadsheet event, checked as Apps Script
// checks them, then made into a trigger record.
import { wholeNumberArgument } from './arguments';
import { api, type FakeInfo } from './boundary';
import type { EventTypeName } from './enums';
import type { FakeContext } from './context';
import { isDateLike } from './realm';
import { isTimeZoneDatabaseId } from './time';
import { FakeSpreadsheet } from './spreadsheet';
import { FakeTrigger, type ClockSchedule, type TriggerState } from './triggers';

type GTrigger = GoogleAppsScript.Script.Trigger;
type GTriggerBuilder = GoogleAppsScript.Script.TriggerBuilder;
type GClockBuilder = GoogleAppsScript.Script.ClockTriggerBuilder;
type GSpreadsheetTriggerBuilder = GoogleAppsScript.Script.SpreadsheetTriggerBuilder;

export class FakeClockTriggerBuilder implements Pick<
  GClockBuilder,
  'after' | 'at' | 'atHour' | 'create' | 'everyDays' | 'everyHours' | 'everyMinutes' | 'inTimezone' | 'nearMinute'
> {
  static readonly fakeInfo: FakeInfo = { service: 'script', cls: 'ClockTriggerBuilder' };
  private kind: ClockSchedule['kind'] | null = null;
  private every = 1;
  private hour: number | null = null;
  private minute: number | undefined;
  private onceAt = 0;
  private tz: string | undefined;

  constructor(
    private readonly ctx: FakeContext,
    private readonly triggers: TriggerState,
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
    this.onceAt = this.ctx.clock.now() + durationMilliseconds;
    return this._self();
  }
  at(date: GoogleAppsScript.Base.Date): GClockBuilder {
    if (!isDateLike(date)) throw new Error('ClockTriggerBuilder.at needs a Date.');
    this._recurrence('once', 1);
    this.onceAt = date.getTime();
    return this._self();
  }
  atHour(hour: number): GClockBuilder {
    this.hour = wholeNumberArgument('hour', hour, 0, 23, '; use 0-23');
    return this._self();
  }
  everyMinutes(n: number): GClockBuilder {
    if (![1, 5, 10, 15, 30].includes(n)) throw new Error('Invalid argument: minutes must be 1, 5, 10, 15 or 30.');
    return this._recurrence('minutes', n);
  }
  everyHours(n: number): GClockBuilder {
    return this._recurrence('hours', wholeNumberArgument('hours', n, 1));
  }
  everyDays(n: number): GClockBuilder {
    return this._recurrence('days', wholeNumberArgument('days', n, 1));
  }
  /**
   * "An invalid timezone string causes the script to throw"; valid ones are the time-zone
   * database's ids ("Class ClockTriggerBuilder",
   * https://developers.google.com/apps-script/reference/script/clock-trigger-builder). A
   * spreadsheet's custom offset zone ("GMT-03:00") is not one; "Etc/GMT+3" is.
   */
  inTimezone(timezone: string): GClockBuilder {
    const tz = String(timezone);
    if (!isTimeZoneDatabaseId(tz)) throw new Error(`Invalid argument: timezone (${tz}).`);
    this.tz = tz;
    return this._self();
  }
  nearMinute(minute: number): GClockBuilder {
    // Apps Script rounds to the nearest 15 minutes.
    this.minute = (Math.round(wholeNumberArgument('minute', minute, 0, 59) / 15) * 15) % 60;
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
    }
    if (this.hour !== null && this.kind !== 'days') {
      throw new Error('atHour() works only with everyDays(), everyWeeks() or onMonthDay().');
    }
    const rec = this.triggers._create({
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

export class FakeSpreadsheetTriggerBuilder implements Pick<GSpreadsheetTriggerBuilder, 'create' | 'onEdit' | 'onOpen'> {
  static readonly fakeInfo: FakeInfo = { service: 'script', cls: 'SpreadsheetTriggerBuilder' };
  private type: EventTypeName | null = null;

  constructor(
    private readonly ctx: FakeContext,
    private readonly triggers: TriggerState,
    private readonly handler: string,
    private readonly ssId: string,
  ) {}

  private _on(t: EventTypeName): GSpreadsheetTriggerBuilder {
    this.type = t;
    return api<GSpreadsheetTriggerBuilder>(this);
  }
  onEdit(): GSpreadsheetTriggerBuilder {
    return this._on('ON_EDIT');
  }
  onOpen(): GSpreadsheetTriggerBuilder {
    return this._on('ON_OPEN');
  }
  create(): GTrigger {
    if (!this.type)
      throw new Error(
        'The spreadsheet trigger has no event: call onOpen(), onEdit(), onChange() or onFormSubmit() before create().',
      );
    const rec = this.triggers._create({
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
    private readonly ctx: FakeContext,
    private readonly triggers: TriggerState,
    private readonly handler: string,
  ) {}

  timeBased(): GClockBuilder {
    return api<GClockBuilder>(new FakeClockTriggerBuilder(this.ctx, this.triggers, this.handler));
  }
  forSpreadsheet(sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string): GSpreadsheetTriggerBuilder {
    const id = typeof sheet === 'string' ? sheet : sheet instanceof FakeSpreadsheet ? sheet._id : null;
    if (id === null) throw new Error('TriggerBuilder.forSpreadsheet needs a Spreadsheet or its id.');
    // An add-on creates triggers only for the file it is used in ("Triggers for Editor add-ons",
    // https://developers.google.com/workspace/add-ons/concepts/editor-triggers, restrictions).
    const current = this.ctx.documentId();
    if (this.ctx.options.addon && id !== current) {
      throw new Error(
        `An add-on can only create triggers for the file it is used in: forSpreadsheet(${id}) is not ${current ?? 'a file this execution has'}.`,
      );
    }
    return api<GSpreadsheetTriggerBuilder>(
      new FakeSpreadsheetTriggerBuilder(this.ctx, this.triggers, this.handler, id),
    );
  }
}
