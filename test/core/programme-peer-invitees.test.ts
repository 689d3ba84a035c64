// The replacement programme's peer advocacy moment (rules §17): the participants who are
// Developing users or Genuine adopters in the week ending S + 13, and nobody else, so the
// email's sentence, its Invite list and the digest of that morning read one list.
import { programmePeerInvitees, invitedNames, peerInviteLine } from '../../src/core/programme/peer-advocacy';
import type { MemberReport } from '../../src/core/audit/audit-types';

const member = (name: string, category: MemberReport['category'], inScope = true) =>
  ({ member: name, key: name.toLowerCase(), category, inScope }) as MemberReport;

const week = {
  members: [
    member('Pia Peer', 'Genuine adopter'),
    member('Ann Abel', 'Developing user'),
    member('Bo Berg', 'Non-adopter'),
    member('Di Dahl', 'Genuine adopter'),
    member('Ed Eng', 'Developing user', false),
  ],
};

test('participants only: the baseline’s adopter Pia is a peer, not invited; Bo (Non-adopter) and Ed (out of scope) neither', () => {
  const invitees = programmePeerInvitees(week, ['Ann Abel', 'bo berg', 'Di Dahl', 'Ed Eng']);
  expect(invitees).toEqual({ adopters: ['Di Dahl'], newcomers: ['Ann Abel'] });
  expect(invitedNames(invitees)).toEqual(['Di Dahl', 'Ann Abel']);
  expect(peerInviteLine(invitees, 'the week')).toBe(
    'Peer advocacy moment at the next team meeting (the week): invite the Genuine adopter Di Dahl, and Ann Abel (a Developing user whose moment it is) to share one specific result, two minutes each.',
  );
});

test('no participant Developing or Genuine: nobody is invited, the peers neither', () => {
  expect(invitedNames(programmePeerInvitees(week, ['Bo Berg']))).toEqual([]);
});
