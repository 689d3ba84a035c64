// Rules §19 at a team's full size: the owner's approvals (roster emails, follow-up owners) of a
// 1,000-member team are kept over several document properties (9 KB a value, "Quotas for Google
// Services"), written so that an approval stopped between two of them leaves the earlier
// approvals whole. Through the built bundle, as the owner and as a member.
import { fakeWithBundle } from '../support/fake-bundle';
import { logRows, rosterRows, type RosterSpec } from '../support/sheets';
import { MEMBER, OWNER, runAs, world, type Fake } from './support';
import { offeredFollowUps } from '../support/approve';

const ROSTER_KEY = 'uptake.rosterApprovals';
const FOLLOW_UP_KEY = 'uptake.followUpApprovals';
const LEADS = Array.from({ length: 10 }, (_, i) => `lead${i}@example.com`);

/** Member `i`: names and emails of the length a team's have, one follow-up owner in ten leads. */
function member(i: number, domain = 'example.com'): RosterSpec {
  const id = String(i).padStart(4, '0');
  return { name: `Member ${id} Example-Surname`, email: `member.${id}@${domain}`, owner: LEADS[i % 10] };
}

/** A team of `size` (Ben, a member, among them), Settings saved by the owner, nothing approved. */
function bigTeam(size: number): Fake {
  const members = [{ name: 'Ben', email: MEMBER }, ...Array.from({ length: size - 1 }, (_, i) => member(i))];
  const fake = fakeWithBundle({
    user: OWNER,
    spreadsheet: { sheets: { Log: logRows([]), Roster: rosterRows(members) } },
  });
  fake.bundle.saveSettings({ ownerEmail: OWNER });
  return fake;
}

const dashboard = (fake: Fake) => runAs(fake, OWNER, 'getDashboard', [null]);

/** The owner ticks everything the dashboard lists and clicks Approve; returns what Approve said. */
function approveAll(fake: Fake): string {
  const { unapprovedRosterEmails, followUpsToApprove } = dashboard(fake);
  return runAs(fake, OWNER, 'approveRoster', [
    { followUpOwners: offeredFollowUps(followUpsToApprove), rosterEmails: unapprovedRosterEmails },
  ]);
}

const documentStore = (fake: Fake) => fake.gas.properties.forDocument(fake.gas.spreadsheet.getId());

/**
 * The value under `key` as the store holds it, joined here from its head and parts (read apart
 * from the bundle's own reader): the property itself when it is not a head.
 */
function storedValue(fake: Fake, key: string): unknown {
  const values = documentStore(fake).getProperties();
  const head = /^parts:(\d+):(\d+):(\d+)$/.exec(values[key] ?? '');
  if (!head) return values[key] === undefined ? undefined : JSON.parse(values[key]);
  const parts = Array.from({ length: Number(head[2]) }, (_, i) => values[`${key}.part.${head[1]}.${i}`]);
  expect(parts.every((part) => typeof part === 'string')).toBe(true);
  return JSON.parse(parts.join(''));
}

/** The keys of `key`'s parts in the store. */
const partKeys = (fake: Fake, key: string) =>
  Object.keys(documentStore(fake).getProperties()).filter((name) => name.startsWith(`${key}.part.`));

/** Makes the document store's `failAt`-th write of a part of `key` throw, as a quota stopping a run would. */
function failPartWrite(fake: Fake, key: string, failAt: number): void {
  const store = documentStore(fake);
  const write = store.setProperty.bind(store);
  let partsWritten = 0;
  store.setProperty = (name: string, value: string) => {
    if (name.startsWith(`${key}.part.`) && ++partsWritten === failAt)
      throw new Error('Service invoked too many times for one day: properties.');
    return write(name, value);
  };
}

/** The team of 1,000 approved, then 300 more members on the Roster, waiting. */
function grownTeam(): Fake {
  const fake = bigTeam(1000);
  approveAll(fake);
  for (let i = 1000; i < 1300; i++) {
    const m = member(i, 'new.example.com');
    fake.gas.user.appendRow('Roster', [m.name, m.email, '', '', '', '', '', '', m.owner]);
  }
  return fake;
}

test('a roster of 1,000 members is approved at once, and its approvals read back exactly', () => {
  const fake = bigTeam(1000);
  const listed = dashboard(fake);
  expect(listed.unapprovedRosterEmails).toHaveLength(1000);
  expect(approveAll(fake)).toMatch(/^Approved lead0@example\.com \(follow-ups of Member 0000 /);
  expect(dashboard(fake).unapprovedRosterEmails).toEqual([]);
  expect(dashboard(fake).followUpsToApprove).toEqual([]);
  // Kept over several properties, none over the 9 KB of a value.
  expect(storedValue(fake, ROSTER_KEY)).toEqual(listed.unapprovedRosterEmails.map((p) => [p.name, p.email]));
  expect(partKeys(fake, ROSTER_KEY).length).toBeGreaterThan(3);
  const pairs = listed.followUpsToApprove.map((item) => [item.member, item.address]);
  expect(pairs).toHaveLength(999);
  expect(storedValue(fake, FOLLOW_UP_KEY)).toEqual(expect.arrayContaining(pairs));
  expect(fake.bundle.getSettings().followUpApprovals).toHaveLength(999);
  // The last member on the roster sees their week; Ben, the first, his.
  expect(runAs(fake, 'member.0998@example.com', 'getMyWeek').week?.member).toBe('Member 0998 Example-Surname');
  expect(runAs(fake, MEMBER, 'getMyWeek').week?.member).toBe('Ben');
});

describe('an approval stopped between two parts (a quota, the time limit)', () => {
  test('in the follow-up owners’ parts: every earlier approval is kept whole, and the next Approve completes', () => {
    const fake = grownTeam();
    const [rosterBefore, followUpsBefore] = [storedValue(fake, ROSTER_KEY), storedValue(fake, FOLLOW_UP_KEY)];
    const waiting = dashboard(fake).unapprovedRosterEmails;
    expect(waiting).toHaveLength(300);
    failPartWrite(fake, FOLLOW_UP_KEY, 3);
    expect(() => approveAll(fake)).toThrow(/Service invoked too many times/);
    expect(storedValue(fake, FOLLOW_UP_KEY)).toEqual(followUpsBefore);
    expect(storedValue(fake, ROSTER_KEY)).toEqual(rosterBefore);
    expect(dashboard(fake).unapprovedRosterEmails).toEqual(waiting);
    expect(dashboard(fake).followUpsToApprove).toHaveLength(300);
    expect(runAs(fake, 'member.0500@example.com', 'getMyWeek').week?.member).toBe('Member 0500 Example-Surname');
    expect(runAs(fake, 'member.1000@new.example.com', 'getMyWeek').week).toBeNull();

    // Approved again once the quota is back: all 1,300, and no part of the stopped write is left.
    approveAll(fake);
    expect(dashboard(fake).unapprovedRosterEmails).toEqual([]);
    expect((storedValue(fake, ROSTER_KEY) as unknown[]).length).toBe(1300);
    expect((storedValue(fake, FOLLOW_UP_KEY) as unknown[]).length).toBe(1299);
    for (const key of [ROSTER_KEY, FOLLOW_UP_KEY]) {
      const head = /^parts:(\d+):(\d+):/.exec(documentStore(fake).getProperty(key)!)!;
      expect(partKeys(fake, key).sort()).toEqual(
        Array.from({ length: Number(head[2]) }, (_, i) => `${key}.part.${head[1]}.${i}`).sort(),
      );
    }
    expect(runAs(fake, 'member.1000@new.example.com', 'getMyWeek').week?.member).toBe('Member 1000 Example-Surname');
  });

  test('in the roster emails’ parts: the follow-up owners written before are whole, the roster’s approvals the earlier ones', () => {
    const fake = grownTeam();
    const rosterBefore = storedValue(fake, ROSTER_KEY);
    const waiting = dashboard(fake).unapprovedRosterEmails;
    failPartWrite(fake, ROSTER_KEY, 3);
    expect(() => approveAll(fake)).toThrow(/Service invoked too many times/);
    expect(storedValue(fake, ROSTER_KEY)).toEqual(rosterBefore);
    expect(dashboard(fake).unapprovedRosterEmails).toEqual(waiting);
    expect((storedValue(fake, FOLLOW_UP_KEY) as unknown[]).length).toBe(1299);
    expect(dashboard(fake).followUpsToApprove).toEqual([]);
    expect(runAs(fake, 'member.1000@new.example.com', 'getMyWeek').week).toBeNull();
  });
});

test('a member cannot approve a large roster, nor any part of it; nothing changes', () => {
  const fake = bigTeam(1000);
  const { unapprovedRosterEmails, followUpsToApprove } = dashboard(fake);
  const before = world(fake);
  for (const request of [
    { followUpOwners: offeredFollowUps(followUpsToApprove), rosterEmails: unapprovedRosterEmails },
    { followUpOwners: [], rosterEmails: [{ name: 'Ben', email: MEMBER }] },
  ])
    expect(() => runAs(fake, MEMBER, 'approveRoster', [request])).toThrow(/^Only the owner of Uptake/);
  expect(world(fake)).toBe(before);
  expect(runAs(fake, MEMBER, 'getMyWeek').week).toBeNull();
});

test('a roster beyond what the properties keep is refused whole, saying why; nothing is approved', () => {
  // 1,200 members with names of 120 characters: over the 96 KB Uptake keeps for their approvals.
  const members = Array.from({ length: 1200 }, (_, i) => ({ ...member(i), name: `${i} ${'x'.repeat(120)}` }));
  const fake = fakeWithBundle({
    user: OWNER,
    spreadsheet: { sheets: { Log: logRows([]), Roster: rosterRows(members) } },
  });
  fake.bundle.saveSettings({ ownerEmail: OWNER });
  const { unapprovedRosterEmails, followUpsToApprove } = dashboard(fake);
  const before = world(fake);
  expect(() => approveAll(fake)).toThrow(
    /^The roster's approved names and emails take 1[3-9]\d KB \(1200 rows\), over the 96 KB/,
  );
  expect(() =>
    runAs(fake, OWNER, 'approveRoster', [{ followUpOwners: offeredFollowUps(followUpsToApprove), rosterEmails: [] }]),
  ).toThrow(/^The roster has too many follow-up owners .*\(1200 pairings.*Nothing was approved\.$/);
  expect(world(fake)).toBe(before);
  expect(dashboard(fake).unapprovedRosterEmails).toEqual(unapprovedRosterEmails);
});

test('a roster row with a name too long to read is skipped, naming its row, and blocks no approval', () => {
  const fake = bigTeam(10);
  approveAll(fake);
  // A member pastes a huge name with their email on a new row (12), then a new hire joins (row 13).
  fake.gas.user.appendRow('Roster', ['É'.repeat(49000) + ' Fen', 'fen@example.com']);
  fake.gas.user.appendRow('Roster', ['Gil', 'gil@example.com']);
  const listed = dashboard(fake).unapprovedRosterEmails;
  expect(listed).toEqual([{ name: 'Gil', email: 'gil@example.com', was: null }]);
  expect(approveAll(fake)).toMatch(/^Approved the roster's email of Gil \(gil@example\.com\)/);
  const check = JSON.stringify(runAs(fake, OWNER, 'getSetupCheck'));
  expect(check).not.toContain('ÉÉÉ');
  expect(check.length).toBeLessThan(20_000);
  expect(runAs(fake, OWNER, 'getSetupCheck').find((l) => l.id === 'roster-row-skipped')?.detail).toMatch(
    /^Roster row 12 is not read: The team member is 49,004 characters long, more than the 200/,
  );
  expect(runAs(fake, 'fen@example.com', 'getMyWeek').message).toMatch(/Check set-up/);
});

test('the copy a run outside the document reads keeps what fits its share of the user store, and Check set-up says how many', () => {
  const fake = bigTeam(1000);
  approveAll(fake);
  runAs(fake, OWNER, 'setAutomation', [true]);
  const prefix = `uptake.doc.${fake.gas.spreadsheet.getId()}.`;
  const mirror = Object.entries(fake.gas.properties.forUser(OWNER).getProperties()).filter(([key]) =>
    key.startsWith(prefix),
  );
  const bytes = mirror.reduce((sum, [k, v]) => sum + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
  // A twentieth of the 500 KB user store: a user runs Uptake in at most 20 spreadsheets (20 triggers).
  expect(bytes).toBeLessThanOrEqual((500 * 1024) / 20);
  for (const [, value] of mirror) expect(Buffer.byteLength(value)).toBeLessThanOrEqual(1024);
  const line = runAs(fake, OWNER, 'getSetupCheck').find((l) => l.id === 'follow-up-approvals-mirror-full');
  const kept = Number(/it holds (\d+) of your 999 approved pairings/.exec(line?.detail ?? '')?.[1]);
  expect(kept).toBeGreaterThan(250);
  expect(line?.detail).toMatch(new RegExp(`the follow-ups of the other ${999 - kept} members go to you`));
});

test('a new owner starts the approvals again: no part of the old owner’s is left in the properties', () => {
  const fake = bigTeam(1000);
  approveAll(fake);
  expect(partKeys(fake, ROSTER_KEY).length).toBeGreaterThan(0);
  fake.bundle.saveSettings({ ownerEmail: 'cleo@example.com', handOver: true });
  for (const key of [ROSTER_KEY, FOLLOW_UP_KEY]) expect(partKeys(fake, key)).toEqual([]);
  expect(storedValue(fake, ROSTER_KEY)).toBeUndefined();
  expect(storedValue(fake, FOLLOW_UP_KEY)).toEqual([]);
  const listed = runAs(fake, 'cleo@example.com', 'getDashboard', [null]);
  expect(listed.unapprovedRosterEmails).toHaveLength(1000);
  expect(listed.followUpsToApprove).toHaveLength(999);
});
