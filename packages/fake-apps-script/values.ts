// What a cell holds and how a written value becomes one, following Sheets: setValue/setValues
// parse strings as if typed (numbers, booleans, dates, `=` formulas, a leading apostrophe keeps
// text), except in a cell formatted as plain text ('@'), which stores the string as it is.
import type { CriteriaName } from './enums';
import { isDateLike } from './realm';
import { MONTHS, WEEKDAYS, pad, zonedParts, zonedToUtc, type ZonedParts } from './time';

export type CellValue = string | number | boolean | Date;

/** What getValues/getDisplayValues return for a cell holding a formula: the fake evaluates none. */
export const FORMULA_MARKER = '#FORMULA';

/** getNumberFormat() of a cell no one has formatted. */
export const DEFAULT_NUMBER_FORMAT = 'General';

export const MAX_CELL_CHARS = 50000;

export interface ValidationRule {
  readonly criteria: CriteriaName;
  readonly values: readonly unknown[];
  readonly allowInvalid: boolean;
  readonly helpText: string;
}

export interface Cell {
  value: CellValue;
  formula?: string;
  format?: string;
  validation?: ValidationRule;
  fontWeight?: string;
  fontStyle?: string;
  fontColor?: string;
  fontSize?: number;
  fontFamily?: string;
  background?: string;
  wrap?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  note?: string;
}

/**
 * 'sheets': strings are parsed as Sheets parses typed input (the default, what Apps Script does).
 * 'text': only `=` (formula) and a leading apostrophe are interpreted; other strings stay strings.
 */
export type ValueParsing = 'sheets' | 'text';

export interface ParsedInput {
  value: CellValue;
  formula?: string;
  /** The format Sheets applies when it recognises a date or percentage in typed text. */
  autoFormat?: string;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PERCENT = /^([+-]?(?:\d+\.?\d*|\.\d+))%$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

export function parseInput(
  raw: unknown,
  format: string | undefined,
  tz: string,
  locale: string,
  parsing: ValueParsing,
): ParsedInput {
  if (raw === null || raw === undefined) return { value: '' };
  if (typeof raw === 'number' || typeof raw === 'boolean') return { value: raw };
  if (isDateLike(raw)) return { value: new Date(raw.getTime()) };
  const s = typeof raw === 'string' ? raw : String(raw);
  if (s.length > MAX_CELL_CHARS) {
    throw new Error(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
  }
  if (format === '@') return { value: s };
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (s.startsWith('=') && s.length > 1) return { value: FORMULA_MARKER, formula: s };
  if (parsing === 'text') return { value: s };
  const t = s.trim();
  if (t === '') return { value: s };
  if (NUMBER.test(t)) return { value: Number(t) };
  if (locale.startsWith('en') && GROUPED.test(t)) return { value: Number(t.replace(/,/g, '')) };
  const pct = PERCENT.exec(t);
  if (pct) return { value: Number(pct[1]) / 100, autoFormat: pct[1].includes('.') ? '0.00%' : '0%' };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  const iso = ISO_DATE.exec(t);
  if (iso) {
    const d = dateFrom(tz, +iso[1], +iso[2], +iso[3], iso[4], iso[5], iso[6]);
    if (d) return { value: d, autoFormat: iso[4] ? 'yyyy-mm-dd h:mm:ss' : 'yyyy-mm-dd' };
  }
  const us = locale === 'en_US' ? US_DATE.exec(t) : null;
  if (us) {
    const d = dateFrom(tz, +us[3], +us[1], +us[2], us[4], us[5], us[6]);
    if (d) return { value: d, autoFormat: us[4] ? 'M/d/yyyy H:mm:ss' : 'M/d/yyyy' };
  }
  return { value: s };
}

function dateFrom(tz: string, y: number, m: number, d: number, hh?: string, mm?: string, ss?: string): Date | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCMonth() !== m - 1) return null;
  const h = hh ? Number(hh) : 0;
  if (h > 23) return null;
  return new Date(zonedToUtc(tz, y, m, d, h, mm ? Number(mm) : 0, ss ? Number(ss) : 0));
}

/** Whether writing `value` breaks a rule that rejects input (Apps Script then throws). */
export function violates(rule: ValidationRule | undefined, value: CellValue, formula?: string): boolean {
  if (!rule || rule.allowInvalid || formula !== undefined || value === '') return false;
  const text = isDateLike(value) ? value.toISOString() : String(value);
  switch (rule.criteria) {
    case 'VALUE_IN_LIST': {
      const list = Array.isArray(rule.values[0]) ? (rule.values[0] as unknown[]) : [];
      return !list.some((x) => String(x) === text);
    }
    case 'CHECKBOX':
      if (rule.values.length === 0) return typeof value !== 'boolean';
      return !rule.values.some((x) => String(x) === text);
    case 'NUMBER_BETWEEN':
      return typeof value !== 'number' || value < Number(rule.values[0]) || value > Number(rule.values[1]);
    case 'TEXT_IS_VALID_EMAIL':
      return !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
    default:
      return false;
  }
}

// ---- display values ---------------------------------------------------------------------------

const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

function looksLikeDateFormat(f: string): boolean {
  const unquoted = f.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[dy]|h|s|am\/pm/i.test(unquoted) && !/[#0]/.test(unquoted);
}

/** Sheets' general format: up to about ten significant digits. */
function generalNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) return n.toExponential(2).toUpperCase();
  return String(Number(n.toPrecision(10)));
}

function numberWithPattern(n: number, format: string): string {
  const section = format.split(';')[0];
  const text = section.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1');
  const token = /[#0][#0,]*(?:\.[#0]+)?|\.[#0]+/.exec(text);
  if (!token) return generalNumber(n);
  const percent = text.includes('%');
  const v = percent ? n * 100 : n;
  const [intPart, decPart = ''] = token[0].split('.');
  const maxDec = decPart.length;
  const minDec = (decPart.match(/0/g) ?? []).length;
  let s = Math.abs(v).toFixed(maxDec);
  if (maxDec > minDec) {
    const [i, d = ''] = s.split('.');
    let trimmed = d;
    while (trimmed.length > minDec && trimmed.endsWith('0')) trimmed = trimmed.slice(0, -1);
    s = trimmed ? `${i}.${trimmed}` : i;
  }
  if (intPart.includes(',')) {
    const [i, d] = s.split('.');
    s = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (d !== undefined ? `.${d}` : '');
  }
  const minInt = (intPart.replace(/,/g, '').match(/0/g) ?? []).length;
  if (minInt === 0 && s.startsWith('0.')) s = s.slice(1);
  const before = text.slice(0, token.index);
  const after = text.slice(token.index + token[0].length);
  return (v < 0 && Number(s.replace(/,/g, '')) !== 0 ? '-' : '') + before + s + after;
}

interface DateToken {
  kind: 'lit' | 'code';
  text: string;
}

/** One token of a date format at `i`: quoted text, an escaped character, am/pm, a run of one code letter, or a literal. */
function nextDateToken(format: string, i: number): { token: DateToken; next: number } {
  const ch = format[i];
  if (ch === '"') {
    const end = format.indexOf('"', i + 1);
    return {
      token: { kind: 'lit', text: format.slice(i + 1, end < 0 ? undefined : end) },
      next: end < 0 ? format.length : end + 1,
    };
  }
  if (ch === '\\') return { token: { kind: 'lit', text: format[i + 1] ?? '' }, next: i + 2 };
  if (format.slice(i, i + 5).toLowerCase() === 'am/pm') return { token: { kind: 'code', text: 'am/pm' }, next: i + 5 };
  if (/[ymdhs]/i.test(ch)) {
    let n = 1;
    while (format[i + n] && format[i + n].toLowerCase() === ch.toLowerCase()) n++;
    return { token: { kind: 'code', text: ch.toLowerCase().repeat(n) }, next: i + n };
  }
  return { token: { kind: 'lit', text: ch }, next: i + 1 };
}

/** A Sheets date format split into literal text and codes. */
function dateTokens(format: string): DateToken[] {
  const tokens: DateToken[] = [];
  for (let i = 0; i < format.length;) {
    const { token, next } = nextDateToken(format, i);
    tokens.push(token);
    i = next;
  }
  return tokens;
}

/** The text of `m`, `mm`, `mmm`, `mmmm` or `mmmmm`: minutes right after an hour or right before seconds, else the month. */
function monthOrMinute(c: string, p: ZonedParts, prev: string | undefined, next: string | undefined): string {
  const isMinute = c.length <= 2 && (prev === 'h' || next === 's');
  if (isMinute) return c.length === 2 ? pad(p.minute, 2) : String(p.minute);
  if (c.length === 1) return String(p.month);
  if (c.length === 2) return pad(p.month, 2);
  if (c.length === 3) return MONTHS[p.month - 1].slice(0, 3);
  if (c.length === 5) return MONTHS[p.month - 1][0];
  return MONTHS[p.month - 1];
}

/** The text of one code other than m. */
function dateCodeText(c: string, p: ZonedParts, twelveHour: boolean): string {
  switch (c[0]) {
    case 'y':
      return c.length <= 2 ? pad(p.year % 100, 2) : String(p.year);
    case 'd':
      if (c.length <= 2) return c.length === 1 ? String(p.day) : pad(p.day, 2);
      return c.length === 3 ? WEEKDAYS[p.weekday].slice(0, 3) : WEEKDAYS[p.weekday];
    case 'h': {
      const h = twelveHour ? (p.hour % 12 === 0 ? 12 : p.hour % 12) : p.hour;
      return c.length >= 2 ? pad(h, 2) : String(h);
    }
    case 's':
      return c.length >= 2 ? pad(p.second, 2) : String(p.second);
    case 'a':
      return p.hour < 12 ? 'AM' : 'PM';
    default:
      return '';
  }
}

/** Sheets date-time format codes: y, m (month, or minute next to h/s), d, h, s, am/pm, quoted text. */
export function formatSheetsDate(ms: number, tz: string, format: string): string {
  const p = zonedParts(ms, tz);
  const tokens = dateTokens(format);
  const twelveHour = tokens.some((t) => t.kind === 'code' && t.text === 'am/pm');
  const codes = tokens.filter((t) => t.kind === 'code');
  return tokens
    .map((t) => {
      if (t.kind === 'lit') return t.text;
      if (t.text[0] !== 'm') return dateCodeText(t.text, p, twelveHour);
      const k = codes.indexOf(t);
      return monthOrMinute(t.text, p, codes[k - 1]?.text[0], codes[k + 1]?.text[0]);
    })
    .join('');
}

export function displayValue(cell: Cell | undefined, tz: string): string {
  if (!cell) return '';
  if (cell.formula !== undefined) return FORMULA_MARKER;
  const v = cell.value;
  const f = cell.format;
  if (v === '') return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  if (isDateLike(v)) {
    if (f && f !== DEFAULT_NUMBER_FORMAT && f !== '@' && looksLikeDateFormat(f))
      return formatSheetsDate(v.getTime(), tz, f);
    const p = zonedParts(v.getTime(), tz);
    const date = `${p.month}/${p.day}/${p.year}`;
    return p.hour === 0 && p.minute === 0 && p.second === 0
      ? date
      : `${date} ${p.hour}:${pad(p.minute, 2)}:${pad(p.second, 2)}`;
  }
  if (!f || f === DEFAULT_NUMBER_FORMAT || f === '@') return generalNumber(v);
  if (looksLikeDateFormat(f)) {
    const wall = SERIAL_EPOCH_MS + v * 86400000;
    const d = new Date(wall);
    const ms = zonedToUtc(
      tz,
      d.getUTCFullYear(),
      d.getUTCMonth() + 1,
      d.getUTCDate(),
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
    );
    return formatSheetsDate(ms, tz, f);
  }
  return numberWithPattern(v, f);
}
