// Each user's authorization in the in-memory Apps Script (packages/fake-apps-script/authorization.ts):
// every user grants the script's scopes for themselves ("Authorization for Google Services",
// https://developers.google.com/apps-script/guides/services/authorization), and an installable
// trigger runs under its creator's account, with the creator's grants ("Installable triggers",
// https://developers.google.com/apps-script/guides/triggers/installable). Probed through a small
// script run by loadBundle, as the add-on is run.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createFakeGas, loadBundle, type FakeGasOptions } from '../../packages/fake-apps-script';

const CODE = String.raw`"use strict";
function granted() { return ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizedScopes(); }
function status() { return String(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus()); }
function mail() { MailApp.sendEmail('team@example.com', 'S', 'B'); return 'sent'; }
function daily() { return [status(), mail()]; }
function turnOn() { return ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(7).create().getUniqueId(); }
`;

const SCOPE = (name: string) => `https://www.googleapis.com/auth/${name}`;
const SCOPES = ['spreadsheets', 'script.send_mail', 'script.scriptapp', 'userinfo.email'].map(SCOPE);
const OWNER = 'owner@example.com';
const MEMBER = 'ben@example.com';
const HIDDEN = 'hidden@example.com';
const SEND_MAIL = SCOPE('script.send_mail');

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gas-fake-authorization-'));
  fs.writeFileSync(path.join(dir, 'Code.js'), CODE);
  fs.writeFileSync(path.join(dir, 'appsscript.json'), JSON.stringify({ timeZone: 'Etc/UTC', oauthScopes: SCOPES }));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function load(options: FakeGasOptions = {}) {
  const fake = createFakeGas({ now: '2026-03-02T15:00:00Z', user: OWNER, usersWithoutEmail: [HIDDEN], ...options });
  return { fake, ctx: loadBundle(fake, dir) };
}

describe('each user authorizes for themselves', () => {
  it('a member who left send_mail unticked cannot send; the owner, who granted all, can', () => {
    const { fake, ctx } = load({ grants: { [OWNER]: 'all', [MEMBER]: SCOPES.filter((s) => s !== SEND_MAIL) } });
    expect(ctx.$run('granted', [], { user: MEMBER })).toEqual(SCOPES.filter((s) => s !== SEND_MAIL));
    expect(ctx.$run('status', [], { user: MEMBER })).toBe('REQUIRED');
    expect(() => ctx.$run('mail', [], { user: MEMBER })).toThrow(`Required permissions: ${SEND_MAIL}`);
    expect(ctx.$run('status', [], { user: OWNER })).toBe('NOT_REQUIRED');
    expect(ctx.$run('mail', [], { user: OWNER })).toBe('sent');
    expect(fake.mail.sent.map((m) => m.from)).toEqual([OWNER]);
  });

  it('ungrantedScopes stays the choice of every user grants does not name', () => {
    const { ctx } = load({ ungrantedScopes: ['script.send_mail'], grants: { [OWNER]: 'all' } });
    expect(ctx.$run('granted', [], { user: 'cleo@example.com' })).toEqual(SCOPES.filter((s) => s !== SEND_MAIL));
    expect(ctx.$run('granted', [], { user: OWNER })).toEqual(SCOPES);
  });

  it('an account whose email Google does not give has its own grants', () => {
    const { ctx } = load({ grants: { [HIDDEN]: ['spreadsheets'] } });
    expect(ctx.$run('granted', [], { user: HIDDEN })).toEqual([SCOPE('spreadsheets')]);
    expect(ctx.$run('granted', [], { user: OWNER })).toEqual(SCOPES);
  });

  it('someone who has not authorized yet ([]) grants what they tick when Google asks, added to nothing', () => {
    const { fake, ctx } = load({ grants: { [MEMBER]: [] } });
    expect(ctx.$run('granted', [], { user: MEMBER })).toEqual([]);
    fake.authorization.grant(MEMBER, ['spreadsheets', 'userinfo.email']);
    expect(ctx.$run('granted', [], { user: MEMBER })).toEqual([SCOPE('spreadsheets'), SCOPE('userinfo.email')]);
    fake.authorization.grant(MEMBER, 'all');
    expect(ctx.$run('status', [], { user: MEMBER })).toBe('NOT_REQUIRED');
  });
});

describe('a trigger runs with its creator’s grants', () => {
  it('whoever is at the keyboard, and fails once the creator revokes, with a failure summary to them', () => {
    const { fake, ctx } = load({ grants: { [OWNER]: 'all', [MEMBER]: [SCOPE('spreadsheets')] } });
    ctx.$run('turnOn', [], { user: OWNER });
    // The member is the one at the keyboard; the owner's trigger still sends, as the owner.
    fake.session.setUser(MEMBER);
    const first = ctx.$runDays(1);
    expect(first.map((r) => [r.ok, r.result])).toEqual([[true, ['NOT_REQUIRED', 'sent']]]);
    expect(fake.mail.sent.map((m) => m.from)).toEqual([OWNER]);
    expect(fake.failureSummaries()).toEqual([]);

    // The owner removes the script from their Google Account: the trigger still fires, and the
    // call needing a scope throws ("Enum AuthorizationStatus", REQUIRED,
    // https://developers.google.com/apps-script/reference/script/authorization-status).
    fake.authorization.revoke(OWNER);
    const second = ctx.$runDays(1);
    expect(second.map((r) => r.ok)).toEqual([false]);
    expect(second[0].error?.message).toMatch(/^You do not have permission to call MailApp\.sendEmail/);
    expect(fake.mail.sent).toHaveLength(1);
    expect(fake.failureSummaries()).toEqual([
      { to: OWNER, handler: 'daily', at: second[0].at, error: second[0].error?.message },
    ]);

    // Authorized again: the next run sends.
    fake.authorization.grant(OWNER, 'all');
    expect(ctx.$runDays(1).map((r) => r.ok)).toEqual([true]);
    expect(fake.mail.sent).toHaveLength(2);
  });
});
