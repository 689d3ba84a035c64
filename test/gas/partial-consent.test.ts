// Partial consent: a user may grant only some of the permissions the manifest asks for
// ("Authorization scopes", https://developers.google.com/apps-script/concepts/scopes). Uptake then
// names the permission missing and how to grant it in Check set-up (a sidebar view), and the
// sidebar's automation switch, Send digest now and Create logging form refuse with the same words
// at once instead of failing later (in tomorrow's run, or half-way through making a form).
import fs from 'node:fs';
import path from 'node:path';
import { PERMISSIONS } from '../../src/core/base/permissions';
import { ROOT } from '../bundle/support';
import { teamSheet } from '../support/fake-bundle';

/** The sample team, opened by its lead in London, with `ungrantedScopes` not granted. */
function leadsTeam(ungrantedScopes: string[] = []) {
  return teamSheet({ ungrantedScopes, user: 'lead@example.com', spreadsheet: { timeZone: 'Europe/London' } });
}

test('Uptake knows a use for every scope of the manifest, and for no other', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };
  const names = manifest.oauthScopes.map((url) => url.replace('https://www.googleapis.com/auth/', ''));
  expect(PERMISSIONS.map((p) => p.scope).sort()).toEqual(names.sort());
});

describe('“Send email as you” not granted', () => {
  const missing =
    /Uptake was not given this permission: “Send email as you” \(reminders, the digest and problem reports\)\. To grant it, open https:\/\/\S+ and tick it/;

  test('Check set-up says which permission and how to grant it', () => {
    const { bundle } = leadsTeam(['script.send_mail']);
    const line = bundle.$runFromClient('getSetupCheck').find((l) => l.id === 'authorization');
    expect(line?.status).toBe('fix');
    expect(line?.detail).toMatch(missing);
  });

  // The sidebar shows these refusals where the switch or the button is.
  test('turning automation on and sending the digest are refused at once, with the same words; nothing is made', () => {
    const { gas, bundle } = leadsTeam(['script.send_mail']);
    expect(() => bundle.$runFromClient('setAutomation', true)).toThrow(missing);
    expect(gas.triggers.list()).toEqual([]);
    expect(() => bundle.$runFromClient('sendDigestNow')).toThrow(missing);
    expect(gas.mail.sent).toEqual([]);
  });

  test('with every permission granted nothing is said', () => {
    const { bundle } = leadsTeam();
    const line = bundle.$runFromClient('getSetupCheck').find((l) => l.id === 'authorization');
    expect(line).toMatchObject({ status: 'ok' });
  });
});

test('two permissions missing: both named', () => {
  const { bundle } = leadsTeam(['script.send_mail', 'script.scriptapp']);
  const line = bundle.$runFromClient('getSetupCheck').find((l) => l.id === 'authorization');
  expect(line?.detail).toContain('these permissions: “Send email as you”');
  expect(line?.detail).toContain(
    '“Allow this application to run when you are not present” (the daily run (automation))',
  );
});

describe('“See, edit, create and delete all your Google Forms forms” not granted', () => {
  test('Create logging form says which permission and how to grant it; no form is made, nothing asked', () => {
    const { gas, bundle } = leadsTeam(['forms']);
    expect(() => bundle.createLoggingForm()).toThrow(
      /Uptake was not given this permission: “See, edit, create and delete all your Google Forms forms” \(Create logging form\)\. To grant it, open https:\/\/\S+ and tick it/,
    );
    expect(gas.forms.forms.size).toBe(0);
    expect(gas.ui.dialogs).toEqual([]);
  });

  test('with the forms permission granted the form is made', () => {
    const { gas, bundle } = leadsTeam(['script.send_mail']);
    bundle.createLoggingForm();
    expect(gas.forms.forms.size).toBe(1);
  });
});
