// The Roster's (name, email) pairings My week waits for (rules §19): which wait, what one Approve
// of a listed set does, and the stored value read back.
import {
  isApprovedPairing,
  parseRosterApprovals,
  unapprovedPairings,
  withApproved,
} from '../../../src/core/roles/roster-approval';
import { rosterMembers } from '../../support/sheets';

const OWNER = 'owner@example.com';

const roster = (...pairs: [string, string | null][]) =>
  rosterMembers(pairs.map(([name, email]) => ({ name, email: email ?? undefined })));

test('new rows wait with no "was"; a changed email waits with the one approved before; blank emails and the owner’s need nothing', () => {
  const members = roster(['Ana', 'ben@x.example'], ['Ben', null], ['Cleo', 'cleo@x.example'], ['Dee', OWNER]);
  const approved = [
    { name: 'Ana', email: 'ana@x.example' },
    { name: 'Ben', email: 'ben@x.example' },
  ];
  // Ana's new email is the one approved for Ben: marked, as approving it moves it off Ben.
  expect(unapprovedPairings(members, approved, OWNER)).toEqual([
    { name: 'Ana', email: 'ben@x.example', was: 'ana@x.example', approvedFor: 'Ben' },
    { name: 'Cleo', email: 'cleo@x.example', was: null },
  ]);
  expect(isApprovedPairing(members[3], [], OWNER)).toBe(true);
  expect(isApprovedPairing(members[1], approved, OWNER)).toBe(false);
});

test('names and emails match whatever their case and spacing', () => {
  expect(
    isApprovedPairing(
      { name: ' ana  lima', email: 'ANA@x.example ' },
      [{ name: 'Ana Lima', email: 'ana@x.example' }],
      '',
    ),
  ).toBe(true);
});

test('Approve takes only what was listed and is still on the roster, replacing the same name or email, dropping rows gone', () => {
  const members = roster(['Ana', 'ben@x.example'], ['Cleo', 'cleo@x.example'], ['Zoe', 'zoe@x.example']);
  const approved = [
    { name: 'Ana', email: 'ana@x.example' },
    { name: 'Ben', email: 'ben@x.example' },
    { name: 'Cleo', email: 'cleo@x.example' },
  ];
  const listed = [
    { name: 'Ana', email: 'ben@x.example' },
    // Listed, then changed on the Roster before the click: not approved.
    { name: 'Zoe', email: 'zoe.old@x.example' },
    // Never on the Roster: ignored.
    { name: 'Mallory', email: 'mallory@x.example' },
  ];
  const { approvals, chosen } = withApproved(members, approved, OWNER, listed);
  expect(chosen).toEqual([{ name: 'Ana', email: 'ben@x.example', was: 'ana@x.example', approvedFor: 'Ben' }]);
  // Ben's row is gone from the roster, and ben@ is now Ana's: (Ben, ben@) would otherwise come back.
  expect(approvals).toEqual([
    { name: 'Cleo', email: 'cleo@x.example' },
    { name: 'Ana', email: 'ben@x.example' },
  ]);
});

test('the stored value: pairs read back; anything else approves nobody', () => {
  expect(parseRosterApprovals('[["Ana","ana@x.example"]]')).toEqual([{ name: 'Ana', email: 'ana@x.example' }]);
  for (const raw of [null, '', 'not json', '{"Ana":"ana@x.example"}', '[[1,2]]'])
    expect([raw, parseRosterApprovals(raw)]).toEqual([raw, []]);
});
