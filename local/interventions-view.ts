/**
 * The interventions (rules §14) for the terminal, in the words the sidebar uses: each with its
 * before and after figures, the summary by type, and the rows of the sheet not read.
 */
import type { InterventionsView } from '../src/core/interventions/view';
import { afterDaysLabel, figureLines, interventionTitle, typeSummaryLine } from '../src/core/interventions/wording';
import { terminalLine, wrap } from './terminal';

/** Nothing when the team has no Interventions sheet. */
export function renderInterventions(view: InterventionsView): string {
  if (!view.sheet) return '';
  const out = [
    `Interventions (${view.interventions.length}): 14 days before and after each (a comparison, not proof of cause)`,
  ];
  for (const r of view.interventions) {
    const window = r.change ? '' : ` (after window ${afterDaysLabel(r.after.days)} so far)`;
    out.push(`  ${r.date}  ${terminalLine(interventionTitle(r))}${window}`);
    for (const line of figureLines(r)) out.push(`    ${terminalLine(line)}`);
    if (r.warning) out.push(...wrap(`Warning: ${terminalLine(r.warning)}`, '    '));
  }
  if (view.byType.length) {
    out.push('', 'Interventions by type (medians over complete after windows)');
    for (const t of view.byType) out.push(`  ${typeSummaryLine(t)}`);
  }
  if (view.skipped.length) {
    out.push('', `Interventions rows skipped (${view.skipped.length})`);
    for (const p of view.skipped) out.push(`  Row ${p.row}: ${terminalLine(p.reason)}`);
  }
  return `${out.join('\n')}\n`;
}
