// Check set-up's lines of several or long wording (src/core/setup-check): the roster's approvals,
// the owner's copy for a run outside the document, the last change of owner, each from given facts.
import {
  followUpOwnerLines,
  mirrorApprovalsLines,
  rosterApprovalLines,
  sharedRosterEmailLines,
} from '../../src/core/setup-check/approvals';
import { formerOwnerNotToldLines, interventionsElsewhereLines } from '../../src/core/setup-check/owner-change';
import type { ApprovalFacts, OwnerChangeFacts, SetupFacts } from '../../src/core/setup-check/facts';
import type { OwnerChange } from '../../src/core/roles/owner-change';
import { rosterMembers, type RosterSpec } from '../support/sheets';
import { withKeptEmails } from '../../src/core/roles/shared-roster-email';

const OWNER = 'owner@example.com';

const noApprovals: ApprovalFacts = {
  followUpOwners: [],
  followUpOwnersByAddress: [],
  followUpOwnersMirrored: 0,
  rosterEmails: [],
  everApproved: true,
};

/** The facts these lines read: `members` on the Roster, the owner in Settings, the approvals given. */
function facts(members: RosterSpec[], approvals: Partial<ApprovalFacts> = {}, owner = OWNER) {
  return {
    rosterRead: { members: rosterMembers(members), skipped: [] },
    approvals: { ...noApprovals, ...approvals },
    owner: { setting: owner, effectiveUser: owner },
  } satisfies Pick<SetupFacts, 'rosterRead' | 'approvals' | 'owner'>;
}

describe('follow-up owners not approved', () => {
  test('one line per address, naming its members; an approved pairing and the owner’s own address say nothing', () => {
    const lines = followUpOwnerLines(
      facts(
        [
          { name: 'Ana', owner: 'lee@example.com' },
          { name: 'Ben', owner: 'lee@example.com' },
          { name: 'Cleo', owner: 'kim@example.com' },
          { name: 'Dee', owner: OWNER },
        ],
        { followUpOwners: [{ member: 'Cleo', address: 'kim@example.com' }] },
      ),
    );
    expect(lines).toEqual([
      {
        id: 'follow-up-owner-not-approved',
        label: 'Follow-up owner not approved',
        status: 'warn',
        detail:
          'The roster names lee@example.com as follow-up owner of Ana, Ben, which the owner has not approved: those ' +
          'follow-ups go to the owner instead. If lee@example.com should have them, the owner clicks Approve in the ' +
          "dashboard's list of follow-up owners (saving Settings approves none); otherwise correct the Roster's " +
          'Follow-up owner cell.',
      },
    ]);
  });

  test('an address an earlier version approved by itself is asked about once more, and said so', () => {
    const [line] = followUpOwnerLines(
      facts([{ name: 'Ana', owner: 'lee@example.com' }], { followUpOwnersByAddress: ['LEE@example.com'] }),
    );
    expect(line.detail).toContain('An earlier version of Uptake approved lee@example.com by address alone');
  });

  test('a member whose name is on two rows: the line says why Approve is not offered for them', () => {
    const base = facts([
      { name: 'Ana', owner: 'lee@example.com' },
      { name: 'Cleo', owner: 'lee@example.com' },
    ]);
    const [line] = followUpOwnerLines({
      ...base,
      rosterRead: { ...base.rosterRead, repeatedNames: [{ name: 'Cleo', rows: [3, 5] }] },
    });
    expect(line.detail).toMatch(
      / For Cleo, Approve is not offered: "Cleo" is on rows 3 and 5 \(Uptake reads row 3 only\); give each member one row first\.$/,
    );
    expect(line.detail).not.toContain('For Ana');
  });

  test('a roster that could not be read says nothing here (its own line says why)', () => {
    expect(followUpOwnerLines({ ...facts([]), rosterRead: null })).toEqual([]);
  });
});

describe('an email on two roster rows', () => {
  const shared = {
    email: 'ana@example.com',
    rows: [
      { row: 2, name: 'Ana', email: 'ana@example.com' },
      { row: 5, name: 'Eve', email: 'ana@example.com' },
    ],
    kept: null,
  };
  /** The roster as Check set-up reads it: with the owner's approvals (`rosterEmails`). */
  const withShared = (rosterEmails: ApprovalFacts['rosterEmails']) => ({
    rosterRead: withKeptEmails({ members: [], skipped: [], notices: [], sharedEmails: [shared] }, rosterEmails),
  });

  test('approved for none of the rows: no row keeps it', () => {
    expect(sharedRosterEmailLines(withShared([]))).toEqual([
      {
        id: 'roster-email-shared',
        label: 'Roster email on two rows',
        status: 'warn',
        detail:
          'ana@example.com is on 2 Roster rows: row 2 (Ana) and row 5 (Eve). You approved it for none of them, so ' +
          'My week shows figures to none of them, and the dashboard, the daily emails and the usage exports count ' +
          'the log and usage rows under it as no one’s. Approve cannot give an email to a row while it is on two ' +
          'rows: correct the Email cell of the wrong row, and check who changed it (every editor can edit the Roster).',
      },
    ]);
  });

  test('approved for one row: that row keeps it and the other waits', () => {
    const [line] = sharedRosterEmailLines(withShared([{ name: 'Ana', email: 'ana@example.com' }]));
    expect(line.detail).toContain(
      'You approved it for row 2 (Ana): Ana keeps My week, and the dashboard, the daily emails and the usage ' +
        'exports count the log and usage rows under it as Ana’s. Row 5 (Eve) waits',
    );
  });

  test('none on two rows, or no roster: no line', () => {
    expect(sharedRosterEmailLines({ rosterRead: { members: [], skipped: [] } })).toEqual([]);
    expect(sharedRosterEmailLines({ rosterRead: null })).toEqual([]);
  });
});

describe('roster emails waiting for approval', () => {
  const team = (n: number): RosterSpec[] =>
    Array.from({ length: n }, (_, i) => ({ name: `M${i + 1}`, email: `m${i + 1}@example.com` }));

  test('never approved: says what approving is for, names the pairings and where to approve', () => {
    expect(rosterApprovalLines(facts(team(2), { everApproved: false }))).toEqual([
      {
        id: 'roster-emails-not-approved',
        label: 'Roster emails not approved',
        status: 'warn',
        detail:
          "You have not approved the roster's emails yet, so My week shows no member their figures. The Roster is a " +
          'tab every editor edits, so Uptake shows a member their week only for a name and email you approved: ' +
          "check them once (M1: m1@example.com; M2: m2@example.com). Approvals start again whenever Uptake's owner " +
          'changes. Open the dashboard and click Approve in its list "Roster to approve" (saving Settings approves none).',
      },
    ]);
  });

  test('approved before: one changed row waits, named with the email it had', () => {
    const [line] = rosterApprovalLines(
      facts([{ name: 'Ana', email: 'ana@new.example' }], { rosterEmails: [{ name: 'Ana', email: 'ana@example.com' }] }),
    );
    expect(line.detail).toMatch(
      /^A roster row waits for your approval \(Ana: was ana@example\.com, now ana@new\.example\): a new row, or an email changed since you approved\./,
    );
  });

  test('a row whose name is on another row is named with why Approve is not offered', () => {
    const base = facts([{ name: 'Ana', email: 'ana@example.com' }]);
    const [line] = rosterApprovalLines({
      ...base,
      rosterRead: { ...base.rosterRead, repeatedNames: [{ name: 'Ana', rows: [2, 4] }] },
    });
    expect(line.detail).toContain(
      '(Ana: ana@example.com (not offered: "Ana" is on rows 2 and 4 (Uptake reads row 2 only); give each member one row first))',
    );
  });

  test('the first ten are named, the rest counted', () => {
    const [line] = rosterApprovalLines(facts(team(13)));
    expect(line.detail).toMatch(
      /^13 roster rows wait for your approval \(M1: m1@example\.com; .*M10: m10@example\.com and 3 more\)/,
    );
    expect(line.detail).not.toContain('M11');
  });

  test('every email approved: no line', () => {
    const rosterEmails = [{ name: 'M1', email: 'm1@example.com' }];
    expect(rosterApprovalLines(facts(team(1), { rosterEmails }))).toEqual([]);
  });
});

describe('approved follow-up owners a run outside the document cannot read', () => {
  const approvals = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ member: `M${i}`, address: 'lee@example.com' }));

  test('all kept in the owner’s copy: no line', () => {
    expect(
      mirrorApprovalsLines({ approvals: { ...noApprovals, followUpOwners: approvals(3), followUpOwnersMirrored: 3 } }),
    ).toEqual([]);
  });

  test('fewer kept: says how many, and whose follow-ups go to the owner in such a run', () => {
    const [line] = mirrorApprovalsLines({
      approvals: { ...noApprovals, followUpOwners: approvals(400), followUpOwnersMirrored: 350 },
    });
    expect(line).toMatchObject({ id: 'follow-up-approvals-mirror-full', status: 'warn' });
    expect(line.detail).toContain(
      'it holds 350 of your 400 approved pairings. In such a run, the follow-ups of the other 50 members go to you',
    );
  });
});

describe('the last change of owner', () => {
  const home = {
    holder: 'ben@example.com',
    url: 'https://docs.google.com/spreadsheets/d/x',
    name: 'Uptake audit: Team',
  };
  const change: OwnerChange = {
    at: '2026-03-15T10:00:00.000Z',
    from: 'ben@example.com',
    to: OWNER,
    how: 'reclaim',
    told: false,
  };
  const withChange = (ownerChange: Partial<OwnerChangeFacts>, owner = OWNER) => ({
    ownerChange: { interventionsElsewhere: null, last: null, ...ownerChange },
    owner: { setting: owner, effectiveUser: owner },
  });

  test('interventions a former owner holds: where, and whom to ask', () => {
    expect(interventionsElsewhereLines(withChange({ interventionsElsewhere: home }))).toEqual([
      {
        id: 'interventions-with-former-owner',
        label: 'Interventions with the former owner',
        status: 'warn',
        detail:
          'The interventions recorded before you became the owner are in ben@example.com\'s own spreadsheet "Uptake ' +
          'audit: Team" (https://docs.google.com/spreadsheets/d/x), which only ben@example.com can open. Ask ' +
          'ben@example.com to share it with you; Uptake does not move them.',
      },
    ]);
  });

  test('the owner who holds them is told nothing about them', () => {
    expect(interventionsElsewhereLines(withChange({ interventionsElsewhere: home }, 'Ben@Example.com'))).toEqual([]);
  });

  test('a former owner not emailed: the owner the change named is asked to tell them', () => {
    const [line] = formerOwnerNotToldLines(withChange({ last: change }));
    expect(line).toMatchObject({ id: 'former-owner-not-told', label: 'Former owner not told', status: 'warn' });
    expect(line.detail).toMatch(
      /^Uptake could not email ben@example\.com that you took Uptake over \(no email could be sent\)\. Tell them yourself/,
    );
  });

  test('told, handed to someone else since, or with no former owner: no line', () => {
    expect(formerOwnerNotToldLines(withChange({ last: { ...change, told: true } }))).toEqual([]);
    expect(formerOwnerNotToldLines(withChange({ last: change }, 'cleo@example.com'))).toEqual([]);
    expect(formerOwnerNotToldLines(withChange({ last: { ...change, from: '' } }))).toEqual([]);
    expect(formerOwnerNotToldLines(withChange({}))).toEqual([]);
  });
});
