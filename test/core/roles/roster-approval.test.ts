// The Roster's (name, email) pairings My week waits for (rules §19): which wait, what one Approve
// of a listed set does, and the stored value read back.
import {
  isApprovedPairing,
  pairingText,
  parseRosterApprovals,
  unapprovedPairings,
  withApproved,
} from '../../../src/core/roles/roster-approval';
import { rosterMembers } from '../../support/sheets';

const OWNER = 'owner@example.com';

const roster = (...pairs: [string, string | null][]) =>
  rosterMembers(pairs.map(([name, email]) => ({ name, email: email ?? undefined })));

test('new rows wait with no "was"; a changed email waits with the one approved before; blank emails need nothing', () => {
  const members = roster(['Ana', 'ben@x.example'], ['Ben', null], ['Cleo', 'cleo@x.example'], ['Dee', OWNER]);
  const approved = [
    { name: 'Ana', email: 'ana@x.example' },
    { name: 'Ben', email: 'ben@x.example' },
  ];
  // Ana's new email is the one approved for Ben: marked, as approving it moves it off Ben.
  expect(unapprovedPairings(members, approved, OWNER)).toEqual([
    { name: 'Ana', email: 'ben@x.example', was: 'ana@x.example', approvedFor: 'Ben' },
    { name: 'Cleo', email: 'cleo@x.example', was: null },
    { name: 'Dee', email: OWNER, was: null, ownersAddress: true },
  ]);
  expect(isApprovedPairing(members[1], approved)).toBe(false);
});

test('the owner’s address is approved only for the name the owner approved it with', () => {
  const approved = [
    { name: 'Dara', email: 'dara@x.example' },
    { name: 'Olu', email: OWNER },
  ];
  // A member typed the owner's address on Dara's row: listed, as any changed email is.
  const members = roster(['Dara', OWNER]);
  expect(isApprovedPairing(members[0], approved)).toBe(false);
  expect(isApprovedPairing({ name: 'Olu', email: OWNER }, approved)).toBe(true);
  const [dara] = unapprovedPairings(members, approved, OWNER);
  expect(dara).toEqual({ name: 'Dara', email: OWNER, was: 'dara@x.example', approvedFor: 'Olu', ownersAddress: true });
  expect(pairingText(dara)).toBe(
    'Dara: was dara@x.example, now owner@example.com (your own address) (you approved it for Olu)',
  );
});

test('names and emails match whatever their case and spacing', () => {
  expect(
    isApprovedPairing({ name: ' ana  lima', email: 'ANA@x.example ' }, [{ name: 'Ana Lima', email: 'ana@x.example' }]),
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
