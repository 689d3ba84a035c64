/**
 * The sidebar as a standalone page: build/sidebar.html, unchanged, preceded by a stand-in for
 * `google.script.run` that answers from data the bundle computed in the in-memory Apps Script.
 * Opening the file in a browser shows what the add-on's sidebar would show for the same sheets.
 */
import type { ServerReply } from '../src/shared/failure';
import { scriptRunSource } from './script-run';

export interface SidebarPreviewData {
  /** What getDashboard returned, per window in weeks, for one as-of date. */
  dashboards: { asOf: string; defaultWeeks: number; byWeeks: Record<string, unknown> };
  /** Other read-only server calls and what each returned. */
  values: Record<string, unknown>;
  /** Where the data came from, for the banner. */
  source: string;
}

/** The page's global function that answers google.script.run (see script-run.ts). */
const PREVIEW_SERVER = '__uptakePreviewServer';

/**
 * Runs in the page, before the sidebar's own script: answers the sidebar's server calls from
 * `data`, a tick later as the real server does, through the global function `serverName` that
 * google.script.run (script-run.ts) calls, and stands in for google.script.host. Each answer is
 * what the server function returns: a ServerReply (src/shared/failure.ts), the value or a failure
 * in words. Serialised with toString, so it must not use anything from this module.
 */
function installPreviewShim(data: SidebarPreviewData, serverName: string): void {
  const refused = (message: string): ServerReply<unknown> => ({ ok: false, failure: { message, field: null } });
  const readOnly = (name: string) =>
    refused(
      `This page is a read-only preview written by npm start, so "${name}" does nothing here. ` +
        'Open the spreadsheet with the Uptake add-on to change settings, log runs or turn on automation.',
    );

  function reply(name: string, args: unknown[]): ServerReply<unknown> {
    if (name === 'getDashboard') {
      const request = (args[0] ?? {}) as { asOf?: string | null; weeks?: number | string | null };
      if (request.asOf && request.asOf !== data.dashboards.asOf) {
        return refused(
          `This preview holds the audit as of ${data.dashboards.asOf} only. Run npm start -- --as-of ${request.asOf} to see another date.`,
        );
      }
      const weeks = String(request.weeks ?? data.dashboards.defaultWeeks);
      if (!(weeks in data.dashboards.byWeeks)) {
        return refused(`This preview holds no ${weeks}-week audit. Run npm start -- --weeks ${weeks} to see it.`);
      }
      return { ok: true, value: data.dashboards.byWeeks[weeks] };
    }
    if (Object.prototype.hasOwnProperty.call(data.values, name)) return { ok: true, value: data.values[name] };
    return readOnly(name);
  }

  const page = window as unknown as Record<string, unknown>;
  page[serverName] = (name: string, argsJson: string) =>
    new Promise<string>((resolve) =>
      setTimeout(() => resolve(JSON.stringify({ returned: reply(name, JSON.parse(argsJson) as unknown[]) })), 0),
    );
  const noop = () => undefined;
  page.google = { script: { host: { close: noop, setHeight: noop, setWidth: noop, editor: { focus: noop } } } };
  document.addEventListener('DOMContentLoaded', () => {
    const banner = document.createElement('p');
    banner.className = 'uptake-preview-banner';
    banner.textContent = `Preview written by npm start: ${data.source}. Read only.`;
    document.body.insertBefore(banner, document.body.firstChild);
  });
}

/** JSON that is safe inside a <script> element: no "</script", "<!--" or line separators. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The page frame a sidebar has in Sheets: 300 px wide, on the grey of the editor. */
const PREVIEW_STYLE =
  '<style>html{background:#f1f3f4}body{width:300px;min-height:100vh;margin:0 auto;background:#fff;box-shadow:0 0 4px rgba(0,0,0,.2)}' +
  '.uptake-preview-banner{margin:0;padding:6px 12px;font:12px/1.4 Arial,sans-serif;background:#fef7e0;color:#3c4043}</style>';

/**
 * Nothing leaves the machine: the page may run and style only what it holds, and load nothing
 * (the digest preview is a srcdoc frame, which this allows).
 */
const NO_NETWORK =
  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; " +
  "style-src 'unsafe-inline'; img-src data:; frame-src about:; form-action 'none'; base-uri 'none'\">";

/**
 * Google's add-on stylesheet, which the sidebar links for the look of Sheets. The preview leaves
 * it out: build/uptake.css, inlined in the page, styles everything on its own.
 */
const REMOTE_STYLESHEET = /<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?\/\/[^>]*>\s*/gi;

/** build/sidebar.html, with no remote stylesheet, and the shim and its data at the top of <head>. */
export function sidebarPreviewHtml(sidebarHtml: string, data: SidebarPreviewData): string {
  const local = sidebarHtml.replace(REMOTE_STYLESHEET, '');
  const server = JSON.stringify(PREVIEW_SERVER);
  const shim = `<script>(${installPreviewShim.toString()})(${scriptSafeJson(data)}, ${server});${scriptRunSource(PREVIEW_SERVER)}</script>`;
  const head = /<head\b[^>]*>/i.exec(local);
  const inserted = `${NO_NETWORK}${shim}${PREVIEW_STYLE}`;
  if (head) {
    const at = head.index + head[0].length;
    return `${local.slice(0, at)}\n${inserted}\n${local.slice(at)}`;
  }
  return `${inserted}\n${local}`;
}
