// MailApp's refusals told apart by the rest of the message, and emails kept under the body limit.
import { isQuotaError, mailRefusal } from '../../../src/core/automation/mail-rules';
import {
  CUT_SHORT_NOTE,
  emailBodyBytes,
  MAX_EMAIL_BODY_BYTES,
  renderEmail,
  type EmailBlock,
} from '../../../src/core/mail/email';

describe('MailApp refusals', () => {
  test.each([
    ['Service invoked too many times for one day: email.', 'daily-quota'],
    ['Limit Exceeded: Email Recipients Per Day.', 'daily-quota'],
    ['Limit Exceeded: Email Body Size.', 'body-size'],
    ['Limit Exceeded: Email Recipients Per Message.', 'recipients-per-message'],
    ['Invalid email: lead@example.com', 'other'],
    ['Invalid email: quota.limit@example.com', 'other'],
  ])('%s is %s', (message, kind) => {
    expect(mailRefusal(new Error(message))).toBe(kind);
    expect(isQuotaError(new Error(message))).toBe(kind === 'daily-quota');
  });
});

describe('an email over the body limit', () => {
  const link: EmailBlock = { kind: 'link', label: 'Open the spreadsheet', url: 'https://docs.google.com/x' };

  test('keeps its beginning, item by item, says it was cut short and keeps its link', () => {
    const items = Array.from({ length: 2_000 }, (_, i) => `Member ${i}: ${'needs follow-up '.repeat(10)}`);
    const content = renderEmail('Digest', [{ kind: 'paragraph', text: 'Headline' }, { kind: 'list', items }, link]);
    const bytes = emailBodyBytes(content);
    expect(bytes).toBeLessThanOrEqual(MAX_EMAIL_BODY_BYTES);
    expect(bytes).toBeGreaterThan(MAX_EMAIL_BODY_BYTES - 2_000);
    expect(content.text.startsWith('Headline\n\n- Member 0:')).toBe(true);
    expect(content.text).toContain(CUT_SHORT_NOTE);
    expect(content.text).not.toContain('Member 1999:');
    expect(content.html).toContain('href="https://docs.google.com/x"');
  });

  test('an email within the limit is left whole', () => {
    const content = renderEmail('Digest', [{ kind: 'paragraph', text: 'Headline' }, link]);
    expect(content.text).not.toContain(CUT_SHORT_NOTE);
    expect(renderEmail('x', [{ kind: 'list', items: ['a'.repeat(300)] }], 200).text).toContain(CUT_SHORT_NOTE);
  });
});
