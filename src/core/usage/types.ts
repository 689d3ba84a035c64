/** The workspace usage log (spec §15): the tools' own records, read from admin exports. */
import type { Day } from '../base/dates';

/** The four shapes of export Uptake reads. */
export type UsageFormat = 'daily' | 'periods' | 'chatgpt' | 'm365-copilot';

/** One member's use of one tool over one period, as an export says it. */
export interface UsageRecord {
  /** The roster member's key. */
  memberKey: string;
  tool: string;
  from: Day;
  to: Day;
  /** Days the tool says the member was active; null when the format has no day count. */
  activeDays: number | null;
  /** The export's count (messages, sessions…); null when it has none. */
  activity: number | null;
  /** Whether the tool shows any activity in the period. */
  active: boolean;
}

export interface UsageSourceSummary {
  /** The sheet's or file's name. */
  source: string;
  format: UsageFormat;
  /** The tools named in the source (its Tool column, else the format's or the source's name). */
  tool: string;
  /** Rows read (skipped rows not counted). */
  rows: number;
  /** First and last day the source covers (YYYY-MM-DD); null when no row was readable. */
  from: string | null;
  to: string | null;
}

export interface SkippedUsageRow {
  source: string;
  /** Sheet or file row number, 1-based. */
  row: number;
  reason: string;
}

export interface NotOnRoster {
  source: string;
  /** The key as the export wrote it (trimmed). */
  key: string;
  rows: number;
}

/** A source read: what it said about the roster's members, and what could not be used. */
export interface ReadUsageSource {
  summary: UsageSourceSummary;
  records: UsageRecord[];
  /** For a per-period source: every (tool, period) it lists, to tell who is absent from it. */
  listedPeriods: { tool: string; from: Day; to: Day }[];
  skipped: SkippedUsageRow[];
  /**
   * Roster members with a row that could not be read, and that row's tool: such a member is in the
   * export (their row is listed as skipped), so never "not in the export" for that tool.
   */
  skippedMembers: { memberKey: string; tool: string }[];
  notOnRoster: NotOnRoster[];
  /** The word for the count column in evidence lines ("messages", "sessions"); null without one. */
  countLabel: string | null;
  /**
   * What the source says, whatever the roster and however its cells are typed: its format and every
   * readable row (key, tool, days, counts) in order, and why each other row was skipped. Two sources
   * with the same fingerprint are the same export present twice.
   */
  fingerprint: string;
}

/** A source Uptake does not read: refused whole, or the same export as one already read. */
export interface UnreadUsageSource {
  source: string;
  message: string;
  /** The source read instead, when this one is the same export present again. */
  duplicateOf?: string;
}

export type PeriodStatus = 'not logging' | 'under-logging' | 'not seen in the tool' | 'consistent';
export type MemberUsageStatus =
  'not logging' | 'under-logging' | 'not seen in the tools' | 'consistent' | 'no usage data';

export interface UsagePeriod {
  member: string;
  tool: string;
  from: string;
  to: string;
  activeDays: number | null;
  activity: number | null;
  loggedRuns: number;
  loggedDays: number;
  status: PeriodStatus;
}

export interface MemberUsage {
  member: string;
  status: MemberUsageStatus;
  /** The as-of periods, one per tool, by tool. */
  periods: UsagePeriod[];
  /** "ChatGPT: 4 active days in 20–26 Oct; 0 runs logged", one per as-of period. */
  lines: string[];
}

export interface UsageAdopters {
  adopters: number;
  known: number;
  /** adopters ÷ known, to 2 decimals; null when known is 0. */
  rate: number | null;
}

export interface NotInExport {
  member: string;
  tool: string;
  from: string;
  to: string;
}

export interface UsageView {
  sources: UsageSourceSummary[];
  periods: UsagePeriod[];
  members: MemberUsage[];
  usageAdopters: UsageAdopters;
  notInExport: NotInExport[];
  notOnRoster: NotOnRoster[];
  skippedUsageRows: SkippedUsageRow[];
  /** Sources refused whole (no known shape, concealed names) or read once (duplicates), with what to do. */
  refused: UnreadUsageSource[];
}

/** The usage sources of a spreadsheet (or of the files given): those read and those refused. */
export interface UsageSheets {
  sources: ReadUsageSource[];
  refused: UnreadUsageSource[];
}
