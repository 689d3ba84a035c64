/** How a cause reads once something was done about it (spec §18), in every view. */
import type { Finding } from './audit-types';

/**
 * What was done about a cause (spec §18): "Addressed on 2026-02-09 (Context pack fix)", "Open
 * again: not improved after 2026-02-02", or null for a cause nothing was recorded for.
 */
export function adviceStatus(f: Pick<Finding, 'addressed' | 'notImprovedAfter'>): string | null {
  if (f.addressed) return `Addressed on ${f.addressed.date} (${f.addressed.type})`;
  if (f.notImprovedAfter) return `Open again: not improved after ${f.notImprovedAfter}`;
  return null;
}

/** The status and the change after it, as one line; null for a cause nothing was recorded for. */
export function adviceLine(f: Pick<Finding, 'addressed' | 'notImprovedAfter' | 'changeAfter'>): string | null {
  const status = adviceStatus(f);
  return status && `${status}. ${f.changeAfter ?? ''}`.trim();
}
