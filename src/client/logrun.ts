/**
 * "Log a run": one AI workflow run appended to the team's log, in as few keystrokes as the
 * form allows. Date and member stay filled between runs; recent workflows are one click.
 */
import type { MyWeekView } from '../shared/api';
import { byId, el, fill } from './dom';
import { Feedback } from './feedback';
import { renderFormLink } from './form-link';
import { LogRunForm } from './logrun-form';
import { server } from './server';

declare global {
  interface Window {
    /** Set by the server before this script runs: 'my-week' when the menu's "My week" opened the page. */
    UPTAKE_VIEW?: string;
  }
}

/** The member's own week (rules §19): plain sentences from the server, shown as text. */
function renderMyWeek(view: MyWeekView): void {
  const section = byId('my-week');
  const note = byId('my-week-note');
  fill(
    byId('my-week-lines'),
    (view.week?.lines ?? []).map((line) => el('li', {}, line)),
  );
  note.textContent = view.message ?? '';
  note.hidden = !view.message;
  section.hidden = false;
}

function start(): void {
  const feedback = new Feedback(byId('app'), byId('status'), byId('error'));
  const form = new LogRunForm();
  const logged = byId('logged');
  form.wire();
  form.member.addEventListener('input', () => (logged.hidden = true));

  form.form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (feedback.busy) return;
    logged.hidden = true;
    const run = form.request();
    const result = await feedback.run('Logging…', () => server.logRun(run));
    if (!result) return;
    logged.textContent = result.message || `Logged in row ${result.row}.`;
    logged.hidden = false;
    if (result.myWeek) renderMyWeek(result.myWeek);
    form.resetForNextRun(run.workflow);
  });

  void feedback
    .run('Loading…', () => server.getLogForm())
    .then((data) => {
      if (!data) return;
      form.render(data);
      renderFormLink(byId('form-link'), data.formUrl);
      // My week comes with the form, from the same read: one round trip.
      if (data.myWeek) {
        renderMyWeek(data.myWeek);
        if (window.UPTAKE_VIEW === 'my-week') byId('my-week').focus();
      }
      return server.refreshMenu();
    })
    // My week is extra: the form works without it, and the section stays hidden.
    .catch(() => undefined);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
