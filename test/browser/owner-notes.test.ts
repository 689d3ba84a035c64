// The owner's notes above the dashboard (rules §19), in Chromium on the BUILT sidebar: tabs the
// open team kept in the team spreadsheet are called that, not an earlier version's; after a
// hand-over, the new owner is told where the old owner's interventions are and who holds them.
import { exampleTeam, openSidebar } from './harness';
import { chromiumForSuite } from '../support/chromium';
import { OWNER } from './team';

jest.setTimeout(90_000);

const chromium = chromiumForSuite();
const NOTE = { date: '2026-03-02', member: '', type: 'Peer advocacy moment', workflow: '', note: 'Demo' };
const CLEO = 'cleo@example.com';

async function notesShown(made: ReturnType<typeof exampleTeam>): Promise<{ text: string; links: string[] }> {
  const s = await openSidebar(chromium(), made.gas, made.bundle, 'showDashboard');
  await s.page.waitForSelector('#audit-file:not([hidden])');
  expect(s.pageErrors).toEqual([]);
  const links = await s.page.locator('#audit-file a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  return { text: await s.page.innerText('#audit-file'), links };
}

test('tabs kept while the team was open are said to be so', async () => {
  const made = exampleTeam();
  made.bundle.saveSettings({ ownerEmail: OWNER, openTeam: true });
  made.bundle.recordIntervention(NOTE);
  made.bundle.runAuditToSheet();
  made.bundle.saveSettings({ ownerEmail: OWNER, openTeam: false });
  const shown = (await notesShown(made)).text;
  expect(shown).toContain('The "Adoption audit" tab in this spreadsheet was written while the team was open');
  expect(shown).toContain(`were kept in this spreadsheet's "Interventions" tab while the team was open`);
  expect(shown).not.toMatch(/earlier version/i);
});

test('after a hand-over, the new owner is told where the interventions are and who holds them', async () => {
  const made = exampleTeam();
  made.bundle.saveSettings({ ownerEmail: OWNER });
  made.bundle.recordIntervention(NOTE);
  const [ownersFile] = made.gas.spreadsheetsOf(OWNER);
  made.bundle.saveSettings({ ownerEmail: CLEO, handOver: true });
  made.gas.session.setUser(CLEO);
  const { text: shown, links } = await notesShown(made);
  expect(shown).toBe(
    `The interventions recorded before you became the owner are in ${OWNER}'s own spreadsheet Uptake audit: Team AI log, which only ${OWNER} can open. Ask ${OWNER} to share it with you; Uptake does not move them.`,
  );
  expect(links).toEqual([ownersFile.getUrl()]);
});
