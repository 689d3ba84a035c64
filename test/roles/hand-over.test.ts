// Rules §19: an owner email other than the saver's own hands Uptake over, so a mistyped one
// would lock everyone out: the server saves it only with the page's confirmed `handOver`.
import { OWNER, roleTeam, world } from './support';

const TYPO = 'ownre@example.com';

test('saving an owner email other than one’s own without confirming is refused and changes nothing', () => {
  const fake = roleTeam();
  fake.bundle.setAutomation(true);
  const before = world(fake);
  expect(() => fake.bundle.saveSettings({ ownerEmail: TYPO })).toThrow(
    /You will no longer be the owner of Uptake here; ownre@example.com will be/,
  );
  expect(world(fake)).toBe(before);
  expect(fake.bundle.getSettings().ownerEmail).toBe(OWNER);
});

test('confirmed, the hand-over is saved; one’s own email needs no confirmation', () => {
  const fake = roleTeam();
  expect(fake.bundle.saveSettings({ ownerEmail: OWNER.toUpperCase(), weeks: 2 }).weeks).toBe(2);
  expect(fake.bundle.saveSettings({ ownerEmail: TYPO, handOver: true }).ownerEmail).toBe(TYPO);
});
