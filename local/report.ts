/**
 * The audit as terminal text: the headline of spec §11 first, then the members, the suggested
 * causes with their evidence and the skipped rows. Cells are shown by the same audit tables the
 * "Adoption audit" sheet is written from, so the terminal and the sheet read alike.
 */
import { adviceLine } from '../src/core/audit/advice-wording';
import type { Audit } from '../src/core/audit/audit-types';
import {
  auditIntro,
  auditTables,
  cellDisplay,
  type AuditTable,
  type AuditTableId,
} from '../src/core/audit/audit-table';
import { percent, plural } from '../src/core/base/text';
import type { RowProblem } from '../src/core/base/types';
import { terminalLine, wrap } from './terminal';

function table(audit: Audit, id: AuditTableId): AuditTable {
  const found = auditTables(audit).find((t) => t.id === id);
  if (!found) throw new Error(`The audit has no ${id} table.`);
  return found;
}

/**
 * Plain columns padded to their widest cell; the last column is not padded. Cells are shown on
 * one line with control characters escaped, before the widths are measured.
 */
export function renderColumns(header: string[], rawRows: string[][]): string[] {
  const rows = rawRows.map((row) => row.map(terminalLine));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** Log rows by their sheet row; roster problems already say "Roster row N" in their reason. */
function rowLine(problem: RowProblem): string {
  if (problem.inLog && problem.sheet !== undefined) return `${problem.sheet} row ${problem.row}: ${problem.reason}`;
  return problem.sheet !== undefined || !problem.row ? problem.reason : `Row ${problem.row}: ${problem.reason}`;
}

const MEMBER_COLUMNS = ['Team member', 'Category', 'Uses per week', 'Acceptance', 'Six-week status', 'Roster status'];

export function renderAudit(audit: Audit): string {
  const out: string[] = [...auditIntro(audit)];
  const t = audit.team;
  out.push(
    '',
    `Adoption rate ${percent(t.adoptionRate)} (${plural(t.genuineAdopters, 'genuine adopter')} of ${plural(t.membersInScope, 'member')} in scope); ` +
      `training completion ${percent(t.trainingCompletionRate)}` +
      (t.gap === null ? '.' : `; gap ${Math.round(t.gap * 100)} points.`),
  );

  const members = table(audit, 'members');
  const columns = MEMBER_COLUMNS.map((label) => members.columns.findIndex((c) => c.label === label));
  out.push('', 'Team members');
  out.push(
    ...renderColumns(
      MEMBER_COLUMNS,
      members.rows.map((row) =>
        columns.map((index) => {
          const text = cellDisplay(row[index], members.columns[index].kind);
          // "Active" on every line is noise: only an unusual roster status is shown.
          return MEMBER_COLUMNS[columns.indexOf(index)] === 'Roster status' && text === 'Active' ? '' : text;
        }),
      ),
    ),
  );

  out.push('', 'Suggested causes (suggestions with their evidence, not verdicts)');
  if (audit.diagnosis.length === 0) out.push('  none');
  for (const finding of audit.diagnosis) {
    out.push(`- ${finding.member ?? finding.workflow ?? 'Team'}: ${finding.cause}`);
    out.push(...wrap(`Step: ${finding.step}`, '    '));
    for (const evidence of finding.evidence) out.push(...wrap(`Evidence: ${evidence}`, '    '));
    const done = adviceLine(finding);
    if (done) out.push(...wrap(done, '    '));
  }

  out.push('', `Log rows skipped (${audit.skippedRows.length})`);
  if (audit.skippedRows.length === 0) out.push('  none');
  for (const problem of audit.skippedRows) out.push(...wrap(rowLine(problem), '  '));
  if (audit.notices.length) {
    out.push('', `Notes (${audit.notices.length})`);
    for (const notice of audit.notices) out.push(...wrap(rowLine(notice), '  '));
  }
  // Team text (names, workflows, cells quoted in reasons) never drives the terminal.
  return `${out.map(terminalLine).join('\n')}\n`;
}
