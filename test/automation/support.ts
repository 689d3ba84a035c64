// The daily automation on the BUILT bundle, in the in-memory Apps Script with a fake clock.
import { createFakeGas, type FakeGasOptions, type SentMail } from '../../packages/fake-apps-script';
import { loadUptake } from '../../local/uptake-bundle';
import { BUILD_DIR, readBuilt } from '../bundle/support';
import { logRows, OWNER, rosterRows } from '../support/sheets';
import type { RosterSpec, RunSpec } from '../support/sheets';
import { KEYS } from '../../src/core/automation/store';
import { untaggedRows } from '../../src/core/programme/sent-row-sealing';
import { KeyedTags } from '../../src/core/programme/sent-tags';
import { followUpRequest } from '../../src/shared/follow-up-request';

export { OWNER };
export const LEAD = 'lead@example.com';
export const BOSS = 'boss@example.com';
export const LOG = 'AI usage log';
export const ROSTER = 'Roster';
export const SENT = 'Uptake sent';
/** A Sunday: automation is turned on at 10:00 UTC; the daily run fires from Monday at 8:xx. */
export const START = '2026-03-01';

export interface TeamOptions {
  members: RosterSpec[];
  runs?: RunSpec[];
  settings?: Record<string, unknown>;
  fake?: FakeGasOptions;
  /** Turn automation on at the start (default true). */
  on?: boolean;
  /** false: the owner does not approve the roster's follow-up owners (their follow-ups go to the owner). */
  approveFollowUps?: boolean;
}

/** A spreadsheet with a log and a roster, the owner's settings saved, automation on. */
export function team(options: TeamOptions) {
  readBuilt('Code.js');
  const gas = createFakeGas({
    now: `${START}T10:00:00Z`,
    user: OWNER,
    ...options.fake,
  });
  gas.addSheet(LOG, logRows(options.runs ?? []));
  gas.addSheet(ROSTER, rosterRows(options.members));
  const bundle = loadUptake(gas, BUILD_DIR);
  bundle.saveSettings({ ownerEmail: OWNER, ...options.settings });
  // The owner ticks each member's follow-up owner on the dashboard's card and clicks Approve (rules §19).
  const followUpOwners = options.members.flatMap((m) =>
    m.owner ? [followUpRequest({ member: m.name, address: m.owner.toLowerCase() })] : [],
  );
  if (followUpOwners.length && options.approveFollowUps !== false)
    bundle.approveRoster({ followUpOwners, rosterEmails: [] });
  if (options.on !== false) bundle.setAutomation(true);
  return { gas, bundle };
}

/** The day (UTC, the sheet's zone in these tests) an email was sent. */
export function dayOf(mail: SentMail): string {
  return mail.at.toISOString().slice(0, 10);
}

/** Emails as [day, recipients, subject] in the order they went. */
export function mailLog(mails: SentMail[]): [string, string, string][] {
  return mails.map((m) => [dayOf(m), m.recipients.join(','), m.subject]);
}

/**
 * The sent sheet's rows read back as the owner could, with the spreadsheet's key: each tag as
 * the name or address it stands for among the roster's cells, the emails' recipients and
 * `known` (names a test renamed away); a tag of no one known stays a tag.
 */
export function untaggedSentValues(gas: ReturnType<typeof team>['gas'], known: string[] = []): string[][] {
  const values = gas.inspect.displayValues(SENT);
  const key = gas.properties.forDocument(gas.spreadsheet.getId()).getProperty(KEYS.sentKey);
  if (!key) return values;
  const roster = gas.spreadsheet.getSheetByName(ROSTER) ? gas.inspect.displayValues(ROSTER).flat() : [];
  // `known` first: a tag is of the trimmed, lowercased address, which several spellings share.
  const people = [...known, ...roster, ...gas.mail.sent.flatMap((m) => m.recipients)].filter(Boolean);
  return untaggedRows(values, new KeyedTags(key), { names: people, emails: people });
}

/** The sent sheet's rows below the header, as objects, people untagged (untaggedSentValues). */
export function sentRows(gas: ReturnType<typeof team>['gas'], known: string[] = []) {
  const values = untaggedSentValues(gas, known);
  return values.slice(1).map((row) => ({
    sentAt: row[0] as string,
    member: row[1] as string,
    milestone: row[2] as string,
    recipient: row[3] as string,
    dueDate: row[4] as string,
    trainingDate: row[5] as string,
    memberEmail: row[6] as string,
    note: row[7] as string,
  }));
}

/** Milestone records (not digests), as "member|milestone" keys. */
export function milestoneKeys(gas: ReturnType<typeof team>['gas'], known: string[] = []): string[] {
  return sentRows(gas, known)
    .filter((r) => r.milestone !== 'Weekly digest')
    .map((r) => `${r.member}|${r.milestone}`);
}

/** The keys that appear more than once. */
export function duplicates(keys: string[]): string[] {
  return keys.filter((k, i) => keys.indexOf(k) !== i);
}

/** Deletes a sheet of the bound spreadsheet, as a user would. */
export function deleteSheet(gas: ReturnType<typeof team>['gas'], name: string): void {
  gas.spreadsheet.deleteSheet(gas.sheet(name) as unknown as GoogleAppsScript.Spreadsheet.Sheet);
}

/** The owner's daily trigger fired at `at` with no document context at all (no document properties). */
export function runWithoutDocument(
  gas: ReturnType<typeof team>['gas'],
  bundle: ReturnType<typeof team>['bundle'],
  at: string,
): void {
  const trigger = gas.triggers.clock()[0];
  gas.clock.set(at);
  bundle.$run('runDaily', [{ authMode: 'FULL', triggerUid: trigger.uid }], {
    kind: 'trigger',
    user: OWNER,
    document: null,
    activeSpreadsheet: null,
    triggerUid: trigger.uid,
  });
}
