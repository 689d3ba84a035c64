// The Interventions sheet read by the BUILT bundle: the dashboard, the programme timeline, the
// audit sheet and the digest preview (rules §14).
import { d, logRows, rosterRows } from '../support/sheets';
import { fakeWithBundle, sampleTeam, auditFile } from '../support/fake-bundle';

function teamWithInterventions() {
  const { runs, roster } = sampleTeam();
  const made = fakeWithBundle({
    user: 'owner@example.com',
    spreadsheet: {
      sheets: {
        Log: logRows(runs),
        Roster: rosterRows(roster),
        // Titles above the header, a column order of the team's own: found by its headers.
        'What we did': [
          ['Programme actions'],
          ['Type', 'Date', 'Team member', 'Note', 'Workflow'],
          ['Follow-up session', d('2026-03-11'), 'ben@example.com', '15 minutes', ''],
          ['peer advocacy moment', d('2026-03-09'), '', 'Ana showed her proposal', ''],
          ['Other', d('2026-03-10'), 'Zed', '', ''],
        ],
      },
    },
  });
  made.bundle.saveSettings({ ownerEmail: 'owner@example.com' });
  return made;
}

describe('the Interventions sheet, read', () => {
  test('the dashboard carries the interventions, the skipped row, and the follow-up held', () => {
    const { bundle } = teamWithInterventions();
    const data = bundle.getDashboard({});
    expect(data.interventions.sheet).toBe('What we did');
    expect(
      data.interventions.interventions.map((i: { row: number; member: string | null; type: string }) => [
        i.row,
        i.member,
        i.type,
      ]),
    ).toEqual([
      [4, null, 'Peer advocacy moment'],
      [3, 'Ben', 'Follow-up session'],
    ]);
    expect(data.interventions.skipped).toEqual([
      { row: 5, reason: expect.stringMatching(/^The team member "Zed" is neither on the roster nor in the log/) },
    ]);
    // Ben was trained on 5 March: a Follow-up session on day 6 holds his day-seven follow-up.
    const ben = data.timeline.find((r) => r.member === 'Ben');
    expect(ben?.followUpHeld).toBe('2026-03-11');
    expect(data.timeline.find((r) => r.member === 'Ana')?.followUpHeld).toBeNull();
  });

  test('no Interventions sheet: nothing, and nothing created by reading', () => {
    const { runs, roster } = sampleTeam();
    const { gas, bundle } = fakeWithBundle({
      spreadsheet: { sheets: { Log: logRows(runs), Roster: rosterRows(roster) } },
    });
    const data = bundle.getDashboard({});
    expect(data.interventions).toEqual({ sheet: null, interventions: [], byType: [], skipped: [], notices: [] });
    bundle.runAuditToSheet();
    expect(gas.spreadsheet.getSheets().map((s: { getName(): string }) => s.getName())).toEqual(['Log', 'Roster']);
    expect(gas.inspect.displayValues('Adoption audit', auditFile(gas)).flat().join(' ')).not.toMatch(/Intervention/);
  });

  test('the audit sheet gets the interventions table, the summary by type and the rows', () => {
    const { gas, bundle } = teamWithInterventions();
    bundle.runAuditToSheet();
    const rows = gas.inspect.displayValues('Adoption audit', auditFile(gas));
    const title = rows.findIndex((r) => r[0].startsWith('Interventions: 14 days before and after'));
    expect(title).toBeGreaterThan(0);
    expect(rows[title + 2].slice(0, 3)).toEqual(['2026-03-09', 'Peer advocacy moment · whole team', '6 of 14 days']);
    expect(rows[title + 3].slice(0, 3)).toEqual(['2026-03-11', 'Follow-up session · Ben', '4 of 14 days']);
    const byType = rows.findIndex((r) => r[0].startsWith('Interventions by type'));
    expect(rows.slice(byType + 2, byType + 4).map((r) => r.slice(0, 3))).toEqual([
      ['Follow-up session', '1', '0'],
      ['Peer advocacy moment', '1', '0'],
    ]);
    const skipped = rows.findIndex((r) => r[0] === 'Interventions rows skipped or read with a note');
    expect(rows[skipped + 2].slice(0, 2)).toEqual(['5', 'Skipped']);
  });

  test('the digest preview lists the interventions recorded this week', () => {
    const { bundle } = teamWithInterventions();
    const preview = bundle.previewDigest();
    expect(preview.text).toContain('Interventions and the change after them');
    expect(preview.text).toContain(
      'Mon 9 Mar 2026 · Peer advocacy moment · whole team: after window 5 of 14 days so far.',
    );
    expect(preview.text).toContain('Wed 11 Mar 2026 · Follow-up session · Ben: after window 3 of 14 days so far.');
    expect(preview.text).not.toMatch(/effect of/i);
  });
});
