// Rules §19, "Take over Uptake?": the account that owns the spreadsheet in Google Drive, when it
// is not Uptake's owner, is asked when it opens the dashboard from a freshly opened spreadsheet.
// One who only keeps the file answers No, then No to "Ask again?", and is not asked again: the
// dashboard item opens the page every editor gets. The menu item still takes Uptake over; the
// answer is the account's own (its user properties), which no one else can give for it. Through
// the built bundle in the in-memory Apps Script.
import { AuthMode } from '../../packages/fake-apps-script';
import { MEMBER, OWNER, roleTeam, runAs, world, type Fake } from './support';

const TYPO = 'ownre@example.com';
type Answer = 'YES' | 'NO' | 'OK' | 'CLOSE';

/** Uptake handed to a mistyped address by the owner, who owns the file in Drive. */
function lockedOut(): Fake {
  const fake = roleTeam();
  fake.bundle.saveSettings({ ownerEmail: TYPO, handOver: true });
  return fake;
}

const captions = (fake: Fake) => fake.gas.ui.menuItems().map((item) => item.caption);

/** Runs `entry` as `user` answering `answers`; returns the dialogs' titles and what they said. */
function answer(fake: Fake, user: string, entry: 'showOpeningDashboard' | 'reclaimOwnership', answers: Answer[]) {
  const before = fake.gas.ui.dialogs.length;
  for (const response of answers) fake.gas.ui.queueResponse(response);
  runAs(fake, user, entry);
  expect(fake.gas.ui.pendingResponses()).toBe(0);
  return fake.gas.ui.dialogs.slice(before).map((dialog) => `${dialog.title}: ${String(dialog.prompt)}`);
}

/** `user` opens the spreadsheet (onOpen in AuthMode.LIMITED) and clicks its dashboard item. */
function openDashboard(fake: Fake, user: string, answers: Answer[]) {
  fake.bundle.onOpen({ authMode: AuthMode.LIMITED });
  return answer(fake, user, 'showOpeningDashboard', answers);
}

const declinedKey = (fake: Fake) => `uptake.takeOverDeclined.${fake.gas.spreadsheet.getId()}`;
const userProperty = (fake: Fake, user: string) => fake.gas.properties.forUser(user).getProperty(declinedKey(fake));

test('the Drive owner answers Don’t ask again: reopened, the dashboard item opens the page, with no question', () => {
  const fake = lockedOut();
  const said = openDashboard(fake, OWNER, ['NO', 'NO']);
  expect(said).toHaveLength(2);
  expect(said[0]).toMatch(/^Take over Uptake\?: Uptake's Settings name ownre@example\.com as the owner/);
  expect(said[1]).toBe(
    'Ask again?: Ask you again each time you open the dashboard here? If you only keep the file, answer No: the ' +
      'dashboard item then opens the page every editor gets, without this question, for as long as ' +
      'ownre@example.com is the owner of Uptake in its Settings. You can still take Uptake over at any time: ' +
      'Extensions › Uptake › Take over Uptake.',
  );
  expect(userProperty(fake, OWNER)).toBe(TYPO);
  expect(fake.gas.ui.sidebars()).toHaveLength(1);

  // Reopened: no question, the page every editor gets, and Take over Uptake in the menu.
  const before = world(fake);
  expect(openDashboard(fake, OWNER, [])).toEqual([]);
  expect(fake.gas.ui.sidebars()).toHaveLength(2);
  expect(captions(fake)).toContain('Take over Uptake');
  expect(world(fake)).toBe(before);
  // The page refuses them, and says how to take Uptake over.
  expect(() => runAs(fake, OWNER, 'getDashboard', [null])).toThrow(
    /You own this spreadsheet in Google Drive, so you can take Uptake over: Extensions › Uptake › Take over Uptake\.$/,
  );

  // The menu item still asks, and takes Uptake over.
  const taken = answer(fake, OWNER, 'reclaimOwnership', ['YES', 'OK']);
  expect(taken[1]).toMatch(/^Uptake: You are the owner of Uptake for this spreadsheet now\./);
  expect(fake.bundle.getSettings().ownerEmail).toBe(OWNER);
});

test('No then Yes (ask again), or closing either question, is asked again next time; any No opens the page', () => {
  const fake = lockedOut();
  expect(openDashboard(fake, OWNER, ['NO', 'YES'])).toHaveLength(2);
  expect(userProperty(fake, OWNER)).toBeNull();
  expect(fake.gas.ui.sidebars()).toHaveLength(1);
  // Closing "Take over Uptake?" answers nothing, and opens nothing.
  expect(openDashboard(fake, OWNER, ['CLOSE'])).toHaveLength(1);
  expect(userProperty(fake, OWNER)).toBeNull();
  expect(fake.gas.ui.sidebars()).toHaveLength(1);
  // Closing "Ask again?" keeps nothing, but the No to taking over still opens the page.
  expect(openDashboard(fake, OWNER, ['NO', 'CLOSE'])).toHaveLength(2);
  expect(userProperty(fake, OWNER)).toBeNull();
  expect(fake.gas.ui.sidebars()).toHaveLength(2);
  expect(openDashboard(fake, OWNER, ['NO', 'YES'])[0]).toMatch(/^Take over Uptake\?/);
});

test('taking Uptake over deletes "don’t ask again": handed away and back to the same address, the owner is asked again', () => {
  for (const how of ['question', 'menu'] as const) {
    const fake = lockedOut();
    openDashboard(fake, OWNER, ['NO', 'NO']);
    expect(userProperty(fake, OWNER)).toBe(TYPO);
    if (how === 'question') {
      // The question is not asked while the answer holds: Settings name another owner first.
      runAs(fake, TYPO, 'saveSettings', [{ ownerEmail: 'owner@exmaple.com', handOver: true }]);
      expect(openDashboard(fake, OWNER, ['YES', 'OK'])[0]).toMatch(/^Take over Uptake\?/);
    } else {
      expect(answer(fake, OWNER, 'reclaimOwnership', ['YES', 'OK'])[0]).toMatch(/^Take over Uptake\?/);
    }
    expect(fake.bundle.getSettings().ownerEmail).toBe(OWNER);
    expect(userProperty(fake, OWNER)).toBeNull();
    // Handed to the same mistyped address again: asked again, not the stale answer.
    runAs(fake, OWNER, 'saveSettings', [{ ownerEmail: TYPO, handOver: true }]);
    expect(openDashboard(fake, OWNER, ['NO', 'YES'])[0]).toMatch(
      /^Take over Uptake\?: Uptake's Settings name ownre@example\.com/,
    );
  }
});

test('the explicit menu item asks nothing about asking again, and its No keeps nothing', () => {
  const fake = lockedOut();
  expect(answer(fake, OWNER, 'reclaimOwnership', ['NO'])).toHaveLength(1);
  expect(userProperty(fake, OWNER)).toBeNull();
});

test('once Settings name another owner, the Drive owner is asked again', () => {
  const fake = lockedOut();
  openDashboard(fake, OWNER, ['NO', 'NO']);
  // The mistyped owner hands Uptake to another mistyped address.
  runAs(fake, TYPO, 'saveSettings', [{ ownerEmail: 'owner@exmaple.com', handOver: true }]);
  const said = openDashboard(fake, OWNER, ['NO', 'YES']);
  expect(said[0]).toMatch(/^Take over Uptake\?: Uptake's Settings name owner@exmaple\.com as the owner/);
});

describe('as an attacker would try', () => {
  test('a member clicking the dashboard item is asked nothing, keeps nothing, and the Drive owner is still asked', () => {
    const fake = lockedOut();
    const before = world(fake);
    expect(openDashboard(fake, MEMBER, [])).toEqual([]);
    expect(runAs(fake, MEMBER, 'reclaimOwnership') ?? null).toBeNull();
    expect(userProperty(fake, MEMBER)).toBeNull();
    expect(userProperty(fake, OWNER)).toBeNull();
    expect(world(fake)).toBe(before);
    expect(openDashboard(fake, OWNER, ['NO', 'YES'])[0]).toMatch(/^Take over Uptake\?/);
  });

  test('the Drive owner’s answer is theirs alone: it does not stop a member’s page, nor is it in the document', () => {
    const fake = lockedOut();
    openDashboard(fake, OWNER, ['NO', 'NO']);
    const documentValues = fake.gas.properties.forDocument(fake.gas.spreadsheet.getId()).getProperties();
    expect(Object.keys(documentValues).filter((key) => key.includes('takeOverDeclined'))).toEqual([]);
    expect(userProperty(fake, MEMBER)).toBeNull();
  });
});
