// Scopes and data flow: the manifest asks for exactly the five scopes Uptake needs; the built
// bundle and pages make no network call (the pages load Google's add-on stylesheet and nothing
// else); and no data leaves the spreadsheet except the emails, each to the owner, a follow-up
// owner named on the roster, or an extra recipient the owner configured. Team members' own
// emails on the roster are identities, never recipients.
import { LOG_HEADERS } from '../../src/core/sheets/log';
import { ROSTER_HEADERS } from '../../src/core/sheets/roster';
import fs from 'node:fs';
import path from 'node:path';
import { BUILD_DIR, readBuilt, ROOT } from '../bundle/support';
import { createFakeGas, type FakeGas } from '../../packages/fake-apps-script';
import { loadUptake } from '../../local/uptake-bundle';
import { D, PAYLOADS, type Cell } from './corpus';
import { OWNER, sheetInputOf } from './support';
import { approveOfferedFollowUps } from '../support/approve';

const SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/script.send_mail',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/userinfo.email',
  'https://www.googleapis.com/auth/forms',
];
const ADDON_STYLESHEET = 'https://ssl.gstatic.com/docs/script/css/add-ons1.css';

describe('the manifest', () => {
  test.each(['appsscript.json', path.join('build', 'appsscript.json')])(
    '%s asks for exactly spreadsheets, script.container.ui, script.send_mail, script.scriptapp and userinfo.email',
    (file) => {
      const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as {
        oauthScopes: string[];
        urlFetchWhitelist?: unknown;
        dependencies?: { enabledAdvancedServices?: unknown[]; libraries?: unknown[] };
      };
      expect([...manifest.oauthScopes].sort()).toEqual([...SCOPES].sort());
      expect(manifest.oauthScopes).toHaveLength(new Set(manifest.oauthScopes).size);
      // No advanced service, library or fetch allow-list: nothing that could reach another API.
      expect(manifest.urlFetchWhitelist).toBeUndefined();
      expect(manifest.dependencies?.enabledAdvancedServices ?? []).toEqual([]);
      expect(manifest.dependencies?.libraries ?? []).toEqual([]);
    },
  );
});

describe('no network calls', () => {
  const NETWORK =
    /\b(UrlFetchApp|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts|fetch\s*\(|GmailApp|DriveApp|DocumentApp|CalendarApp|ContactsApp|Jdbc|ContentService|Maps\.|LanguageApp)/;

  test('build/Code.js uses only spreadsheet, HTML, properties, lock, trigger, mail and session services', () => {
    const code = readBuilt('Code.js');
    expect(code.match(NETWORK)).toBeNull();
    const services = new Set(code.match(/\b[A-Z][A-Za-z]*(?:App|Service)\b|\bSession\b|\bCharts\b/g));
    expect([...services].sort()).toEqual([
      'Charts',
      'FormApp',
      'HtmlService',
      'LockService',
      'MailApp',
      'PropertiesService',
      'ScriptApp',
      'Session',
      'SpreadsheetApp',
    ]);
    // No URL at all in the server code: links in emails are the spreadsheet's own (getUrl).
    expect(code.match(/https?:\/\/[^\s'"`]+/g)).toBeNull();
  });

  const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
  test.each(['sidebar.html', 'logrun.html', 'help.html'])(
    "build/%s loads Google's add-on stylesheet and nothing else",
    (file) => {
      const html = readBuilt(file);
      expect(html.match(NETWORK)).toBeNull();
      // The SVG namespace names a vocabulary for createElementNS; nothing fetches it.
      const urls = (html.match(/https?:\/\/[^\s'"`)<>]+/g) ?? []).filter((url) => url !== SVG_NAMESPACE);
      expect(urls).toEqual([ADDON_STYLESHEET]);
      const loads = [
        ...html.matchAll(
          /<(script|link|img|iframe|source|video|audio|embed|object)\b[^>]*\b(src|href|data)\s*=\s*["']([^"']+)["']/gi,
        ),
      ].map((m) => m[3]);
      expect(loads).toEqual([ADDON_STYLESHEET]);
      expect(html).not.toMatch(/@import|url\(\s*['"]?https?:/i);
      expect(html).not.toMatch(/<form\b[^>]*\baction\s*=/i);
    },
  );
});

describe('who receives email', () => {
  const LEAD = 'lead@example.com';
  const COACH = 'coach@example.com';
  const BOSS = 'boss@example.com';

  /** Ten members over two training waves, every kind of follow-up owner, members' own emails set. */
  function roster(): Cell[][] {
    const rows: Cell[][] = [ROSTER_HEADERS];
    const owners = [LEAD, COACH, '', 'not an email', LEAD.toUpperCase(), PAYLOADS.img];
    for (let i = 0; i < 10; i++) {
      rows.push([
        `Member ${i}`,
        `member${i}@example.com`,
        '',
        D(i < 5 ? '2026-03-02' : '2026-03-16'),
        'Proposal',
        'Proposal',
        i === 9 ? 'Principled resistance' : '',
        'yes',
        owners[i % owners.length],
      ]);
    }
    return rows;
  }
  function log(): Cell[][] {
    const rows: Cell[][] = [LOG_HEADERS];
    for (let day = 0; day < 40; day++) {
      const date = new Date(Date.UTC(2026, 2, 2 + day)).toISOString().slice(0, 10);
      for (let i = 0; i < 10; i += 1 + (day % 3))
        rows.push([
          D(date),
          `member${i}@example.com`,
          day % 4 ? 'Proposal' : 'Report',
          day % 5 ? 'Used as-is' : 'Heavy edit',
          '',
          false,
          '',
        ]);
    }
    return rows;
  }

  function run(settings: Record<string, unknown>, user = OWNER): FakeGas {
    readBuilt('Code.js');
    const gas = createFakeGas({
      now: '2026-03-01T10:00:00Z',
      user,
      valueParsing: 'text',
      mailQuota: 1500,
      activeSpreadsheetInTimeTriggers: true,
      spreadsheet: { sheets: { 'AI usage log': sheetInputOf(log(), 'UTC'), Roster: sheetInputOf(roster(), 'UTC') } },
    });
    const bundle = loadUptake(gas, BUILD_DIR);
    bundle.saveSettings(settings);
    // The owner approves the follow-up pairings the dashboard offers (rules §19: only Approve does).
    approveOfferedFollowUps(bundle);
    bundle.setAutomation(true);
    bundle.$runDays(30);
    bundle.sendDigestNow(true);
    // A set-up problem: its email goes to the owner alone.
    gas.spreadsheet.deleteSheet(gas.sheet('AI usage log') as unknown as GoogleAppsScript.Spreadsheet.Sheet);
    bundle.$runDays(30);
    return gas;
  }

  function recipients(gas: FakeGas): Set<string> {
    return new Set(gas.mail.sent.flatMap((m) => m.recipients.map((r) => r.toLowerCase())));
  }

  test("the owner, the follow-up owners on the roster and the extra recipients; never a member's own email", () => {
    const gas = run({ ownerEmail: OWNER, recipients: [BOSS] });
    expect([...recipients(gas)].sort()).toEqual([BOSS, COACH, LEAD, OWNER].sort());
    expect(
      gas.mail.sent
        .filter((m) => m.subject === 'Uptake: the daily run needs a fix in your spreadsheet')
        .map((m) => m.recipients),
    ).toEqual([[OWNER]]);
    // The extra recipient gets the aggregate digest only: no member named.
    for (const mail of gas.mail.to(BOSS)) {
      expect(mail.subject).toMatch(/^Uptake weekly digest/);
      expect(`${mail.body}${mail.htmlBody}`).not.toMatch(/Member \d|member\d@/);
    }
  });

  test('named digests to extra recipients only when the owner chooses; still nobody else', () => {
    const gas = run({ ownerEmail: OWNER, recipients: [BOSS], namedForRecipients: true });
    expect([...recipients(gas)].sort()).toEqual([BOSS, COACH, LEAD, OWNER].sort());
    expect(gas.mail.to(BOSS).some((m) => /Member \d/.test(m.body))).toBe(true);
  });

  test('with no owner email in Settings, the person who turned automation on is the owner', () => {
    const gas = run({ ownerEmail: '' }, 'founder@example.com');
    expect([...recipients(gas)].sort()).toEqual([COACH, 'founder@example.com', LEAD].sort());
  });

  test('every service call stays in this spreadsheet: no other document is opened', () => {
    const gas = createFakeGas({
      now: '2026-03-01T10:00:00Z',
      user: OWNER,
      valueParsing: 'text',
      spreadsheet: { sheets: { 'AI usage log': sheetInputOf(log(), 'UTC'), Roster: sheetInputOf(roster(), 'UTC') } },
    });
    const opened: string[] = [];
    gas.onCall((call) => {
      if (call.key === 'SpreadsheetApp.openById') opened.push(String(call.args[0]));
    });
    const bundle = loadUptake(gas, BUILD_DIR);
    bundle.saveSettings({ ownerEmail: OWNER });
    bundle.setAutomation(true);
    bundle.$runDays(10);
    bundle.getDashboard({});
    bundle.runAuditToSheet();
    expect(new Set(opened)).toEqual(new Set(opened.length ? [gas.spreadsheet.getId()] : []));
    const services = new Set(Object.keys(gas.calls.methods()).map((k) => k.split('.')[0]));
    for (const service of services)
      expect([
        'SpreadsheetApp',
        'Spreadsheet',
        'Sheet',
        'Range',
        'EmbeddedChartBuilder',
        'EmbeddedChart',
        'Charts',
        'HtmlService',
        'HtmlOutput',
        'PropertiesService',
        'Properties',
        'LockService',
        'Lock',
        'ScriptApp',
        'TriggerBuilder',
        'ClockTriggerBuilder',
        'Trigger',
        'AuthorizationInfo',
        'MailApp',
        'Session',
        'User',
        'Ui',
        'Menu',
        'DataValidationBuilder',
        'DataValidation',
        // The settings copy, kept in this spreadsheet's own metadata.
        'DeveloperMetadata',
        // getUuid, for the sent sheet's key: no document, no scope.
        'Utilities',
      ]).toContain(service);
  });
});
