/**
 * The owner's sidebar: the dashboard for a chosen week, the automation switch and the
 * settings. All data comes from getDashboard; every call goes through `server`.
 */
import { byId } from './dom';
import { Feedback } from './feedback';
import { server } from './server';
import { dashboardActions } from './sidebar-actions';
import { wireAutomation } from './sidebar-automation';
import { wireLoggingForm } from './sidebar-logging-form';
import { wireSettingsForm } from './sidebar-settings';
import { SidebarShell } from './sidebar-shell';
import { wireUsageImport } from './usage-import';

declare global {
  interface Window {
    /** Set by the server before this script runs to open on a view other than the dashboard. */
    UPTAKE_VIEW?: string;
  }
}

function start(): void {
  const feedback = new Feedback(byId('app'), byId('status'), byId('error'));
  const shell = new SidebarShell(feedback, dashboardActions);
  shell.wireControls();
  wireAutomation(feedback);
  wireLoggingForm(feedback);
  wireSettingsForm(shell);
  wireUsageImport(feedback, () => shell.reload());

  const firstView = window.UPTAKE_VIEW;
  shell.showView(firstView === 'settings' || firstView === 'setup-check' ? firstView : 'dashboard');
  // The menu of whoever opened the page, once the dashboard is shown: nobody waits for it, and
  // the menu items keep checking on the server if it fails.
  void shell
    .load({ asOf: null, weeks: null })
    .then(() => server.refreshMenu())
    .catch(() => undefined);
}

// The server may define UPTAKE_VIEW in a script after this one: start once the page is parsed.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
