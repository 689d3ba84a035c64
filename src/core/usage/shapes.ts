/**
 * The shapes of usage export Uptake reads (spec §15), recognised by their header row.
 *
 * Vendors' pages each column rests on:
 * - ChatGPT Enterprise / Edu: "User Analytics for ChatGPT Enterprise and Edu" (OpenAI Help Center,
 *   https://help.openai.com/en/articles/10875114-user-analytics-for-chatgpt-enterprise-and-edu):
 *   the Export button downloads weekly or monthly user reports as CSV. OpenAI does not publish the
 *   report's columns; `email`, `period_start`, `period_end` and `messages` are the header of a
 *   weekly export as downloaded (see docs/usage.md).
 * - Microsoft 365 Copilot: "reportRoot: getMicrosoft365CopilotUsageUserDetail" (Microsoft Graph,
 *   https://learn.microsoft.com/en-us/graph/api/reportroot-getmicrosoft365copilotusageuserdetail)
 *   lists the CSV's columns: Report Refresh Date, Report Period, User Principal Name, Display Name,
 *   Last Activity Date and the per-app last activity dates. "Microsoft 365 reports in the admin
 *   center – Microsoft 365 Copilot usage"
 *   (https://learn.microsoft.com/en-us/microsoft-365/admin/activity-reports/microsoft-365-copilot-usage)
 *   names the admin centre's columns User name and "Last activity date (UTC)", and says how the
 *   names are concealed (MD5 hashes) and where that is turned off. `Active Days` is read when a
 *   newer report has it; no Microsoft page listing it was found.
 * - Daily and periods: Uptake's own shapes, which any tool's export can be converted to.
 */
import { headerKey, cellText, describeValue } from '../base/text';
import type { UsageFormat } from './types';

type Field = 'key' | 'date' | 'start' | 'end' | 'activeDays' | 'count' | 'tool' | 'lastActivity' | 'refresh' | 'period';

interface ColumnSpec {
  field: Field;
  required: boolean;
  names: string[];
}

interface ShapeSpec {
  format: UsageFormat;
  /** How the shape is named in messages. */
  label: string;
  columns: ColumnSpec[];
}

const TOOL: ColumnSpec = { field: 'tool', required: false, names: ['tool'] };
const COUNT: ColumnSpec = { field: 'count', required: false, names: ['count', 'sessions', 'messages', 'prompts'] };
const EMAIL: ColumnSpec = { field: 'key', required: true, names: ['email', 'email address'] };

/** In the order tried: the most specific first (a periods file may have a Messages count). */
export const USAGE_SHAPES: ShapeSpec[] = [
  {
    format: 'm365-copilot',
    label:
      'Microsoft 365 Copilot usage, user detail (User Principal Name or User name, Last activity date, Report Refresh Date, Report Period)',
    columns: [
      { field: 'key', required: true, names: ['user principal name', 'user name'] },
      {
        field: 'lastActivity',
        required: true,
        names: ['last activity date', 'last activity date (utc)', 'last activity date (utc (universal time code))'],
      },
      { field: 'refresh', required: true, names: ['report refresh date'] },
      { field: 'period', required: true, names: ['report period'] },
      { field: 'activeDays', required: false, names: ['active days'] },
    ],
  },
  {
    format: 'periods',
    label: 'periods (Email, Period start, Period end, Active days; optional Tool, Count)',
    columns: [
      EMAIL,
      { field: 'start', required: true, names: ['period start'] },
      { field: 'end', required: true, names: ['period end'] },
      { field: 'activeDays', required: true, names: ['active days'] },
      TOOL,
      COUNT,
    ],
  },
  {
    format: 'chatgpt',
    label: 'ChatGPT Enterprise / Edu user report (email, period_start, period_end, messages)',
    columns: [
      { field: 'key', required: true, names: ['email'] },
      { field: 'start', required: true, names: ['period_start'] },
      { field: 'end', required: true, names: ['period_end'] },
      { field: 'count', required: true, names: ['messages'] },
    ],
  },
  {
    format: 'daily',
    label: 'daily (Email, Date; optional Tool, Count or Sessions, Messages, Prompts)',
    columns: [EMAIL, { field: 'date', required: true, names: ['date'] }, TOOL, COUNT],
  },
];

/** Rows at the top of a sheet where the header may sit (below titles). */
export const USAGE_HEADER_ROWS = 30;

export interface UsageShape {
  format: UsageFormat;
  /** 0-based row of the header. */
  headerRow: number;
  columns: Partial<Record<Field, number>>;
  /** The count column's header, lower case ("messages"), for evidence lines. */
  countLabel: string | null;
}

function matchShape(row: unknown[], shape: ShapeSpec): Partial<Record<Field, number>> | null {
  const columns: Partial<Record<Field, number>> = {};
  const keys = row.map((cell) => headerKey(cellText(cell)));
  for (const spec of shape.columns) {
    for (const name of spec.names) {
      const col = keys.indexOf(headerKey(name));
      if (col >= 0) {
        columns[spec.field] = col;
        break;
      }
    }
    if (spec.required && columns[spec.field] === undefined) return null;
  }
  return columns;
}

/** The shape of the first rows, or null when they have none of the four. */
export function detectUsageShape(values: unknown[][]): UsageShape | null {
  const limit = Math.min(values.length, USAGE_HEADER_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = values[r] ?? [];
    for (const shape of USAGE_SHAPES) {
      const columns = matchShape(row, shape);
      if (!columns) continue;
      const countLabel = columns.count === undefined ? null : cellText(row[columns.count]).trim().toLowerCase();
      return { format: shape.format, headerRow: r, columns, countLabel };
    }
  }
  return null;
}

/** Said of a sheet or file that is no usage export: its columns and the shapes accepted. */
export function unknownShapeMessage(source: string, values: unknown[][]): string {
  const first = values.slice(0, USAGE_HEADER_ROWS).find((row) => row.some((cell) => cellText(cell).trim() !== ''));
  const columns = first ? first.filter((cell) => cellText(cell).trim() !== '').map(describeValue) : [];
  return (
    `${source} is not a usage export Uptake can read: its columns are ${columns.length ? columns.join(', ') : 'none (it is empty)'}. ` +
    `Uptake reads these shapes, recognised by their headers: ${[...USAGE_SHAPES]
      .reverse()
      .map((s) => s.label)
      .join('; ')}.`
  );
}

const CONCEALED = /^[0-9a-f]{32}$/i;

/** Where Microsoft turns concealed names off (the admin centre's Copilot usage page says where). */
const REVEAL_NAMES =
  'In the Microsoft 365 admin center go to Settings › Org settings › Services › Reports, turn off the option that conceals ' +
  'user, group and site names (shows anonymous identifiers) in all reports, save, and export the report again ' +
  '(Microsoft Learn: "Microsoft 365 reports in the admin center – Microsoft 365 Copilot usage").';

/**
 * A refusal when the member column holds concealed names (32-character hex hashes, most keys):
 * no hash can be matched to a roster email, and none is guessed.
 */
export function concealedNamesMessage(source: string, values: unknown[][], shape: UsageShape): string | null {
  const col = shape.columns.key!;
  let keys = 0;
  let hashes = 0;
  for (let r = shape.headerRow + 1; r < values.length; r++) {
    const key = cellText(values[r]?.[col]).trim();
    if (!key) continue;
    keys++;
    if (CONCEALED.test(key)) hashes++;
  }
  if (hashes === 0 || hashes * 2 < keys) return null;
  const how =
    shape.format === 'm365-copilot'
      ? REVEAL_NAMES
      : `Export it again with the users' email addresses shown (for Microsoft 365: ${REVEAL_NAMES})`;
  return `${source}: the user column holds concealed names (32-character codes such as ${describeValue(
    cellText(
      values.slice(shape.headerRow + 1).find((row) => CONCEALED.test(cellText(row?.[col]).trim()))?.[col],
    ).trim(),
  )}), which match nobody on the roster. ${how}`;
}

/**
 * Why a file given by name (the local run's --usage, the sidebar's Import) is refused whole: no
 * known shape, or concealed names; null when it is an export Uptake reads.
 */
export function usageFileRefusal(name: string, values: unknown[][]): string | null {
  const shape = detectUsageShape(values);
  if (!shape) return unknownShapeMessage(name, values);
  return concealedNamesMessage(name, values, shape);
}
