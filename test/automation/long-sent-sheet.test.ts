// Months of automation: the "Uptake sent" sheet reaches the 1,000 rows a new sheet has, and
// every record after that must still be written (getRange past the last row throws).
import { SENT, sentRows, team } from './support';

/** A sent sheet as after years of weekly digests: the header and 999 records, every row of the sheet. */
function fullSentSheet(): string[][] {
  // An earlier version's header, before the Key column (src/core/programme/sent-row.ts): a sheet
  // kept that long predates it, and is read and appended to all the same.
  const header = [
    'Date sent',
    'Team member',
    'Milestone',
    'Recipient',
    'Due date',
    'Training date',
    'Member email',
    'Note',
  ];
  const rows = Array.from({ length: 999 }, (_, i) => {
    const due = new Date(Date.UTC(2020, 0, 6) + (i % 300) * 7 * 86_400_000).toISOString().slice(0, 10);
    return [
      `${due} 08:10`,
      '',
      'Weekly digest',
      `reader${Math.floor(i / 300)}@example.com`,
      due,
      '',
      '',
      'Named digest',
    ];
  });
  return [header, ...rows];
}

describe('a sent sheet with every row used', () => {
  test('grows as records are appended: nothing is kept back, nothing sent twice, the runs go on', () => {
    const { gas, bundle } = team({ members: [{ name: 'Ana', training: '2026-03-02' }] });
    gas.addSheet(SENT, fullSentSheet());
    expect(gas.sheet(SENT).getMaxRows()).toBe(1_000);
    const runs = bundle.$runDays(17); // Monday 2 March to Wednesday 18 March: digests, day 7, day 14
    expect(runs.every((run) => run.ok)).toBe(true);
    const added = sentRows(gas).slice(999);
    expect(added.map((r) => `${r.dueDate} ${r.milestone}`)).toEqual([
      '2026-03-02 Weekly digest',
      '2026-03-09 Day-seven follow-up',
      '2026-03-09 Weekly digest',
      '2026-03-16 Peer advocacy moment',
      '2026-03-16 Weekly digest',
    ]);
    expect(gas.sheet(SENT).getMaxRows()).toBe(1_005);
    expect(gas.mail.sent).toHaveLength(5);
    expect(gas.properties.forDocument(gas.spreadsheet.getId()).getProperty('uptake.automation.pending')).toBeNull();
    expect(bundle.getAutomationStatus().lastRunReport.join('\n')).not.toContain('Could not write');
  });
});
