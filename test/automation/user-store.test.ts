// User properties are one 500 KB store for all of a user's spreadsheets ("Quotas for Google
// Services"), and a user has at most 20 triggers per script: each spreadsheet's mirror there must
// stay within a twentieth, and mirrors no trigger runs for any more are removed.
import { OWNER, runWithoutDocument, team } from './support';

const USER_STORE_BYTES = 500 * 1024;
const TRIGGERS_PER_USER = 20;
const MIRROR_PREFIX = 'uptake.doc.';
const awkward = (n: number) => '"\u0001é😀'.repeat(n);

type Team = ReturnType<typeof team>;

function userProperties(gas: Team['gas']): Record<string, string> {
  return gas.properties.forUser(OWNER).getProperties();
}

function mirrorOf(gas: Team['gas']): [string, string][] {
  const prefix = `${MIRROR_PREFIX}${gas.spreadsheet.getId()}.`;
  return Object.entries(userProperties(gas)).filter(([key]) => key.startsWith(prefix));
}

const bytes = (entries: [string, string][]) =>
  entries.reduce((sum, [k, v]) => sum + Buffer.byteLength(k, 'utf8') + Buffer.byteLength(v, 'utf8'), 0);

test('a mirror at its largest (every email refused for a week, long awkward names) stays within its twentieth', () => {
  const members = Array.from({ length: 120 }, (_, i) => ({
    name: `${i} ${awkward(39)}`,
    training: '2026-03-03',
    owner: `lead${i}@example.com`,
  }));
  // 120 pairings of a member with such a name and a follow-up owner are over the 9 KB of one stored
  // value: the owner could not approve them (test/roles/approval-pairs.test.ts), so the owner gets them.
  const { gas, bundle } = team({ members, approveFollowUps: false });
  members.forEach((m) => gas.mail.failFor(m.owner, `Invalid email: ${awkward(200)}`));
  gas.mail.failFor(OWNER, `Invalid email: ${awkward(200)}`);
  for (let day = 10; day <= 16; day++) runWithoutDocument(gas, bundle, `2026-03-${day}T08:30:00Z`);

  const mirror = mirrorOf(gas);
  expect(mirror.map(([key]) => key.slice(key.lastIndexOf('.uptake.') + 1))).toEqual(
    expect.arrayContaining(['uptake.automation.lastRun', 'uptake.automation.failures', 'uptake.automation.attempts']),
  );
  for (const [, value] of mirror) expect(Buffer.byteLength(value, 'utf8')).toBeLessThanOrEqual(1024);
  expect(bytes(mirror)).toBeLessThanOrEqual(USER_STORE_BYTES / TRIGGERS_PER_USER);
  // Every follow-up was given up once and recorded, though not every count fitted at first.
  const sent = gas.sheetValues('Uptake sent').slice(1);
  const followUps = sent.filter((row) => row[2] === 'Day-seven follow-up');
  expect(followUps).toHaveLength(members.length);
  expect(new Set(followUps.map((row) => row[1])).size).toBe(members.length);
  expect(gas.mail.sent).toHaveLength(0);
  // The sidebar reads the mirror's report and problems.
  const status = bundle.getAutomationStatus();
  expect(status.lastRunReport.length).toBeGreaterThan(0);
  expect(status.problems.length).toBeGreaterThan(0);
});

test('in user properties only the settings naming who gets figures, and the sent sheet’s key: a run outside the document reads the rest from the spreadsheet’s copy', () => {
  const { gas } = team({ members: [{ name: 'Ana', training: '2026-03-02' }] });
  expect(mirrorOf(gas).map(([key]) => key.split('.').slice(-2).join('.'))).toEqual([
    'uptake.automation',
    'uptake.privateSettings',
    'uptake.followUpApprovals',
    'sent.key',
  ]);
  // The same key as the document's: tags made outside the document match those made in it.
  const [, key] = mirrorOf(gas).find(([name]) => name.endsWith('.uptake.sent.key'))!;
  expect(key).toBe(gas.properties.forDocument(gas.spreadsheet.getId()).getProperty('uptake.sent.key'));
  expect(key).toMatch(/^[0-9a-f]{64}$/);
  const [, privateSettings] = mirrorOf(gas).find(([key]) => key.endsWith('.uptake.privateSettings'))!;
  expect(Object.keys(JSON.parse(privateSettings)).sort()).toEqual(['namedForRecipients', 'ownerEmail', 'recipients']);
  expect(gas.spreadsheet.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['uptake.settings']);
});

test('turning automation off removes this spreadsheet’s mirror and trigger note from the user’s store', () => {
  const { gas, bundle } = team({ members: [{ name: 'Ana', training: '2026-03-02' }] });
  const uid = gas.triggers.clock()[0].uid;
  expect(userProperties(gas)[`uptake.trigger.${uid}`]).toBe(gas.spreadsheet.getId());
  expect(mirrorOf(gas).length).toBeGreaterThan(0);
  bundle.setAutomation(false);
  expect(mirrorOf(gas)).toEqual([]);
  expect(userProperties(gas)[`uptake.trigger.${uid}`]).toBeUndefined();
});

test('turning automation on removes mirrors no trigger of the user runs for any more, and keeps the live ones', () => {
  const { gas, bundle } = team({ members: [{ name: 'Ana', training: '2026-03-02' }], on: false });
  // A spreadsheet whose trigger the user deleted by hand (or which was deleted) left its mirror.
  const user = gas.properties.forUser(OWNER);
  user.setProperty(`${MIRROR_PREFIX}gone-sheet.uptake.automation`, JSON.stringify({ on: true, triggerId: 'gone' }));
  user.setProperty(`${MIRROR_PREFIX}gone-sheet.uptake.automation.lastRun`, JSON.stringify({ at: '', report: [] }));
  user.setProperty('uptake.trigger.gone', 'gone-sheet');
  user.setProperty('unrelated.key', 'kept');
  bundle.setAutomation(true);
  const keys = Object.keys(userProperties(gas));
  expect(keys.filter((k) => k.includes('gone'))).toEqual([]);
  expect(keys).toContain('unrelated.key');
  const uid = gas.triggers.clock()[0].uid;
  expect(keys).toEqual(
    expect.arrayContaining([`uptake.trigger.${uid}`, `${MIRROR_PREFIX}${gas.spreadsheet.getId()}.uptake.automation`]),
  );
});
