/**
 * The sidebar's automation box: the switch that turns the weekly digest and reminders on or
 * off, "Send digest now" and "Preview the digest". The owner's only (sidebar-shell.ts hides it
 * from other viewers).
 */
import { renderAutomationStatus, renderDigestPreview } from './automation';
import { byId } from './dom';
import type { Feedback } from './feedback';
import { server } from './server';

export function wireAutomation(feedback: Feedback): void {
  const automationToggle = byId<HTMLInputElement>('automation-on');
  const automationStatus = byId('automation-status');
  const automationMessage = byId('automation-message');
  const digestPreview = byId('digest-preview');

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
}
