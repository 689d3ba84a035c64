/**
 * What every part of the owner's sidebar acts through: the dashboard last loaded, the week
 * window (as-of day and weeks) it was loaded for, loading it again, and which view is on screen
 * (the dashboard, Settings or Check set-up). The parts are in sidebar-actions.ts,
 * sidebar-settings.ts and sidebar-automation.ts; sidebar.ts puts them together.
 */
import type { DashboardData, DashboardRequest } from '../shared/api';
import { renderAuditFile } from './audit-file-view';
import { renderAutomationStatus } from './automation';
import { dashboardSections } from './dashboard';
import type { DashboardActions } from './dashboard-panel';
import { byId, el, fill } from './dom';
import type { Feedback } from './feedback';
import { addDays } from './format';
import { server } from './server';
import { fillSettingsForm } from './settings-form';
import { renderSetupCheck } from './setup-check';

export type View = 'dashboard' | 'settings' | 'setup-check';

export class SidebarShell {
  /** The dashboard last shown; null until the first one arrives. */
  data: DashboardData | null = null;
  /** Only the answer to the latest request is shown: an older one may arrive later. */
  private latestRequest = 0;
  private readonly asOfInput = byId<HTMLInputElement>('as-of');
  private readonly weeksSelect = byId<HTMLSelectElement>('weeks');
  private readonly prevWeek = byId<HTMLButtonElement>('prev-week');
  private readonly nextWeek = byId<HTMLButtonElement>('next-week');
  private readonly dashboard = byId('dashboard');
  private readonly auditFile = byId('audit-file');
  readonly settingsForm = byId<HTMLFormElement>('settings-form');
  private readonly settingsSaved = byId('settings-saved');
  private readonly actions: DashboardActions;

  /** @param actionsOf what the dashboard's buttons do, given this shell (sidebar-actions.ts) */
  constructor(
    readonly feedback: Feedback,
    actionsOf: (shell: SidebarShell) => DashboardActions,
  ) {
    this.actions = actionsOf(this);
  }

  /** The week window's controls, the tabs and the set-up check's buttons. */
  wireControls(): void {
    this.prevWeek.addEventListener('click', () => this.step(-7));
    this.nextWeek.addEventListener('click', () => this.step(7));
    this.asOfInput.addEventListener('change', () => {
      if (this.asOfInput.value) void this.load(this.currentRequest());
    });
    this.weeksSelect.addEventListener('change', () => void this.reload());
    byId('window-form').addEventListener('submit', (event) => {
      event.preventDefault();
      void this.reload();
    });
    byId('tab-dashboard').addEventListener('click', () => this.showView('dashboard'));
    byId('tab-settings').addEventListener('click', () => this.showView('settings'));
    byId('cancel-settings').addEventListener('click', () => this.showView('dashboard'));
    byId('run-setup-check').addEventListener('click', () => void this.checkSetUp());
    byId('close-setup-check').addEventListener('click', () => this.showView('dashboard'));
  }

  showView(view: View): void {
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
      this.settingsSaved.hidden = true;
      if (this.data) fillSettingsForm(this.settingsForm, this.data);
    }
    if (view === 'setup-check') void this.checkSetUp();
  }

  /** Loads the dashboard for `request`; an answer overtaken by a later request is dropped. */
  async load(request: DashboardRequest): Promise<void> {
    this.latestRequest += 1;
    const mine = this.latestRequest;
    const result = await this.feedback.run('Loading…', () => server.getDashboard(request));
    if (mine !== this.latestRequest || result === undefined) return;
    // Apps Script delivers null when a result cannot cross to the page (a Date in it, say).
    if (result === null)
      this.feedback.showError(
        'The dashboard could not be loaded: the server sent no data. Close and reopen the sidebar.',
      );
    else this.render(result);
  }

  /** Loads the dashboard again for the window shown (after a change to what it shows). */
  reload(): Promise<void> {
    return this.load(this.currentRequest());
  }

  private async checkSetUp(): Promise<void> {
    const lines = await this.feedback.run('Checking the set-up…', () => server.getSetupCheck());
    if (lines) renderSetupCheck(byId('setup-check-list'), lines);
  }

  private showWindow(asOf: string, weeks: number): void {
    this.asOfInput.value = asOf;
    if (!Array.from(this.weeksSelect.options).some((o) => o.value === String(weeks))) {
      this.weeksSelect.appendChild(el('option', { value: weeks }, `${weeks} weeks`));
    }
    this.weeksSelect.value = String(weeks);
    const next = addDays(asOf, 7);
    this.feedback.block(this.nextWeek, this.data !== null && (next === null || next > this.data.today));
  }

  private render(next: DashboardData): void {
    this.data = next;
    this.asOfInput.max = next.today;
    this.showWindow(
      next.audit?.asOf ?? (this.asOfInput.value || next.today),
      next.audit?.weeks ?? (Number(this.weeksSelect.value) || next.settings.weeks),
    );
    fill(this.dashboard, dashboardSections(next, this.actions));
    // An editor let in by "open team" sees the figures; Settings and automation stay the owner's.
    const isOwner = next.viewer.role === 'owner';
    byId('tab-settings').hidden = !isOwner;
    byId('automation').hidden = !isOwner;
    byId('usage-import').hidden = !isOwner;
    byId('logging-form').hidden = !isOwner;
    renderAuditFile(this.auditFile, next, {
      removeAuditTab: () => this.oldTabAction('Removing the old tab…', () => server.removeOldAuditTab()),
      moveInterventions: () => this.oldTabAction('Moving the interventions…', () => server.moveOldInterventions()),
    });
    renderAutomationStatus(byId('automation-status'), byId<HTMLInputElement>('automation-on'), next.automation);
    if (!byId('view-settings').hidden) fillSettingsForm(this.settingsForm, next);
    this.feedback.applyDisabled();
  }

  private currentRequest(asOf: string | null = this.asOfInput.value || null): DashboardRequest {
    return { asOf, weeks: Number(this.weeksSelect.value) || null };
  }

  private step(days: number): void {
    const moved = this.asOfInput.value ? addDays(this.asOfInput.value, days) : null;
    if (moved) void this.load(this.currentRequest(moved));
  }

  /** Removes or moves an earlier version's tab, then shows the dashboard again with what was done. */
  private async oldTabAction(busy: string, call: () => Promise<string>): Promise<void> {
    const result = await this.feedback.run(busy, call);
    if (result === undefined) return;
    await this.reload();
    this.auditFile.append(el('p', {}, result));
    this.auditFile.hidden = false;
  }
}
