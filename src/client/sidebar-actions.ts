/**
 * What the dashboard's buttons ask of the sidebar: select a log row, open Settings, record an
 * intervention (the form above the dashboard), start the replacement programme and record a
 * participant's session (rules §14, §17). Each reloads the dashboard when it changed what it shows.
 */
import type { RecordInterventionRequest, RosterApprovalRequest } from '../shared/api';
import type { DashboardActions } from './dashboard-panel';
import { byId, el, fill, sentence } from './dom';
import { interventionForm, type InterventionPrefill } from './intervention-form';
import { server } from './server';
import type { SidebarShell } from './sidebar-shell';

export function dashboardActions(shell: SidebarShell): DashboardActions {
  const { feedback } = shell;
  const interventionPanel = byId('intervention-panel');

  async function startProgramme(start: string): Promise<void> {
    const result = await feedback.run('Starting the programme…', () => server.startProgramme({ start }));
    if (result) await shell.reload();
  }

  /** One step from a participant's line: an anchor-workflow session dated today (rules §14, §17). */
  async function recordSession(member: string): Promise<void> {
    if (!shell.data) return;
    const request = { date: shell.data.today, member, type: 'Anchor-workflow session', workflow: '', note: '' };
    const result = await feedback.run('Recording…', () => server.recordIntervention(request));
    if (result) await shell.reload();
  }

  /** "Record an intervention": the form above the dashboard; after recording, the dashboard again. */
  async function openInterventionForm(prefill: InterventionPrefill): Promise<void> {
    const formData = await feedback.run('Opening the form…', () => server.getInterventionForm());
    if (!formData) return;
    shell.showView('dashboard');
    const form = interventionForm(
      formData,
      prefill,
      (request) => void recordIntervention(request),
      () => fill(interventionPanel),
    );
    fill(interventionPanel, form);
    feedback.applyDisabled();
    interventionPanel.scrollIntoView();
    byId<HTMLSelectElement>('iv-type').focus();
  }

  async function recordIntervention(request: RecordInterventionRequest): Promise<void> {
    const formError = byId('iv-error');
    formError.hidden = true;
    const result = await feedback.run(
      'Recording…',
      () => server.recordIntervention(request),
      (message) => {
        formError.textContent = message;
        formError.hidden = false;
      },
    );
    if (!result) return;
    fill(interventionPanel, el('p', { class: 'message', id: 'iv-recorded', role: 'status' }, result.message));
    // The new intervention changes the Interventions section and the timeline: reload them.
    await shell.reload();
  }

  /** One click approves what the Roster card listed; what was done is said above the dashboard. */
  async function approveRoster(listed: RosterApprovalRequest): Promise<void> {
    const said = await feedback.run('Approving…', () => server.approveRoster(listed));
    if (said === undefined) return;
    await shell.reload();
    const reply = sentence(said, teamStringsOf(listed));
    byId('dashboard').prepend(el('p', { class: 'message', id: 'roster-approved', role: 'status' }, reply));
  }

  return {
    selectRow: (row, sheet) => {
      void feedback.run(`Selecting row ${row}…`, () =>
        sheet ? server.selectLogRow(row, sheet) : server.selectLogRow(row),
      );
    },
    openSettings: () => shell.showView('settings'),
    recordIntervention: (prefill) => void openInterventionForm(prefill),
    programme: {
      startProgramme: (start) => void startProgramme(start),
      recordSession: (member) => void recordSession(member),
    },
    approveRoster: (listed) => void approveRoster(listed),
  };
}
/** The team's members and addresses an approval's reply names: each isolated, as the card showed them. */
function teamStringsOf(listed: RosterApprovalRequest): string[] {
  return [
    ...listed.followUpOwners.flatMap((entry) => [entry.address, ...entry.members]),
    ...listed.rosterEmails.flatMap((pair) => [pair.name, pair.email]),
  ];
}
