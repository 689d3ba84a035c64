// The follow-up owner each member had approved before their cell changed (the card's "was …") is
// display only, kept in as many document properties as the approvals themselves (12 parts of 8 KB,
// each under the 9 KB a value may hold, "Quotas for Google Services"). Every write of it fits it
// there, the oldest going first: also the write of Approve, when the Roster changed since the
// dashboard was drawn. Through the built bundle, as the owner.
import { ROSTER_HEADERS } from '../../src/core/sheets/roster';
import { fakeWithBundle } from '../support/fake-bundle';
import { logRows, rosterRows, type RosterSpec } from '../support/sheets';
import { OWNER, runAs, type Fake } from './support';

const WAS_KEY = 'uptake.followUpWas';
const MOST_BYTES = 12 * 8 * 1024;
const FOLLOW_UP_COLUMN = ROSTER_HEADERS.indexOf('Follow-up owner') + 1;
/** Members in each half of the team: one half's approvals take most of what their properties hold. */
const HALF = 330;
const address = (label: string) => `${label}.${'f'.repeat(60)}@example.com`;

/** Member `i`, with a name of about 190 characters. */
const nameOf = (i: number) => `Member ${String(i).padStart(4, '0')} ${'n'.repeat(180)}`;

function team(): Fake {
  const members: RosterSpec[] = Array.from({ length: 2 * HALF }, (_, i) => ({
    name: nameOf(i),
    owner: address(i < HALF ? 'first' : 'second'),
  }));
  const fake = fakeWithBundle({
    user: OWNER,
    spreadsheet: { sheets: { Log: logRows([]), Roster: rosterRows(members) } },
  });
  fake.bundle.saveSettings({ ownerEmail: OWNER });
  return fake;
}

/** The owner approves `label`'s address for members `from` to `to` (excluded), ticked on the card. */
function approve(fake: Fake, label: string, from: number, to: number): string {
  const members = Array.from({ length: to - from }, (_, i) => nameOf(from + i));
  return runAs(fake, OWNER, 'approveRoster', [
    { followUpOwners: [{ address: address(label), members }], rosterEmails: [] },
  ]);
}

/** An editor changes the follow-up owner cells of members `from` to `to` (excluded) to `label`'s address. */
function retype(fake: Fake, label: string, from: number, to: number): void {
  fake.gas
    .sheet('Roster')
    .getRange(from + 2, FOLLOW_UP_COLUMN, to - from, 1)
    .setValues(Array.from({ length: to - from }, () => [address(label)]));
}

const documentValues = (fake: Fake) => fake.gas.properties.forDocument(fake.gas.spreadsheet.getId()).getProperties();

/** Bytes of the was value's head and parts in the document's properties. */
function wasBytes(fake: Fake): number {
  return Object.entries(documentValues(fake))
    .filter(([key]) => key === WAS_KEY || key.startsWith(`${WAS_KEY}.part.`))
    .reduce((sum, [, value]) => sum + Buffer.byteLength(value, 'utf8'), 0);
}

test('Approve, with the Roster changed since the dashboard, keeps the “was” addresses within their properties', () => {
  const fake = team();
  expect(approve(fake, 'first', 0, HALF)).toMatch(/^Approved first\./);
  // The first half's cells change; the dashboard drops their approvals, kept as "was".
  retype(fake, 'third', 0, HALF);
  runAs(fake, OWNER, 'getDashboard', [null]);
  expect(approve(fake, 'second', HALF, 2 * HALF)).toMatch(/^Approved second\./);
  expect(fake.bundle.getSettings().followUpWas).toHaveLength(HALF);
  // The second half's cells change too, and Approve is clicked on a page drawn before: its own
  // write drops the second half's approvals, whose "was" with the first half's would not fit.
  retype(fake, 'fourth', HALF, 2 * HALF);
  expect(approve(fake, 'third', 0, 1)).toMatch(/^Approved third\./);
  const { followUpApprovals, followUpWas } = fake.bundle.getSettings();
  expect(followUpApprovals).toEqual([{ member: nameOf(0), address: address('third') }]);
  expect(wasBytes(fake)).toBeLessThanOrEqual(MOST_BYTES);
  // The oldest went first: every member of the second half still shows the address approved before.
  const was = new Map(followUpWas.map((pair) => [pair.member, pair.address]));
  for (let i = HALF; i < 2 * HALF; i++) expect(was.get(nameOf(i))).toBe(address('second'));
  expect(followUpWas.length).toBeLessThan(2 * HALF - 1);
});
