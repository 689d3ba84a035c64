// Rules §19: with "open team" on, the audit and the interventions are kept in the team
// spreadsheet; closing the team leaves those tabs there, offered for removal or moving. They are
// called what they are (kept while the team was open), not "an earlier version's".
import { OWNER, roleTeam } from './support';

const AUDIT = 'Adoption audit';
const NOTE = { date: '2026-03-10', member: 'Ana', type: 'Follow-up session', workflow: '', note: 'Context pack' };

function closedAfterOpen() {
  const fake = roleTeam({ openTeam: true });
  fake.bundle.recordIntervention(NOTE);
  fake.bundle.runAuditToSheet();
  expect(fake.gas.spreadsheet._sheetNamed(AUDIT)).toBeDefined();
  fake.bundle.saveSettings({ ownerEmail: OWNER, openTeam: false });
  return fake;
}

test('tabs kept while the team was open are said to be so: the dashboard, the questions, the refusal', () => {
  const { gas, bundle } = closedAfterOpen();
  const data = bundle.getDashboard(null);
  expect(data).toMatchObject({ oldAuditTab: true, oldInterventionsTab: 'Interventions' });
  expect(data.keptWhileOpen.sort()).toEqual([AUDIT, 'Interventions']);
  expect(() => bundle.recordIntervention(NOTE)).toThrow(
    /^The interventions were kept in this spreadsheet's "Interventions" tab while the team was open, which every editor can read/,
  );
  gas.ui.queueResponse('OK');
  gas.ui.queueResponse('NO');
  gas.ui.queueResponse('NO');
  bundle.runAuditToSheet();
  const asked = gas.ui.dialogs.slice(-2).map((dialog) => dialog.prompt);
  expect(asked[0]).toMatch(/^The "Adoption audit" tab in this spreadsheet was written while the team was open/);
  expect(asked[1]).toMatch(
    /^The interventions were kept in this spreadsheet's "Interventions" tab while the team was open/,
  );
  expect(asked.join(' ')).not.toMatch(/earlier version/i);
});

test('tabs no version of the open team made are still called an earlier version’s', () => {
  const { gas, bundle } = roleTeam();
  gas.addSheet(AUDIT, [['Written by an earlier Uptake']]);
  gas.addSheet('Interventions', [['Date', 'Team member', 'Type', 'Workflow', 'Note']]);
  expect(bundle.getDashboard(null)).toMatchObject({ oldAuditTab: true, keptWhileOpen: [] });
  expect(() => bundle.recordIntervention(NOTE)).toThrow(/^An earlier version of Uptake keeps the interventions/);
  gas.ui.queueResponse('OK');
  gas.ui.queueResponse('NO');
  gas.ui.queueResponse('NO');
  bundle.runAuditToSheet();
  const asked = gas.ui.dialogs.slice(-2).map((dialog) => dialog.prompt);
  expect(asked[0]).toMatch(/^An earlier version of Uptake left an "Adoption audit" tab/);
  expect(asked[1]).toMatch(/^An earlier version of Uptake keeps the interventions/);
});
