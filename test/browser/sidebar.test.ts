// The sidebar and "Log a run" as a user sees them: the BUILT pages in Chromium at 300 px,
// google.script.run answered by the BUILT bundle in the in-memory Apps Script.
import type { Locator, Page } from 'playwright-core';
import type { Audit } from '../../src/core/audit/audit-types';
import type { DashboardData, DigestPreview, LogRunResult } from '../../src/shared/api';
import { plus } from '../support/sheets';
import { auditOf } from '../support/dashboard';
import { exampleTeam, openExampleDashboard, openSidebar, screenshot, type SidebarPage } from './harness';
import { chromiumForSuite, SIDEBAR_WIDTH } from '../support/chromium';
import { HTML_NAME, HTML_OUTCOME, LOG_SHEET, OWNER, TEAM_RUNS, TODAY } from './team';
import { until } from '../support/until';

jest.setTimeout(60_000);

const chromium = chromiumForSuite();

const SETTINGS_KEY = 'uptake.settings';
/** Log rows: header in row 1, the runs, then the four rows the audit skips. */
const FIRST_SKIPPED_ROW = TEAM_RUNS.length + 2;

function pct(rate: number | null): string {
  return rate === null ? '–' : `${Math.round(rate * 100)}%`;
}

async function texts(locator: Locator): Promise<string[]> {
  return (await locator.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** Waits until `condition` holds (the page answers asynchronously). */
/** The last call of `fn` once there have been `count` calls, which must have succeeded. */
async function lastCall<T>(s: SidebarPage, fn: string, count = 1): Promise<{ args: unknown[]; value: T }> {
  await until(`${count} call(s) of ${fn}`, () => s.calls.filter((c) => c.fn === fn).length >= count);
  const call = s.calls.filter((c) => c.fn === fn).pop()!;
  expect([fn, call.ok, call.failure, call.thrown]).toEqual([fn, true, undefined, undefined]);
  return { args: call.args, value: call.value as T };
}

/** The failed calls of `fn`, once there are `count` of them. */
async function failures(s: SidebarPage, fn: string, count: number) {
  await until(`${count} failed call(s) of ${fn}`, () => s.calls.filter((c) => c.fn === fn && !c.ok).length >= count);
  return s.calls.filter((c) => c.fn === fn && !c.ok);
}

async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.getElementById('app')?.hasAttribute('aria-busy'));
}

/** Nothing the page did went wrong, and no cell text ran as HTML. */
async function expectClean(s: SidebarPage): Promise<void> {
  expect(s.dialogs).toEqual([]);
  expect(s.pageErrors).toEqual([]);
  expect(await s.page.locator('img, iframe:not([sandbox=""])').count()).toBe(0);
  // Everything asked of the network was refused (Google's stylesheet), and the page still works.
  expect(s.blocked.every((url) => url.startsWith('https://ssl.gstatic.com/'))).toBe(true);
  const width = await s.page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(SIDEBAR_WIDTH);
}

async function openDashboard() {
  const opened = await openExampleDashboard(chromium());
  const { args, value } = await lastCall<DashboardData>(opened.s, 'getDashboard');
  await idle(opened.page);
  return { ...opened, data: value, args };
}

describe('dashboard', () => {
  test('shows the audit the bundle made: headline, figures, categories, members, causes, skipped rows, timeline', async () => {
    const { bundle, s, page, data, args } = await openDashboard();
    expect(args).toEqual([{ asOf: null, weeks: null }]);
    // The page shows what the bundle computes for the same request.
    const expected = bundle.getDashboard({ asOf: null, weeks: null });
    const audit = auditOf(expected);
    expect(data).toEqual(expected);
    expect(audit.asOf).toBe(TODAY);

    await expect(page.locator('#headline').innerText()).resolves.toBe(audit.headline);
    expect(await page.locator('#as-of').inputValue()).toBe(TODAY);
    expect(await page.locator('#weeks').inputValue()).toBe('1');

    const team = audit.team;
    expect(await texts(page.locator('#stats dd'))).toEqual([
      pct(team.adoptionRate),
      pct(team.trainingCompletionRate),
      team.gap === null ? '–' : `${Math.round(team.gap * 100)} pts`,
    ]);
    // The example team: a real gap between training and adoption.
    expect(team.gap).toBeGreaterThan(0.5);

    const categories = await page
      .locator('#categories li')
      .evaluateAll((items) => items.map((li) => Array.from(li.children, (c) => (c as HTMLElement).innerText.trim())));
    const nameOf = (m: Audit['members'][number]) =>
      m.status === 'principled-resistance' ? `${m.member} (principled resistance)` : m.member;
    expect(categories).toEqual(
      (['Genuine adopter', 'Developing user', 'Non-adopter'] as const).map((category) => {
        const names = audit.members.filter((m) => m.inScope && m.category === category).map(nameOf);
        return [String(team.categories[category]), category, names.length ? names.join(', ') : 'nobody'];
      }),
    );
    expect(categories[0][2]).toContain('Ana Lima');
    expect(categories[2][2]).toContain('Farid Haddad');

    // One row per member: name, uses a week, category, acceptance ("–" without runs, never 0%).
    // textContent: what a screen reader reads, the follow-up flag's hidden words included.
    const rows = await page
      .locator('#members tbody tr.member-row')
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.children, (c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())),
      );
    expect(rows).toEqual(
      audit.members.map((m) => [
        m.followUp.length ? `${m.member}, needs a follow-up ⚑` : m.member,
        String(Math.round(m.usesPerWeek * 10) / 10),
        m.category,
        pct(m.acceptanceRate),
      ]),
    );
    expect(rows.find((r) => r[0].includes('Farid Haddad'))?.[3]).toBe('–');

    // A member's details open from the keyboard.
    const ana = audit.members.find((m) => m.member === 'Ana Lima')!;
    const toggle = page.getByRole('button', { name: 'Ana Lima' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    const details = page.locator(`#${await toggle.getAttribute('aria-controls')}`);
    expect(await details.isVisible()).toBe(true);
    const detailText = await details.innerText();
    expect(detailText).toContain(`${ana.daysToFirstRun} days`);
    expect(detailText).toContain(ana.sixWeek.label);
    expect(detailText).toMatch(new RegExp(`Workflows, 90 days\\s+${ana.workflows90d}`));

    expect(await texts(page.locator('#workflows-below li strong'))).toEqual(
      audit.workflows.filter((w) => w.belowTarget).map((w) => w.workflow),
    );
    expect(await texts(page.locator('#edit-types td.num'))).toEqual(
      ['tone', 'scope', 'format', 'missing info', 'wrong info'].map((t) =>
        String(team.editTypes[t as keyof typeof team.editTypes]),
      ),
    );

    const findings = page.locator('#findings > li');
    expect(await findings.count()).toBe(audit.diagnosis.length);
    expect(audit.diagnosis.length).toBeGreaterThan(2);
    for (const [i, f] of audit.diagnosis.entries()) {
      const text = await findings.nth(i).innerText();
      expect(text).toContain(f.cause);
      expect(text).toContain(`Next step: ${f.step}`);
      for (const line of f.evidence) expect(text).toContain(line);
    }

    // Skipped rows with their row numbers and reasons.
    expect(audit.skippedRows.map((r) => r.row)).toEqual([0, 1, 2, 3].map((i) => FIRST_SKIPPED_ROW + i));
    expect(await texts(page.locator('#skipped-rows button'))).toEqual(audit.skippedRows.map((r) => `Row ${r.row}`));
    expect(await texts(page.locator('#skipped-rows .reason'))).toEqual(
      audit.skippedRows.map((r) => r.reason.replace(/\s+/g, ' ').trim()),
    );

    expect(await page.locator('#timeline').innerText()).toContain(
      `${expected.timeline[0].member} (day ${expected.timeline[0].day})`,
    );
    for (const row of expected.timeline) expect(await page.locator('#timeline').innerText()).toContain(row.member);

    // Cell text that looks like HTML is shown as the characters typed, and runs nothing.
    await expect(page.getByText(HTML_NAME, { exact: true }).first().isVisible()).resolves.toBe(true);
    expect(await page.locator('#skipped-rows').innerText()).toContain(HTML_OUTCOME);

    await expectClean(s);
    await toggle.click(); // closed again for the screenshot
    await screenshot(page, 'dashboard.png');
  });

  test('every control has a name, and tabbing starts at the views', async () => {
    const { page, s } = await openDashboard();
    const unnamed = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('button, input, select, textarea'))
        .filter((c) => !c.closest('[hidden]'))
        .filter((c) => {
          const labelled =
            (c as HTMLInputElement).labels?.length || c.getAttribute('aria-label') || c.getAttribute('aria-labelledby');
          return !(c instanceof HTMLButtonElement ? c.innerText.trim() : labelled);
        })
        .map((c) => c.outerHTML.slice(0, 80)),
    );
    expect(unnamed).toEqual([]);
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-dashboard');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-settings');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('as-of');
    await expectClean(s);
  });

  test('previous and next week move the as-of date by seven days and reload the data', async () => {
    const { bundle, s, page } = await openDashboard();
    const first = await page.locator('#headline').innerText();
    expect(await page.locator('#next-week').isDisabled()).toBe(true); // no weeks after today

    const release = s.hold();
    await page.locator('#prev-week').click();
    // While the call is out: "Loading…", and the controls that call the server are disabled.
    await expect(page.locator('#status').innerText()).resolves.toBe('Loading…');
    expect(await page.locator('#prev-week').isDisabled()).toBe(true);
    expect(await page.locator('#weeks').isDisabled()).toBe(true);
    release();
    const lastWeek = plus(TODAY, -7);
    const { args, value } = await lastCall<DashboardData>(s, 'getDashboard', 2);
    expect(args).toEqual([{ asOf: lastWeek, weeks: 1 }]);
    await idle(page);
    const expected = auditOf(bundle.getDashboard({ asOf: lastWeek, weeks: 1 }));
    expect(value.audit).toEqual(expected);
    expect(await page.locator('#as-of').inputValue()).toBe(lastWeek);
    expect(await page.locator('#headline').innerText()).toBe(expected.headline);
    expect(expected.headline).not.toBe(first);
    expect(await page.locator('#status').innerText()).toBe('');
    expect(await page.locator('#next-week').isDisabled()).toBe(false);
    // The button was disabled while loading; keyboard focus is back on it.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('prev-week');

    await page.locator('#next-week').click();
    await lastCall(s, 'getDashboard', 3);
    await idle(page);
    expect(await page.locator('#as-of').inputValue()).toBe(TODAY);
    expect(await page.locator('#headline').innerText()).toBe(first);

    await page.locator('#weeks').selectOption('4');
    const four = await lastCall<DashboardData>(s, 'getDashboard', 4);
    expect(four.args).toEqual([{ asOf: TODAY, weeks: 4 }]);
    await idle(page);
    expect(await page.locator('#headline').innerText()).toBe(four.value.audit!.headline);
    expect(four.value.audit!.headline).toContain('in the last 4 weeks');
    await expectClean(s);
  });

  test('a skipped row, clicked, is selected in the log', async () => {
    const { gas, s, page } = await openDashboard();
    const row = FIRST_SKIPPED_ROW + 1;
    await page.getByRole('button', { name: `Row ${row}`, exact: true }).click();
    const call = await lastCall(s, 'selectLogRow');
    expect(call.args).toEqual([row]);
    expect(gas.inspect.selection()).toEqual({ sheet: LOG_SHEET, a1: `A${row}:G${row}` });
    await idle(page);
    await expectClean(s);
  });

  test('a skipped row of a form answers sheet (a log over several sheets) is named by its sheet and selected there', async () => {
    const { gas, bundle } = exampleTeam();
    const answers = 'Form Responses 1';
    gas.addSheet(answers, [
      ['Timestamp', 'Team member', 'Workflow', 'Outcome'],
      [new Date(`${TODAY}T09:30:00Z`), 'Ana', 'Proposal', 'Maybe'],
    ]);
    const s = await openSidebar(chromium(), gas, bundle, 'showDashboard');
    await lastCall<DashboardData>(s, 'getDashboard');
    await idle(s.page);
    await s.page.getByRole('button', { name: `${answers} row 2`, exact: true }).click();
    const call = await lastCall(s, 'selectLogRow');
    expect(call.args).toEqual([2, answers]);
    expect(gas.inspect.selection()).toEqual({ sheet: answers, a1: 'A2:D2' });
    await idle(s.page);
    await expectClean(s);
  });

  test('automation: the switch, preview (sandboxed) and send now', async () => {
    const { gas, s, page } = await openDashboard();
    expect(await page.locator('#automation-on').isChecked()).toBe(false);
    await page.getByLabel('Daily reminders and weekly digest').check();
    const on = await lastCall<DashboardData['automation']>(s, 'setAutomation');
    expect(on.args).toEqual([true]);
    expect(on.value.on).toBe(true);
    expect(gas.triggers.list().filter((t) => t.handler === 'runDaily')).toHaveLength(1);
    await idle(page);
    expect(await page.locator('#automation-status').innerText()).toContain('On: runs daily at 08:00');

    await page.getByRole('button', { name: 'Preview digest' }).click();
    const preview = await lastCall<DigestPreview>(s, 'previewDigest');
    await idle(page);
    expect(await page.locator('#preview-subject').innerText()).toBe(preview.value.subject);
    const frame = page.locator('#preview iframe');
    expect(await frame.getAttribute('sandbox')).toBe('');
    expect(await frame.getAttribute('srcdoc')).toBe(preview.value.html);
    const firstLine = preview.value.text.split('\n')[0];
    expect(firstLine.length).toBeGreaterThan(10);
    expect(await page.frameLocator('#preview iframe').locator('body').innerText()).toContain(firstLine);
    await page.getByRole('button', { name: 'Plain text' }).click();
    expect(await page.locator('#preview pre').textContent()).toBe(preview.value.text);
    expect(await frame.isHidden()).toBe(true);

    const mailsBefore = gas.mail.sent.length;
    await page.getByRole('button', { name: 'Send digest now' }).click();
    const sent = await lastCall<string>(s, 'sendDigestNow');
    expect(sent.args).toEqual([true]);
    await lastCall(s, 'getAutomationStatus');
    await idle(page);
    expect(gas.mail.sent.length).toBe(mailsBefore + 1);
    expect(gas.mail.sent[mailsBefore].recipients).toContain(OWNER);
    expect(await page.locator('#automation-message').innerText()).toBe(sent.value);

    await page.getByLabel('Daily reminders and weekly digest').uncheck();
    const off = await lastCall<DashboardData['automation']>(s, 'setAutomation', 2);
    expect(off.args).toEqual([false]);
    expect(gas.triggers.list().filter((t) => t.handler === 'runDaily')).toHaveLength(0);
    await expectClean(s);
  });

  test('a set-up problem is shown with what to do, and leads to Settings', async () => {
    const { gas, bundle } = exampleTeam({ Notes: [['Anything'], ['else']] });
    const s = await openSidebar(chromium(), gas, bundle, 'showDashboard');
    const { value } = await lastCall<DashboardData>(s, 'getDashboard');
    await idle(s.page);
    expect(value.problem).not.toBeNull();
    expect(await s.page.locator('#problem').innerText()).toContain(value.problem!.message);
    await s.page.getByRole('button', { name: 'Choose the sheets in Settings' }).click();
    expect(await s.page.locator('#view-settings').isVisible()).toBe(true);
    expect(await texts(s.page.locator('#set-logSheet option'))).toEqual(['Automatic (by headers)', 'Notes']);
    await expectClean(s);
  });
});

describe('settings', () => {
  /** The example team with the sidebar opened on Settings, once its dashboard data has arrived. */
  async function openSettings() {
    const { gas, bundle } = exampleTeam();
    const s = await openSidebar(chromium(), gas, bundle, 'showSettings');
    await lastCall(s, 'getDashboard');
    await idle(s.page);
    return { gas, s, page: s.page };
  }

  test('opens on Settings when the server asks, saves a change, and shows the error of a bad field', async () => {
    const { gas, s, page } = await openSettings();
    expect(await page.locator('#view-settings').isVisible()).toBe(true);
    expect(await page.locator('#view-dashboard').isHidden()).toBe(true);
    const stored = () =>
      JSON.parse(gas.properties.forDocument(gas.spreadsheet.getId()).getProperty(SETTINGS_KEY) ?? '{}');

    const target = page.getByLabel('Acceptance target (%)');
    expect(await target.inputValue()).toBe('70');
    expect(await texts(page.locator('#set-logSheet option'))).toEqual([
      'Automatic (AI usage log)',
      'AI usage log',
      'Roster',
    ]);
    await target.fill('80');
    await page.getByRole('button', { name: 'Save' }).click();
    const saved = await lastCall<{ acceptanceTarget: number }>(s, 'saveSettings');
    expect(saved.value.acceptanceTarget).toBe(0.8);
    await lastCall(s, 'getDashboard', 2); // the dashboard reloads with the new target
    await idle(page);
    expect(await page.locator('#settings-saved').innerText()).toBe('Saved.');
    expect(stored().acceptanceTarget).toBe(0.8);
    expect(await target.inputValue()).toBe('80');

    // A bad value: the server's message, next to the field it names; nothing stored.
    await page.getByLabel('Owner email').fill('not-an-email');
    await page.getByRole('button', { name: 'Save' }).click();
    const [failed] = await failures(s, 'saveSettings', 1);
    await idle(page);
    // The server names the field in data, in its ServerReply (src/shared/failure.ts), and throws
    // nothing; the page shows the words and marks that field.
    expect(failed.thrown).toBeUndefined();
    const refused = failed.failure!;
    expect(refused.field).toBe('ownerEmail');
    expect(refused.message).toContain('not-an-email');
    expect(await page.locator('#settings-error').innerText()).toBe(refused.message);
    expect(await page.getByLabel('Owner email').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#error-ownerEmail').innerText()).toBe(refused.message);
    // The bad address is not stored: the owner stays whoever saved Settings first (rules §19).
    expect(stored().ownerEmail).toBe(OWNER);

    await page.getByLabel('Owner email').fill('');
    await target.fill('150');
    await page.getByRole('button', { name: 'Save' }).click();
    const second = (await failures(s, 'saveSettings', 2))[1].failure!;
    await idle(page);
    expect(second).toEqual({ field: 'acceptanceTarget', message: 'The acceptance target must be from 0% to 100%.' });
    expect(await page.locator('#error-acceptanceTarget').innerText()).toBe(second.message);
    expect(await target.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Owner email').getAttribute('aria-invalid')).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('set-acceptanceTarget');
    expect(stored().acceptanceTarget).toBe(0.8);
    // Never a stack trace.
    expect(await page.locator('#settings-error').innerText()).not.toMatch(/\n\s+at |Error:/);
    await expectClean(s);
    await screenshot(page, 'settings.png');
  });

  // A failure that comes through google.script.run's failure handler, not as a ServerReply: here a
  // fault in Uptake, which the server throws so that the execution is recorded as Failed
  // (src/gas/sidebar-call.ts); Google's timeouts and authorization errors take the same path.
  test('a failure through the failure handler shows plain words and marks no field', async () => {
    const { gas, s, page } = await openSettings();
    // Every service call fails as a bug would, but console.error, which logs it.
    const stop = gas.onCall((call) => {
      if (call.service !== 'console') throw new TypeError("Cannot read properties of undefined (reading 'trim')");
    });
    await page.getByLabel('Acceptance target').fill('80');
    await page.getByRole('button', { name: 'Save' }).click();
    const [failed] = await failures(s, 'saveSettings', 1);
    stop();
    await idle(page);
    expect(failed.failure).toBeUndefined();
    expect(failed.thrown).toMatch(
      /^Uptake could not save the settings because of a fault in Uptake itself \(.*\)\. Reload the sidebar and try again; if it happens again, report this message\.$/,
    );
    expect(gas.executions.filter((e) => e.name === 'saveSettings').map((e) => e.error !== undefined)).toEqual([true]);
    expect(await page.locator('#settings-error').innerText()).toBe(failed.thrown);
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
    await expectClean(s);
  });
});

describe('log a run', () => {
  test('fills in, logs one row, and is ready for the next run', async () => {
    const { gas, bundle } = exampleTeam();
    const s = await openSidebar(chromium(), gas, bundle, 'showLogForm');
    const page = s.page;
    const form = await lastCall<{ today: string; workflows: string[] }>(s, 'getLogForm');
    await idle(page);
    expect(await page.getByLabel('Date').inputValue()).toBe(TODAY);
    expect(await texts(page.locator('#workflow-picks button'))).toEqual(form.value.workflows.slice(0, 6));
    const rowsBefore = gas.sheetValues(LOG_SHEET).length;

    await page.getByLabel('Team member').fill('Dev Patel');
    await page.getByLabel('Workflow', { exact: true }).fill('Ticket reply');
    expect(await page.locator('#edit-types-group').isHidden()).toBe(true);
    await page.getByLabel('Light edit').check();
    expect(await page.locator('#edit-types-group').isVisible()).toBe(true);
    await page.getByLabel('tone').check();
    await page.getByLabel('format').check();
    await page.getByLabel('Someone prompted me to use it').check();
    // A note that looks like a formula stays text.
    await page.getByLabel('Notes').fill('=1+1 <b>as typed</b>');
    await page.getByLabel('Notes').press('Enter');

    const logged = await lastCall<LogRunResult>(s, 'logRun');
    expect(logged.args).toEqual([
      {
        date: TODAY,
        member: 'Dev Patel',
        workflow: 'Ticket reply',
        outcome: 'Light edit',
        editTypes: ['tone', 'format'],
        prompted: true,
        notes: '=1+1 <b>as typed</b>',
      },
    ]);
    await idle(page);
    const values = gas.sheetValues(LOG_SHEET);
    expect(values.length).toBe(rowsBefore + 1);
    expect(logged.value.row).toBe(rowsBefore + 1);
    const written = values[values.length - 1];
    expect(written.slice(1)).toEqual([
      'Dev Patel',
      'Ticket reply',
      'Light edit',
      'tone, format',
      true,
      '=1+1 <b>as typed</b>',
    ]);
    expect(gas.inspect.displayValues(LOG_SHEET)[values.length - 1][0]).toMatch(/2026-03-11|3\/11\/2026|11\/03\/2026/);
    expect(gas.inspect.formulaCells()).toEqual([]);
    expect(await page.locator('#logged').innerText()).toBe(logged.value.message);
    expect(logged.value.message).toContain(`Logged in row ${logged.value.row}`);
    await screenshot(page, 'logrun.png');

    // Ready for the next run: same date and member, the rest cleared, focus on the workflow.
    expect(await page.getByLabel('Team member').inputValue()).toBe('Dev Patel');
    expect(await page.getByLabel('Date').inputValue()).toBe(TODAY);
    expect(await page.getByLabel('Workflow', { exact: true }).inputValue()).toBe('');
    expect(await page.getByLabel('Notes').inputValue()).toBe('');
    expect(await page.getByLabel('Light edit').isChecked()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('run-workflow');

    // Second run by keyboard only: the quick pick, an outcome, Enter.
    expect(await texts(page.locator('#workflow-picks button'))).toContain('Ticket reply');
    await page.locator('#workflow-picks button', { hasText: 'Ticket reply' }).first().click();
    expect(await page.getByLabel('Workflow', { exact: true }).inputValue()).toBe('Ticket reply');
    await page.keyboard.press('Space'); // focus moved to the first outcome: Used as-is
    await page.keyboard.press('Enter');
    const second = await lastCall<LogRunResult>(s, 'logRun', 2);
    expect(second.args).toEqual([
      {
        date: TODAY,
        member: 'Dev Patel',
        workflow: 'Ticket reply',
        outcome: 'Used as-is',
        editTypes: [],
        prompted: false,
        notes: '',
      },
    ]);
    expect(gas.sheetValues(LOG_SHEET).length).toBe(rowsBefore + 2);
    await idle(page);

    // A server failure shows its message, not a stack.
    gas.spreadsheet.deleteSheet(gas.spreadsheet.getSheetByName(LOG_SHEET)!);
    await page.getByLabel('Workflow', { exact: true }).fill('Ticket reply');
    await page.getByLabel('Not used').check();
    await page.getByRole('button', { name: 'Log run' }).click();
    const [failedRun] = await failures(s, 'logRun', 1);
    await idle(page);
    const error = await page.locator('#error').innerText();
    expect(error).toBe(failedRun.failure?.message);
    expect(error).not.toMatch(/\n\s+at |^Error/);
    await expectClean(s);
  });

  test('remembers the member for the next time', async () => {
    const { gas, bundle } = exampleTeam();
    bundle.$runFromClient('logRun', {
      date: TODAY,
      member: 'Ana Lima',
      workflow: 'Client proposal',
      outcome: 'Used as-is',
      editTypes: [],
      prompted: false,
      notes: '',
    });
    const s = await openSidebar(chromium(), gas, bundle, 'showLogForm');
    await lastCall(s, 'getLogForm');
    await idle(s.page);
    expect(await s.page.getByLabel('Team member').inputValue()).toBe('Ana Lima');
    expect(await s.page.evaluate(() => document.activeElement?.id)).toBe('run-workflow');
    expect((await texts(s.page.locator('#workflow-picks button')))[0]).toBe('Client proposal');
    await expectClean(s);
  });
});
