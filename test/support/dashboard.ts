// What a test reads from the sidebar's getDashboard, with the set-up problem as the failure when
// the audit it expects is not there.
import type { Audit } from '../../src/core/audit/audit-types';
import type { DashboardData } from '../../src/shared/api';

/** The dashboard's audit; throws with the set-up problem the dashboard reported instead. */
export function auditOf(data: DashboardData): Audit {
  if (data.audit) return data.audit;
  throw new Error(`the dashboard has no audit: ${JSON.stringify(data.problem)}`);
}
