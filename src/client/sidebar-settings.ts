/**
 * Saving the sidebar's Settings form: the changes go to saveSettings; a refusal is shown above
 * the form and under the field the server names (src/shared/failure.ts); once saved, the dashboard is loaded again, since
 * thresholds, target and sheets change the audit.
 */
import { byId } from './dom';
import { clearFieldErrors, fillSettingsForm, readSettingsForm, showFieldError } from './settings-form';
import { isEmail } from '../core/base/text';
import type { SettingsChanges } from '../shared/api';
import { server } from './server';
import type { SidebarShell } from './sidebar-shell';

export function wireSettingsForm(shell: SidebarShell): void {
  const { feedback, settingsForm } = shell;
  const settingsError = byId('settings-error');
  const settingsSaved = byId('settings-saved');

  settingsForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    settingsSaved.hidden = true;
    settingsError.hidden = true;
    clearFieldErrors(settingsForm);
    const changes: SettingsChanges = readSettingsForm(settingsForm);
    const newOwner = typeof changes.ownerEmail === 'string' ? changes.ownerEmail.trim() : '';
    const owner = shell.data?.viewer.owner ?? '';
    // An address the server will refuse anyway (not an email) is sent as it is, for its message.
    if (isEmail(newOwner) && newOwner.toLowerCase() !== owner.toLowerCase()) {
      // The server refuses a hand-over the owner did not confirm (a mistyped email would lock everyone out).
      const interventions = shell.data?.auditFileUrl
        ? ` Interventions you recorded stay in your own audit spreadsheet, which only you can open: share it with ${newOwner} afterwards.`
        : '';
      if (
        !window.confirm(
          `You will no longer be the owner of Uptake here; ${newOwner} will be.${interventions} Continue?`,
        )
      )
        return;
      changes.handOver = true;
    }
    const saved = await feedback.run(
      'Saving…',
      () => server.saveSettings(changes),
      (message, field) => {
        settingsError.textContent = message;
        settingsError.hidden = false;
        showFieldError(settingsForm, field, message);
      },
    );
    if (!saved) return;
    settingsSaved.textContent = 'Saved.';
    settingsSaved.hidden = false;
    if (shell.data) {
      shell.data = { ...shell.data, settings: saved };
      fillSettingsForm(settingsForm, shell.data);
    }
    // Thresholds, target and sheets change the audit: reload it for the same window.
    await shell.reload();
  });
}
