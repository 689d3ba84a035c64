// The same figure, read from every output of the example team the way a reader sees it: the
// sidebar's data, the named digest, the next morning's emails and the audit CSV (all from the
// BUILT add-on, as npm start runs it). Each disagreement found by reading them side by side has
// a test here: when one output moves, the others must move with it.
import { parseCsv, spreadsheetSafeCell, toCsv } from '../../local/csv';
import { runInMemory, type RunResult } from '../../local/gas-run';
import { BUILD_DIR } from '../bundle/support';
import { example, runExample } from '../support/example';
import { logCsvRows, rosterCsvRows, type RosterSpec, type RunSpec } from '../support/sheets';
import { EDIT_TYPES } from '../../src/core/base/types';

let result: RunResult;
let csv: string[][];

beforeAll(() => {
  // As npm start runs the example: with its replacement programme.
  result = runExample(10, { programmeStart: example.programmeStart });
  // audit.csv as npm start writes it.
  csv = parseCsv(toCsv(result.auditSheet.map((record) => record.map(spreadsheetSafeCell))));
});

const sidebar = () => result.sidebar.dashboards[String(result.audit.weeks)];
/** The CSV table whose header row starts with `first`: its rows, up to the blank line after it. */
function csvTable(first: string): string[][] {
  const start = csv.findIndex((r) => r[0] === first);
  expect(start).toBeGreaterThan(0);
  const end = csv.findIndex((r, i) => i > start && r.every((c) => c === ''));
  return csv.slice(start + 1, end < 0 ? undefined : end);
}
const emailsOn = (date: string) => result.emails.filter((r) => r.day === date);

describe('one figure, the same in the sidebar, the digest, the emails and audit.csv', () => {
  test('the adoption rate of the week Mon 23 Feb to Sun 1 Mar: 4 of 11, 36%', () => {
    const team = sidebar().audit!.team;
    expect([team.genuineAdopters, team.membersInScope]).toEqual([4, 11]);
    expect(result.digest.text).toContain('Adoption rate: 36% of 11 members in scope');
    const dayThirty = emailsOn('2026-03-02').find((r) => r.subject.includes('Adoption reassessment'))!;
    expect(dayThirty.body).toContain(
      'Adoption rate now, this week (Mon 23 Feb 2026 to Sun 1 Mar 2026): 36%, 4 of 11 members in scope are Genuine adopters.',
    );
    const [summary] = csvTable('Adoption rate');
    expect([summary[0], summary[4], summary[5]]).toEqual(['36%', '11', '4']);
  });

  test('the day-30 email gives each programme start once, with its members and its days', () => {
    const dayThirty = emailsOn('2026-03-02').find((r) => r.subject.includes('Adoption reassessment'))!;
    const starts = dayThirty.body.split('\n').filter((line) => line.includes('At the programme’s start'));
    expect(new Set(starts).size).toBe(starts.length);
    expect(starts.every((line) => /start for .+ \(the week \w{3} \d+ \w{3} \d{4} to /.test(line))).toBe(true);
  });

  test('edit types: the sidebar’s chart, the digest’s total and the CSV’s table count the same 13', () => {
    const counts = sidebar().audit!.team.editTypes;
    const total = EDIT_TYPES.reduce((sum, t) => sum + counts[t], 0);
    expect(total).toBe(13);
    expect(result.digest.text).toContain(`${total} edit types recorded on light or heavy edits this week`);
    const rows = csvTable('Edit type');
    expect(rows.reduce((sum, r) => sum + Number(r[1]), 0)).toBe(total);
  });

  test('every email and the digest name the days of their "week"; none says "(this week)" bare', () => {
    for (const email of result.emails) expect(email.body).not.toMatch(/\(this week\)|\(this week:/);
    expect(result.digest.text).toContain('The week Mon 23 Feb 2026 to Sun 1 Mar 2026');
  });

  test('a member Lapsed this week is not called Genuine in the same email without the days of that other week', () => {
    const emma = emailsOn('2026-03-02').find((r) => r.body.includes('Emma Johansson'))!;
    const cohort = emma.body.split('\n').find((line) => line.startsWith('- Training cohort'))!;
    expect(cohort).toContain('for Emma Johansson the 7 days Wed 18 Feb 2026 to Tue 24 Feb 2026');
    expect(sidebar().history!.transitions.lapsed).toContain('Emma Johansson');
  });

  test('the timeline marks the members past day 42 whose six-week email the next morning sends late, and only them', () => {
    const past = sidebar().timeline.filter((row) => row.next === null);
    const waiting = past.filter((row) => row.sixWeekEmailWaiting).map((row) => row.member);
    const lateSixWeek = emailsOn('2026-03-02')
      .filter((r) => r.subject.startsWith('Uptake: Six-week measurement') && r.subject.endsWith('(late)'))
      .flatMap((r) => r.members);
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.sort()).toEqual([...lateSixWeek].sort());
  });

  test('each §8 milestone the digest lists as due by Monday 2 March, the Monday run sends or names', () => {
    const rows = result.digest.text
      .split('\n')
      .map((line) => line.split(/\s{2,}/))
      .filter(([due, , milestone]) => /^\w{3} \d+ \w{3} \d{4}/.test(due) && !milestone?.includes('(replacement'))
      .filter(([due]) => due.includes('(overdue') || due === 'Mon 2 Mar 2026');
    expect(rows.length).toBeGreaterThan(5);
    const monday = emailsOn('2026-03-02').filter((r) => !r.programme && r.milestone !== 'Weekly digest');
    const report = result.dailyReports.find((r) => r.date === '2026-03-02')!.report;
    for (const [, member, milestone, recipient] of rows) {
      // A week-three check for a member Genuine when it fell due is settled without an email,
      // as the digest's "(if still below the Genuine threshold)" warns.
      if (report.some((line) => line.startsWith(`${milestone} for ${member}: Not needed`))) {
        expect(recipient).toMatch(/\(if still below the Genuine threshold\)$/);
        continue;
      }
      // Sent under its own name, or named in the member's email of a later milestone (spec §8).
      const email = monday.find((r) => r.members.includes(member));
      expect(email).toBeDefined();
      const named = email!.milestone === milestone || email!.body.includes(`${milestone} (due `);
      expect([member, milestone, named]).toEqual([member, milestone, true]);
    }
    // And nothing the Monday run settles is missing from the digest's list.
    const settled = monday.flatMap((r) => r.members);
    for (const member of settled) expect(rows.some(([, m]) => m === member)).toBe(true);
  });

  test('the digest’s coming week lists each replacement programme milestone the next seven mornings send', () => {
    const label = (iso: string) => {
      const date = new Date(`${iso}T00:00:00Z`);
      const [weekday, month] = [date.toUTCString().slice(0, 3), date.toUTCString().slice(8, 11)];
      return `${weekday} ${date.getUTCDate()} ${month} ${date.getUTCFullYear()}`;
    };
    const rows = result.digest.text
      .split('\n')
      .filter((line) => line.includes('(replacement programme)') && /^\w{3} \d+ \w{3} \d{4}/.test(line));
    const sent = result.emails.filter((e) => e.programme && e.day >= '2026-03-02' && e.day <= '2026-03-08');
    // One row per participant for the follow-ups, one for the team's milestones.
    const expected = sent.flatMap((e) =>
      e.milestone === 'Day-seven follow-up'
        ? e.members.map((member) => [label(e.day), member, e.milestone!])
        : [[label(e.day), 'the team', e.milestone!]],
    );
    expect(expected.length).toBeGreaterThan(1);
    expect(rows).toHaveLength(expected.length);
    for (const [day, member, milestone] of expected)
      expect(rows.some((line) => line.startsWith(day) && line.includes(member) && line.includes(milestone))).toBe(true);
  });

  test('principled resistance is never "Reverted": sidebar data and audit.csv', () => {
    const jonas = sidebar().audit!.members.find((m) => m.member === 'Jonas Weber')!;
    expect(jonas.sixWeek.label).toBe('Principled resistance');
    const row = csvTable('Team member').find((r) => r[0] === 'Jonas Weber')!;
    expect(row[8]).toBe('Principled resistance');
  });

  test('the timeline shows each member past day 42 with their six-week decision, as audit.csv does', () => {
    const past = sidebar().timeline.filter((row) => row.next === null);
    expect(past.length).toBeGreaterThan(0);
    const members = csvTable('Team member');
    for (const row of past) expect(row.sixWeek).toBe(members.find((r) => r[0] === row.member)![8]);
    // Dev Patel, Reverted in audit.csv, is a participant of the replacement programme: its section
    // shows him, and the training-date timeline no longer does (rules §17).
    expect(members.find((r) => r[0] === 'Dev Patel')![8]).toBe('Reverted');
    expect(sidebar().programme!.participants.map((p) => p.member)).toContain('Dev Patel');
    expect(sidebar().timeline.map((row) => row.member)).not.toContain('Dev Patel');
  });
});

/** Days from `from` to `to` (ISO, both included), every `step` days. */
function days(from: string, to: string, step: number): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += step * 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

describe('the replacement programme’s peer advocacy moment, on a team with runs up to that morning', () => {
  // Programme start Mon 5 Jan 2026; day 14 is Mon 19 Jan, the digest's Monday. In the week
  // Mon 12 to Sun 18 Jan: Pia (the baseline's Genuine adopter, a peer, not a participant) still
  // Genuine; the participants Di Genuine, Ann Developing, Bo and Ed Non-adopters.
  let peers: RunResult;
  beforeAll(() => {
    const run = (member: string, dates: string[]): RunSpec[] =>
      dates.map((date) => ({ date, member, workflow: 'Report' }));
    const log = logCsvRows([
      ...run('Pia Peer', days('2025-12-01', '2026-01-18', 2)),
      ...run('Ann Abel', [...days('2025-12-29', '2026-01-04', 4), ...days('2026-01-12', '2026-01-18', 4)]),
      ...run('Di Dahl', [...days('2025-12-29', '2026-01-04', 7), ...days('2026-01-12', '2026-01-18', 2)]),
      ...run('Bo Berg', ['2025-12-02']),
    ]);
    const member = (name: string, training = '2025-09-15'): RosterSpec => {
      const email = `${name.split(' ')[0].toLowerCase()}@t.example`;
      return { name, email, training, anchor: 'Report' };
    };
    const roster = rosterCsvRows([
      member('Pia Peer'),
      member('Ann Abel'),
      member('Di Dahl'),
      member('Bo Berg'),
      // Trained three weeks before the start: a participant whose day 42 the programme replaces.
      member('Ed Eng', '2025-12-24'),
    ]);
    const interventions = [
      ['Date', 'Team member', 'Type', 'Workflow', 'Note'],
      ['2026-01-06', 'Ann Abel', 'Anchor-workflow session', 'Report', ''],
      ['2026-01-08', 'Di Dahl', 'Anchor-workflow session', 'Report', ''],
    ];
    peers = runInMemory(
      { log, roster, interventions, logSource: 'log.csv', rosterSource: 'roster.csv', interventionsSource: 'i.csv' },
      {
        buildDir: BUILD_DIR,
        asOf: '2026-01-18',
        weeks: null,
        locale: 'en_GB',
        timeZone: 'Etc/UTC',
        owner: 'boss@t.example',
        days: 2,
        programmeStart: '2026-01-05',
        sidebarWeeks: [],
        nowMs: Date.now(),
        progress: () => undefined,
      },
    );
  });

  test('the email’s subject, members, sentence and Invite list and the digest of that morning name the same participants', () => {
    const monday = peers.emails.filter((r) => r.day === '2026-01-19');
    const email = monday.find((r) => r.programme && r.milestone === 'Peer advocacy moment')!;
    const digest = monday.find((r) => r.milestone === 'Weekly digest')!;
    expect(email.subject).toBe('Uptake replacement programme: Peer advocacy moment for Di Dahl and Ann Abel');
    expect(email.members).toEqual(['Di Dahl', 'Ann Abel']);
    const sentence = (body: string) =>
      body.split('\n').filter((line) => line.startsWith('Peer advocacy moment at the next team meeting'));
    expect(sentence(email.body)).toEqual([
      'Peer advocacy moment at the next team meeting (the week Mon 12 Jan 2026 to Sun 18 Jan 2026): invite the Genuine adopter Di Dahl, and Ann Abel (a Developing user whose moment it is) to share one specific result, two minutes each.',
    ]);
    expect(sentence(digest.body)).toEqual(sentence(email.body));
    const list = email.body
      .split('Invite (the week')[1]
      .split('\n')
      .filter((line) => line.startsWith('- '));
    expect(list.map((line) => line.slice(2).split(' (')[0])).toEqual(['Di Dahl', 'Ann Abel']);
    // Pia, the baseline's adopter, is a peer, not a participant: §17 does not invite her that morning.
    expect(sentence(email.body)[0]).not.toContain('Pia Peer');
  });

  test('a participant whose day 42 had not come at the start: the programme’s reassessment in the sidebar and audit.csv, not "Not yet"', () => {
    const label = 'In the replacement programme: reassessment on 2026-02-04';
    const ed = peers.audit.members.find((m) => m.member === 'Ed Eng')!;
    expect(ed.sixWeek.label).toBe(label);
    const sheet = parseCsv(toCsv(peers.auditSheet.map((record) => record.map(spreadsheetSafeCell))));
    const header = sheet.findIndex((r) => r[0] === 'Team member');
    expect(sheet.slice(header).find((r) => r[0] === 'Ed Eng')![8]).toBe(label);
    // A member not in the programme keeps §9's line.
    expect(peers.audit.members.find((m) => m.member === 'Pia Peer')!.sixWeek.label).not.toMatch(/replacement/);
  });
});
