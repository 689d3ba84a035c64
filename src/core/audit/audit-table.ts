/**
 * The audit as tables: what the "Adoption audit" sheet shows and what the command line writes
 * as CSV. Pure, so both outputs carry the same columns and the same figures.
 */
import { adviceLine } from './advice-wording';
import type { Audit, MemberReport } from './audit-types';
import type { UsageView } from '../usage/types';
import { percent, windowLabel } from '../base/text';
import { CATEGORIES, EDIT_TYPES } from '../base/types';

/** How a column's numbers read: the sheet turns each into a number format, the CLI into text. */
export type ColumnKind = 'text' | 'integer' | 'decimal' | 'percent';

/** A number, a text, or null for "no value" (an acceptance rate without runs: shown "–", never 0%). */
export type TableCell = string | number | null;

export type AuditTableId =
  | 'summary'
  | 'categories'
  | 'members'
  | 'workflows'
  | 'editTypes'
  | 'findings'
  | 'usage'
  | 'rows'
  | 'interventions'
  | 'interventionTypes'
  | 'interventionRows'
  | 'trend'
  | 'cohorts';

export interface AuditColumn {
  label: string;
  kind: ColumnKind;
}

export interface AuditTable {
  id: AuditTableId;
  title: string;
  columns: AuditColumn[];
  rows: TableCell[][];
}

/** What a null cell shows. */
export const NO_VALUE = '–';

const text = (label: string): AuditColumn => ({ label, kind: 'text' });
const integer = (label: string): AuditColumn => ({ label, kind: 'integer' });
const decimal = (label: string): AuditColumn => ({ label, kind: 'decimal' });
const pct = (label: string): AuditColumn => ({ label, kind: 'percent' });

/** The lines above the tables: the headline and what the figures are measured against. */
export function auditIntro(audit: Audit): string[] {
  const s = audit.settings;
  return [
    audit.headline,
    `As of ${audit.asOf}; window ${windowLabel(audit)}. Genuine adopter at ${s.genuineAt} or more unprompted uses a week, ` +
      `Developing user at ${s.developingAt} or more; acceptance target ${percent(s.acceptanceTarget)}.`,
  ];
}

function summaryTable(audit: Audit): AuditTable {
  const t = audit.team;
  return {
    id: 'summary',
    title: 'Summary',
    columns: [
      pct('Adoption rate'),
      pct('Training completion'),
      integer('Gap in points (training − adoption)'),
      pct('Blended acceptance'),
      integer('Members in scope'),
      integer('Genuine adopters'),
      integer('Workflow sessions'),
      integer('Active members'),
      integer('Workflows below target'),
      integer('Log rows skipped'),
    ],
    rows: [
      [
        t.adoptionRate,
        t.trainingCompletionRate,
        // Points, not a share: 0.64 apart reads "64", never "64%".
        t.gap === null ? null : Math.round(t.gap * 100),
        t.blendedAcceptanceRate,
        t.membersInScope,
        t.genuineAdopters,
        t.runs,
        t.activeMembers,
        t.workflowsBelowThreshold.length,
        audit.skippedRows.length,
      ],
    ],
  };
}

function categoryTable(audit: Audit): AuditTable {
  const inScope = audit.team.membersInScope;
  return {
    id: 'categories',
    title: 'Adoption categories (members in scope)',
    columns: [text('Category'), integer('Members'), pct('Share')],
    rows: CATEGORIES.map((category) => {
      const count = audit.team.categories[category];
      return [category, count, inScope ? count / inScope : null];
    }),
  };
}

function rosterStatus(m: MemberReport): string {
  if (!m.onRoster) return 'Not on the roster';
  if (!m.inScope) return `${m.statusLabel} (out of scope)`;
  return m.statusLabel || 'Active';
}

function daysToFirstRun(m: MemberReport): TableCell {
  if (m.daysToFirstRun !== null) return m.daysToFirstRun;
  return m.trainingDate === null ? 'no training date' : 'not yet';
}

function memberTable(audit: Audit): AuditTable {
  return {
    id: 'members',
    title: 'Team members',
    columns: [
      text('Team member'),
      text('Roster status'),
      text('Category'),
      decimal('Uses per week'),
      pct('Acceptance'),
      integer('Runs'),
      integer('Days to first run'),
      integer('Workflows (90 days)'),
      text('Six-week status'),
      text('Follow-up'),
    ],
    rows: audit.members.map((m) => [
      m.member,
      rosterStatus(m),
      m.category,
      m.usesPerWeek,
      m.acceptanceRate,
      m.runs,
      daysToFirstRun(m),
      m.workflows90d,
      m.sixWeek.label,
      m.followUp.join('; '),
    ]),
  };
}

function workflowTable(audit: Audit): AuditTable {
  return {
    id: 'workflows',
    title: 'Workflows',
    columns: [
      text('Workflow'),
      integer('Runs'),
      integer('Members'),
      pct('Acceptance'),
      pct('Target'),
      text('Below target'),
    ],
    rows: audit.workflows.map((w) => [
      w.workflow,
      w.runs,
      w.members,
      w.acceptanceRate,
      audit.settings.acceptanceTarget,
      w.belowTarget ? 'yes' : '',
    ]),
  };
}

function editTypeTable(audit: Audit): AuditTable {
  const counts = audit.team.editTypes;
  const total = EDIT_TYPES.reduce((sum, type) => sum + counts[type], 0);
  return {
    id: 'editTypes',
    title: 'Edit types (runs with a light or heavy edit)',
    columns: [text('Edit type'), integer('Times'), pct('Share')],
    rows: EDIT_TYPES.map((type) => [type, counts[type], total ? counts[type] / total : null]),
  };
}

function findingTable(audit: Audit): AuditTable {
  return {
    id: 'findings',
    title: 'Suggested causes (suggestions with their evidence, not verdicts)',
    columns: [text('About'), text('Suggested cause'), text('Suggested step'), text('Evidence'), text('What was done')],
    rows: audit.diagnosis.map((f) => [
      f.member ?? f.workflow ?? 'Team',
      f.cause,
      f.step,
      f.evidence.join(' '),
      adviceLine(f) ?? '',
    ]),
  };
}

/**
 * The log checked against the tools' usage exports (rules §15): per member in scope their status
 * as of the audit date, with one line per as-of period (one per tool).
 */
function usageTable(usage: UsageView): AuditTable {
  return {
    id: 'usage',
    title: `Usage exports against the log (usage adopters ${percent(usage.usageAdopters.rate)}: ${usage.usageAdopters.adopters} of ${usage.usageAdopters.known} with active days known)`,
    columns: [
      text('Team member'),
      text('Usage status'),
      text('Tool'),
      text('From'),
      text('To'),
      integer('Active days'),
      integer('Activity'),
      integer('Runs logged'),
      integer('Days logged'),
      text('Period status'),
    ],
    rows: usage.members.flatMap((m): TableCell[][] =>
      m.periods.length === 0
        ? [[m.member, m.status, null, null, null, null, null, null, null, null]]
        : m.periods.map((p) => [
            m.member,
            m.status,
            p.tool,
            p.from,
            p.to,
            p.activeDays,
            p.activity,
            p.loggedRuns,
            p.loggedDays,
            p.status,
          ]),
    ),
  };
}

function rowTable(audit: Audit): AuditTable {
  const usage = audit.usage;
  return {
    id: 'rows',
    title: 'Rows skipped or read with a note',
    columns: [text('Sheet'), integer('Row'), text('What Uptake did'), text('Reason')],
    rows: [
      ...audit.skippedRows.map((p): TableCell[] => [p.sheet ?? 'Log', p.row || null, 'Skipped', p.reason]),
      ...audit.notices.map((p): TableCell[] => [p.sheet ?? (p.row ? 'Log' : ''), p.row || null, 'Note', p.reason]),
      ...(usage?.skippedUsageRows ?? []).map((p): TableCell[] => [p.source, p.row, 'Skipped', p.reason]),
      ...(usage?.refused ?? []).map((p): TableCell[] => [p.source, null, 'Not read', p.message]),
      ...(usage?.notOnRoster ?? []).map((p): TableCell[] => [
        p.source,
        null,
        'Not matched',
        `${p.key} (${p.rows} ${p.rows === 1 ? 'row' : 'rows'}) is on no roster row's Email`,
      ]),
    ],
  };
}

/** Every table of the audit, in the order the sheet shows them. */
export function auditTables(audit: Audit): AuditTable[] {
  return [
    summaryTable(audit),
    categoryTable(audit),
    memberTable(audit),
    workflowTable(audit),
    editTypeTable(audit),
    findingTable(audit),
    ...(audit.usage ? [usageTable(audit.usage)] : []),
    rowTable(audit),
  ];
}

/** A cell as a person reads it: percentages rounded, uses per week to one decimal, null as "–". */
export function cellDisplay(cell: TableCell, kind: ColumnKind): string {
  if (cell === null) return NO_VALUE;
  if (typeof cell === 'string') return cell;
  switch (kind) {
    case 'percent':
      return percent(cell);
    case 'decimal':
      return (Math.round(cell * 10) / 10).toFixed(1);
    case 'integer':
      return String(Math.round(cell));
    default:
      return String(cell);
  }
}
