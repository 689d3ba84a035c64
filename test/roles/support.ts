// Several people on one spreadsheet (rules §19), in the in-memory Apps Script with the BUILT
// bundle: the owner, a member who is an editor, an editor Google gives no email for.
import { logRows, OWNER, rosterRows } from '../support/sheets';
import { snapshot } from '../support/snapshot';
import type { UptakeEntryPointName, UptakeEntryPoints } from '../../local/uptake-bundle';
import { SIDEBAR_CALLS } from '../../src/gas/sidebar-call';
import type { ServerApi } from '../../src/shared/api';
import type { FakeGasOptions } from '../../packages/fake-apps-script';
import { fakeWithBundle, sampleTeam } from '../support/fake-bundle';

export { OWNER };
/** Ben, in the roster with this email: a member. */
export const MEMBER = 'ben@example.com';
/** An editor whose email Session does not give. */
export const HIDDEN = 'hidden@example.com';
/** An address a member would like the digest to go to. */
export const ATTACKER = 'attacker@evil.example';

export type Fake = ReturnType<typeof fakeWithBundle>;

/**
 * The sample team (Ana, Ben, Cleo), Settings saved by the owner; `settings` added to the save,
 * `options` to the in-memory Apps Script's. The owner has approved the roster's emails, as the
 * dashboard's Approve does, unless `rosterApproved` is false (rules §19: My week waits for it).
 */
export function roleTeam(
  settings: Record<string, unknown> = {},
  options: FakeGasOptions = {},
  { rosterApproved = true } = {},
): Fake {
  const { runs, roster } = sampleTeam();
  const made = fakeWithBundle({
    ...options,
    user: OWNER,
    usersWithoutEmail: [HIDDEN],
    spreadsheet: { sheets: { Log: logRows(runs), Roster: rosterRows(roster) } },
  });
  // The owner also owns the spreadsheet in Google Drive (Spreadsheet.getOwner), whoever runs.
  made.gas.setDriveOwner(OWNER);
  made.bundle.saveSettings({ ownerEmail: OWNER, ...settings });
  if (rosterApproved) approveListedRosterEmails(made);
  return made;
}

/**
 * `owner` opens the dashboard and approves the roster emails it lists (its follow-up owners left
 * alone), as its Approve does; returns what the call said.
 */
export function approveListedRosterEmails(fake: Pick<Fake, 'bundle'>, owner = OWNER): string {
  const listed = fake.bundle.$run('getDashboard', [null], { user: owner }).unapprovedRosterEmails;
  return fake.bundle.$run('approveRoster', [{ followUpOwners: [], rosterEmails: listed }], { user: owner });
}

/** Runs entry point `name` as `user`, as google.script.run or a menu click would. */
export function runAs<K extends UptakeEntryPointName>(
  fake: Fake,
  user: string,
  name: K,
  args: unknown[] = [],
): ReturnType<UptakeEntryPoints[K]> {
  return fake.bundle.$run(name, args, { user });
}

/** Everything a call could change: every spreadsheet's sheets and metadata, the properties, triggers, mail, selection and forms. */
export function world(fake: Fake): string {
  return snapshot(fake.gas, { allSpreadsheets: true, services: true, users: [OWNER, MEMBER, HIDDEN] });
}

/**
 * Arguments an attacker would send to each call that is not open to everyone: the settings
 * they would like, automation on and off, a row to jump to, a note that looks like a formula.
 * A new owner-only call must be added here (the attacker test checks every one is).
 */
export const CRAFTED: Partial<Record<keyof ServerApi, unknown[][]>> = {
  getDashboard: [[{ asOf: '2026-03-15', weeks: 52 }], [null]],
  selectLogRow: [[2]],
  getSettings: [[]],
  saveSettings: [
    [{ ownerEmail: MEMBER, recipients: [ATTACKER], namedForRecipients: true }],
    [{ openTeam: true }],
    [{ ownerEmail: '' }],
  ],
  setAutomation: [[true], [false]],
  getAutomationStatus: [[]],
  sendDigestNow: [[true], [false]],
  previewDigest: [[]],
  getSetupCheck: [[]],
  getInterventionForm: [[]],
  recordIntervention: [
    [{ date: '2026-03-15', member: 'Ana', type: 'Follow-up session', workflow: '', note: '=IMPORTXML("x","//a")' }],
  ],
  removeOldAuditTab: [[]],
  moveOldInterventions: [[]],
  importUsageExport: [
    [
      {
        fileName: 'chatgpt.csv',
        text: 'email,period_start,period_end,messages\nben@example.com,2026-03-09,2026-03-15,=1+1\n',
      },
    ],
    [{ fileName: 'x.csv', text: 'Name\n' }],
  ],
  startProgramme: [[{ start: '2026-03-15' }], [null]],
  makeLoggingForm: [[null], ['new'], ['update']],
  approveRoster: [
    [{ followUpOwners: [{ address: ATTACKER, members: ['Ana'] }], rosterEmails: [{ name: 'Ana', email: MEMBER }] }],
    [{ followUpOwners: [ATTACKER], rosterEmails: [] }],
    [{ followUpOwners: [{ address: MEMBER, members: ['Ana', 'Ben', 'Cleo'] }], rosterEmails: [] }],
    [{ followUpOwners: [], rosterEmails: [] }],
    [{ followUpOwners: [], rosterEmails: [{ name: 'Ben', email: ATTACKER }] }],
    [{ followUpOwners: ['ben@example.com'], rosterEmails: 'Ana' }],
    [null],
  ],
};

/** The sidebar calls only the owner (or, with "open team", every editor) may make. */
export function guardedCalls(): (keyof ServerApi)[] {
  return (Object.keys(SIDEBAR_CALLS) as (keyof ServerApi)[]).filter((name) => SIDEBAR_CALLS[name].access !== 'anyone');
}
