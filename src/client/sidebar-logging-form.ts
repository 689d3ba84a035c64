/**
 * The sidebar's "Create logging form" (rules §16), the owner's only (sidebar-shell.ts hides it
 * from other viewers; the server refuses anyone else). A form that exists, or was deleted, is
 * asked about here, in the page, and nothing is made or changed until the owner says yes.
 */
import type { LoggingFormAnswer, LoggingFormStep } from '../shared/api';
import { byId, el, fill } from './dom';
import type { Feedback } from './feedback';
import { server } from './server';

export function wireLoggingForm(feedback: Feedback): void {
  const question = byId('logging-form-question');
  const ask = byId('logging-form-ask');
  const message = byId('logging-form-message');
  let pending: LoggingFormAnswer | null = null;

  function show(step: LoggingFormStep): void {
    if (!step.done) {
      pending = step.ask;
      ask.textContent = step.message;
      question.hidden = false;
      message.hidden = true;
      byId('logging-form-yes').focus();
      return;
    }
    pending = null;
    question.hidden = true;
    // The address is FormApp's (getPublishedUrl), shown as a link only over https.
    const address = step.url && /^https:\/\//.test(step.url) ? step.url : null;
    const link = address ? el('a', { target: '_blank', rel: 'noopener' }, 'Open the form') : null;
    if (link && address) link.href = address;
    fill(message, step.message.split('\n\n')[0], link ? [' ', link] : null);
    message.hidden = false;
  }

  async function step(answer: LoggingFormAnswer | null): Promise<void> {
    const result = await feedback.run(answer === 'update' ? 'Updating the form…' : 'Working on the form…', () =>
      server.makeLoggingForm(answer),
    );
    if (result) show(result);
  }

  byId('create-logging-form').addEventListener('click', () => void step(null));
  byId('logging-form-yes').addEventListener('click', () => void (pending && step(pending)));
  byId('logging-form-no').addEventListener('click', () => {
    question.hidden = true;
    message.textContent = pending === 'update' ? 'Nothing changed.' : 'No new form was made.';
    message.hidden = false;
    pending = null;
  });
}
