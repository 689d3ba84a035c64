// The installable triggers of every user and document: the editor add-on rules they are made under,
// and when clock triggers fire, so that the harness can run them by day.
import type { FakeInfo } from './boundary';
import type { AuthorizationStatusName, EventTypeName, TriggerSourceName } from './enums';
import type { FakeContext } from './context';
import { zonedParts, zonedToUtc } from './time';

type GTrigger = GoogleAppsScript.Script.Trigger;

export const ADDON_TRIGGER_LIMIT_MESSAGE =
  'This add-on has created too many time-based triggers in this document for this Google user account.';
export const SCRIPT_TRIGGER_LIMIT_MESSAGE =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
/** "Quotas for Google Services" (https://developers.google.com/apps-script/guides/services/quotas):
 * triggers, 20 per user per script; a published add-on is one script for every document it runs in. */
export const TRIGGERS_PER_USER_LIMIT = 20;

/** Every `every` days at `hour` (null: the hour it was made), the only schedule Uptake makes. */
export interface ClockSchedule {
  kind: 'days';
  every: number;
  hour: number | null;
}

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
  /** The minute within the hour a clock trigger fires at: Apps Script picks one per trigger. */
  minute?: number;
  timeZone?: string;
  lastFiredAt?: number;
}

export class FakeTrigger implements Pick<GTrigger, 'getHandlerFunction' | 'getUniqueId'> {
  static readonly fakeInfo: FakeInfo = { service: 'script', cls: 'Trigger' };
  constructor(readonly _rec: TriggerRecord) {}

  getHandlerFunction(): string {
    return this._rec.handler;
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
  /** Every user's authorization status, unless set for that user (authorizationByUser). */
  authorizationStatus: AuthorizationStatusName = 'NOT_REQUIRED';
  /** Each user authorizes the add-on for themselves: one user's REQUIRED is not another's. */
  readonly authorizationByUser = new Map<string, AuthorizationStatusName>();
  authorizationUrl = 'https://script.google.com/macros/auth?fake=1';
  private seq = 0;

  constructor(private readonly ctx: FakeContext) {}

  /** The authorization status of `user`. */
  authorizationOf(user: string): AuthorizationStatusName {
    return this.authorizationByUser.get(user) ?? this.authorizationStatus;
  }

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
    const owner = this.ctx.currentUser();
    const documentId = rec.documentId ?? this.ctx.documentId();
    const mine = this.records.filter((r) => r.owner === owner);
    if (this.ctx.options.addon) {
      // One trigger of each event type per user per document ("Triggers for Editor add-ons",
      // https://developers.google.com/workspace/add-ons/concepts/editor-triggers, restrictions);
      // Uptake makes time-driven ones only.
      if (mine.some((r) => r.eventType === rec.eventType && r.documentId === documentId)) {
        throw new Error(ADDON_TRIGGER_LIMIT_MESSAGE);
      }
    }
    if (mine.length >= TRIGGERS_PER_USER_LIMIT) throw new Error(SCRIPT_TRIGGER_LIMIT_MESSAGE);
    const uid = String(Date.UTC(2026, 0, 1) / 1000 + ++this.seq * 7 + 1000000);
    const full: TriggerRecord = { ...rec, uid, owner, documentId, createdAt: this.ctx.clock.now() };
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
    if (!s) return null;
    const tz = r.timeZone ?? this.ctx.session.scriptTimeZone;
    const minute = r.minute ?? 0;
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
      const hour = s.hour ?? createdDay.hour;
      if ((dayNum - createdDayNum) % s.every === 0) {
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

  /** The clock trigger that fires next in (now, until], and when. */
  _nextDue(until: number): { rec: TriggerRecord; at: number } | null {
    let best: { rec: TriggerRecord; at: number } | null = null;
    const now = this.ctx.clock.now();
    for (const rec of this.clock()) {
      const at = this.nextFire(rec, Math.max(now, rec.lastFiredAt ?? -Infinity));
      if (at === null || at > until || (rec.lastFiredAt !== undefined && at <= rec.lastFiredAt)) continue;
      if (!best || at < best.at) best = { rec, at };
    }
    return best;
  }
}
