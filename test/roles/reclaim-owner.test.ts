// Rules §19, the way back in: once Settings' owner email is one nobody holds (a typo), only the
// account that owns the spreadsheet in Google Drive can take Uptake over ("Take over Uptake");
// the old owner's daily run stops, they are told once by email (or Check set-up says they were
// not), and the new owner turns automation on. An editor who does not own the file cannot.
import { AuthMode } from '../../packages/fake-apps-script';
import { auditFile } from '../support/fake-bundle';
import { approveOfferedFollowUps } from '../support/approve';
import { HIDDEN, MEMBER, OWNER, roleTeam, runAs, world, type Fake } from './support';

const TYPO = 'ownre@example.com';
const CLEO = 'cleo@example.com';
const NOTE = { date: '2026-03-10', member: 'Ana', type: 'Follow-up session', workflow: '', note: 'Context pack' };

/** The owner (who owns the file in Drive) hands Uptake to a mistyped address. */
function lockedOut(options = {}): Fake {
  const fake = roleTeam({}, options);
  fake.bundle.saveSettings({ ownerEmail: TYPO, handOver: true });
  return fake;
}

const captions = (fake: Fake) => fake.gas.ui.menuItems().map((item) => item.caption);

/**
 * Runs the menu item as `user`, answering its dialogs with `answers` (the question, then OK to
 * what it says; a refusal is one OK); returns what the dialogs said.
 */
function takeOver(fake: Fake, user: string, answers: ('YES' | 'NO' | 'OK')[] = ['YES', 'OK']): string[] {
  const before = fake.gas.ui.dialogs.length;
  for (const answer of answers) fake.gas.ui.queueResponse(answer);
  runAs(fake, user, 'reclaimOwnership');
  return fake.gas.ui.dialogs.slice(before).map((dialog) => String(dialog.prompt));
}

test('a mistyped owner email locks Settings; the Drive owner is told how to take Uptake over, and does', () => {
  const fake = lockedOut();
  const { gas, bundle } = fake;
  expect(() => bundle.saveSettings({ ownerEmail: OWNER })).toThrow(
    /^Only the owner of Uptake for this spreadsheet \(ownre@example\.com\).* You own this spreadsheet in Google Drive, so you can take Uptake over: Extensions › Uptake › Take over Uptake\.$/,
  );
  bundle.refreshMenu();
  expect(captions(fake)).toContain('Take over Uptake');
  // Asked first: No changes nothing.
  const before = world(fake);
  const question = takeOver(fake, OWNER, ['NO'])[0];
  expect(question).toMatch(/^Uptake's Settings name ownre@example\.com as the owner/);
  // What a Yes costs, said before it is given: the approvals go, and a file keeper who does not lead says No.
  expect(question).toContain("ownre@example.com's daily run stops");
  expect(question).toContain('The approved follow-up owners and roster emails are reset');
  expect(question).toContain('If someone else leads the team here and you only keep the file, answer No.');
  expect(world(fake)).toBe(before);
  const said = takeOver(fake, OWNER);
  expect(said[1]).toMatch(
    /^You are the owner of Uptake for this spreadsheet now\. ownre@example\.com was told by email\./,
  );
  expect(bundle.getSettings().ownerEmail).toBe(OWNER);
  expect(captions(fake)).toContain('Settings');
  expect(bundle.saveSettings({ weeks: 2 }).weeks).toBe(2);
  // The old owner is told once: a second take-over finds the owner already and sends nothing.
  const told = gas.mail.sent.filter((mail) => mail.recipients.includes(TYPO));
  expect(told).toHaveLength(1);
  expect(told[0].subject).toBe('Uptake: "Uptake test sheet" now belongs to owner@example.com');
  expect(told[0].body).toMatch(
    /^owner@example\.com, who owns the spreadsheet "Uptake test sheet" in Google Drive, has taken Uptake over/,
  );
  expect(takeOver(fake, OWNER)[1]).toMatch(/already: nothing was changed/);
  expect(gas.mail.sent.filter((mail) => mail.recipients.includes(TYPO))).toHaveLength(1);
});

describe('from a freshly opened spreadsheet, whose menu onOpen builds without knowing who opened it', () => {
  /** `user` opens the spreadsheet (onOpen in AuthMode.LIMITED) and clicks its dashboard item, answering `answers`. */
  function openAndClickDashboard(fake: Fake, user: string, answers: ('YES' | 'NO' | 'OK')[]): string[] {
    fake.bundle.onOpen({ authMode: AuthMode.LIMITED });
    expect(captions(fake)).toEqual(['Log a run', 'My week', "Owner's dashboard", 'Help']);
    const before = fake.gas.ui.dialogs.length;
    for (const answer of answers) fake.gas.ui.queueResponse(answer);
    runAs(fake, user, 'showOpeningDashboard');
    return fake.gas.ui.dialogs.slice(before).map((dialog) => String(dialog.prompt));
  }

  test('the Drive owner locked out by a typo is offered Take over at their first click, and takes it', () => {
    const fake = lockedOut();
    const said = openAndClickDashboard(fake, OWNER, ['YES', 'OK']);
    expect(said[0]).toMatch(
      /^Uptake's Settings name ownre@example\.com as the owner of Uptake here\. You own this spreadsheet/,
    );
    expect(said[1]).toMatch(/^You are the owner of Uptake for this spreadsheet now\./);
    expect(fake.bundle.getSettings().ownerEmail).toBe(OWNER);
    expect(captions(fake)).toContain('Settings');
  });

  test('answering No (and Yes to asking again) changes nothing, opens the page every editor gets, and leaves Take over in their menu', () => {
    const fake = lockedOut();
    const before = world(fake);
    expect(openAndClickDashboard(fake, OWNER, ['NO', 'YES'])[1]).toMatch(/^Ask you again each time/);
    expect(captions(fake)).toContain('Take over Uptake');
    expect(fake.gas.ui.sidebars()).toHaveLength(1);
    expect(world(fake)).toBe(before);
  });

  test.each([
    ['a member', MEMBER],
    ['an account with no email', HIDDEN],
  ])('%s is never offered Take over: the click opens the dashboard page, which refuses them', (_who, user) => {
    const fake = lockedOut();
    expect(openAndClickDashboard(fake, user, [])).toEqual([]);
    expect(fake.gas.ui.sidebars()).toHaveLength(1);
    runAs(fake, user, 'refreshMenu');
    expect(captions(fake)).not.toContain('Take over Uptake');
    expect(runAs(fake, TYPO, 'getSettings').ownerEmail).toBe(TYPO);
  });

  test('Uptake’s owner, who also owns the file, just gets the dashboard', () => {
    const fake = roleTeam();
    expect(openAndClickDashboard(fake, OWNER, [])).toEqual([]);
    expect(fake.gas.ui.sidebars()).toHaveLength(1);
    expect(captions(fake)).not.toContain('Take over Uptake');
  });
});

test('the old owner’s daily run stops, they are told so, and the new owner turns automation on', () => {
  const fake = roleTeam({ digestWeekday: 1 });
  const { gas, bundle } = fake;
  bundle.saveSettings({ ownerEmail: CLEO, handOver: true });
  runAs(fake, CLEO, 'setAutomation', [true]);
  runAs(fake, CLEO, 'recordIntervention', [NOTE]);
  const cleosFile = auditFile(gas, CLEO);
  expect(gas.triggers.clock().map((t) => t.owner)).toEqual([CLEO]);
  takeOver(fake, OWNER);
  const status = bundle.getAutomationStatus();
  expect(status.on).toBe(false);
  expect(status.problems[0]).toMatch(
    /^Uptake now belongs to owner@example\.com: the daily run under cleo@example\.com stopped/,
  );
  const mail = gas.mail.sent.find((m) => m.recipients.includes(CLEO))!;
  expect(mail.body).toContain('The daily run under your account for "Uptake test sheet" has stopped');
  // Where her interventions are, and what to do: share the file (rules §19; Uptake does not move them).
  expect(mail.body).toContain(
    `The interventions you recorded are in cleo@example.com's own spreadsheet "Uptake audit: Uptake test sheet" (${cleosFile.getUrl()}), which only cleo@example.com can open: share that spreadsheet with owner@example.com`,
  );
  // Cleo's old trigger sends nothing more and removes itself; the new owner's runs.
  bundle.setAutomation(true);
  gas.mail.sent.length = 0;
  bundle.$runDays(8);
  expect(gas.triggers.clock().map((t) => t.owner)).toEqual([OWNER]);
  const digests = gas.mail.sent.filter((m) => m.subject.startsWith('Uptake weekly digest'));
  expect(digests.map((m) => m.recipients)).toEqual([[OWNER], [OWNER]]);
});

test('with no email possible, Check set-up says the old owner was not told', () => {
  const fake = lockedOut({ mailQuota: 0 });
  expect(takeOver(fake, OWNER)[1]).toMatch(/Uptake could not email ownre@example\.com: tell them yourself/);
  expect(fake.gas.mail.sent).toEqual([]);
  const line = fake.bundle.getSetupCheck().find((l) => l.id === 'former-owner-not-told');
  expect(line?.detail).toMatch(/^Uptake could not email ownre@example\.com that you took Uptake over/);
});

describe('as an attacker would try', () => {
  test.each([
    ['a member who is not the Drive owner', MEMBER],
    ['an account with no email', HIDDEN],
  ])('%s cannot take Uptake over, nor is offered to', (_who, user) => {
    const fake = lockedOut();
    runAs(fake, user, 'refreshMenu');
    expect(captions(fake)).not.toContain('Take over Uptake');
    const before = world(fake);
    const said = takeOver(fake, user, ['OK']);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^Only the account that owns this spreadsheet in Google Drive can take Uptake over/);
    expect(world(fake)).toBe(before);
    expect(() => runAs(fake, user, 'saveSettings', [{ ownerEmail: user, handOver: true }])).toThrow(
      /^Only the owner of Uptake for this spreadsheet/,
    );
    expect(() => runAs(fake, user, 'saveSettings', [{ ownerEmail: user }])).not.toThrow(/Take over Uptake/);
  });

  test('in a shared drive (no owner in Drive) nobody can', () => {
    const fake = lockedOut();
    fake.gas.setDriveOwner(null);
    const before = world(fake);
    expect(takeOver(fake, OWNER, ['OK'])[0]).toMatch(/^Only the account that owns this spreadsheet in Google Drive/);
    expect(world(fake)).toBe(before);
  });
});

describe('the interventions after a hand-over by Settings (they stay in the old owner’s own spreadsheet)', () => {
  test('the old owner is told before confirming; the new owner’s sidebar and Check set-up say where and who holds them', () => {
    const fake = roleTeam();
    const { gas, bundle } = fake;
    bundle.recordIntervention(NOTE);
    const ownersFile = auditFile(gas, OWNER);
    expect(() => bundle.saveSettings({ ownerEmail: CLEO })).toThrow(
      /interventions you recorded stay in your own audit spreadsheet until you share it with them/,
    );
    bundle.saveSettings({ ownerEmail: CLEO, handOver: true });
    const data = runAs(fake, CLEO, 'getDashboard', [null]);
    expect(data.interventionsElsewhere).toEqual({
      holder: OWNER,
      url: ownersFile.getUrl(),
      name: 'Uptake audit: Uptake test sheet',
    });
    // Not readable by the new owner: none of them is shown as hers.
    expect(data.interventions.interventions).toEqual([]);
    const line = runAs(fake, CLEO, 'getSetupCheck').find((l) => l.id === 'interventions-with-former-owner');
    expect(line?.detail).toBe(
      `The interventions recorded before you became the owner are in owner@example.com's own spreadsheet "Uptake audit: Uptake test sheet" (${ownersFile.getUrl()}), which only owner@example.com can open. Ask owner@example.com to share it with you; Uptake does not move them.`,
    );
    // The old owner, a member now, is shown nothing of it.
    expect(() => bundle.getDashboard(null)).toThrow(/^Only the owner of Uptake/);
  });

  test('an owner with no interventions hands over without such a notice', () => {
    const fake = roleTeam();
    fake.bundle.saveSettings({ ownerEmail: CLEO, handOver: true });
    expect(runAs(fake, CLEO, 'getDashboard', [null]).interventionsElsewhere).toBeNull();
  });
});

test('taking Uptake over empties the approvals in the copy the caller’s own old trigger reads outside the document', () => {
  // The caller ran the automation and approved Ana's follow-ups to Cleo; Settings then came to
  // name another owner by a path that left the caller's trigger and copy in place (an earlier
  // version, a restored version of the file): taking over makes that trigger the owner's again.
  const fake = roleTeam();
  fake.gas
    .sheet('Roster')
    .getRange(2, 9)
    .setValues([[CLEO]]);
  approveOfferedFollowUps(fake.bundle, OWNER);
  runAs(fake, OWNER, 'setAutomation', [true]);
  const mirroredApprovals = () =>
    fake.gas.properties
      .forUser(OWNER)
      .getProperty(`uptake.doc.${fake.gas.spreadsheet.getId()}.uptake.followUpApprovals`);
  expect(JSON.parse(mirroredApprovals() ?? 'null')).toEqual([[CLEO, ['Ana']]]);
  const documentProperties = fake.gas.properties.forDocument(fake.gas.spreadsheet.getId());
  const settings = JSON.parse(documentProperties.getProperty('uptake.settings') ?? '{}') as Record<string, unknown>;
  documentProperties.setProperty('uptake.settings', JSON.stringify({ ...settings, ownerEmail: TYPO }));
  expect(takeOver(fake, OWNER)[1]).toMatch(/^You are the owner of Uptake for this spreadsheet now\./);
  expect(JSON.parse(mirroredApprovals() ?? 'null')).toEqual([]);
});
