// The warning on a second group session (rules §18) in the BUILT bundle's sidebar data: judged on
// the members below Genuine in the week ending the session's date, not on the as-of day.
import { d, logRows, plus, rosterRows, type RunSpec } from '../support/sheets';
import { fakeWithBundle } from '../support/fake-bundle';

const AS_OF = '2026-03-15';
const daily = (member: string, from: string, to: string): RunSpec[] => {
  const runs: RunSpec[] = [];
  for (let day = from; day <= to; day = plus(day, 1)) runs.push({ date: day, member, workflow: 'Report' });
  return runs;
};

test('Gia, Genuine on the session day and below since, gets no warning; Hal, below then and Genuine since, gets it', () => {
  const { bundle } = fakeWithBundle({
    user: 'owner@example.com',
    spreadsheet: {
      sheets: {
        // Gia ran daily up to 5 March and stopped; Hal started on 9 March.
        Log: logRows([...daily('Gia', '2026-02-23', '2026-03-05'), ...daily('Hal', '2026-03-09', AS_OF)]),
        Roster: rosterRows([
          { name: 'Gia', training: '2026-02-20', anchor: 'Report' },
          { name: 'Hal', training: '2026-02-20', anchor: 'Report' },
        ]),
        Interventions: [
          ['Date', 'Team member', 'Type', 'Workflow', 'Note'],
          [d('2026-03-05'), 'Gia', 'Second training session', '', ''],
          [d('2026-03-05'), 'Hal', 'Second training session', '', ''],
          [d('2026-03-05'), '', 'Second training session', '', ''],
        ],
      },
    },
  });
  bundle.saveSettings({ ownerEmail: 'owner@example.com' });
  const data = bundle.getDashboard({ asOf: AS_OF, weeks: 1 });
  const category = (name: string) => data.audit!.members.find((m: { member: string }) => m.member === name)!.category;
  // Today the two are the other way round.
  expect([category('Gia'), category('Hal')]).toEqual(['Non-adopter', 'Genuine adopter']);
  const warnings = data.interventions.interventions.map((r: { member: string | null; warning?: string }) => [
    r.member,
    r.warning?.split('. ')[0] ?? null,
  ]);
  expect(warnings).toEqual(
    expect.arrayContaining([
      ['Gia', null],
      ['Hal', 'Hal was a Non-adopter in the week ending 2026-03-05'],
      [null, '1 member was below Genuine in the week ending 2026-03-05'],
    ]),
  );
  expect(warnings).toHaveLength(3);
});
