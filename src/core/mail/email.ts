/**
 * Emails are written once as a list of blocks and rendered twice: plain text and HTML. The
 * HTML renderer is the only place that turns text into markup, and it escapes everything, so a
 * member called `<b>x</b>` reaches the inbox as those seven characters.
 */
import { utf8Bytes } from '../base/text';
import { escapeHtml } from './html';

export type EmailBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; strong?: boolean }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; head: string[]; rows: string[][] }
  | { kind: 'link'; label: string; url: string };

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** Subjects are one line: a name with a line break in it must not add headers or lines. */
export function oneLine(text: string, max = 160): string {
  const line = text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function textTable(head: string[], rows: string[][]): string {
  const all = [head, ...rows];
  const widths = head.map((_, c) => Math.max(...all.map((row) => (row[c] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((cell, c) => (c === row.length - 1 ? cell : (cell ?? '').padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}

export function renderText(blocks: EmailBlock[]): string {
  return (
    blocks
      .map((block) => {
        switch (block.kind) {
          case 'heading':
            return `${block.text}\n${'-'.repeat(Math.min(block.text.length, 60))}`;
          case 'paragraph':
            return block.text;
          case 'list':
            return block.items.map((item) => `- ${item}`).join('\n');
          case 'table':
            return textTable(block.head, block.rows);
          case 'link':
            return `${block.label}: ${block.url}`;
        }
      })
      .join('\n\n') + '\n'
  );
}

const CELL = 'style="padding:4px 8px;border-bottom:1px solid #e0e0e0;text-align:left;vertical-align:top"';

/** Only web links become href targets; anything else is shown as text. */
function safeUrl(url: string): string | null {
  return /^https:\/\/[^\s"'<>]+$/i.test(url) ? url : null;
}

export function renderHtml(blocks: EmailBlock[]): string {
  const body = blocks
    .map((block) => {
      switch (block.kind) {
        case 'heading':
          return `<h3 style="margin:20px 0 6px;font-size:15px">${escapeHtml(block.text)}</h3>`;
        case 'paragraph':
          return block.strong
            ? `<p><strong>${escapeHtml(block.text)}</strong></p>`
            : `<p>${escapeHtml(block.text)}</p>`;
        case 'list':
          return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
        case 'table':
          return (
            '<table style="border-collapse:collapse">' +
            `<tr>${block.head.map((h) => `<th ${CELL}>${escapeHtml(h)}</th>`).join('')}</tr>` +
            block.rows
              .map((row) => `<tr>${row.map((cell) => `<td ${CELL}>${escapeHtml(cell)}</td>`).join('')}</tr>`)
              .join('') +
            '</table>'
          );
        case 'link': {
          const url = safeUrl(block.url);
          return url
            ? `<p><a href="${escapeHtml(url)}">${escapeHtml(block.label)}</a></p>`
            : `<p>${escapeHtml(block.label)}: ${escapeHtml(block.url)}</p>`;
        }
      }
    })
    .join('\n');
  return `<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.45;color:#202124">\n${body}\n</div>`;
}

/**
 * MailApp refuses an email whose body is over 200 KB ("Limit Exceeded: Email Body Size";
 * "Quotas for Google Services", https://developers.google.com/apps-script/guides/services/quotas).
 * The page does not say how the plain and HTML bodies count, so Uptake keeps both together under it.
 */
export const MAX_EMAIL_BODY_BYTES = 200 * 1024;

export const CUT_SHORT_NOTE =
  'This email was cut short to stay within Gmail’s size limit: the rest is in the spreadsheet.';

export function emailBodyBytes(content: EmailContent): number {
  return utf8Bytes(content.text) + utf8Bytes(content.html);
}

function rendered(subject: string, blocks: EmailBlock[]): EmailContent {
  return { subject: oneLine(subject), text: renderText(blocks), html: renderHtml(blocks) };
}

/**
 * The email of these blocks, under MAX_EMAIL_BODY_BYTES: a longer one keeps its beginning (whole
 * blocks, then list items and table rows), says it was cut short, and keeps its links.
 */
export function renderEmail(subject: string, blocks: EmailBlock[], maxBytes = MAX_EMAIL_BODY_BYTES): EmailContent {
  const whole = rendered(subject, blocks);
  if (emailBodyBytes(whole) <= maxBytes) return whole;
  const links = blocks.filter((b) => b.kind === 'link');
  const body = blocks.filter((b) => b.kind !== 'link');
  const units = body.map((b) => (b.kind === 'list' ? b.items.length : b.kind === 'table' ? b.rows.length : 1));
  const total = units.reduce((a, b) => a + b, 0);
  const note: EmailBlock = { kind: 'paragraph', strong: true, text: CUT_SHORT_NOTE };
  const firstUnits = (n: number): EmailBlock[] => {
    const kept: EmailBlock[] = [];
    for (let i = 0; i < body.length && n > 0; i++) {
      const b = body[i];
      const take = Math.min(n, units[i]);
      n -= take;
      if (b.kind === 'list') kept.push({ ...b, items: b.items.slice(0, take) });
      else if (b.kind === 'table') kept.push({ ...b, rows: b.rows.slice(0, take) });
      else kept.push(b);
    }
    return [...kept, note, ...links];
  };
  // The most units that fit: the size grows with the units kept.
  let lo = 0;
  let hi = total;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (emailBodyBytes(rendered(subject, firstUnits(mid))) <= maxBytes) lo = mid;
    else hi = mid - 1;
  }
  return rendered(subject, firstUnits(lo));
}
