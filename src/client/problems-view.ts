/**
 * What the dashboard could not count: the set-up problem that stops it, and the log rows skipped
 * or counted with a note, each a button that selects the row in the sheet.
 */
import type { Audit } from '../core/audit/audit-types';
import type { RowProblem } from '../core/base/types';
import type { SetupProblem } from '../shared/api';
import { el, sentence, teamText, uniqueId } from './dom';
import { plural } from './format';
import { note, section, teamStrings, type DashboardActions } from './dashboard-panel';

export function problemBox(problem: SetupProblem, actions: DashboardActions): HTMLElement {
  return el(
    'section',
    { class: 'panel problem', 'aria-labelledby': 'problem-heading', id: 'problem' },
    el('h2', { id: 'problem-heading' }, 'Set-up needed'),
    el('p', null, problem.message),
    el('button', { type: 'button', onclick: () => actions.openSettings() }, 'Choose the sheets in Settings'),
  );
}

function rowList(problems: RowProblem[], actions: DashboardActions, id: string, known: string[]): HTMLElement {
  return el(
    'ul',
    { class: 'row-list', id },
    problems.map((p) => {
      const reasonId = uniqueId('reason');
      // The reason quotes cells: isolated, so that nothing in it reorders the row label.
      const reason = el('bdi', { id: reasonId, class: 'reason' }, sentence(p.reason, known));
      // Only log rows can be selected (on whichever of the log's sheets they are).
      // Row 0 is a note about the whole sheet (a name missing from the roster, say), not a row.
      if (p.row < 1) return el('li', null, reason);
      const label = p.sheet ? [teamText(p.sheet), ` row ${p.row}`] : `Row ${p.row}`;
      const target =
        p.sheet && !p.inLog
          ? el('span', { class: 'row-number' }, teamText(p.sheet), ` row ${p.row}`)
          : el(
              'button',
              {
                type: 'button',
                class: 'row-button',
                'data-server': true,
                'data-row': p.row,
                'data-sheet': p.sheet,
                'aria-describedby': reasonId,
                onclick: () => actions.selectRow(p.row, p.sheet),
              },
              label,
            );
      return el('li', null, target, ' ', reason);
    }),
  );
}

export function skippedRows(audit: Audit, actions: DashboardActions): HTMLElement {
  return section(
    'Rows not counted',
    audit.skippedRows.length === 0
      ? note('Every row of the log could be read.')
      : [
          note(`${plural(audit.skippedRows.length, 'row')} skipped, never guessed. Select a row number to go to it.`),
          rowList(audit.skippedRows, actions, 'skipped-rows', teamStrings(audit)),
        ],
    audit.notices.length > 0 && [
      el('h3', null, 'Counted, with a note'),
      rowList(audit.notices, actions, 'notices', teamStrings(audit)),
    ],
  );
}
