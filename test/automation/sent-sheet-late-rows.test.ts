// A row of the "Uptake sent" sheet must not say whether its milestone went by email (rules §19):
// the week-three check goes only to members below Genuine, so an email that waited (quota spent)
// or was given up after three attempts must look like a milestone settled on its day. Checked on
// the built bundle over 60 days: every cell's text, the order of a day's rows under several keys,
// and a sheet written by the version that kept Date sent in clear.
import { SENT_HEADERS } from '../../src/core/programme/sent-row';
import { KeyedTags } from '../../src/core/programme/sent-tags';
import { KEYS } from '../../src/core/automation/store';
import type { RosterSpec, RunSpec } from '../support/sheets';
import { plus } from '../support/sheets';
import { duplicates, milestoneKeys, SENT, sentRows, team, untaggedSentValues } from './support';

const COACH_A = 'a.coach@acme.test';
const COACH_B = 'b.coach@acme.test';
const COACH_C = 'c.coach@acme.test';
/** One cohort, trained on Monday 2 March: their week-three checks fall due on Monday 23 March. */
const TRAINED = '2026-03-02';
const WEEK_THREE_DUE = '2026-03-23';

/** Runs every day from the day after training: a Genuine adopter by week three. */
function daily(member: string): RunSpec[] {
  return Array.from({ length: 60 }, (_, i) => ({ date: plus('2026-03-03', i), member, workflow: 'Memo' }));
}

/** What an editor can tell of a cell: a hex text only by its length, any other text as it is. */
function shape(cell: string): string {
  return /^[0-9a-f]+$/.test(cell) ? `hex ${cell.length}` : `text ${cell}`;
}

function keyOf(gas: ReturnType<typeof team>['gas']): string {
  return gas.properties.forDocument(gas.spreadsheet.getId()).getProperty(KEYS.sentKey)!;
}

describe('60 days of one cohort: a week-three email late for quota, one given up, two settled', () => {
  const members: RosterSpec[] = [
    { name: 'Dara Okafor', email: 'dara@acme.test', training: TRAINED, owner: COACH_A },
    { name: 'Émile Roux', email: 'emile@acme.test', training: TRAINED, owner: COACH_A },
    { name: 'Fen Li', email: 'fen@acme.test', training: TRAINED, owner: COACH_B },
    { name: 'Gus Park', email: 'gus@acme.test', training: TRAINED, owner: COACH_C },
    { name: 'Hana Mori', email: 'hana@acme.test', training: TRAINED, owner: COACH_C },
  ];
  const { gas, bundle } = team({ members, runs: [...daily('Dara Okafor'), ...daily('Hana Mori')] });
  // Coach B's address is refused by MailApp from the start: Fen's emails are given up after three attempts.
  gas.mail.failFor(COACH_B);
  bundle.$runDueTriggers(`${WEEK_THREE_DUE}T07:00:00Z`);
  // The owner's quota is all but spent before the run of the 23rd: one email goes, the rest wait a day.
  gas.mail.consume(gas.mail.remaining() - 1);
  bundle.$runDays(60 - 22);
  const sheet = gas.inspect.displayValues(SENT);
  const rows = sentRows(gas);
  const weekThree = rows.filter((r) => r.milestone === 'Week-three check');

  test('the owner reads back what happened: one email on time, one a day late, one given up, two settled', () => {
    const byMember = Object.fromEntries(weekThree.map((r) => [r.member, r]));
    expect(Object.keys(byMember).sort()).toEqual(members.map((m) => m.name).sort());
    expect(byMember['Émile Roux']).toMatchObject({ recipient: COACH_A, note: '' });
    expect(byMember['Émile Roux'].sentAt.slice(0, 10)).toBe(WEEK_THREE_DUE);
    expect(byMember['Gus Park']).toMatchObject({ recipient: COACH_C, note: 'Due 2026-03-23, sent 1 day late' });
    expect(byMember['Gus Park'].sentAt.slice(0, 10)).toBe('2026-03-24');
    expect(byMember['Fen Li'].note).toMatch(/^Not sent after 3 attempts: /);
    expect(byMember['Fen Li'].sentAt.slice(0, 10) > '2026-03-24').toBe(true);
    for (const settled of ['Dara Okafor', 'Hana Mori']) {
      expect(byMember[settled].recipient).toBe('');
      expect(byMember[settled].note).toMatch(/^Not needed at the week-three check/);
    }
  });

  test('no cell of a week-three row tells the late, the given-up and the emailed rows from the settled ones', () => {
    const at = (name: string) => SENT_HEADERS.indexOf(name);
    const raw = sheet.slice(1).filter((row) => row[at('Milestone')] === 'Week-three check');
    expect(raw).toHaveLength(5);
    const shapes = raw.map((row) => row.map(shape));
    for (const rowShapes of shapes) expect(rowShapes).toEqual(shapes[0]);
    // Every cell but the milestone's name is hex (the Key column: the key's fingerprint, the same on every row).
    expect(shapes[0].filter((s) => s.startsWith('text'))).toEqual(['text Week-three check']);
    expect(new Set(raw.map((row) => row[at('Key')]))).toEqual(new Set([new KeyedTags(keyOf(gas)).fingerprint]));
  });

  test('no cell of the whole sheet holds a date, a time, a note or an attempt count in clear', () => {
    const cells = sheet.slice(1).flat();
    expect(cells.length).toBeGreaterThan(30 * SENT_HEADERS.length);
    expect(cells.filter((cell) => /\d{4}-\d{2}-\d{2}|\d{2}:\d{2}|late|attempt|needed|named in|@/i.test(cell))).toEqual(
      [],
    );
    // Sealed notes are one length, the given-up one with MailApp's error included.
    const notes = new Set(sheet.slice(1).map((row) => row[SENT_HEADERS.indexOf('Note')].length));
    expect([...notes]).toEqual([512]);
  });

  test('every email went once, and each milestone is recorded once', () => {
    expect(duplicates(milestoneKeys(gas))).toEqual([]);
    const subjects = gas.mail.sent.map((m) => `${m.recipients.join(',')}|${m.subject.replace(/ \(late\)$/, '')}`);
    expect(duplicates(subjects.filter((s) => !s.includes('weekly digest')))).toEqual([]);
    expect(gas.mail.to(COACH_B)).toEqual([]);
    expect(gas.mail.to(COACH_C).filter((m) => m.subject.startsWith('Uptake: Week-three check'))).toHaveLength(1);
    const digests = rows.filter((r) => r.milestone === 'Weekly digest').map((r) => `${r.dueDate}|${r.recipient}`);
    expect(digests.length).toBeGreaterThan(5);
    expect(duplicates(digests)).toEqual([]);
  });
});

describe('the order of a day’s rows', () => {
  // Three members due the same day, one settled and two emailed to different coaches: where the
  // settled row lands among the three is the sheet key's choice, not "first".
  const members: RosterSpec[] = [
    { name: 'Dara Okafor', email: 'dara@acme.test', training: TRAINED, owner: COACH_A },
    { name: 'Émile Roux', email: 'emile@acme.test', training: TRAINED, owner: COACH_A },
    { name: 'Gus Park', email: 'gus@acme.test', training: TRAINED, owner: COACH_C },
  ];
  const placeOfSettled = (key: string): number => {
    const { gas, bundle } = team({ members, runs: daily('Dara Okafor'), on: false });
    gas.properties.forDocument(gas.spreadsheet.getId()).setProperty(KEYS.sentKey, key);
    bundle.setAutomation(true);
    bundle.$runDueTriggers(`${WEEK_THREE_DUE}T12:00:00Z`);
    const weekThree = sentRows(gas).filter((r) => r.milestone === 'Week-three check');
    expect(weekThree.map((r) => r.member).sort()).toEqual(['Dara Okafor', 'Gus Park', 'Émile Roux']);
    return weekThree.findIndex((r) => r.member === 'Dara Okafor');
  };

  test('the settled row is not always written first: its place depends on the key alone', () => {
    const keys = Array.from({ length: 6 }, (_, i) => `${i}`.repeat(64));
    const places = keys.map(placeOfSettled);
    expect(new Set(places).size).toBeGreaterThan(1);
    // The same key puts it in the same place.
    expect(placeOfSettled(keys[0])).toBe(places[0]);
  });
});

describe('a sheet written by the version that kept Date sent in clear', () => {
  test('is honoured (nothing sent twice) and re-written in place with Date sent sealed', () => {
    const members: RosterSpec[] = [
      { name: 'Dara Okafor', email: 'dara@acme.test', training: TRAINED, owner: COACH_A },
      { name: 'Gus Park', email: 'gus@acme.test', training: TRAINED, owner: COACH_C },
    ];
    const { gas, bundle } = team({ members, runs: daily('Dara Okafor') });
    bundle.$runDueTriggers(`${WEEK_THREE_DUE}T12:00:00Z`);
    const tags = new KeyedTags(keyOf(gas));
    const before = untaggedSentValues(gas);
    // The rows as that version wrote them: the same tags and sealed cells, Date sent in clear, its fingerprint.
    const sheet = gas.sheet(SENT);
    const earlier = gas.inspect.displayValues(SENT).map((row, i) => {
      if (i === 0) return row;
      const clear = [...row];
      clear[0] = before[i][0];
      clear[8] = tags.sentInClearFingerprint;
      return clear;
    });
    sheet.getRange(1, 1, earlier.length, earlier[0].length).setValues(earlier);
    expect(earlier.slice(1).every((row) => /^2026-03-\d\d \d\d:\d\d$/.test(row[0]))).toBe(true);
    const mailed = gas.mail.sent.length;

    bundle.$runDueTriggers('2026-03-24T12:00:00Z');
    expect(gas.mail.sent.slice(mailed).filter((m) => !m.subject.includes('weekly digest'))).toEqual([]);
    const after = gas.inspect.displayValues(SENT);
    expect(after.slice(1, earlier.length).map((row) => [shape(row[0]), row[8]])).toEqual(
      earlier.slice(1).map(() => ['hex 32', tags.fingerprint]),
    );
    // Read back with the key: the same records, in place, Date sent included.
    expect(untaggedSentValues(gas).slice(0, earlier.length)).toEqual(before);
    bundle.$runDueTriggers('2026-03-25T12:00:00Z');
    expect(gas.mail.sent.slice(mailed).filter((m) => !m.subject.includes('weekly digest'))).toEqual([]);
    expect(duplicates(milestoneKeys(gas))).toEqual([]);
  });
});
