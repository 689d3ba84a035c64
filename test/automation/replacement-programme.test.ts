// The replacement programme (spec §17) on the BUILT bundle, over simulated days: a team trained
// months before, the programme started from the sidebar for Monday 2 March, anchor-workflow
// sessions recorded from a participant's line on different days. Every expectation below is
// worked out from §17 by hand, not read from Uptake's output.
import { plus, type RosterSpec, type RunSpec } from '../support/sheets';
import { dayOf, duplicates, LEAD, OWNER, runWithoutDocument, sentRows, team } from './support';

const S = '2026-03-02';
const members: RosterSpec[] = [
  // The baseline's Genuine adopter: the peer.
  { name: 'Ana', training: '2025-11-03', pack: 'yes' },
  // Participants (below Genuine in the week ending 1 March).
  { name: 'Ben', email: 'ben@example.com', training: '2025-11-03', owner: LEAD, pack: 'yes', anchor: 'Proposal' },
  { name: 'Cleo', training: '2025-11-10', pack: 'yes' },
  // Trained on 10 Feb: without the programme, his §8 days 21, 30 and 42 would fall after S.
  { name: 'Gus', training: '2026-02-10', pack: 'no' },
  // Not chased (§7), out of scope (§5), and a new hire trained after S who follows §8.
  { name: 'Dara', training: '2025-11-03', status: 'Principled resistance' },
  { name: 'Eve', training: '2025-11-03', status: 'No suitable anchor workflow' },
  { name: 'Fay', training: '2026-03-04' },
];

function daily(member: string, from: string, to: string, every = 1): RunSpec[] {
  const runs: RunSpec[] = [];
  for (let d = from; d <= to; d = plus(d, every)) runs.push({ date: d, member, workflow: 'Proposal' });
  return runs;
}
const runs: RunSpec[] = [
  ...daily('Ana', '2026-01-05', '2026-04-10'),
  // Two runs a week: a Developing user throughout.
  ...daily('Cleo', '2026-01-05', '2026-04-10', 4),
  // Daily after his session: Genuine by the peer advocacy week.
  ...daily('Ben', '2026-03-05', '2026-04-10'),
];

/** Runs the trigger up to `day` at noon, then records a session as the sidebar's one step does. */
function sessionOn(bundle: ReturnType<typeof team>['bundle'], day: string, member: string) {
  bundle.$runDueTriggers(`${day}T12:00:00Z`);
  bundle.recordIntervention({ date: day, member, type: 'Anchor-workflow session', workflow: '', note: '' });
}

function programmeTeam(fake = {}) {
  const t = team({ members, runs, fake });
  const started = t.bundle.startProgramme({ start: S });
  return { ...t, started };
}

const isProgramme = (subject: string) => subject.startsWith('Uptake replacement programme:');

describe('a replacement programme over 36 days', () => {
  const { gas, bundle, started } = programmeTeam();
  sessionOn(bundle, '2026-03-04', 'Ben');
  sessionOn(bundle, '2026-03-12', 'Cleo');
  bundle.$runDueTriggers('2026-04-06T12:00:00Z');
  const programmeMails = gas.mail.sent.filter((m) => isProgramme(m.subject));

  test('started for a date to come, its baseline is frozen by the first run from the start', () => {
    expect(started.message).toBe(
      'Replacement programme set to start on 2026-03-02: its baseline, the week ending 2026-03-01, is frozen on that day.',
    );
    const data = bundle.getDashboard({ asOf: '2026-03-20' });
    expect(data.programme).toMatchObject({
      start: S,
      day: 18,
      baseline: { asOf: '2026-03-01', membersInScope: 6, genuineAdopters: 1 },
      peers: ['Ana'],
      participants: [
        { member: 'Ben', baselineCategory: 'Non-adopter', session: '2026-03-04', followUpDue: '2026-03-11' },
        { member: 'Cleo', baselineCategory: 'Developing user', session: '2026-03-12', followUpDue: '2026-03-19' },
        { member: 'Gus', baselineCategory: 'Non-adopter', session: null, followUpDue: null },
      ],
    });
    expect(data.programme!.baseline!.adoptionRate).toBeCloseTo(1 / 6);
  });

  test('each milestone goes once, on its day, to the right person, about the right members', () => {
    expect(programmeMails.map((m) => [dayOf(m), m.recipients.join(','), m.subject])).toEqual([
      ['2026-03-09', OWNER, 'Uptake replacement programme: Sessions not held for Cleo and Gus'],
      ['2026-03-11', LEAD, 'Uptake replacement programme: Day-seven follow-up for Ben'],
      ['2026-03-16', OWNER, 'Uptake replacement programme: Peer advocacy moment for Ben and Cleo'],
      ['2026-03-19', OWNER, 'Uptake replacement programme: Day-seven follow-up for Cleo'],
      ['2026-04-01', OWNER, 'Uptake replacement programme: Adoption reassessment'],
    ]);
    const rows = sentRows(gas).filter((r) => r.milestone.startsWith('Replacement programme: '));
    expect(rows.map((r) => `${r.member}|${r.milestone}|${r.dueDate}|${r.trainingDate}`)).toEqual([
      'Cleo|Replacement programme: Sessions not held|2026-03-09|2026-03-02',
      'Gus|Replacement programme: Sessions not held|2026-03-09|2026-03-02',
      'Ben|Replacement programme: Day-seven follow-up|2026-03-11|2026-03-02',
      'Ben|Replacement programme: Peer advocacy moment|2026-03-16|2026-03-02',
      'Cleo|Replacement programme: Peer advocacy moment|2026-03-16|2026-03-02',
      'Cleo|Replacement programme: Day-seven follow-up|2026-03-19|2026-03-02',
      'Gus|Replacement programme: Adoption reassessment|2026-04-01|2026-03-02',
    ]);
  });

  test('the emails say what §17 asks', () => {
    const [sessions, , peers, , reassessment] = programmeMails;
    expect(sessions.body).toContain('Gus (Non-adopter in the baseline week)');
    expect(peers.body).toContain(
      'What is the one thing AI helped you with this week that you would not have been able to do as quickly before?',
    );
    expect(reassessment.body).toContain('Short of target: the next diagnosis is the context pack.');
    expect(reassessment.body).toContain('whose context pack is not ready: Gus.');
    expect(reassessment.body).toContain('Baseline, the week ending Sun 1 Mar 2026');
    // Ben has an anchor workflow on the roster: the three questions. Cleo has none: identify it first.
    expect(programmeMails[1].subject).toContain('Day-seven follow-up for Ben');
    expect(programmeMails[1].body).toMatch(/Did you use it\?[\s\S]*What happened\?[\s\S]*What did not work\?/);
    const cleo = programmeMails.find((m) => m.subject.includes('Day-seven follow-up for Cleo'))!;
    expect(cleo.body).toContain(
      'Cleo has no anchor workflow on the roster: there is nothing yet to ask "Did you use it?" about.',
    );
    expect(cleo.body).not.toContain('What did not work?');
  });

  test('§8 stops for the participants from the start; the new hire and the peer keep it', () => {
    const training = gas.mail.sent.filter((m) => m.subject.startsWith('Uptake: ')).map((m) => m.subject);
    expect(training.filter((s) => /\b(Ben|Cleo|Gus)\b/.test(s))).toEqual([]);
    expect(training.filter((s) => s.includes('Fay'))).toEqual([
      'Uptake: Day-seven follow-up for Fay',
      'Uptake: Peer advocacy moment for Fay',
      'Uptake: Week-three check for Fay',
      'Uptake: Adoption reassessment for Fay',
    ]);
  });

  test('the digest has a line for the programme while it runs', () => {
    const digest = gas.mail.sent.find(
      (m) => m.subject.startsWith('Uptake weekly digest') && dayOf(m) === '2026-03-16',
    )!;
    expect(digest.body).toContain(
      'Replacement programme: day 14 of 30 (started 2026-03-02); baseline adoption 17% (the week ending 2026-03-01); 2 of 3 participants had their anchor-workflow session; next: Peer advocacy moment on 2026-03-16.',
    );
    const after = gas.mail.sent.find((m) => m.subject.startsWith('Uptake weekly digest') && dayOf(m) === '2026-04-06')!;
    expect(after.body).not.toContain('Replacement programme');
  });

  test('a second programme is refused until the first one’s day 30 has passed', () => {
    expect(() => bundle.startProgramme({ start: '2026-04-01' })).toThrow(
      'A replacement programme started on 2026-03-02 is running until its day 30, 2026-04-01: one programme at a time. A new one can start from 2026-04-02.',
    );
  });
});

describe('exactly once under faults', () => {
  const keys = (gas: ReturnType<typeof team>['gas']) =>
    sentRows(gas)
      .filter((r) => r.milestone.startsWith('Replacement programme: '))
      .map((r) => `${r.member}|${r.milestone}`);

  test('runs skipped: the milestones go late, once, saying the day they were due', () => {
    const { gas, bundle } = programmeTeam();
    sessionOn(bundle, '2026-03-04', 'Ben');
    // No run from 9 to 17 March: the sessions email, Ben's follow-up and the peer advocacy moment wait.
    gas.clock.set('2026-03-17T12:00:00Z');
    bundle.$runDays(1);
    const late = gas.mail.sent.filter((m) => isProgramme(m.subject));
    expect(late.map((m) => [dayOf(m), m.subject])).toEqual([
      ['2026-03-18', 'Uptake replacement programme: Day-seven follow-up for Ben (late)'],
      ['2026-03-18', 'Uptake replacement programme: Sessions not held for Cleo and Gus (late)'],
      ['2026-03-18', 'Uptake replacement programme: Peer advocacy moment for Ben and Cleo (late)'],
    ]);
    expect(late[1].body).toContain('Due on Mon 9 Mar 2026, 9 days ago');
    expect(sentRows(gas).find((r) => r.member === 'Ben' && r.milestone.endsWith('Day-seven follow-up'))).toMatchObject({
      dueDate: '2026-03-11',
      note: 'Due 2026-03-11, sent 7 days late',
    });
    bundle.$runDays(3);
    expect(gas.mail.sent.filter((m) => isProgramme(m.subject))).toHaveLength(3);
    expect(duplicates(keys(gas))).toEqual([]);
  });

  test('the trigger run twice the same day, and the lock busy: nothing twice, nothing lost', () => {
    const { gas, bundle } = programmeTeam();
    bundle.$runDueTriggers('2026-03-09T12:00:00Z');
    const trigger = gas.triggers.clock()[0];
    bundle.$run('runDaily', [{ authMode: 'FULL', triggerUid: trigger.uid }]);
    expect(gas.mail.sent.filter((m) => isProgramme(m.subject))).toHaveLength(1);
    gas.locks.holdElsewhere('document');
    gas.locks.holdElsewhere('script');
    bundle.$runDueTriggers('2026-03-16T12:00:00Z');
    expect(gas.mail.sent.filter((m) => isProgramme(m.subject))).toHaveLength(1);
    gas.locks.release('document');
    gas.locks.release('script');
    bundle.$runDays(1);
    expect(gas.mail.sent.filter((m) => isProgramme(m.subject)).map((m) => m.subject)).toEqual([
      'Uptake replacement programme: Sessions not held for Ben, Cleo and Gus',
      'Uptake replacement programme: Peer advocacy moment for Ben and Cleo (late)',
    ]);
    expect(duplicates(keys(gas))).toEqual([]);
  });

  test('the quota used up: what waits goes the next day, once', () => {
    const { gas, bundle } = programmeTeam({ mailQuota: 1 });
    sessionOn(bundle, '2026-03-04', 'Ben');
    // 11 March: Ben's follow-up and Fay's §8 day 7 are due; one email fits the quota.
    bundle.$runDueTriggers('2026-03-10T12:00:00Z');
    const before = gas.mail.sent.length;
    bundle.$runDays(1);
    expect(gas.mail.sent.length - before).toBe(1);
    bundle.$runDays(3);
    const followUps = gas.mail.sent.filter((m) => m.subject.includes('Day-seven follow-up for Ben'));
    expect(followUps).toHaveLength(1);
    expect(duplicates(keys(gas))).toEqual([]);
    expect(keys(gas)).toContain('Ben|Replacement programme: Day-seven follow-up');
  });
});

describe('daily runs without document properties (the trigger owner’s mirror) send the programme too', () => {
  // Such a run keeps its state in the owner's user properties and opens the spreadsheet by id.
  const fullScopes = {
    oauthScopes: ['spreadsheets', 'script.container.ui', 'script.send_mail', 'script.scriptapp', 'userinfo.email'],
  };
  /**
   * Every day from S to `to`: the run at 08:30 (without the document on the days `mirrored` says),
   * again at 20:00 the other way on the days `twice` holds, sessions at noon.
   */
  function runDays(
    t: ReturnType<typeof programmeTeam>,
    to: string,
    mirrored: (day: string) => boolean,
    twice = new Set<string>(),
  ) {
    const sessions: Record<string, string> = { '2026-03-04': 'Ben', '2026-03-12': 'Cleo' };
    const run = (d: string, outside: boolean, at: string) => {
      if (outside) runWithoutDocument(t.gas, t.bundle, `${d}T${at}:00Z`);
      else t.bundle.$runDueTriggers(`${d}T${at}:00Z`);
    };
    for (let d = S; d <= to; d = plus(d, 1)) {
      run(d, mirrored(d), '08:30');
      if (sessions[d]) {
        t.gas.clock.set(`${d}T12:00:00Z`);
        t.bundle.recordIntervention({
          date: d,
          member: sessions[d],
          type: 'Anchor-workflow session',
          workflow: '',
          note: '',
        });
      }
      if (twice.has(d)) run(d, !mirrored(d), '20:00');
    }
  }
  const programmeLog = (t: ReturnType<typeof programmeTeam>) =>
    t.gas.mail.sent.filter((m) => isProgramme(m.subject)).map((m) => [dayOf(m), m.recipients.join(','), m.subject]);
  // The same days and people as with the document's properties (above), worked from §17.
  const expected = [
    ['2026-03-09', OWNER, 'Uptake replacement programme: Sessions not held for Cleo and Gus'],
    ['2026-03-11', LEAD, 'Uptake replacement programme: Day-seven follow-up for Ben'],
    ['2026-03-16', OWNER, 'Uptake replacement programme: Peer advocacy moment for Ben and Cleo'],
    ['2026-03-19', OWNER, 'Uptake replacement programme: Day-seven follow-up for Cleo'],
    ['2026-04-01', OWNER, 'Uptake replacement programme: Adoption reassessment'],
  ];

  test('every run outside the document: each milestone once, on its day; the spreadsheet’s copy holds no baseline, names or categories', () => {
    const t = programmeTeam(fullScopes);
    runDays(t, '2026-04-06', () => true);
    expect(programmeLog(t)).toEqual(expected);
    const copy = t.gas.spreadsheet.getDeveloperMetadata().find((m) => m.getKey() === 'uptake.programme')!;
    // Any editor reads the copy (rules §19): each run outside the document freezes the baseline again.
    const record = JSON.parse(String(copy.getValue())) as { start: string; baseline: unknown };
    expect(record.baseline).toBeNull();
    expect(String(copy.getValue())).not.toMatch(/Ben|Cleo|Gus|Non-adopter|"[ND]"/);
    // §8 stopped for the participants there too.
    const training = t.gas.mail.sent.filter((m) => m.subject.startsWith('Uptake: ')).map((m) => m.subject);
    expect(training.filter((subject) => /\b(Ben|Cleo|Gus)\b/.test(subject))).toEqual([]);
  });

  test('runs with and without the document, some twice the same day: each milestone once', () => {
    const t = programmeTeam(fullScopes);
    // Odd days of the month outside the document; on the milestone days both kinds run.
    const both = new Set(['2026-03-09', '2026-03-11', '2026-03-16', '2026-03-19', '2026-04-01']);
    runDays(t, '2026-04-06', (d) => Number(d.slice(8)) % 2 === 1, both);
    expect(programmeLog(t)).toEqual(expected);
    const keys = sentRows(t.gas)
      .filter((r) => r.milestone.startsWith('Replacement programme: '))
      .map((r) => `${r.member}|${r.milestone}`);
    expect(keys).toHaveLength(7);
    expect(duplicates(keys)).toEqual([]);
  });
});
