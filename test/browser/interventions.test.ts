// "Record an intervention" driven in Chromium: the BUILT sidebar at 300 px, google.script.run
// answered by the BUILT bundle. Opened from the Interventions section, a member's follow-up and
// the programme timeline, with the member and type filled in; the row lands in the sheet, the
// log and roster are unchanged, and the Interventions section shows it (rules §14).
import type { DashboardData, RecordInterventionResult } from '../../src/shared/api';
import { openExampleDashboard, screenshot } from './harness';
import { chromiumForSuite, SIDEBAR_WIDTH } from '../support/chromium';
import { LOG_SHEET, OWNER, ROSTER_SHEET, TODAY } from './team';
import { until } from '../support/until';

jest.setTimeout(90_000);

const chromium = chromiumForSuite();

async function open() {
  const opened = await openExampleDashboard(chromium());
  await opened.page.waitForSelector('#interventions-section');
  return opened;
}

describe('Record an intervention, in the sidebar', () => {
  test('from the section: today by default, the whole team; it is appended and shown, nothing else changes', async () => {
    const { gas, s, page } = await open();
    const before = [LOG_SHEET, ROSTER_SHEET].map((name) => gas.sheetValues(name));
    await page.locator('#interventions-section button.record-intervention').click();
    await page.waitForSelector('#intervention-form');
    expect(await page.inputValue('#iv-date')).toBe(TODAY);
    expect(await page.inputValue('#iv-member')).toBe('');
    expect(await page.locator('#iv-member option').first().innerText()).toBe('Whole team');
    await page.selectOption('#iv-type', 'Peer advocacy moment');
    await page.fill('#iv-date', '2026-03-02');
    await page.fill('#iv-note', 'Ana showed her proposal <b>live</b>');
    await page.click('#iv-record');
    await until('the recording', () => s.calls.some((c) => c.fn === 'recordIntervention'));
    const call = s.calls.find((c) => c.fn === 'recordIntervention')!;
    expect(call.ok).toBe(true);
    expect(call.args).toEqual([
      {
        date: '2026-03-02',
        member: '',
        type: 'Peer advocacy moment',
        workflow: '',
        note: 'Ana showed her proposal <b>live</b>',
      },
    ]);
    expect((call.value as RecordInterventionResult).row).toBe(2);
    await page.waitForSelector('#iv-recorded');
    expect(await page.innerText('#iv-recorded')).toContain('Peer advocacy moment for the whole team');
    // With the team closed (the default), in the owner's own spreadsheet (rules §19).
    expect(gas.inspect.displayValues('Interventions', gas.spreadsheetsOf(OWNER)[0])[1]).toEqual([
      '2026-03-02',
      '',
      'Peer advocacy moment',
      '',
      'Ana showed her proposal <b>live</b>',
    ]);
    expect([LOG_SHEET, ROSTER_SHEET].map((name) => gas.sheetValues(name))).toEqual(before);
    // The dashboard reloads with it: 9 of 14 days after so far, the note as text.
    await until('the reload', () => s.calls.filter((c) => c.fn === 'getDashboard').length >= 2);
    await page.waitForSelector('#interventions li.intervention');
    const shown = await page.innerText('#interventions');
    expect(shown).toContain('Peer advocacy moment · whole team');
    expect(shown).toContain('9 of 14 days after so far: no change yet.');
    expect(shown).toContain('Ana showed her proposal <b>live</b>');
    expect(shown).not.toMatch(/effect of/i);
    expect(s.pageErrors).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SIDEBAR_WIDTH);
    await screenshot(page, 'interventions.png');
  });

  test('from a member’s follow-up and from the timeline, the member and type are filled in', async () => {
    const { s, page } = await open();
    const data = s.calls.find((c) => c.fn === 'getDashboard')!.value as DashboardData;
    const needing = data.audit!.members.find((m) => m.followUp.length > 0)!;
    await page.locator('#members button.disclosure', { hasText: needing.member }).click();
    await page.locator('#members tr.member-details:not([hidden]) button.record-intervention').click();
    await page.waitForSelector('#intervention-form');
    expect([await page.inputValue('#iv-member'), await page.inputValue('#iv-type')]).toEqual([
      needing.member,
      'Follow-up session',
    ]);
    await page.click('#iv-cancel');
    expect(await page.locator('#intervention-form').count()).toBe(0);

    const row = data.timeline.find((r) => r.next === 'Peer advocacy moment') ?? data.timeline[0];
    await page
      .locator('#timeline li li', { hasText: `${row.member} (day ${row.day})` })
      .locator('button')
      .click();
    await page.waitForSelector('#intervention-form');
    expect(await page.inputValue('#iv-member')).toBe(row.member);
    expect(await page.inputValue('#iv-type')).toBe(
      row.next === 'Peer advocacy moment' ? 'Peer advocacy moment' : 'Follow-up session',
    );
  });

  test('a refused intervention shows the server’s message in the form and writes nothing', async () => {
    const { gas, s, page } = await open();
    await page.locator('#interventions-section button.record-intervention').click();
    await page.waitForSelector('#intervention-form');
    await page.fill('#iv-date', '2026-04-01');
    await page.click('#iv-record');
    await until('the refusal', () => s.calls.some((c) => c.fn === 'recordIntervention'));
    await page.waitForSelector('#iv-error:not([hidden])');
    expect(await page.innerText('#iv-error')).toContain('is in the future');
    expect(gas.spreadsheet.getSheetByName('Interventions')).toBeNull();
  });
});
