// My week of a replacement programme's participant (rules §17, §19) on the BUILT bundle, over
// simulated days: their next milestone is the programme's (their session, their day-seven
// follow-up, the peer advocacy moment on S + 14, the reassessment on S + 30), in plain words and
// with no one else's name; a member trained on or after S keeps §8's. The dates below are worked
// out from §17 by hand: S = Mon 2 Mar 2026, S + 14 = Mon 16 Mar, S + 30 = Wed 1 Apr.
import { plus, type RosterSpec, type RunSpec } from '../support/sheets';
import { OWNER, runWithoutDocument, team } from '../automation/support';
import { auditFile } from '../support/fake-bundle';
import { approveListedRosterEmails } from './support';

const S = '2026-03-02';
const members: RosterSpec[] = [
  // The baseline's Genuine adopter (a peer, not a participant).
  { name: 'Ana', email: 'ana@example.com', training: '2025-11-03', pack: 'yes' },
  // Participants: below Genuine in the week ending 1 March.
  { name: 'Ben', email: 'ben@example.com', training: '2025-11-03', pack: 'yes', anchor: 'Proposal' },
  { name: 'Cleo', email: 'cleo@example.com', training: '2025-11-10', pack: 'yes' },
  // Trained after S: §8 from her training date.
  { name: 'Fay', email: 'fay@example.com', training: '2026-03-04' },
];
const NAMES = members.map((m) => m.name);

function daily(member: string, from: string, to: string): RunSpec[] {
  const runs: RunSpec[] = [];
  for (let d = from; d <= to; d = plus(d, 1)) runs.push({ date: d, member, workflow: 'Proposal' });
  return runs;
}

function programmeTeam(openTeam: boolean) {
  const made = team({
    members,
    runs: [...daily('Ana', '2026-01-05', '2026-04-10'), ...daily('Ben', '2026-03-05', '2026-04-10')],
    settings: { openTeam },
  });
  approveListedRosterEmails(made);
  made.bundle.startProgramme({ start: S });
  return made;
}

/** The member's My week on `day` (the daily run having run up to it), and its milestone line. */
function weekOn(made: ReturnType<typeof programmeTeam>, day: string, email: string) {
  made.bundle.$runDueTriggers(`${day}T12:00:00Z`);
  const view = made.bundle.$run('getMyWeek', [], { user: email });
  const line = view.week?.lines.find((l) => /milestone|programme/.test(l));
  return { view, line };
}

function recordSession(made: ReturnType<typeof programmeTeam>, day: string, member: string) {
  made.bundle.$runDueTriggers(`${day}T12:00:00Z`);
  made.bundle.$run(
    'recordIntervention',
    [{ date: day, member, type: 'Anchor-workflow session', workflow: '', note: '' }],
    { user: OWNER },
  );
}

/** No name of the team but the member's own, anywhere in what they are sent. */
function namesNoOneElse(view: unknown, own: string) {
  const text = JSON.stringify(view);
  for (const other of NAMES.filter((n) => n !== own)) expect([other, text.includes(other)]).toEqual([other, false]);
}

describe('My week of a replacement programme’s participant (team open: the sessions are readable)', () => {
  const made = programmeTeam(true);

  test('before their session: the session, the follow-up a week after it, then the peer advocacy moment', () => {
    const { view, line } = weekOn(made, '2026-03-03', 'ben@example.com');
    expect(line).toBe(
      'Next in your replacement programme: your anchor-workflow session (none is recorded for you yet); ' +
        'your day-seven follow-up comes a week after it. Then the peer advocacy moment, Mon 16 Mar 2026.',
    );
    expect(view.week?.nextMilestone).toEqual({
      label: 'Anchor-workflow session',
      date: null,
      day: null,
      counted: 'replacement',
    });
    namesNoOneElse(view, 'Ben');
  });

  test('after their session: their day-seven follow-up, a week after it', () => {
    recordSession(made, '2026-03-04', 'Ben');
    const { view, line } = weekOn(made, '2026-03-05', 'ben@example.com');
    expect(line).toBe(
      'Next in your replacement programme: your day-seven follow-up, Wed 11 Mar 2026 ' +
        '(a week after your anchor-workflow session of Wed 4 Mar 2026).',
    );
    expect(view.week?.nextMilestone).toEqual({
      label: 'Day-seven follow-up',
      date: '2026-03-11',
      day: 9,
      counted: 'replacement',
    });
    namesNoOneElse(view, 'Ben');
  });

  test('then the peer advocacy moment on S + 14 and the reassessment on S + 30, then nothing', () => {
    expect(weekOn(made, '2026-03-12', 'ben@example.com').line).toBe(
      'Next in your replacement programme: the peer advocacy moment, Mon 16 Mar 2026 (day 14 of the replacement programme).',
    );
    expect(weekOn(made, '2026-03-17', 'ben@example.com').line).toBe(
      'Next in your replacement programme: the adoption reassessment, Wed 1 Apr 2026 (day 30 of the replacement programme).',
    );
    const after = weekOn(made, '2026-04-02', 'ben@example.com');
    expect(after.line).toBe('Every milestone of your replacement programme is behind you.');
    expect(after.view.week?.nextMilestone).toBeNull();
  });

  test('a participant without a session, the peer, and a member trained after S', () => {
    const other = programmeTeam(true);
    recordSession(other, '2026-03-04', 'Ben');
    const cleo = weekOn(other, '2026-03-17', 'cleo@example.com');
    expect(cleo.line).toBe(
      'Next in your replacement programme: your anchor-workflow session (none is recorded for you yet); ' +
        'your day-seven follow-up comes a week after it. Then the adoption reassessment, Wed 1 Apr 2026.',
    );
    namesNoOneElse(cleo.view, 'Cleo');
    // Ana, a Genuine adopter in the baseline, is not a participant: her §8 programme ended long ago.
    expect(weekOn(other, '2026-03-17', 'ana@example.com').line).toBe(
      'Every milestone of your programme is behind you.',
    );
    // Fay, trained on 4 March, follows §8 from her training date: day 14 is 18 March.
    const fay = weekOn(other, '2026-03-17', 'fay@example.com');
    expect(fay.line).toBe(
      'Next in your programme: Peer advocacy moment, Wed 18 Mar 2026 (day 14 after your training).',
    );
    expect(fay.view.week?.nextMilestone?.counted).toBe('training');
  });
});

describe('with the team closed, the interventions are the owner’s alone', () => {
  test('a participant’s session is read from the programme’s record, kept by Record an intervention', () => {
    const made = programmeTeam(false);
    recordSession(made, '2026-03-04', 'Ben');
    // Read before the next daily run: Record an intervention kept it at once.
    const view = made.bundle.$run('getMyWeek', [], { user: 'ben@example.com' });
    expect(view.week?.lines.find((l: string) => /programme/.test(l))).toBe(
      'Next in your replacement programme: your day-seven follow-up, Wed 11 Mar 2026 ' +
        '(a week after your anchor-workflow session of Wed 4 Mar 2026).',
    );
    namesNoOneElse(view, 'Ben');
    // Cleo has none kept: she is not told none is recorded, since her account cannot see the sheet.
    const cleo = weekOn(made, '2026-03-05', 'cleo@example.com');
    expect(cleo.line).toBe(
      'Next in your replacement programme: your anchor-workflow session; ' +
        'your day-seven follow-up comes a week after it. Then the peer advocacy moment, Mon 16 Mar 2026.',
    );
    namesNoOneElse(cleo.view, 'Cleo');
  });

  /** An anchor-workflow session typed straight into the owner's Interventions sheet, not through Record an intervention. */
  function typeSession(made: ReturnType<typeof programmeTeam>, day: string, member: string) {
    // Where the owner's interventions are kept: their own spreadsheet (rules §19).
    const sheet = auditFile(made.gas, OWNER).getSheetByName('Interventions');
    expect(sheet).not.toBeNull();
    const header = sheet!.getRange(1, 1, 1, sheet!.getLastColumn()).getValues()[0] as string[];
    const row = header.map((h) =>
      /date/i.test(h)
        ? new Date(`${day}T00:00:00Z`)
        : /member/i.test(h)
          ? member
          : /type/i.test(h)
            ? 'Anchor-workflow session'
            : '',
    );
    sheet!.getRange(sheet!.getLastRow() + 1, 1, 1, row.length).setValues([row]);
  }

  test('a session typed into the Interventions sheet is kept by the next daily run', () => {
    const made = programmeTeam(false);
    recordSession(made, '2026-03-04', 'Ben');
    typeSession(made, '2026-03-04', 'Cleo');
    const { view, line } = weekOn(made, '2026-03-05', 'cleo@example.com');
    expect(line).toBe(
      'Next in your replacement programme: your day-seven follow-up, Wed 11 Mar 2026 ' +
        '(a week after your anchor-workflow session of Wed 4 Mar 2026).',
    );
    namesNoOneElse(view, 'Cleo');
  });

  // A run without document properties (Google does not guarantee them to a trigger) re-freezes
  // the programme from the spreadsheet's copy, which holds no names: it cannot keep a session day
  // for My week. Its own emails read the sessions from the Interventions sheet (test/automation/
  // replacement-programme.test.ts); what My week shows meanwhile, the run's report says.
  test('a run without document properties cannot keep a typed session for My week, and says so; the next run with them keeps it', () => {
    const made = programmeTeam(false);
    recordSession(made, '2026-03-04', 'Ben');
    typeSession(made, '2026-03-04', 'Cleo');
    runWithoutDocument(made.gas, made.bundle, '2026-03-05T08:30:00Z');
    const report = made.bundle.getAutomationStatus().lastRunReport.join('\n');
    expect(report).toContain(
      'Replacement programme: no document properties in this run, so My week may show a held session as still to come.',
    );
    expect(report).not.toContain('Replacement programme started on');
    // What the report warns of: Cleo's held session is told as still to come…
    expect(made.bundle.$run('getMyWeek', [], { user: 'cleo@example.com' }).week?.lines).toContain(
      'Next in your replacement programme: your anchor-workflow session; ' +
        'your day-seven follow-up comes a week after it. Then the peer advocacy moment, Mon 16 Mar 2026.',
    );
    // …until the next run with document properties keeps it.
    expect(weekOn(made, '2026-03-06', 'cleo@example.com').line).toBe(
      'Next in your replacement programme: your day-seven follow-up, Wed 11 Mar 2026 ' +
        '(a week after your anchor-workflow session of Wed 4 Mar 2026).',
    );
  });
});
