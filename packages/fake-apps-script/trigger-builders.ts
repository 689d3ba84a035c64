// ScriptApp.newTrigger's builders: a clock schedule, checked as Apps Script checks it, then made
// into a trigger record.
import { wholeNumberArgument } from './arguments';
import { api, type FakeInfo } from './boundary';
import type { FakeContext } from './context';
import { isTimeZoneDatabaseId } from './time';
import { FakeTrigger, type ClockSchedule, type TriggerState } from './triggers';

type GTrigger = GoogleAppsScript.Script.Trigger;
type GTriggerBuilder = GoogleAppsScript.Script.TriggerBuilder;
type GClockBuilder = GoogleAppsScript.Script.ClockTriggerBuilder;

export class FakeClockTriggerBuilder implements Pick<GClockBuilder, 'atHour' | 'create' | 'everyDays' | 'inTimezone'> {
  static readonly fakeInfo: FakeInfo = { service: 'script', cls: 'ClockTriggerBuilder' };
  private kind: ClockSchedule['kind'] | null = null;
  private every = 1;
  private hour: number | null = null;
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

  atHour(hour: number): GClockBuilder {
    this.hour = wholeNumberArgument('hour', hour, 0, 23, '; use 0-23');
    return this._self();
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
  create(): GTrigger {
    if (this.kind === null)
      throw new Error('The time-based trigger has no schedule: call everyDays() or similar before create().');
    const schedule: ClockSchedule = { kind: this.kind, every: this.every, hour: this.hour };
    const rec = this.triggers._create({
      handler: this.handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      schedule,
      timeZone: this.tz,
    });
    return api<GTrigger>(new FakeTrigger(rec));
  }
}

export class FakeTriggerBuilder implements Pick<GTriggerBuilder, 'timeBased'> {
  static readonly fakeInfo: FakeInfo = { service: 'script', cls: 'TriggerBuilder' };
  constructor(
    private readonly ctx: FakeContext,
    private readonly triggers: TriggerState,
    private readonly handler: string,
  ) {}

  timeBased(): GClockBuilder {
    return api<GClockBuilder>(new FakeClockTriggerBuilder(this.ctx, this.triggers, this.handler));
  }
}
