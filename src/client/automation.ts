/**
 * The automation panel: the daily run's switch, what it last did, and the weekly digest's
 * preview. The preview's HTML is the server's email, which quotes names from cells: it is
 * shown only inside a sandboxed iframe (no scripts, no same-origin) or as plain text.
 */
import type { AutomationStatus, DigestPreview } from '../shared/api';
import { el, fill, teamList } from './dom';
import { WEEKDAYS, hourLabel, plural, timestampLabel } from './format';

export function renderAutomationStatus(target: HTMLElement, toggle: HTMLInputElement, status: AutomationStatus): void {
  toggle.checked = status.on;
  fill(
    target,
    el(
      'p',
      { class: 'hint' },
      status.on
        ? `On: runs daily at ${hourLabel(status.hour)}; digest on ${WEEKDAYS[status.digestWeekday] ?? '?'}s.`
        : `Off. When on, it runs daily at ${hourLabel(status.hour)} and sends the digest on ${WEEKDAYS[status.digestWeekday] ?? '?'}s.`,
    ),
    el('p', null, el('span', { class: 'label' }, 'Last run: '), timestampLabel(status.lastRun)),
    status.lastRunReport.length > 0 &&
      el(
        'ul',
        { class: 'plain-list run-report', 'aria-label': 'What the last run did' },
        status.lastRunReport.map((line) => el('li', null, line)),
      ),
    status.lastRun !== null &&
      status.lastRunReport.length === 0 &&
      el('p', { class: 'hint' }, 'It had nothing to send.'),
    status.problems.length > 0 &&
      el(
        'div',
        { class: 'message error-message' },
        el('p', null, el('strong', null, 'Problems found:')),
        el(
          'ul',
          null,
          status.problems.map((p) => el('li', null, p)),
        ),
      ),
    status.remainingQuota !== null &&
      el(
        'p',
        { class: 'hint' },
        `${plural(status.remainingQuota, 'email recipient')} left in Google’s 24-hour quota (it restarts 24 hours after its first email, not at midnight).`,
      ),
  );
}

/** The digest as its recipients would get it. */
export function renderDigestPreview(target: HTMLElement, preview: DigestPreview): void {
  const frame = el('iframe', {
    class: 'preview-frame',
    title: `Digest preview: ${preview.subject}`,
    sandbox: '',
    referrerpolicy: 'no-referrer',
  });
  // srcdoc is a property of the sandboxed frame's document, not of this page: nothing in it runs.
  frame.srcdoc = preview.html;
  const text = el(
    'pre',
    { class: 'preview-text', hidden: true, tabindex: 0, 'aria-label': 'Digest as plain text' },
    preview.text,
  );
  const asHtml = el('button', { type: 'button', 'aria-pressed': 'true', onclick: () => show(false) }, 'Formatted');
  const asText = el('button', { type: 'button', 'aria-pressed': 'false', onclick: () => show(true) }, 'Plain text');
  function show(plain: boolean) {
    frame.hidden = plain;
    text.hidden = !plain;
    asHtml.setAttribute('aria-pressed', String(!plain));
    asText.setAttribute('aria-pressed', String(plain));
  }
  fill(
    target,
    el(
      'div',
      { class: 'preview', id: 'preview', role: 'region', 'aria-label': 'Digest preview' },
      el('h3', null, 'Digest preview'),
      el(
        'p',
        null,
        el('span', { class: 'label' }, 'To: '),
        preview.recipients.length ? teamList(preview.recipients, (r) => r) : 'nobody yet (set the owner email)',
      ),
      el(
        'p',
        null,
        el('span', { class: 'label' }, 'Subject: '),
        el('span', { id: 'preview-subject' }, preview.subject),
      ),
      el('div', { class: 'button-row', role: 'group', 'aria-label': 'Show the digest' }, asHtml, asText),
      frame,
      text,
      el('button', { type: 'button', onclick: () => fill(target) }, 'Close preview'),
    ),
  );
}
