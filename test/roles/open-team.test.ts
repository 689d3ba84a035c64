// Rules §19: "open team" lets every editor see the named dashboard, not the owner's settings
// (owner email, recipients, approved follow-up owners) nor the automation's report. Built bundle.
import { MEMBER, OWNER, roleTeam, runAs } from './support';

test('with open team on, a member’s dashboard carries no owner email, recipients or automation report', () => {
  const fake = roleTeam({ openTeam: true, recipients: ['founder@example.com'], namedForRecipients: true });
  runAs(fake, OWNER, 'setAutomation', [true]);
  const owners = runAs(fake, OWNER, 'getDashboard', [null]);
  expect(owners.settings.ownerEmail).toBe(OWNER);
  expect(owners.automation.on).toBe(true);
  const members = runAs(fake, MEMBER, 'getDashboard', [null]);
  expect(members.audit).not.toBeNull();
  expect(members.settings).toMatchObject({ ownerEmail: '', recipients: [], namedForRecipients: false });
  expect(members.automation).toMatchObject({ on: false, lastRun: null, lastRunReport: [], problems: [] });
  expect(JSON.stringify({ settings: members.settings, automation: members.automation })).not.toContain(
    'founder@example.com',
  );
});
