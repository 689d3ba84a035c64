// My week (rules §19): each member's own figures, over the example team, from the BUILT bundle.
import { auditOf } from '../support/dashboard';
import { example, readExample } from '../support/example';
import { myWeek } from '../../src/core/roles/my-week';
import { day } from '../core/fixtures';
import { fakeWithBundle } from '../support/fake-bundle';
import { approveListedRosterEmails } from './support';

const read = readExample;
const roster = read('roster.csv');
const members = roster.slice(1).map(([name, email]) => ({ name, email }));

function exampleTeam() {
  const made = fakeWithBundle({
    now: `${example.asOf}T10:00:00Z`,
    user: example.owner,
    // With the example's usage exports (rules §15), whose details are the owner's alone.
    spreadsheet: {
      sheets: {
        'AI usage log': read('log.csv'),
        Roster: roster,
        ...Object.fromEntries((example.usage ?? []).map((file) => [file, read(file)])),
      },
    },
  });
  made.bundle.saveSettings({ ownerEmail: example.owner });
  approveListedRosterEmails(made, example.owner);
  return made;
}

/** Whether `text` names `name` or its first name, as a word. */
function names(text: string, name: string): boolean {
  return [name, name.split(' ')[0]].some((n) => new RegExp(`(^|[^\\p{L}])${n}($|[^\\p{L}])`, 'u').test(text));
}

describe('My week over the example team', () => {
  const { bundle } = exampleTeam();

  test.each(members)('$name sees their own week, and no one else’s name', ({ name, email }) => {
    const view = bundle.$run('getMyWeek', [], { user: email });
    expect(view.message).toBeNull();
    expect(view.week?.member).toBe(name);
    expect(view.week?.lines.length).toBeGreaterThanOrEqual(3);
    const text = JSON.stringify(view);
    for (const other of members.filter((m) => m.name !== name)) expect(names(text, other.name)).toBe(false);
  });

  test('each member’s category is the one the owner’s audit gives them for the same week', () => {
    const audit = auditOf(bundle.getDashboard(null));
    for (const { name, email } of members) {
      const view = bundle.$run('getMyWeek', [], { user: email });
      const inAudit = audit.members.find((m) => m.member === name);
      expect(inAudit).toBeDefined();
      expect(view.week?.category).toBe(inAudit!.category);
      expect(
        (view.week?.lines ?? []).filter((line) => line.startsWith(`That makes you a ${inAudit!.category} this week`)),
      ).toHaveLength(1);
    }
  });

  test('logging a run under someone else’s name still shows only the logger’s own week', () => {
    const fresh = exampleTeam();
    const [ana, chloe] = [members[0], members[2]];
    const result = fresh.bundle.$run(
      'logRun',
      [
        {
          date: example.asOf,
          member: chloe.name,
          workflow: 'Campaign brief',
          outcome: 'Used as-is',
          editTypes: [],
          prompted: false,
          notes: '',
        },
      ],
      { user: ana.email },
    );
    expect(result.myWeek.week?.member).toBe(ana.name);
    expect(names(JSON.stringify(result.myWeek), chloe.name)).toBe(false);
  });

  test('usage exports (rules §15) reach no member: not in My week, the Log a run form, or what logging answers', () => {
    const fresh = exampleTeam();
    // What the exports say of anyone: their tools, counts, statuses and the exports themselves.
    const usageWords =
      /ChatGPT|Claude|active day|messages|sessions|not logging|under-logging|not seen in the tool|usage-(chatgpt|claude)|Logging gap/i;
    for (const { name, email } of members) {
      const answers = [
        fresh.bundle.$run('getMyWeek', [], { user: email }),
        fresh.bundle.$run('getLogForm', [], { user: email }),
        fresh.bundle.$run(
          'logRun',
          [
            {
              date: example.asOf,
              member: name,
              workflow: 'Campaign brief',
              outcome: 'Used as-is',
              editTypes: [],
              prompted: false,
              notes: '',
            },
          ],
          { user: email },
        ),
      ].map((answer) => JSON.stringify(answer));
      for (const text of answers) {
        expect(text).not.toMatch(usageWords);
        for (const other of members.filter((m) => m.email !== email)) expect(text).not.toContain(other.email);
      }
    }
    // The owner's dashboard does carry them: the words above are the ones to look for.
    const owner = JSON.stringify(fresh.bundle.$run('getDashboard', [null], { user: example.owner }));
    expect(owner).toMatch(/ChatGPT: \d+ messages in/);
    expect(owner).toMatch(/not logging/);
  });

  test('an editor the roster does not know, and one with no email, are told why, with no one’s figures', () => {
    const { bundle: b, gas } = exampleTeam();
    gas.hideEmailOf('hidden@northwind.example');
    for (const user of ['visitor@northwind.example', 'hidden@northwind.example']) {
      const view = b.$run('getMyWeek', [], { user });
      expect(view.week).toBeNull();
      for (const m of members) expect(names(String(view.message), m.name)).toBe(false);
    }
    expect(b.$run('getMyWeek', [], { user: 'hidden@northwind.example' }).message).toMatch(
      /^Google did not give Uptake your email address/,
    );
  });
});

describe('myWeek (core): the figures', () => {
  const run = (iso: string, extra: Partial<Parameters<typeof myWeek>[0]['runs'][number]> = {}) => ({
    row: 2,
    day: day(iso),
    memberKey: 'ana',
    memberText: 'Ana',
    workflowKey: 'proposal',
    workflow: 'Proposal',
    outcome: 'as-is' as const,
    editTypes: [],
    prompted: false,
    ...extra,
  });

  test('this week and last, unprompted against the threshold, acceptance, top edit, next milestone', () => {
    const week = myWeek({
      member: 'Ana',
      runs: [
        run('2026-03-15'),
        run('2026-03-12', { prompted: true }),
        run('2026-03-09', { outcome: 'heavy', editTypes: ['tone'] }),
        run('2026-03-08', { outcome: 'light', editTypes: ['tone', 'format'] }),
        run('2026-03-02', { outcome: 'not-used' }),
        run('2026-03-01'),
      ],
      today: day('2026-03-15'),
      genuineAt: 3,
      developingAt: 1,
      trainingDay: day('2026-03-01'),
      coveredFrom: null,
    });
    expect(week.thisWeek).toEqual({ runs: 3, unprompted: 2 });
    expect(week.lastWeek).toEqual({ runs: 2, unprompted: 2 });
    // 3 of 5 used as-is or lightly edited (the run of 1 March is three weeks back).
    expect(week.acceptanceRate).toBeCloseTo(3 / 5);
    expect(week.editTypes).toEqual({ tone: 2, scope: 0, format: 1, 'missing info': 0, 'wrong info': 0 });
    expect(week.nextMilestone).toEqual({ label: 'Week-three check', date: '2026-03-22', day: 21, counted: 'training' });
    expect(week.partial).toBe(false);
    expect(week.category).toBe('Developing user');
    expect(week.lines).toEqual([
      'This week (the 7 days to today): 3 runs, 2 unprompted; 1 more would reach the 3 a week of a Genuine adopter.',
      'That makes you a Developing user this week: you use it, not yet as a habit.',
      'Last week: 2 runs, 2 unprompted.',
      'You used 60% of your 5 outputs as-is or after a light edit.',
      'Edit types in these two weeks: tone 2, format 1. Most are context edits (2 of 3): the pattern points to context (a voice guide).',
      'Next in your programme: Week-three check, Sun 22 Mar 2026 (day 21 after your training).',
    ]);
  });

  // Rules §10's groups (context: tone, missing info, wrong info; prompt: scope; format: format),
  // as the follow-up emails say it: "most" only for a group strictly ahead, never the first type of a tie.
  test.each([
    [
      'a tie between groups is mixed',
      [['tone'], ['format']],
      'Edit types in these two weeks: tone 1, format 1. Mixed: context and format edits are level (1 of 2 each): ' +
        'the pattern points to context (a voice guide) and format (an output template) alike.',
    ],
    [
      'one group ahead over types of one each',
      [['scope'], ['tone'], ['wrong info']],
      'Edit types in these two weeks: tone 1, scope 1, wrong info 1. Most are context edits (2 of 3): ' +
        "the pattern points to context (the voice guide, and what is missing or wrong in the workflow's context).",
    ],
  ] as const)('edit pattern: %s', (_, edits, line) => {
    const week = myWeek({
      member: 'Ana',
      runs: edits.map((types) => run('2026-03-14', { outcome: 'heavy', editTypes: [...types] })),
      today: day('2026-03-15'),
      genuineAt: 3,
      developingAt: 1,
      trainingDay: null,
      coveredFrom: null,
    });
    expect(week.lines).toContain(line);
  });

  test('edit types of a run used as-is count nowhere, as in the audit (rules §6)', () => {
    const week = myWeek({
      member: 'Ana',
      runs: [run('2026-03-14', { outcome: 'as-is', editTypes: ['tone'] })],
      today: day('2026-03-15'),
      genuineAt: 3,
      developingAt: 1,
      trainingDay: null,
      coveredFrom: null,
    });
    expect(week.editTypes.tone).toBe(0);
    expect(week.lines.some((line) => line.startsWith('Edit types'))).toBe(false);
  });

  test('rows read that do not reach back two weeks are said', () => {
    const week = myWeek({
      member: 'Ana',
      runs: [],
      today: day('2026-03-15'),
      genuineAt: 3,
      developingAt: 1,
      trainingDay: null,
      coveredFrom: day('2026-03-10'),
    });
    expect(week.partial).toBe(true);
    expect(week.lines.at(-1)).toMatch(/^Counted from the log’s most recent rows only/);
  });
});
