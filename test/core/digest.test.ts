// The weekly digest (spec §11): named for the owner, aggregate for extra recipients.
import { plus, rosterRows, type RosterSpec, type RunSpec } from '../support/sheets';
import { composeDigest, MIN_GROUP, topEditTypes, type DigestInput } from '../../src/core/programme/digest';
import { upcomingMilestones } from '../../src/core/programme/reminders';
import { parseRoster } from '../../src/core/sheets/roster';
import { audit, day, runsOf, UTC } from './fixtures';
import type { MemberUsageStatus, UsageAdopters, UsageView } from '../../src/core/usage/types';

const AS_OF = '2026-03-15'; // a Sunday: the digest goes on Monday 16 March
const DIGEST_DAY = day('2026-03-16');
const NAMES = ['Zelda', 'Yusuf', 'Xavier', 'Wanda', 'Violet', 'Umar'];

/** Six members: Zelda a genuine adopter, the others not; two below target on "Board memo". */
function bigTeam(): { runs: RunSpec[]; roster: RosterSpec[] } {
  const roster: RosterSpec[] = NAMES.map((name, i) => ({ name, training: plus(AS_OF, -10 - i) }));
  const runs: RunSpec[] = [
    ...runsOf('Zelda', 4, AS_OF, { workflow: 'Proposal' }),
    ...runsOf('Yusuf', 2, AS_OF, { workflow: 'Board memo', outcome: 'Heavy edit', edit: 'missing info' }),
    ...runsOf('Xavier', 2, AS_OF, { workflow: 'Board memo', outcome: 'Not used' }),
    // Last week: nobody was a genuine adopter.
    ...runsOf('Zelda', 1, plus(AS_OF, -7), { workflow: 'Proposal' }),
  ];
  return { runs, roster };
}

function digestInput(
  team: { runs: RunSpec[]; roster: RosterSpec[] },
  named: boolean,
  extra: Partial<DigestInput> = {},
): DigestInput {
  const members = parseRoster(rosterRows(team.roster), UTC).members;
  return {
    current: audit(team.runs, { roster: team.roster, asOf: AS_OF }),
    previous: audit(team.runs, { roster: team.roster, asOf: plus(AS_OF, -7) }),
    upcoming: upcomingMilestones(members, DIGEST_DAY, DIGEST_DAY + 6, 'owner@example.com'),
    named,
    problems: [],
    spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abc/edit',
    digestDay: DIGEST_DAY,
    sentDay: DIGEST_DAY,
    ...extra,
  };
}

describe('the named digest (owner)', () => {
  const input = digestInput(bigTeam(), true, {
    problems: ['2026-03-14 08:00: Day-seven follow-up to x@example.com failed: Invalid email'],
  });
  const { subject, text, html } = composeDigest(input);

  test('starts with the headline, in text and in HTML', () => {
    expect(subject).toBe('Uptake weekly digest: the week to Sun 15 Mar 2026');
    expect(text.split('\n')[0]).toBe(input.current.headline);
    expect(input.current.headline).toMatch(
      /^3 team members ran 8 workflow sessions this week; blended acceptance rate 50%; 1 workflow below threshold/,
    );
    expect(html).toMatch(
      new RegExp(
        `^<div[^>]*>\\n<p><strong>${input.current.headline.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</strong></p>`,
      ),
    );
  });

  test('shows the categories against last week', () => {
    expect(text).toMatch(/Genuine adopter\s+1\s+0\s+\+1/);
    expect(text).toMatch(/Developing user\s+2\s+1\s+\+1/);
    expect(text).toMatch(/Non-adopter\s+3\s+5\s+−2/);
    expect(text).toContain('Adoption rate: 17% of 6 members in scope (last week 0%, +17 points).');
    expect(text).toContain('Blended acceptance rate: 50% (last week 100%, −50 points).');
  });

  test('names who needs follow-up and why, the coming milestones and the top edit types', () => {
    expect(text).toMatch(
      /- Yusuf: Developing user: 2 unprompted uses a week \(threshold 3\); Acceptance 0% is below the 70% target\./,
    );
    expect(text).toMatch(
      /- Wanda: Non-adopter: 0 unprompted uses a week \(threshold 3\)\. Suggested: Identify the anchor workflow/,
    );
    expect(text).not.toMatch(/- Zelda:/);
    // Trained 10–15 days before AS_OF: Zelda (10 days) reaches day 14 on Thu 19 Mar, Umar (15) day 21 on Sat 21.
    expect(text).toMatch(/Thu 19 Mar 2026\s+Zelda\s+Peer advocacy moment\s+owner@example.com/);
    expect(text).toMatch(
      /Sat 21 Mar 2026\s+Umar\s+Week-three check\s+owner@example.com \(if still below the Genuine threshold\)/,
    );
    expect(text).toContain('- missing info: 2 (last week 0)');
  });

  test('lists the team suggestions with their evidence and the problems of the automation', () => {
    expect(text).toContain('No peer advocacy (cause 5)');
    expect(text).toContain('Workflow-level gap: Board memo');
    expect(text).toContain('Problems Uptake ran into');
    expect(text).toContain('Invalid email');
  });
});

describe('the aggregate digest (extra recipients)', () => {
  test('names nobody, anywhere, even where the owner’s version quotes evidence with names', () => {
    const team = bigTeam();
    const named = composeDigest(digestInput(team, true));
    const aggregate = composeDigest(digestInput(team, false, { problems: ['Day-seven follow-up for Zelda failed'] }));
    for (const name of ['Zelda', 'Yusuf', 'Xavier']) expect(named.text).toContain(name);
    for (const name of NAMES) {
      expect(aggregate.text).not.toContain(name);
      expect(aggregate.html).not.toContain(name);
      expect(aggregate.subject).not.toContain(name);
    }
    expect(aggregate.text).toContain('aggregate digest: it names nobody');
  });

  test('with 5 or more members in scope it shows categories and counts, not people', () => {
    const { text } = composeDigest(digestInput(bigTeam(), false));
    expect(text).toMatch(/Genuine adopter\s+1\s+0\s+\+1/);
    expect(text).toContain('5 of 6 members in scope need follow-up this week');
    // Umar's week-three check goes to his follow-up owner (here the owner, but the digest names no address).
    expect(text).toContain(
      '6 programme milestones fall due; the reminders go to the programme owner and the follow-up owners.',
    );
    expect(text).toContain(
      'No peer advocacy (cause 5): Run the peer advocacy moment at the next team meeting, naming the adopters. (1 of 6 members in scope is a Genuine adopter.)',
    );
    // The workflow below target is used by 2 people: not detailed for them.
    expect(text).toContain(`1 workflow used by fewer than ${MIN_GROUP} people (not detailed here)`);
    expect(text).not.toContain('Board memo');
  });

  test('with fewer than 5 members in scope it shows no category breakdown at all', () => {
    const roster: RosterSpec[] = [
      { name: 'Zelda' },
      { name: 'Yusuf' },
      { name: 'Xavier' },
      { name: 'Wanda' },
      { name: 'Violet', status: 'No suitable anchor workflow' },
    ];
    const runs = [...runsOf('Zelda', 4, AS_OF), ...runsOf('Yusuf', 1, AS_OF)];
    const { text, html } = composeDigest(digestInput({ runs, roster }, false));
    expect(text).toContain(
      `Fewer than ${MIN_GROUP} members are in scope, so this version of the digest shows no breakdown by category.`,
    );
    for (const label of ['Genuine adopter', 'Developing user', 'Non-adopter', 'Adoption rate', 'need follow-up']) {
      expect(text).not.toContain(label);
      expect(html).not.toContain(label);
    }
    expect(text.split('\n')[0]).toBe(
      '2 team members ran 5 workflow sessions this week; blended acceptance rate 100%; 0 workflows below threshold under review.',
    );
  });
});

describe('rendering', () => {
  test('member names are escaped in the HTML and kept as typed in the text', () => {
    const roster: RosterSpec[] = [
      { name: '<b>x</b>', training: plus(AS_OF, -6) },
      { name: '=HYPERLINK("http://evil")', training: plus(AS_OF, -6) },
    ];
    const { text, html } = composeDigest(digestInput({ runs: runsOf('<b>x</b>', 1, AS_OF), roster }, true));
    expect(text).toContain('<b>x</b>');
    expect(html).not.toContain('<b>x</b>');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(html).toContain('=HYPERLINK(&quot;http://evil&quot;)');
  });

  test('a digest sent late says when it was due; one sent on request does not', () => {
    const late = composeDigest(digestInput(bigTeam(), true, { sentDay: DIGEST_DAY + 2 }));
    expect(late.subject).toBe('Uptake weekly digest: the week to Sun 15 Mar 2026 (late: due Mon 16 Mar 2026)');
    expect(late.text).toContain('This digest was due on Mon 16 Mar 2026');
    const onRequest = composeDigest(digestInput(bigTeam(), true, { sentDay: DIGEST_DAY + 2, onRequest: true }));
    expect(onRequest.subject).not.toContain('late');
  });

  test('top edit types are the most frequent first, at most three, none when there are none', () => {
    expect(topEditTypes({ tone: 1, scope: 0, format: 5, 'missing info': 3, 'wrong info': 2 })).toEqual([
      'format',
      'missing info',
      'wrong info',
    ]);
    expect(topEditTypes({ tone: 0, scope: 0, format: 0, 'missing info': 0, 'wrong info': 0 })).toEqual([]);
  });
});

describe('wording', () => {
  test('the change against last week is in the same brackets as last week’s figure', () => {
    const team = bigTeam();
    const input = digestInput(team, true);
    const { text } = composeDigest({ ...input, previous: input.current });
    expect(text).toContain('Adoption rate: 17% of 6 members in scope (last week 17%, no change).');
    expect(text).toContain('Blended acceptance rate: 50% (last week 50%, no change).');
    expect(text).not.toContain(') (');
  });

  test('one point, one member: singular', () => {
    // Seven members; one needs follow-up, and the blended rate moves by one point (99% to 100%).
    const roster: RosterSpec[] = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((name) => ({
      name,
      training: plus(AS_OF, -60),
    }));
    const runs: RunSpec[] = [
      ...['A', 'B', 'C', 'D', 'E', 'F'].flatMap((name) => runsOf(name, 4, AS_OF)),
      ...Array.from({ length: 99 }, () => ({ date: plus(AS_OF, -7), member: 'A' })),
      { date: plus(AS_OF, -7), member: 'A', outcome: 'Not used' },
    ];
    const { text } = composeDigest(digestInput({ runs, roster }, false));
    expect(text).toContain('1 of 7 members in scope needs follow-up this week');
    expect(text).toContain('Blended acceptance rate: 100% (last week 99%, +1 point).');
  });

  test('milestones that all go to the programme owner say so', () => {
    // Trained 12 days before the digest week: day 14 falls in the coming week, nothing else.
    const roster: RosterSpec[] = NAMES.map((name) => ({ name, training: plus(AS_OF, -12) }));
    const { text } = composeDigest(digestInput({ runs: [], roster }, false));
    expect(text).toContain('6 programme milestones fall due; the reminders go to the programme owner.');
  });
});

describe('the usage section of the aggregate digest (rules §15: counts only, over 5 or more)', () => {
  function withUsage(statuses: MemberUsageStatus[], adopters: UsageAdopters): DigestInput {
    const input = digestInput(bigTeam(), false);
    const usage: UsageView = {
      sources: [],
      periods: [],
      members: statuses.map((status, i) => ({ member: NAMES[i], status, periods: [], lines: [] })),
      usageAdopters: adopters,
      notInExport: [],
      notOnRoster: [],
      skippedUsageRows: [],
      refused: [],
    };
    return { ...input, current: { ...input.current, usage } };
  }
  const STATUSES: MemberUsageStatus[] = [
    'not logging',
    'under-logging',
    'consistent',
    'consistent',
    'no usage data',
    'no usage data',
  ];

  test('no usage adopters figure when fewer than 5 members have active days known', () => {
    const { text } = composeDigest(withUsage(STATUSES, { adopters: 2, known: 4, rate: 0.5 }));
    expect(text).toContain('Of 6 members in scope: 1 not logging, 1 under-logging, 2 with no usage data');
    expect(text).not.toMatch(/Usage adopters|2 of 4/);
    expect(text).not.toContain('in no export');
  });

  test('usage adopters as a count when 5 or more have active days known', () => {
    const { text } = composeDigest(withUsage(STATUSES, { adopters: 3, known: 5, rate: 0.6 }));
    expect(text).toContain('Usage adopters: 3 of the 5 members whose active days an export gives.');
    expect(text).not.toMatch(/Usage adopters 60%/);
  });
});
