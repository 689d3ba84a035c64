/**
 * Who the peer advocacy moment invites to share one specific result at the next team meeting.
 * Spec §10's cause 5 names "the adopters"; §8's day 14 "the developing users and new adopters";
 * §17's S + 14 the participants who are Developing users or Genuine adopters in the week ending
 * S + 13 (the baseline's Genuine adopters are not invited then: the moment is the participants'
 * result). The digest, the day-14 email and the programme's email name the people from here, so
 * that a reader who has two of them on the same morning reads the same names in both.
 */
import { memberKey, wordList } from '../base/text';
import type { Audit } from '../audit/audit-types';

export interface PeerInvitees {
  /** The week's Genuine adopters in scope: cause 5's adopters, whose evidence names the same. */
  adopters: string[];
  /** Of the members whose moment it is, those who are Developing users in the week (the Genuine ones are adopters). */
  newcomers: string[];
}

/** The invitees in `week` (a one-week audit) when the moment is for `moment` (names; none for cause 5 alone). */
export function peerInvitees(week: Pick<Audit, 'members'>, moment: readonly string[]): PeerInvitees {
  const keys = new Set(moment.map(memberKey));
  const inScope = week.members.filter((m) => m.inScope);
  return {
    adopters: inScope.filter((m) => m.category === 'Genuine adopter').map((m) => m.member),
    newcomers: inScope.filter((m) => m.category === 'Developing user' && keys.has(m.key)).map((m) => m.member),
  };
}

/**
 * The replacement programme's S + 14 (rules §17): the participants who are Genuine adopters or
 * Developing users in `week`, the week ending S + 13. The programme's email (its sentence, its
 * list and its subject) and the digest of the morning it is sent all name these.
 */
export function programmePeerInvitees(week: Pick<Audit, 'members'>, participants: readonly string[]): PeerInvitees {
  const keys = new Set(participants.map(memberKey));
  const theirs = week.members.filter((m) => m.inScope && keys.has(m.key));
  return {
    adopters: theirs.filter((m) => m.category === 'Genuine adopter').map((m) => m.member),
    newcomers: theirs.filter((m) => m.category === 'Developing user').map((m) => m.member),
  };
}

export function invitedNames(invitees: PeerInvitees): string[] {
  return [...invitees.adopters, ...invitees.newcomers];
}

/**
 * "Peer advocacy moment at the next team meeting (the week Mon 2 Mar 2026 to Sun 8 Mar 2026): invite
 * the Genuine adopters Ana and Ben, and Hugo (a Developing user, whose moment it is)."
 */
export function peerInviteLine(invitees: PeerInvitees, week: string): string {
  const { adopters, newcomers } = invitees;
  const head = `Peer advocacy moment at the next team meeting (${week}): `;
  if (!adopters.length && !newcomers.length)
    return `${head}nobody to invite yet: no Genuine adopter, and nobody whose moment it is is a Developing user.`;
  const parts = [
    ...(adopters.length
      ? [`the ${adopters.length === 1 ? 'Genuine adopter' : 'Genuine adopters'} ${everyName(adopters)}`]
      : []),
    ...(newcomers.length
      ? [
          `${everyName(newcomers)} (${newcomers.length === 1 ? 'a Developing user' : 'Developing users'} whose moment it is)`,
        ]
      : []),
  ];
  return `${head}invite ${parts.join(', and ')} to share one specific result, two minutes each.`;
}

/** Every name, never "and 2 others" ("Ann, Bo and Cy"): the owner acts on each of them. */
export function everyName(names: readonly string[]): string {
  return wordList(names);
}
