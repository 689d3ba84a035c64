/**
 * The owner's sidebar: the dashboard for a chosen week, the automation switch and the
 * settings. All data comes from getDashboard; every call goes through `server`.
 */
import type { DashboardData, DashboardRequest, RecordInterventionRequest } from '../shared/api';
import { interventionForm, type InterventionPrefill } from './intervention-form';
import { renderAutomationStatus, renderDigestPreview } from './automation';
import { dashboardSections } from './dashboard';
import type { DashboardActions } from './dashboard-panel';
import { byId, el, fill } from './dom';
import { Feedback } from './feedback';
import { addDays } from './format';
import { server } from './server';
import { renderSetupCheck } from './setup-check';
import { clearFieldErrors, fieldOfMessage, fillSettingsForm, readSettingsForm, showFieldError } from './settings-form';

declare global {
  interface Window {
    /** Set by the server before this script runs to open on a view other than the dashboard. */
    UPTAKE_VIEW?: string;
  }
}

type View = 'dashboard' | 'settings' | 'setup-check';

/** The owner's audit spreadsheet, and an earlier version's tab in the team spreadsheet offered for removal. */
function renderAuditFile(box: HTMLElement, data: DashboardData, remove: () => Promise<void>): void {
  const parts: HTMLElement[] = [];
  // The address is the one Apps Script gave for the file (getUrl), never a cell's text; only a
  // Google Docs address over https is made a link.
  const address = data.auditFileUrl ? new URL(data.auditFileUrl) : null;
  if (address && address.protocol === 'https:' && address.hostname === 'docs.google.com') {
    const link = el('a', { target: '_blank', rel: 'noopener' }, 'your own audit spreadsheet');
    link.href = address.href;
    parts.push(el('p', {}, 'Run audit to sheet writes to ', link, ', which only you can open.'));
  }
  if (data.oldAuditTab)
    parts.push(
      el(
        'p',
        {},
        'An earlier version left an "Adoption audit" tab in this spreadsheet, with everyone’s figures by name; every editor can read it. ',
        el('button', { type: 'button', 'data-server': '', onclick: () => void remove() }, 'Remove the old tab'),
      ),
    );
  fill(box, parts);
  box.hidden = parts.length === 0;
}

function start(): void {
  const app = byId('app');
  const feedback = new Feedback(app, byId('status'), byId('error'));
  const asOfInput = byId<HTMLInputElement>('as-of');
  const weeksSelect = byId<HTMLSelectElement>('weeks');
  const prevWeek = byId<HTMLButtonElement>('prev-week');
  const nextWeek = byId<HTMLButtonElement>('next-week');
  const dashboard = byId('dashboard');
  const interventionPanel = byId('intervention-panel');
  const automationToggle = byId<HTMLInputElement>('automation-on');
  const automationStatus = byId('automation-status');
  const automationMessage = byId('automation-message');
  const digestPreview = byId('digest-preview');
  const settingsForm = byId<HTMLFormElement>('settings-form');
  const auditFile = byId('audit-file');
  const settingsError = byId('settings-error');
  const settingsSaved = byId('settings-saved');

  let data: DashboardData | null = null;
  /** Only the answer to the latest request is shown: an older one may arrive later. */
  let latestRequest = 0;

  const actions: DashboardActions = {
    selectRow: (row, sheet) => {
      void feedback.run(`Selecting row ${row}…`, () =>
        sheet ? server.selectLogRow(row, sheet) : server.selectLogRow(row),
      );
    },
    openSettings: () => showView('settings'),
    recordIntervention: (prefill) => void openInterventionForm(prefill),
    programme: {
      startProgramme: (start) => void startProgramme(start),
      recordSession: (member) => void recordSession(member),
    },
  };

  async function startProgramme(start: string): Promise<void> {
    const result = await feedback.run('Starting the programme…', () => server.startProgramme({ start }));
    if (result) await load(currentRequest());
  }

  /** One step from a participant's line: an anchor-workflow session dated today (rules §14, §17). */
  async function recordSession(member: string): Promise<void> {
    if (!data) return;
    const request = { date: data.today, member, type: 'Anchor-workflow session', workflow: '', note: '' };
    const result = await feedback.run('Recording…', () => server.recordIntervention(request));
    if (result) await load(currentRequest());
  }

  /** "Record an intervention": the form above the dashboard; after recording, the dashboard again. */
  async function openInterventionForm(prefill: InterventionPrefill): Promise<void> {
    const formData = await feedback.run('Opening the form…', () => server.getInterventionForm());
    if (!formData) return;
    showView('dashboard');
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
    await load(currentRequest());
  }

  function showView(view: View): void {
    byId('view-dashboard').hidden = view !== 'dashboard';
    byId('view-settings').hidden = view !== 'settings';
    byId('view-setup-check').hidden = view !== 'setup-check';
    for (const [tab, name] of [
      ['tab-dashboard', 'dashboard'],
      ['tab-settings', 'settings'],
    ] as const) {
      const button = byId(tab);
      if (name === view) button.setAttribute('aria-current', 'page');
      else button.removeAttribute('aria-current');
    }
    if (view === 'settings') {
      settingsSaved.hidden = true;
      if (data) fillSettingsForm(settingsForm, data);
    }
    if (view === 'setup-check') void checkSetUp();
  }

  async function checkSetUp(): Promise<void> {
    const lines = await feedback.run('Checking the set-up…', () => server.getSetupCheck());
    if (lines) renderSetupCheck(byId('setup-check-list'), lines);
  }

  function showWindow(asOf: string, weeks: number): void {
    asOfInput.value = asOf;
    if (!Array.from(weeksSelect.options).some((o) => o.value === String(weeks))) {
      weeksSelect.appendChild(el('option', { value: weeks }, `${weeks} weeks`));
    }
    weeksSelect.value = String(weeks);
    const next = addDays(asOf, 7);
    feedback.block(nextWeek, data !== null && (next === null || next > data.today));
  }

  function render(next: DashboardData): void {
    data = next;
    asOfInput.max = next.today;
    showWindow(
      next.audit?.asOf ?? (asOfInput.value || next.today),
      next.audit?.weeks ?? (Number(weeksSelect.value) || next.settings.weeks),
    );
    fill(dashboard, dashboardSections(next, actions));
    // An editor let in by "open team" sees the figures; Settings and automation stay the owner's.
    const isOwner = next.viewer.role === 'owner';
    byId('tab-settings').hidden = !isOwner;
    byId('automation').hidden = !isOwner;
    renderAuditFile(auditFile, next, removeOldTab);
    renderAutomationStatus(automationStatus, automationToggle, next.automation);
    if (!byId('view-settings').hidden) fillSettingsForm(settingsForm, next);
    feedback.applyDisabled();
  }

  async function load(request: DashboardRequest): Promise<void> {
    latestRequest += 1;
    const mine = latestRequest;
    const result = await feedback.run('Loading…', () => server.getDashboard(request));
    if (mine !== latestRequest || result === undefined) return;
    // Apps Script delivers null when a result cannot cross to the page (a Date in it, say).
    if (result === null)
      feedback.showError('The dashboard could not be loaded: the server sent no data. Close and reopen the sidebar.');
    else render(result);
  }

  function currentRequest(asOf: string | null = asOfInput.value || null): DashboardRequest {
    return { asOf, weeks: Number(weeksSelect.value) || null };
  }

  function step(days: number): void {
    const moved = asOfInput.value ? addDays(asOfInput.value, days) : null;
    if (moved) void load(currentRequest(moved));
  }

  prevWeek.addEventListener('click', () => step(-7));
  nextWeek.addEventListener('click', () => step(7));
  asOfInput.addEventListener('change', () => {
    if (asOfInput.value) void load(currentRequest());
  });
  weeksSelect.addEventListener('change', () => void load(currentRequest()));
  byId('window-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void load(currentRequest());
  });

  byId('tab-dashboard').addEventListener('click', () => showView('dashboard'));
  byId('tab-settings').addEventListener('click', () => showView('settings'));
  byId('cancel-settings').addEventListener('click', () => showView('dashboard'));

  function automationNote(text: string): void {
    automationMessage.textContent = text;
    automationMessage.hidden = text === '';
  }

  automationToggle.addEventListener('change', async () => {
    const wanted = automationToggle.checked;
    automationNote('');
    const status = await feedback.run(wanted ? 'Turning automation on…' : 'Turning automation off…', () =>
      server.setAutomation(wanted),
    );
    if (status) {
      renderAutomationStatus(automationStatus, automationToggle, status);
      automationNote(status.on ? 'Automation is on.' : 'Automation is off.');
    } else {
      automationToggle.checked = !wanted;
    }
  });

  byId('send-digest').addEventListener('click', async () => {
    automationNote('');
    // quiet: the sidebar shows the summary itself, so no toast.
    const result = await feedback.run('Sending the digest…', () => server.sendDigestNow(true));
    if (result === undefined) return;
    automationNote(typeof result === 'string' && result ? result : 'Digest sent.');
    const status = await feedback.run('Loading…', () => server.getAutomationStatus());
    if (status) renderAutomationStatus(automationStatus, automationToggle, status);
  });

  byId('preview-digest').addEventListener('click', async () => {
    automationNote('');
    const preview = await feedback.run('Preparing the preview…', () => server.previewDigest());
    if (preview) renderDigestPreview(digestPreview, preview);
  });

  settingsForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    settingsSaved.hidden = true;
    settingsError.hidden = true;
    clearFieldErrors(settingsForm);
    const changes = readSettingsForm(settingsForm);
    const saved = await feedback.run(
      'Saving…',
      () => server.saveSettings(changes),
      (message) => {
        settingsError.textContent = message;
        settingsError.hidden = false;
        showFieldError(settingsForm, fieldOfMessage(settingsForm, message), message);
      },
    );
    if (!saved) return;
    settingsSaved.textContent = 'Saved.';
    settingsSaved.hidden = false;
    if (data) {
      data = { ...data, settings: saved };
      fillSettingsForm(settingsForm, data);
    }
    // Thresholds, target and sheets change the audit: reload it for the same window.
    await load(currentRequest());
  });

  async function removeOldTab(): Promise<void> {
    const result = await feedback.run('Removing the old tab…', () => server.removeOldAuditTab());
    if (result === undefined) return;
    await load(currentRequest());
    auditFile.append(el('p', {}, result));
    auditFile.hidden = false;
  }

  byId('run-setup-check').addEventListener('click', () => void checkSetUp());
  byId('close-setup-check').addEventListener('click', () => showView('dashboard'));

  const firstView = window.UPTAKE_VIEW;
  showView(firstView === 'settings' || firstView === 'setup-check' ? firstView : 'dashboard');
  // The menu of whoever opened the page, once the dashboard is shown: nobody waits for it, and
  // the menu items keep checking on the server if it fails.
  void load({ asOf: null, weeks: null })
    .then(() => server.refreshMenu())
    .catch(() => undefined);
}

// The server may define UPTAKE_VIEW in a script after this one: start once the page is parsed.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
