// Rules §19: a run outside the document (no document properties: the trigger owner's mirror)
// takes who gets named figures (owner email, recipients, namedForRecipients, approved follow-up
// owners) from the owner's own user-properties mirror, never from the settings copy in developer
// metadata, which any editor's script can rewrite. Through the built bundle.
import { ATTACKER, OWNER, roleTeam, runAs, type Fake } from './support';

function tamperSettingsCopy(fake: Fake, change: Record<string, unknown>): void {
  const copy = fake.gas.spreadsheet.getDeveloperMetadata().find((m) => m.getKey() === 'uptake.settings')!;
  copy.setValue(JSON.stringify({ ...JSON.parse(copy.getValue()!), ...change }));
}

/** The daily run as the owner's trigger fires it without document context, on Monday 16 March 2026. */
function runOutsideDocument(fake: Fake): void {
  const trigger = fake.gas.triggers.records[0];
  fake.gas.clock.set('2026-03-16T08:10:00Z');
  fake.bundle.$run('runDaily', [{ triggerUid: trigger.uid, authMode: 'FULL' }], {
    kind: 'trigger',
    authMode: 'FULL',
    user: OWNER,
    document: null,
    activeSpreadsheet: null,
    triggerUid: trigger.uid,
    triggerEventType: 'CLOCK',
  } as never);
}

test('a member who rewrites the settings copy in developer metadata gets no digest and no follow-up', () => {
  const fake = roleTeam({ digestWeekday: 1 });
  runAs(fake, OWNER, 'setAutomation', [true]);
  tamperSettingsCopy(fake, {
    recipients: [ATTACKER],
    namedForRecipients: true,
    approvedFollowUpOwners: [ATTACKER],
    followUpApprovals: ['Ana', 'Ben', 'Cleo'].map((member) => ({ member, address: ATTACKER })),
  });
  runOutsideDocument(fake);
  expect(JSON.stringify(fake.gas.mail.sent)).not.toContain(ATTACKER);
  // The run did run, for the owner the owner saved: the Monday digest went to them.
  expect(fake.gas.mail.sent.some((m) => m.to === OWNER && /digest/i.test(m.subject))).toBe(true);
});

test('a member who names themself owner in the settings copy only stops the run: nothing reaches them', () => {
  const fake = roleTeam({ digestWeekday: 1 });
  runAs(fake, OWNER, 'setAutomation', [true]);
  tamperSettingsCopy(fake, { ownerEmail: ATTACKER, recipients: [ATTACKER], namedForRecipients: true });
  runOutsideDocument(fake);
  // The copy names another owner than the owner's mirror: the run sends nothing and tells the
  // owner why (naming the address the copy gives, so that they know what happened).
  expect(fake.gas.mail.sent.map((m) => [m.to, m.subject])).toEqual([
    [OWNER, 'Uptake: the daily run for "Uptake test sheet" needs you'],
  ]);
  expect(fake.gas.mail.sent[0].body).toMatch(/settings name attacker@evil\.example as the owner of Uptake/);
});

test('the recipients the owner saved still get the digest in a run outside the document', () => {
  const fake = roleTeam({ digestWeekday: 1, recipients: ['founder@example.com'] });
  runAs(fake, OWNER, 'setAutomation', [true]);
  runOutsideDocument(fake);
  expect(fake.gas.mail.sent.some((m) => m.to === 'founder@example.com')).toBe(true);
});
