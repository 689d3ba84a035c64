// Rules §19, one account runs the automation: once Uptake changes owner (Take over Uptake by the
// Drive owner, or a hand-over in Settings), the old owner's trigger, which no one else can delete,
// sends nothing, also in a run without document properties, where it reads its own user-properties
// mirror that still names the old owner. It stops, says why, and removes itself; the rightful
// owner's own run outside the document still sends once. Through the built bundle.
import { AuthMode } from '../../packages/fake-apps-script';
import { example, readExample } from '../support/example';
import { fakeWithBundle } from '../support/fake-bundle';
import { runAs, type Fake } from './support';
import { approveFollowUps, listedFollowUps } from '../support/approve';

const OWNER = example.owner;
/** A follow-up owner in the example roster, approved by the owner. */
const APPROVED = 'sam.lee@northwind.example';

const BOSS = 'boss@example.com';
const CLEO = 'cleo@example.com';

/** The daily run as `user`'s trigger fires it without document context, at 08:10 UTC on `day`. */
function runOutsideDocument(fake: Fake, user: string, day: string): void {
  const trigger = fake.gas.triggers.clock().find((t) => t.owner === user);
  if (!trigger) return;
  fake.gas.clock.set(`${day}T08:10:00Z`);
  fake.bundle.$run('runDaily', [{ triggerUid: trigger.uid, authMode: 'FULL' }], {
    kind: 'trigger',
    authMode: 'FULL',
    user,
    document: null,
    activeSpreadsheet: null,
    triggerUid: trigger.uid,
    triggerEventType: 'CLOCK',
  } as never);
}

/** Ten days from the example's as-of date: every weekday's digest and the Day-seven follow-ups fall in them. */
const DAYS = Array.from({ length: 10 }, (_, i) =>
  new Date(Date.parse(`${example.asOf}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
);

/** The owner saved Settings, approved the follow-up owners and turned automation on; BOSS owns the file in Drive. */
function runningTeam(): Fake {
  const fake = fakeWithBundle({
    now: `${example.asOf}T06:00:00Z`,
    user: OWNER,
    spreadsheet: { sheets: { 'AI usage log': readExample('log.csv'), Roster: readExample('roster.csv') } },
  });
  fake.gas.setDriveOwner(BOSS);
  fake.bundle.saveSettings({ ownerEmail: OWNER });
  const listed = listedFollowUps(fake.bundle);
  expect(listed.map((owner) => owner.address)).toContain(APPROVED);
  approveFollowUps(fake.bundle, listed);
  runAs(fake, OWNER, 'setAutomation', [true]);
  return fake;
}

/** BOSS opens the spreadsheet, clicks the dashboard item and answers Yes to taking Uptake over. */
function bossTakesOver(fake: Fake): void {
  fake.bundle.onOpen({ authMode: AuthMode.LIMITED });
  fake.gas.ui.queueResponse('YES');
  fake.gas.ui.queueResponse('OK');
  runAs(fake, BOSS, 'showOpeningDashboard');
  expect(runAs(fake, BOSS, 'getSettings').ownerEmail).toBe(BOSS);
}

/** After BOSS took Uptake over, BOSS hands it over in Settings to CLEO. */
function bossHandsOverToCleo(fake: Fake): void {
  bossTakesOver(fake);
  runAs(fake, BOSS, 'saveSettings', [{ ownerEmail: CLEO, handOver: true }]);
  expect(runAs(fake, CLEO, 'getSettings').ownerEmail).toBe(CLEO);
}

test.each([
  ['Take over Uptake by the Drive owner', BOSS, bossTakesOver],
  ['a later hand-over in Settings', CLEO, bossHandsOverToCleo],
])('after %s, the old owner’s run outside the document sends nothing to anyone and stops', (_how, newOwner, change) => {
  const fake = runningTeam();
  change(fake);
  // Only the old owner can delete their trigger: it is still there.
  expect(fake.gas.triggers.clock().map((t) => t.owner)).toEqual([OWNER]);
  fake.gas.mail.sent.length = 0;
  for (const day of DAYS) runOutsideDocument(fake, OWNER, day);
  const sent = fake.gas.mail.sent;
  // No digest, no follow-up, no reminder: the one email tells the old trigger's account why it stopped.
  expect(sent.map((m) => [m.recipients, m.subject])).toEqual([
    [[OWNER], 'Uptake: the daily run for "Uptake test sheet" needs you'],
  ]);
  expect(sent[0].body).toContain(
    `The daily run under ${OWNER} sent nothing and stopped: this spreadsheet's settings name ${newOwner} as the owner of Uptake`,
  );
  expect(fake.gas.triggers.clock().filter((t) => t.owner === OWNER)).toEqual([]);
});

test('the rightful owner’s own run outside the document sends the digest once', () => {
  const fake = runningTeam();
  bossTakesOver(fake);
  runAs(fake, BOSS, 'setAutomation', [true]);
  expect(
    fake.gas.triggers
      .clock()
      .map((t) => t.owner)
      .sort(),
  ).toEqual([BOSS, OWNER]);
  fake.gas.mail.sent.length = 0;
  // The example's as-of date is a Sunday; the digest goes on Mondays. The trigger fires twice that day.
  runOutsideDocument(fake, BOSS, DAYS[1]);
  runOutsideDocument(fake, BOSS, DAYS[1]);
  const digests = fake.gas.mail.sent.filter((m) => m.subject.startsWith('Uptake weekly digest'));
  expect(digests.map((m) => m.recipients)).toEqual([[BOSS]]);
  expect(JSON.stringify(fake.gas.mail.sent)).not.toContain(OWNER);
});
