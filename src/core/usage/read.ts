/**
 * Reads one usage export (spec §15) into periods of use per roster member: the rows of its shape,
 * a daily source grouped into Monday–Sunday weeks wholly inside its coverage, the keys that are on
 * no roster row, and every row that could not be read, with its row number and why.
 */
import { dayToIso, isoToDay, readDay, weekday, type DateReadOptions, type Day } from '../base/dates';
import { cellText, describeValue, isBlankCell } from '../base/text';
import type { RosterMember } from '../base/types';
import { concealedNamesMessage, detectUsageShape, unknownShapeMessage, type UsageShape } from './shapes';
import { toolOfSourceName } from './names';
import type {
  NotOnRoster,
  ReadUsageSource,
  SkippedUsageRow,
  UnreadUsageSource,
  UsageFormat,
  UsageRecord,
} from './types';

/** A whole source Uptake will not read, with what to do. */
export class UsageSourceRefused extends Error {
  constructor(
    readonly source: string,
    message: string,
  ) {
    super(message);
    this.name = 'UsageSourceRefused';
  }
}

const FORMAT_TOOL: Partial<Record<UsageFormat, string>> = {
  chatgpt: 'ChatGPT',
  'm365-copilot': 'Microsoft 365 Copilot',
};

/** Roster members by email, trimmed and case-insensitive (spec §15: a key is matched to the roster's Email). */
export function membersByEmail(members: readonly RosterMember[]): Map<string, RosterMember> {
  const byEmail = new Map<string, RosterMember>();
  for (const m of members) if (m.email) byEmail.set(m.email.trim().toLowerCase(), m);
  return byEmail;
}

/** A count cell: a number ≥ 0, or null when blank; a reason when it is neither. */
function readCount(value: unknown): { ok: true; n: number | null } | { ok: false; reason: string } {
  if (isBlankCell(value)) return { ok: true, n: null };
  const n = typeof value === 'number' ? value : /^\s*\d+(?:\.\d+)?\s*$/.test(cellText(value)) ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0
    ? { ok: true, n }
    : { ok: false, reason: `${describeValue(value)} is not a number` };
}

/** One readable row, before it becomes a period. */
interface RowRead {
  key: string;
  tool: string;
  from: Day;
  to: Day;
  activeDays: number | null;
  activity: number | null;
  active: boolean;
}

type Cells = unknown[];
type RowResult = RowRead | string;

/** A readable row of a roster member. */
type MemberRow = RowRead & { memberKey: string };

function day(cells: Cells, col: number, what: string, dates: DateReadOptions): Day | string {
  const read = readDay(cells[col], dates);
  return read.ok ? read.day : `${what}: ${read.reason}`;
}

/** Reads one data row of the shape; a string is the reason it is skipped. */
function readRow(cells: Cells, shape: UsageShape, sourceTool: string, dates: DateReadOptions): RowResult {
  const c = shape.columns;
  const key = cellText(cells[c.key!]).trim();
  if (!key) return 'the user (email) is blank';
  const tool = (c.tool !== undefined && cellText(cells[c.tool]).trim()) || sourceTool;
  if (shape.format === 'm365-copilot') {
    const refresh = day(cells, c.refresh!, 'Report Refresh Date', dates);
    if (typeof refresh === 'string') return refresh;
    const period = /^\s*D?(\d+)\s*$/i.exec(cellText(cells[c.period!]));
    if (!period || Number(period[1]) < 1)
      return `Report Period: ${describeValue(cells[c.period!])} is not a number of days`;
    const from = refresh - Number(period[1]) + 1;
    let last: Day | null = null;
    if (!isBlankCell(cells[c.lastActivity!])) {
      const read = day(cells, c.lastActivity!, 'Last activity date', dates);
      if (typeof read === 'string') return read;
      last = read;
    }
    let activeDays: number | null = null;
    if (c.activeDays !== undefined) {
      const count = readCount(cells[c.activeDays]);
      if (!count.ok) return `Active Days: ${count.reason}`;
      activeDays = count.n;
    }
    const active = activeDays !== null ? activeDays > 0 : last !== null && last >= from && last <= refresh;
    return { key, tool, from, to: refresh, activeDays, activity: null, active };
  }
  const dateCol = shape.format === 'daily' ? c.date! : c.start!;
  const from = day(cells, dateCol, shape.format === 'daily' ? 'Date' : 'Period start', dates);
  if (typeof from === 'string') return from;
  const to = shape.format === 'daily' ? from : day(cells, c.end!, 'Period end', dates);
  if (typeof to === 'string') return to;
  if (to < from) return `the period ends (${dayToIso(to)}) before it starts (${dayToIso(from)})`;
  let activity: number | null = null;
  if (c.count !== undefined) {
    const count = readCount(cells[c.count]);
    if (!count.ok) return `${shape.countLabel ?? 'count'}: ${count.reason}`;
    if (count.n === null && shape.format === 'chatgpt') return 'messages is blank';
    activity = count.n;
  }
  if (shape.format === 'periods') {
    const count = readCount(cells[c.activeDays!]);
    if (!count.ok || count.n === null) return `Active days: ${count.ok ? 'the cell is blank' : count.reason}`;
    const length = to - from + 1;
    if (!Number.isInteger(count.n) || count.n > length)
      return `Active days: ${describeValue(cells[c.activeDays!])} is not a whole number from 0 to ${length}, the days of the period`;
    return { key, tool, from, to, activeDays: count.n, activity, active: count.n > 0 };
  }
  // Daily: active that day if the row exists and its count (when given) is > 0. ChatGPT: messages > 0.
  const active = activity === null ? shape.format === 'daily' : activity > 0;
  return { key, tool, from, to, activeDays: null, activity, active };
}

/** The Monday–Sunday weeks wholly inside first … last: the first Monday and how many weeks. */
function weeksInside(first: Day, last: Day): { firstMonday: Day; weeks: number } {
  const firstMonday = first + ((8 - weekday(first)) % 7);
  return { firstMonday, weeks: Math.max(0, Math.floor((last - firstMonday + 1) / 7)) };
}

/**
 * The periods a source covers, first to last (Check set-up lists them): a daily source's
 * Monday–Sunday weeks, a per-period source's periods as its rows give them, whoever they name.
 */
export function periodsOfSource(read: Pick<ReadUsageSource, 'summary' | 'listedPeriods'>): { from: Day; to: Day }[] {
  const { format, from, to } = read.summary;
  if (format === 'daily') {
    if (from === null || to === null) return [];
    const { firstMonday, weeks } = weeksInside(isoToDay(from)!, isoToDay(to)!);
    return Array.from({ length: weeks }, (_, w) => ({ from: firstMonday + 7 * w, to: firstMonday + 7 * w + 6 }));
  }
  const byDays = new Map(read.listedPeriods.map((p) => [`${p.from}\u0000${p.to}`, { from: p.from, to: p.to }]));
  return [...byDays.values()].sort((a, b) => a.from - b.from || a.to - b.to);
}

/**
 * Daily rows grouped into the Monday–Sunday weeks wholly inside the source's first to last date.
 * Per member and tool, one byte per day of those weeks marks an active day (two rows of one day
 * count once) and one number per week sums the counts: no Set or string key per row.
 */
function dailyWeeks(rows: MemberRow[], hasCount: boolean, first: Day, last: Day): UsageRecord[] {
  const { firstMonday, weeks } = weeksInside(first, last);
  const byMember = new Map<string, Map<string, { active: Uint8Array; counts: Float64Array }>>();
  for (const r of rows) {
    let tools = byMember.get(r.memberKey);
    if (!tools) byMember.set(r.memberKey, (tools = new Map()));
    let entry = tools.get(r.tool);
    if (!entry) tools.set(r.tool, (entry = { active: new Uint8Array(weeks * 7), counts: new Float64Array(weeks) }));
    const offset = r.from - firstMonday;
    if (offset < 0 || offset >= weeks * 7) continue;
    if (r.active) entry.active[offset] = 1;
    entry.counts[Math.floor(offset / 7)] += r.activity ?? 0;
  }
  const records: UsageRecord[] = [];
  for (const [memberKey, tools] of byMember)
    for (const [tool, entry] of tools)
      for (let w = 0; w < weeks; w++) {
        let activeDays = 0;
        for (let d = w * 7; d < w * 7 + 7; d++) activeDays += entry.active[d];
        records.push({
          memberKey,
          tool,
          from: firstMonday + 7 * w,
          to: firstMonday + 7 * w + 6,
          activeDays,
          activity: hasCount ? entry.counts[w] : null,
          active: activeDays > 0,
        });
      }
  return records;
}

/**
 * Records of the same member, tool and period (a file listing someone twice, two files) add up.
 * The same export present twice is not two files: the usage reader reads it once (duplicateSources).
 */
export function mergeRecords(records: readonly UsageRecord[]): UsageRecord[] {
  const byId = new Map<string, UsageRecord>();
  for (const r of records) {
    const id = `${r.memberKey}\u0000${r.tool}\u0000${r.from}\u0000${r.to}`;
    const seen = byId.get(id);
    if (!seen) {
      const { memberKey, tool, from, to, activeDays, activity, active } = r;
      byId.set(id, { memberKey, tool, from, to, activeDays, activity, active });
      continue;
    }
    if (r.activeDays !== null) seen.activeDays = Math.min(r.to - r.from + 1, (seen.activeDays ?? 0) + r.activeDays);
    if (r.activity !== null) seen.activity = (seen.activity ?? 0) + r.activity;
    seen.active ||= r.active;
  }
  return [...byId.values()];
}

/**
 * Reads a source (a sheet's cells, or a file's) named `source`. Throws UsageSourceRefused when it
 * has no known shape or conceals its users' names.
 */
export function readUsageSource(
  source: string,
  values: unknown[][],
  roster: ReadonlyMap<string, RosterMember>,
  dates: DateReadOptions,
): ReadUsageSource {
  const shape = detectUsageShape(values);
  if (!shape) throw new UsageSourceRefused(source, unknownShapeMessage(source, values));
  const concealed = concealedNamesMessage(source, values, shape);
  if (concealed) throw new UsageSourceRefused(source, concealed);
  const sourceTool = FORMAT_TOOL[shape.format] ?? toolOfSourceName(source);
  const skipped: SkippedUsageRow[] = [];
  const skippedMembers: ReadUsageSource['skippedMembers'] = [];
  const fingerprint: string[] = [shape.format];
  const strangers = new Map<string, NotOnRoster>();
  const rows: MemberRow[] = [];
  const tools = new Set<string>();
  const listed = new Map<string, { tool: string; from: Day; to: Day }>();
  let read = 0;
  let first: Day | null = null;
  let last: Day | null = null;
  for (let r = shape.headerRow + 1; r < values.length; r++) {
    const cells = values[r] ?? [];
    if (cells.every(isBlankCell)) continue;
    const result = readRow(cells, shape, sourceTool, dates);
    if (typeof result === 'string') {
      skipped.push({ source, row: r + 1, reason: result });
      fingerprint.push(result);
      const member = roster.get(cellText(cells[shape.columns.key!]).trim().toLowerCase());
      const tool = (shape.columns.tool !== undefined && cellText(cells[shape.columns.tool]).trim()) || sourceTool;
      if (member) skippedMembers.push({ memberKey: member.key, tool });
      continue;
    }
    read++;
    const { key, tool, from, to, activeDays, activity, active } = result;
    fingerprint.push(`${key.toLowerCase()}\t${tool}\t${from}\t${to}\t${activeDays}\t${activity}\t${active}`);
    tools.add(result.tool);
    if (first === null || result.from < first) first = result.from;
    if (last === null || result.to > last) last = result.to;
    if (shape.format !== 'daily') listed.set(`${result.tool}\u0000${result.from}\u0000${result.to}`, result);
    const member = roster.get(result.key.toLowerCase());
    if (!member) {
      const id = result.key.toLowerCase();
      const entry = strangers.get(id) ?? { source, key: result.key, rows: 0 };
      entry.rows++;
      strangers.set(id, entry);
      continue;
    }
    // Marked in place (no copy of each row): the row is this loop's own.
    (result as MemberRow).memberKey = member.key;
    rows.push(result as MemberRow);
  }
  const daily = shape.format === 'daily';
  const records =
    daily && first !== null && last !== null
      ? dailyWeeks(rows, shape.columns.count !== undefined, first, last)
      : mergeRecords(rows);
  return {
    summary: {
      source,
      format: shape.format,
      tool: tools.size ? [...tools].sort().join(', ') : sourceTool,
      rows: read,
      from: first === null ? null : dayToIso(first),
      to: last === null ? null : dayToIso(last),
    },
    records,
    listedPeriods: [...listed.values()].map(({ tool, from, to }) => ({ tool, from, to })),
    skipped,
    skippedMembers,
    notOnRoster: [...strangers.values()],
    countLabel: shape.format === 'chatgpt' ? 'messages' : shape.countLabel,
    fingerprint: fingerprint.join('\n'),
  };
}

/** The message for a source that is the same export as one already read. */
export function duplicateSourceMessage(source: string, duplicateOf: string): string {
  return `${source}: duplicate of ${duplicateOf} (the same export, row for row), so it is read once, as ${duplicateOf}. Delete one of the two.`;
}

/**
 * The sources with the same export present more than once kept once (the first), and each other
 * copy listed as a duplicate of it: adding the copies up would count every use twice.
 */
export function duplicateSources(sources: readonly ReadUsageSource[]): {
  sources: ReadUsageSource[];
  duplicates: UnreadUsageSource[];
} {
  const first = new Map<string, string>();
  const kept: ReadUsageSource[] = [];
  const duplicates: UnreadUsageSource[] = [];
  for (const s of sources) {
    const original = first.get(s.fingerprint);
    if (original === undefined) {
      first.set(s.fingerprint, s.summary.source);
      kept.push(s);
    } else
      duplicates.push({
        source: s.summary.source,
        message: duplicateSourceMessage(s.summary.source, original),
        duplicateOf: original,
      });
  }
  return { sources: kept, duplicates };
}
