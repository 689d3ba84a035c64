/**
 * Escaping and injection: team text (names, workflows, outcomes, notes, sheet and spreadsheet
 * names) carrying `<img src=x onerror=alert(1)>`, `</script><script>alert(1)</script>`,
 * `javascript:alert(1)`, `=IMPORTXML("http://x","//a")`, `+1`, `-1`, `@x` and
 * `"quotes" & 'apostrophes'` reaches every place that renders it as text: escaped in HTML,
 * written to sheets as plain text (never a formula, never a number), shown in the sidebar as
 * text nodes. Nothing is lost: the plain-text versions carry the payloads verbatim.
 *
 * Every place that renders team text, found by searching src/ and local/ for innerHTML,
 * insertAdjacentHTML, outerHTML, document.write, htmlBody, setValues, setValue, appendRow,
 * createHtmlOutput, HtmlOutput.append, srcdoc, textContent, alert, toast and template literals
 * building HTML, and how each is covered here:
 *
 * Sheet cells
 *  1. src/gas/audit-sheet.ts writeAuditSheet: setNumberFormats ('@' for every text cell), then
 *     one setValues. "the audit sheet": each payload cell is the same string, format '@', and
 *     the spreadsheet holds no formula.
 *  2. src/gas/sent-sheet.ts appendRecords: setNumberFormat('@'), then setValues (member names,
 *     recipients, notes). "the sent sheet".
 *  3. src/gas/log-run.ts writeEntry ("Log a run", the one write to the team's log): formats
 *     first ('@' for member, workflow, outcome, edit type, notes), then setValues. "Log a run".
 *  4. src/gas/sent-sheet.ts sentSheet and src/gas/setup.ts (headers, validation help texts):
 *     constants only, no team text (read in the sources: SENT_HEADERS, LOG_HEADERS, ROSTER_HEADERS).
 *  5. local/gas-run.ts fillTextSheet (the CSV run's in-memory sheets): setNumberFormat('@') then
 *     setValues. "the CSV run": payloads come back verbatim in the audit.
 * HTML
 *  6. src/core/mail/email.ts renderHtml, the only code that turns text into markup; every block's
 *     text goes through src/core/mail/html.ts escapeHtml; links become hrefs only for https URLs.
 *     src/gas/mail.ts sends it as htmlBody. "emails": the reminders, the named and aggregate
 *     digests and the set-up problem email (payload sheet and spreadsheet names) contain only
 *     Uptake's own tags and attributes, every href is https, and the text body has the payloads.
 *  7. previewDigest (the same renderHtml) shown by src/client/automation.ts in an iframe via
 *     srcdoc with sandbox="" (no scripts, no same origin): "emails" checks the HTML, the static
 *     test checks that srcdoc is set only on that sandboxed frame.
 *  8. src/gas/menu.ts showPage: createHtmlOutputFromFile of the built page, plus
 *     append(`<script>window.UPTAKE_VIEW=${JSON.stringify(view)}</script>`) where view is the
 *     constant 'settings' from the menu entry point, never team text. "menu pages".
 *  9. src/gas/menu.ts showHelp: a static built file. "menu pages".
 * 10. src/client/*: every element built by dom.ts el()/fill() from text nodes, messages set
 *     with textContent. "the sidebar client": no innerHTML, insertAdjacentHTML, outerHTML,
 *     document.write, DOMParser, eval or new Function in src/client or the built pages; no
 *     href or src attribute built from data; and, in Chromium, the built sidebar served by
 *     showDashboard with a payload team shows every payload as text and runs none.
 * 11. local/cli.ts digestPage (out/digest.html): escapeHtml(subject) around renderHtml's body.
 *     local/sidebar-page.ts (out/sidebar.html): the data as scriptSafeJson inside a script.
 *     "the CSV run".
 * Plain text (not HTML, listed for completeness): ui.alert and toast messages (Apps Script
 * shows them as text), email subjects (src/core/mail/email.ts oneLine: one line, at most 160
 * characters), local/report.ts terminal output, local/cli.ts reminders.md (Markdown: bodies
 * fenced; subjects are not, see the report), local/csv.ts audit.csv (RFC 4180 text).
 */
import { LOG_HEADERS } from '../../src/core/sheets/log';
import { ROSTER_HEADERS } from '../../src/core/sheets/roster';
import { auditFile } from '../support/fake-bundle';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { escapeHtml } from '../../src/core/mail/html';
import { runInMemory } from '../../local/gas-run';
import { parseCsv, spreadsheetSafeCell } from '../../local/csv';
import { main } from '../../local/cli';
import { BUILD_DIR, readBuilt, ROOT } from '../bundle/support';
import { createFakeGas, type FakeGas, type SentMail } from '../../packages/fake-apps-script';
import { loadUptake } from '../../local/uptake-bundle';
import { launchChromium } from '../support/chromium';
import { openSidebar } from '../browser/harness';
import { D, PAYLOADS, type Cell } from './corpus';
import { csvOf, OWN_SHEETS, OWNER, sheetInputOf } from './support';
import { snapshot } from '../support/snapshot';
import { untaggedSentValues } from '../automation/support';

const ALL = Object.values(PAYLOADS);
const LEAD = 'lead@example.com';
const BOSS = 'boss@example.com';
const SPREADSHEET_NAME = `Team ${PAYLOADS.img} & "log"`;
/** Roster members, one per payload, each with a workflow named after the next payload. */
const MEMBERS = ALL.map((name, i) => ({ name, email: `m${i}@example.com`, workflow: ALL[(i + 1) % ALL.length] }));

function payloadRoster(): Cell[][] {
  return [
    ROSTER_HEADERS,
    ...MEMBERS.map((m) => [m.name, m.email, PAYLOADS.quotes, D('2026-03-02'), m.workflow, m.workflow, '', 'no', LEAD]),
  ];
}

function payloadLog(): Cell[][] {
  return [
    LOG_HEADERS,
    ...MEMBERS.flatMap((m) => [
      [D('2026-03-03'), m.name, m.workflow, 'Heavy edit', 'tone', false, PAYLOADS.jsLink],
      [D('2026-03-04'), m.name, m.workflow, 'Not used', '', false, PAYLOADS.script],
    ]),
    [D('2026-03-05'), 'Ana', 'Proposal', PAYLOADS.img, '', false, ''],
    [D('2026-03-05'), '<b>nobody</b>', PAYLOADS.formula, 'Used as-is', PAYLOADS.at, false, PAYLOADS.minus],
  ];
}

/** A spreadsheet full of payloads, the bundle loaded, automation on from Sunday 1 March. */
function payloadTeam() {
  readBuilt('Code.js');
  const gas = createFakeGas({
    now: '2026-03-01T10:00:00Z',
    user: OWNER,
    valueParsing: 'text',
    activeSpreadsheetInTimeTriggers: true,
    spreadsheet: {
      name: SPREADSHEET_NAME,
      sheets: { 'AI usage log': sheetInputOf(payloadLog(), 'UTC'), Roster: sheetInputOf(payloadRoster(), 'UTC') },
    },
  });
  const bundle = loadUptake(gas, BUILD_DIR);
  bundle.saveSettings({ ownerEmail: OWNER, recipients: [BOSS] });
  return { gas, bundle };
}

// ---- HTML checks -------------------------------------------------------------------------------

/** The tags and attributes renderHtml writes: anything else in an email came from data. */
const EMAIL_TAGS = new Set(['div', 'p', 'strong', 'h3', 'ul', 'li', 'table', 'tr', 'th', 'td', 'a']);

function tagsOf(html: string): { name: string; attrs: string }[] {
  return [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)].map((m) => ({
    name: m[1].toLowerCase(),
    attrs: m[2],
  }));
}

/** Only Uptake's own markup: allowed tags, style attributes, https hrefs; no other `<` at all. */
function expectOnlyOwnMarkup(html: string, allowed = EMAIL_TAGS) {
  for (const { name, attrs } of tagsOf(html)) {
    expect({ name, allowed: allowed.has(name) }).toEqual({ name, allowed: true });
    const rest = attrs
      .replace(/\s+style="[^"<>]*"/g, '')
      .replace(/\s+href="https:\/\/[^"<>\s]*"/g, '')
      .replace(/\s*\/$/, '');
    expect({ name, attrs: rest.trim() }).toEqual({ name, attrs: '' });
  }
  // Every '<' belongs to a tag counted above: none is loose text from a cell.
  expect((html.match(/</g) ?? []).length).toBe(tagsOf(html).length);
  expect(html).not.toMatch(/href="\s*javascript:/i);
}

function expectSafeEmail(mail: SentMail) {
  expectOnlyOwnMarkup(mail.htmlBody ?? '');
  expect(mail.subject).not.toMatch(/[\r\n]/);
  expect(mail.subject.length).toBeLessThanOrEqual(160);
}

describe('emails', () => {
  let gas: FakeGas;
  let mails: SentMail[];
  beforeAll(() => {
    let bundle;
    ({ gas, bundle } = payloadTeam());
    bundle.setAutomation(true);
    bundle.$runDays(8); // the Monday 2 and 9 March digests, the day-seven follow-ups of 9 March
    mails = gas.mail.sent;
  });

  test('reminders name every member escaped in the HTML and verbatim in the text', () => {
    const followUps = mails.filter((m) => m.subject.startsWith('Uptake: Day-seven follow-up'));
    expect(followUps.length).toBeGreaterThan(0);
    const text = followUps.map((m) => m.body).join('\n');
    const html = followUps.map((m) => m.htmlBody).join('\n');
    for (const payload of ALL) {
      expect(text).toContain(payload);
      expect(html).toContain(escapeHtml(payload));
    }
    followUps.forEach(expectSafeEmail);
  });

  test('the named digest names them escaped; the aggregate digest names nobody', () => {
    const named = mails.filter((m) => m.subject.startsWith('Uptake weekly digest') && m.recipients.includes(OWNER));
    const aggregate = mails.filter((m) => m.subject.startsWith('Uptake weekly digest') && m.recipients.includes(BOSS));
    expect([named.length, aggregate.length]).toEqual([2, 2]);
    const html = named.map((m) => m.htmlBody).join('\n');
    for (const payload of [PAYLOADS.img, PAYLOADS.script, PAYLOADS.quotes]) expect(html).toContain(escapeHtml(payload));
    for (const m of aggregate)
      for (const payload of ALL.filter((p) => p.length > 2)) expect(`${m.body}${m.htmlBody}`).not.toContain(payload);
    [...named, ...aggregate].forEach(expectSafeEmail);
  });

  test("every email: only Uptake's markup, https links, one-line subjects", () => {
    expect(mails.length).toBeGreaterThanOrEqual(5);
    mails.forEach(expectSafeEmail);
  });

  test('the set-up problem email quotes a payload sheet name and spreadsheet name escaped', () => {
    const { gas: g, bundle } = payloadTeam();
    g.user.renameSheet('AI usage log', PAYLOADS.script);
    bundle.saveSettings({ logSheet: PAYLOADS.script });
    bundle.setAutomation(true);
    g.user.renameSheet(PAYLOADS.script, 'renamed');
    bundle.$runDays(1);
    const [problem] = g.mail.sent.filter((m) => m.subject === 'Uptake: the daily run needs a fix in your spreadsheet');
    expect(problem.body).toContain(`The log sheet "${PAYLOADS.script}" chosen in Settings no longer exists.`);
    expect(problem.body).toContain(SPREADSHEET_NAME);
    expect(problem.htmlBody).toContain(escapeHtml(PAYLOADS.script));
    expect(problem.htmlBody).toContain(escapeHtml(SPREADSHEET_NAME));
    expectSafeEmail(problem);
  });

  test('the digest preview the sidebar shows is the same safe HTML', () => {
    const { gas: g, bundle } = payloadTeam();
    // A week after training, so the payload members are in the digest's follow-up list.
    g.clock.set(new Date('2026-03-10T10:00:00Z'));
    const preview = bundle.$runFromClient('previewDigest');
    expectOnlyOwnMarkup(preview.html);
    expect(preview.html).toContain(escapeHtml(PAYLOADS.img));
  });
});

describe('sheets', () => {
  test('the audit sheet: every payload is the same string, formatted as text; no formula, no number made from text', () => {
    const { gas, bundle } = payloadTeam();
    gas.clock.set('2026-03-08T12:00:00Z'); // the audit sheet is as of today: the week of the runs
    const before = snapshot(gas, { except: OWN_SHEETS });
    bundle.runAuditToSheet();
    expect(snapshot(gas, { except: OWN_SHEETS })).toEqual(before);
    const sheet = gas.sheet('Adoption audit', auditFile(gas));
    const values = gas.sheetValues('Adoption audit', auditFile(gas));
    const formats = sheet.getRange(1, 1, values.length, values[0].length).getNumberFormats();
    for (const payload of [...ALL, '<b>nobody</b>']) {
      const cells = values
        .flatMap((row, r) => row.map((value, c) => ({ value, r, c })))
        .filter((x) => x.value === payload);
      expect({ payload, found: cells.length > 0 }).toEqual({ payload, found: true });
      for (const { r, c } of cells) expect({ payload, format: formats[r][c] }).toEqual({ payload, format: '@' });
    }
    // "+1" and "-1" stay text: no cell holds the numbers 1 or -1 where a workflow name is.
    const workflows = values.findIndex((row) => row[0] === 'Workflow' && row[1] === 'Runs');
    const workflowNames = values
      .slice(workflows + 1)
      .map((row) => row[0])
      .filter((v) => v !== '');
    expect(workflowNames).toEqual(
      expect.arrayContaining([PAYLOADS.plus, PAYLOADS.minus, PAYLOADS.formula, PAYLOADS.at]),
    );
    expect(workflowNames.every((name) => typeof name === 'string')).toBe(true);
    expect(gas.inspect.formulaCells()).toEqual([]);
  });

  test('the sent sheet: member names written as text, as tags the owner’s key reads back as the same text', () => {
    const { gas, bundle } = payloadTeam();
    bundle.setAutomation(true);
    bundle.$runDays(8);
    const values = gas.sheetValues('Uptake sent');
    // The sheet names no one (rules §19): only tags stand for the members.
    expect(ALL.filter((payload) => values.flat().includes(payload))).toEqual([]);
    const names = untaggedSentValues(gas)
      .slice(1)
      .map((row) => row[1])
      .filter((v) => v !== '');
    expect(names).toEqual(expect.arrayContaining(ALL));
    const formats = gas
      .sheet('Uptake sent')
      .getRange(2, 1, values.length - 1, values[0].length)
      .getNumberFormats();
    expect(formats.flat().every((f) => f === '@')).toBe(true);
    expect(gas.inspect.formulaCells()).toEqual([]);
  });

  test('"Log a run": payloads in member, workflow and notes land as the same text, in plain-text cells, and nothing else changes', () => {
    const { gas, bundle } = payloadTeam();
    const log = gas.sheet('AI usage log');
    const rows = gas.sheetValues('AI usage log').length;
    const before = JSON.stringify(gas.sheetValues('AI usage log'));
    for (const [i, payload] of ALL.entries()) {
      const result = bundle.$runFromClient('logRun', {
        date: '2026-03-01',
        member: payload,
        workflow: ALL[(i + 3) % ALL.length],
        outcome: 'Light edit',
        editTypes: ['tone'],
        prompted: false,
        notes: payload,
      });
      expect(result.row).toBe(rows + 1 + i);
    }
    const after = gas.sheetValues('AI usage log');
    expect(JSON.stringify(after.slice(0, rows))).toBe(before);
    ALL.forEach((payload, i) => {
      const row = after[rows + i];
      expect([row[1], row[2], row[6]]).toEqual([payload, ALL[(i + 3) % ALL.length], payload]);
      const formats = log.getRange(rows + 1 + i, 1, 1, 7).getNumberFormats()[0];
      expect([formats[1], formats[2], formats[6]]).toEqual(['@', '@', '@']);
    });
    expect(gas.inspect.formulaCells()).toEqual([]);
  });
});

describe("the sidebar's data", () => {
  test('getDashboard carries the payloads verbatim for the client to show as text', () => {
    const { bundle } = payloadTeam();
    const data = bundle.$runFromClient('getDashboard', { asOf: '2026-03-08' });
    const names = data.audit!.members.map((m) => m.member);
    expect(names).toEqual(expect.arrayContaining([...ALL, '<b>nobody</b>']));
    expect(data.audit!.skippedRows).toEqual([
      { row: 18, reason: `The outcome "${PAYLOADS.img}" is not one of: used as-is, light edit, heavy edit, not used` },
    ]);
  });
});

describe('menu pages', () => {
  test('the only thing appended to a built page is the constant view name', () => {
    const { gas, bundle } = payloadTeam();
    const built = readBuilt('sidebar.html');
    bundle.showSettings();
    expect(gas.ui.lastShown()?.content).toBe(`${built}<script>window.UPTAKE_VIEW="settings"</script>`);
    bundle.showDashboard();
    expect(gas.ui.lastShown()?.content).toBe(built);
    bundle.showHelp();
    expect(gas.ui.lastShown()?.content).toBe(readBuilt('help.html'));
  });
});

describe('the sidebar client', () => {
  const clientDir = path.join(ROOT, 'src', 'client');
  const sources = fs.readdirSync(clientDir).filter((f) => /\.(ts|html)$/.test(f));
  const HTML_SINKS =
    /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment|eval\s*\(|new Function\b|setHTMLUnsafe|parseHTMLUnsafe)/;

  test.each(sources)('src/client/%s builds no markup from strings', (file) => {
    const text = fs.readFileSync(path.join(clientDir, file), 'utf8');
    expect(text.match(HTML_SINKS)).toBeNull();
    // No href or src attribute from data: links and images would be the way to run javascript:.
    expect(text.match(/\b(href|src|action|formaction)\s*:/)).toBeNull();
  });

  test.each(['sidebar.html', 'logrun.html', 'help.html'])(
    'build/%s (the served page, scripts inlined) builds no markup from strings',
    (file) => {
      const text = readBuilt(file);
      expect(text.match(HTML_SINKS)).toBeNull();
    },
  );

  test('srcdoc is set only on the digest preview frame, which is sandboxed without scripts', () => {
    const uses = sources.flatMap((file) =>
      (fs.readFileSync(path.join(clientDir, file), 'utf8').match(/.*srcdoc.*/g) ?? []).map(
        (line) => `${file}: ${line.trim()}`,
      ),
    );
    expect(uses.filter((line) => !line.includes('//'))).toEqual([
      'automation.ts: frame.srcdoc = preview.html;',
      // el() refuses handler, URL and document attributes given as strings.
      'dom.ts: } else if (/^on/i.test(name) || /^(href|src|srcdoc|formaction|action)$/i.test(name)) {',
    ]);
    const automation = fs.readFileSync(path.join(clientDir, 'automation.ts'), 'utf8');
    expect(automation).toMatch(/const frame = el\('iframe', \{[\s\S]{0,200}?\bsandbox: '',/);
    expect(automation).not.toMatch(/allow-scripts|allow-same-origin/);
  });

  test('in Chromium, the built sidebar shows every payload as text and runs none of them', async () => {
    const { gas, bundle } = payloadTeam();
    bundle.setAutomation(true);
    bundle.$runDays(8);
    const context = await launchChromium();
    try {
      const { page, dialogs, blocked, html } = await openSidebar(context, gas, bundle, 'showDashboard');
      await page.waitForFunction(() => document.body.textContent!.includes('<b>nobody</b>'), null, { timeout: 20_000 });
      // Open every collapsed section, then the digest preview.
      await page.evaluate(() =>
        document.querySelectorAll('details').forEach((d) => ((d as HTMLDetailsElement).open = true)),
      );
      await page.click('#preview-digest');
      await page.waitForSelector('iframe.preview-frame', { timeout: 20_000 });
      const text = await page.evaluate(() => document.body.textContent ?? '');
      for (const payload of [...ALL, '<b>nobody</b>']) expect(text).toContain(payload);
      // Nothing ran, nothing was built from the payloads: no alert, no injected element.
      expect(dialogs).toEqual([]);
      expect(
        await page.evaluate(() => document.querySelectorAll('img, [onerror], a[href^="javascript:"]').length),
      ).toBe(0);
      expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(
        (html.match(/<script\b/gi) ?? []).length,
      );
      const frame = page.frames().find((f) => f !== page.mainFrame());
      expect(await page.getAttribute('iframe.preview-frame', 'sandbox')).toBe('');
      expect(frame).toBeDefined();
      // Only Google's stylesheet was asked for, and refused here.
      expect([...new Set(blocked)]).toEqual(['https://ssl.gstatic.com/docs/script/css/add-ons1.css']);
    } finally {
      await context.close();
    }
  });
});

describe('the CSV run', () => {
  test("payloads come back verbatim in the audit; digest.html has only Uptake's markup; sidebar.html's data cannot close its script", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uptake-escaping-csv-'));
    try {
      fs.writeFileSync(path.join(dir, 'log.csv'), csvOf(payloadLog()));
      fs.writeFileSync(path.join(dir, 'roster.csv'), csvOf(payloadRoster()));
      const out: string[] = [];
      const status = main(
        ['--log', 'log.csv', '--roster', 'roster.csv', '--as-of', '2026-03-08', '--locale', 'en_GB', '--out', 'out'],
        { UPTAKE_ROOT: ROOT, INIT_CWD: dir },
        {
          stdout: (t) => out.push(t),
          stderr: (t) => out.push(t),
        },
      );
      expect([status, out.join('').match(/\n\s+at\s/)]).toEqual([0, null]);
      const digest = fs.readFileSync(path.join(dir, 'out', 'digest.html'), 'utf8');
      const body = /<body>\n([\s\S]*)\n<\/body>/.exec(digest)![1];
      expectOnlyOwnMarkup(body);
      expect(digest).toContain(escapeHtml(PAYLOADS.img));
      const title = /<title>(.*)<\/title>/.exec(digest)![1];
      expect(title).not.toMatch(/[<>]/);
      const sidebar = fs.readFileSync(path.join(dir, 'out', 'sidebar.html'), 'utf8');
      const scripts = (html: string) => (html.match(/<script\b/gi) ?? []).length;
      expect(scripts(sidebar)).toBe(scripts(readBuilt('sidebar.html')) + 1);
      expect((sidebar.match(/<\/script/gi) ?? []).length).toBe(scripts(sidebar));
      const auditCsv = parseCsv(fs.readFileSync(path.join(dir, 'out', 'audit.csv'), 'utf8'));
      // Formula-like text is kept as text for a spreadsheet opening the file: a leading apostrophe.
      expect(auditCsv.flat()).toEqual(expect.arrayContaining([...ALL, '<b>nobody</b>'].map(spreadsheetSafeCell)));
      expect(auditCsv.flat()).toContain(`'=IMPORTXML("http://x","//a")`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('runInMemory keeps cells that start with = + - @ as text', () => {
    const result = runInMemory(
      { log: parseCsv(csvOf(payloadLog())), roster: null, logSource: 'log.csv', rosterSource: null },
      {
        buildDir: BUILD_DIR,
        asOf: '2026-03-08',
        weeks: 1,
        locale: 'en_GB',
        timeZone: 'UTC',
        owner: OWNER,
        days: 0,
        sidebarWeeks: [],
        nowMs: Date.parse('2026-03-08T12:00:00Z'),
        progress: () => undefined,
      },
    );
    expect(result.audit.members.map((m) => m.member)).toEqual(expect.arrayContaining(ALL));
    expect(result.audit.workflows.map((w) => w.workflow)).toEqual(
      expect.arrayContaining([PAYLOADS.plus, PAYLOADS.minus, PAYLOADS.formula, PAYLOADS.at]),
    );
  });
});
