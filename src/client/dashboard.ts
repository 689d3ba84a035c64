/**
 * The dashboard's sections, built from DashboardData with `el` only: every name, workflow and
 * reason is a text node, and every string the team typed is isolated (teamText). Each section is
 * in its own file: team-view, members-view, problems-view, timeline-view, interventions-view and
 * trend; dashboard-panel holds what they share.
 */
import type { DashboardData } from '../shared/api';
import { trendSection } from './trend';
import { weekActionsSection } from './actions-view';
import { interventionsSection } from './interventions-view';
import type { DashboardActions } from './dashboard-panel';
import { categories, diagnosis, editTypeChart, summary, workflowsBelow } from './team-view';
import { members } from './members-view';
import { problemBox, skippedRows } from './problems-view';
import { timeline } from './timeline-view';
import { programmeSection } from './programme-view';
import { usageSection } from './usage-view';
import { rosterApprovalSection } from './roster-approval-view';

/** Every section of the dashboard for this data, in reading order. */
export function dashboardSections(data: DashboardData, actions: DashboardActions): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (data.problem) out.push(problemBox(data.problem, actions));
  const approval = rosterApprovalSection(data, actions.approveRoster);
  if (approval) out.push(approval);
  const audit = data.audit;
  if (audit) {
    out.push(
      weekActionsSection(data.actions, [
        ...audit.members.map((m) => m.member),
        ...audit.members.flatMap((m) => m.workflows.map((w) => w.workflow)),
      ]),
      summary(audit),
      categories(audit),
      members(audit, data.interventions, actions),
      workflowsBelow(audit),
      editTypeChart(audit),
      diagnosis(audit),
      skippedRows(audit, actions),
      interventionsSection(data.interventions, actions.recordIntervention),
      ...[usageSection(audit)].filter((section) => section !== null),
      ...trendSection(data.history),
    );
  }
  if (audit) out.push(programmeSection(data.programme, data.today, actions.programme));
  out.push(timeline(data.timeline, actions));
  return out;
}
