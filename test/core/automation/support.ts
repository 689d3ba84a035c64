// The daily run's ports as plain objects: a Map for the store, an outbox for MailApp, a clock
// the test moves, and an array for the "Uptake sent" sheet. No bundle, no Apps Script.
import { parseLog } from '../../../src/core/sheets/log';
import { MemberDirectory, parseRoster } from '../../../src/core/sheets/roster';
import { runAudit } from '../../../src/core/audit/audit';
import { validateSettings, type Settings } from '../../../src/core/base/settings';
import { DailyRun } from '../../../src/core/automation/daily-run';
import type { RunSetup } from '../../../src/core/automation/ports';
import type { Clock, Mailer, SentLog, TeamView } from '../../../src/core/automation/ports';
import type { Store } from '../../../src/core/automation/store';
import type { EmailContent } from '../../../src/core/mail/email';
import { readSentSheet, SentIndex } from '../../../src/core/programme/sent-records';
import { recordRow, SENT_HEADERS, type SentRecord } from '../../../src/core/programme/sent-row';
import { KeyedTags } from '../../../src/core/programme/sent-tags';

const TEST_TAGS = new KeyedTags('0'.repeat(64));
import { UTC } from '../fixtures';
import { logRows, OWNER, rosterRows, type RosterSpec, type RunSpec } from '../../support/sheets';

export { OWNER };

/** Properties: `limitBytes` refuses a longer value, as Apps Script refuses one over 9 KB. */
export class MemoryStore implements Store {
  readonly values = new Map<string, string>();
  limitBytes = Infinity;
  valueBytes = 9 * 1024;
  get(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  set(key: string, value: string): void {
    if (Buffer.byteLength(value, 'utf8') > this.limitBytes) throw new Error('Argument too large: value');
    this.values.set(key, value);
  }
  remove(key: string): void {
    this.values.delete(key);
  }
}

export class TestClock implements Clock {
  constructor(public ms: number) {}
  now(): number {
    return this.ms;
  }
  at(iso: string): void {
    this.ms = Date.parse(iso);
  }
}

export interface Sent {
  to: string[];
  subject: string;
  text: string;
  at: number;
}

/** MailApp: a daily quota, a delay per email, and addresses or subjects it refuses with a message. */
export class Outbox implements Mailer {
  readonly sent: Sent[] = [];
  quota = 100;
  delayMs = 0;
  refuse: (recipients: string[], content: EmailContent) => string | null = () => null;
  constructor(private readonly clock: TestClock) {}
  remaining(): number {
    return this.quota;
  }
  send(recipients: string[], content: EmailContent): void {
    this.clock.ms += this.delayMs;
    const refusal = this.refuse(recipients, content);
    if (refusal) throw new Error(refusal);
    if (recipients.length > this.quota) throw new Error('Service invoked too many times for one day: email.');
    this.quota -= recipients.length;
    this.sent.push({ to: recipients, subject: content.subject, text: content.text, at: this.clock.ms });
  }
  subjects(): string[] {
    return this.sent.map((m) => m.subject);
  }
}

/** The sent sheet as an array of records; `failAppends` makes the next appends throw. */
export class SentRows implements SentLog {
  readonly rows: SentRecord[] = [];
  failAppends = 0;
  read(): SentIndex {
    // Kept in clear (these tests look at what was recorded) and read with a key, as a run reads the sheet.
    return readSentSheet([SENT_HEADERS, ...this.rows.map(recordRow)], 'UTC', TEST_TAGS).index;
  }
  append(records: SentRecord[]): void {
    if (this.failAppends > 0) {
      this.failAppends--;
      throw new Error('Service Spreadsheets timed out while accessing document');
    }
    this.rows.push(...records);
  }
  keys(): string[] {
    return this.rows.map((r) => `${r.member || r.recipient}|${r.milestone}`);
  }
}

/** The team over a log and a roster, audited by the core's own runAudit. */
export function teamOf(members: RosterSpec[], runs: RunSpec[] = []): TeamView {
  const roster = parseRoster(rosterRows(members), UTC);
  const log = parseLog(logRows(runs), { ...UTC, directory: new MemberDirectory(roster.members) });
  return {
    roster: roster.members,
    rosterSheetName: 'Roster',
    audits: (asOf, weeks, fromDay) =>
      runAudit({
        runs: log.table,
        roster,
        names: log.names,
        asOf,
        weeks,
        settings: validateSettings({}),
        fromDay,
      }),
  };
}

/** The ports of one spreadsheet, kept across runs as Apps Script keeps properties and sheets. */
export function ports(startIso: string) {
  const clock = new TestClock(Date.parse(startIso));
  return { store: new MemoryStore(), clock, mail: new Outbox(clock), sent: new SentRows() };
}

export type Ports = ReturnType<typeof ports>;

export function setupOf(settings: Partial<Settings> = {}, extra: Partial<RunSetup> = {}): RunSetup {
  return {
    settings: validateSettings({ ownerEmail: OWNER, ...settings }),
    owner: OWNER,
    since: null,
    timeZone: 'UTC',
    spreadsheetName: 'Team',
    spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abc/edit',
    onRequest: false,
    ...extra,
  };
}

/** One scheduled run at `iso` over `team`; returns the run for its report. */
export function runAt(p: Ports, iso: string, team: TeamView, setup = setupOf()): DailyRun {
  p.clock.at(iso);
  const run = new DailyRun(p, setup);
  run.run(() => team);
  return run;
}
