// The words about permissions not granted, from the facts src/gas/permissions.ts gathers: which
// of the manifest's permissions are missing and the page where Google asks again.
import {
  authorisationProblem,
  formNotUpdatedLine,
  missingPermissionsMessage,
  PERMISSIONS,
  type Permission,
} from '../../src/core/base/permissions';

const permission = (scope: string): Permission => PERMISSIONS.find((p) => p.scope === scope)!;
const MAIL = permission('script.send_mail');
const TRIGGERS = permission('script.scriptapp');
const FORMS = permission('forms');
const GRANT_PAGE = 'https://script.google.com/a/grant';

describe('missingPermissionsMessage', () => {
  test('nothing to say when none is missing or Apps Script does not say', () => {
    expect(missingPermissionsMessage([], GRANT_PAGE)).toBeNull();
    expect(missingPermissionsMessage(null, GRANT_PAGE)).toBeNull();
  });

  test('one permission, with the page that grants it', () => {
    expect(missingPermissionsMessage([MAIL], GRANT_PAGE)).toBe(
      'Uptake was not given this permission: “Send email as you” (reminders, the digest and problem reports). ' +
        `To grant it, open ${GRANT_PAGE} and tick it on Google’s screen.`,
    );
  });

  test('two permissions, without a page: the menu asks again', () => {
    expect(missingPermissionsMessage([MAIL, TRIGGERS], null)).toBe(
      'Uptake was not given these permissions: “Send email as you” (reminders, the digest and problem reports); ' +
        '“Allow this application to run when you are not present” (the daily run (automation)). ' +
        'To grant them, choose any item of the Uptake menu: Google asks again for what is missing.',
    );
  });
});

describe('authorisationProblem (the daily run stops)', () => {
  test('names the permissions missing and the page', () => {
    expect(authorisationProblem([MAIL], GRANT_PAGE)).toBe(
      `Uptake needs to be authorised again before it can send anything: open Uptake from the Extensions menu and accept (${GRANT_PAGE}). ` +
        'Not granted: “Send email as you” (reminders, the digest and problem reports).',
    );
  });

  test('Apps Script asks again with every permission granted, and gives no page', () => {
    expect(authorisationProblem([], null)).toBe(
      'Uptake needs to be authorised again before it can send anything: open Uptake from the Extensions menu and accept.',
    );
  });
});

describe('formNotUpdatedLine', () => {
  test('names the account, else says whose it is', () => {
    const tail =
      'did not give Uptake the permission “See, edit, create and delete all your Google Forms forms” (Create logging form). ' +
      'Choose any item of the Uptake menu from that account: Google asks again for it.';
    expect(formNotUpdatedLine('lead@example.com', [FORMS])).toBe(
      `The logging form's dropdowns were not updated: lead@example.com ${tail}`,
    );
    expect(formNotUpdatedLine('', [FORMS])).toBe(
      `The logging form's dropdowns were not updated: the account the daily run runs under ${tail}`,
    );
  });
});
