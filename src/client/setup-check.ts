/** The "Check set-up" panel: one line per check, its status in words (not colour alone) and what to do. */
import type { CheckLine } from '../shared/api';
import { el, fill } from './dom';

const STATUS_WORDS: Record<CheckLine['status'], string> = { ok: 'OK', warn: 'Check', fix: 'Fix' };

export function renderSetupCheck(list: Element, lines: CheckLine[]): void {
  fill(
    list,
    lines.map((line) =>
      el(
        'li',
        { class: `status-${line.status}`, 'data-check': line.id },
        el('span', { class: 'check-status' }, STATUS_WORDS[line.status]),
        ' ',
        el('strong', null, line.label),
        ': ',
        line.detail,
      ),
    ),
  );
}
