// A row of the "Uptake sent" sheet a run cannot read stops every reminder and digest until it is
// put right: the owner’s email and Check set-up name its row and column and say how; deleting the row sends again.
import { OWNER, SENT, team } from './support';

const members = [
  { name: 'Chloé Martin', email: 'chloe@example.com', training: '2026-03-02' },
  { name: 'Zoë Dupré', email: 'zoe@example.com', training: '2026-03-02' },
];

test('a tag an import turned into a number: the owner’s email and Check set-up name row 3 (Team member)', () => {
  const { gas, bundle } = team({ members });
  bundle.$runDueTriggers('2026-03-12T12:00:00Z');
  const header = gas.inspect.displayValues(SENT)[0];
  expect(gas.inspect.displayValues(SENT).length).toBeGreaterThanOrEqual(3);
  const before = gas.mail.sent.length;
  // An import with "convert text to numbers": the tag in row 3 now holds a number.
  gas
    .sheet(SENT)
    .getRange(3, header.indexOf('Team member') + 1)
    .setNumberFormat('0')
    .setValues([[123456]]);
  bundle.$runDueTriggers('2026-03-30T12:00:00Z');

  const after = gas.mail.sent.slice(before);
  expect(after.map((m) => [m.recipients, m.subject])).toEqual([
    [[OWNER], 'Uptake: the daily run needs a fix in your spreadsheet'],
  ]);
  const body = after[0].body ?? '';
  expect(body).toContain('Uptake cannot tell what 1 row of the "Uptake sent" sheet records');
  expect(body).toContain('row 3 (Team member).');
  expect(body).toContain('File › Version history');
  expect(body).toContain('Or delete that row');

  const check = bundle.$runFromClient('getSetupCheck') as { detail?: string }[];
  const said = check.filter((line) => line.detail?.includes('row 3 (Team member)'));
  expect(said).toHaveLength(1);
  expect(said[0].detail).toContain('File › Version history');

  // One way out: the owner deletes row 3. The next run sends again, and no other problem email.
  gas.user.deleteRows(SENT, 3, 1);
  const fixed = gas.mail.sent.length;
  bundle.$runDueTriggers('2026-03-31T12:00:00Z');
  const subjects = gas.mail.sent.slice(fixed).map((m) => m.subject);
  expect(subjects).toContain('Uptake: Week-three check for Chloé Martin and Zoë Dupré (late)');
  expect(subjects.some((subject) => subject.startsWith('Uptake weekly digest'))).toBe(true);
  expect(subjects).not.toContain('Uptake: the daily run needs a fix in your spreadsheet');
  const checked = bundle.$runFromClient('getSetupCheck') as { detail?: string }[];
  expect(checked.filter((line) => line.detail?.includes('Uptake cannot tell what'))).toEqual([]);
});
