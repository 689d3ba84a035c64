// Settings an earlier version saved with no owner email (rules §19: "until saved, whoever saves
// Settings first"): on such an install the first save is not open to any editor. It is for the
// account whose trigger runs the automation, else the spreadsheet's owner in Drive; with
// neither known (a shared drive), nobody may claim it, and the message says what to do.
import { logRows, rosterRows } from '../support/sheets';
import { fakeWithBundle, sampleTeam } from '../support/fake-bundle';
import { HIDDEN, MEMBER, OWNER, runAs, world, type Fake } from './support';

/** The sample team with Settings an earlier version saved: a window and a threshold, no owner. */
function oldInstall(automationBy?: string): Fake {
  const { runs, roster } = sampleTeam();
  const fake = fakeWithBundle({
    user: OWNER,
    usersWithoutEmail: [HIDDEN],
    spreadsheet: { sheets: { Log: logRows(runs), Roster: rosterRows(roster) } },
  });
  const documentProperties = fake.gas.properties.forDocument(fake.gas.spreadsheet._id);
  documentProperties.setProperty('uptake.settings', JSON.stringify({ weeks: 4, genuineAt: 3, ownerEmail: '' }));
  if (automationBy)
    documentProperties.setProperty(
      'uptake.automation',
      JSON.stringify({
        on: false,
        triggerId: null,
        hour: 8,
        spreadsheetId: fake.gas.spreadsheet._id,
        turnedOnBy: automationBy,
        since: '2026-03-01',
      }),
    );
  return fake;
}

function savedOwner(fake: Fake): string {
  const raw = fake.gas.properties.forDocument(fake.gas.spreadsheet._id).getProperty('uptake.settings');
  return (JSON.parse(raw ?? '{}') as { ownerEmail?: string }).ownerEmail ?? '';
}

const SAVES: [Record<string, unknown>][] = [[{ ownerEmail: MEMBER }], [{ ownerEmail: '' }], [{ weeks: 2 }]];

describe('an old install whose Settings have no owner email', () => {
  test.each(SAVES)(
    'an editor’s first save (%j) is refused, naming the spreadsheet’s owner; nothing changes',
    (changes) => {
      const fake = oldInstall();
      const before = world(fake);
      expect(() => runAs(fake, MEMBER, 'saveSettings', [changes])).toThrow(
        /^Only the owner of Uptake for this spreadsheet \(owner@example\.com\) can save the settings/,
      );
      expect(() => runAs(fake, MEMBER, 'setAutomation', [true])).toThrow(/^Only the owner/);
      expect(() => runAs(fake, MEMBER, 'getDashboard', [null])).toThrow(/^Only the owner/);
      expect(world(fake)).toBe(before);
    },
  );

  test('the spreadsheet’s owner in Drive takes it over by saving Settings', () => {
    const fake = oldInstall();
    runAs(fake, OWNER, 'saveSettings', [{ weeks: 2 }]);
    expect(savedOwner(fake)).toBe(OWNER);
    expect(() => runAs(fake, MEMBER, 'getSettings')).toThrow(/\(owner@example\.com\)/);
  });

  test('the account that turned the automation on comes first: the file’s owner is then a member', () => {
    const fake = oldInstall(MEMBER);
    expect(() => runAs(fake, OWNER, 'saveSettings', [{ weeks: 2 }])).toThrow(
      /^Only the owner of Uptake for this spreadsheet \(ben@example\.com\)/,
    );
    runAs(fake, MEMBER, 'saveSettings', [{ weeks: 2 }]);
    expect(savedOwner(fake)).toBe(MEMBER);
  });

  test('in a shared drive (no owner in Drive) nobody may claim it, and the message says what to do', () => {
    const fake = oldInstall();
    fake.gas.setDriveOwner(null);
    const before = world(fake);
    for (const user of [OWNER, MEMBER])
      expect(() => runAs(fake, user, 'saveSettings', [{ weeks: 2 }])).toThrow(
        /kept no owner.*shared drive.*move the spreadsheet to your own Drive.*make a copy/,
      );
    expect(() => runAs(fake, HIDDEN, 'saveSettings', [{ weeks: 2 }])).toThrow(/did not give Uptake your email/);
    expect(world(fake)).toBe(before);
  });
});

describe('a new install (no Settings ever saved)', () => {
  test('whoever saves Settings first becomes the owner; the next editor is a member', () => {
    const { runs, roster } = sampleTeam();
    const fake = fakeWithBundle({
      user: OWNER,
      spreadsheet: { sheets: { Log: logRows(runs), Roster: rosterRows(roster) } },
    });
    runAs(fake, MEMBER, 'saveSettings', [{ weeks: 2 }]);
    expect(savedOwner(fake)).toBe(MEMBER);
    expect(() => runAs(fake, OWNER, 'saveSettings', [{ weeks: 3 }])).toThrow(/\(ben@example\.com\)/);
  });
});
