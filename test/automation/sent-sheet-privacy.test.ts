// The "Uptake sent" sheet names no one (rules §19): every editor reads it, so its people are
// keyed tags. Checked over the example team's programme and a held-out team driven with faults
// for 60 days (no roster name or address in any cell, every email once), a sheet of an earlier
// version upgraded in place, and runs that cannot have the key.
import { example, readExample, runExample } from '../support/example';
import { recordRow, SENT_HEADERS } from '../../src/core/programme/sent-row';
import { KeyedTags } from '../../src/core/programme/sent-tags';
import { memberKey } from '../../src/core/base/text';
import { KEYS } from '../../src/core/automation/store';
import type { RosterSpec, RunSpec } from '../support/sheets';
import { plus } from '../support/sheets';
import {
  duplicates,
  milestoneKeys,
  OWNER,
  ROSTER,
  runWithoutDocument,
  SENT,
  sentRows,
  team,
  untaggedSentValues,
} from './support';

/** The names (whole, and each word of three letters or more) and addresses found in `cells`. */
function peopleIn(cells: string[], names: string[], emails: string[]): string[] {
  const words = names.flatMap((name) => [name, ...name.split(/\s+/).filter((word) => word.length >= 3)]);
  const text = cells.join('\n');
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [
    ...words.filter((word) => new RegExp(`(^|[^\\p{L}])${escape(word)}($|[^\\p{L}])`, 'u').test(text)),
    ...emails.filter((email) => text.toLowerCase().includes(email.toLowerCase())),
  ];
}

describe('the example team over its replacement programme, 60 days', () => {
  const result = runExample(60, { programmeStart: example.programmeStart });
  const roster = readExample(example.roster);
  const names = roster.slice(1).map((row) => row[0]);
  const emails = [
    ...new Set([
      ...roster
        .slice(1)
        .flat()
        .filter((cell) => cell.includes('@')),
      example.owner,
    ]),
  ];

  test('no roster name or address appears in any cell of the sent sheet', () => {
    expect(result.sentSheet.length).toBeGreaterThan(20);
    expect(peopleIn(result.sentSheet.flat(), names, emails)).toEqual([]);
  });

  test('every email still went once: each member’s milestone, the programme’s, and the week-three checks among them', () => {
    const milestones = result.emails.filter((e) => e.milestone && e.milestone !== 'Weekly digest');
    const keys = milestones.flatMap((e) =>
      e.members.map((m) => `${e.programme ? 'programme ' : ''}${e.milestone}|${m}`),
    );
    expect(duplicates(keys)).toEqual([]);
    // The owner's key reads each row back as a member of the roster: the tags stand for them.
    expect(milestones.flatMap((e) => e.members).filter((m) => !names.includes(m))).toEqual([]);
    expect(keys.some((k) => k.startsWith('Week-three check|'))).toBe(true);
    expect(milestones.some((e) => e.programme)).toBe(true);
    const digests = result.emails.filter((e) => e.milestone === 'Weekly digest').map((e) => `${e.day}|${e.recipients}`);
    expect(digests.length).toBeGreaterThan(0);
    expect(duplicates(digests)).toEqual([]);
  });
});

describe('a held-out team, 60 days with renames, a corrected email, a restart, runs outside the document and a small quota', () => {
  const COACH = 'coach@heldout.example';
  const DIRECTOR = 'director@heldout.example';
  const members: RosterSpec[] = [
    { name: 'Zoë Quist', email: 'zoe.quist@heldout.example', training: '2026-03-02', owner: COACH },
    { name: 'Renée Dubois', email: 'renee@heldout.example', training: '2026-03-02' },
    { name: 'Idris Okoro', email: 'idris@heldout.example', training: '2026-03-03', owner: COACH },
    { name: 'Lin Wei', email: 'lin.old@heldout.example', training: '2026-03-03' },
    { name: 'Tomás Ruiz', training: '2026-03-09' },
    { name: 'Priya Nair', email: 'priya@heldout.example', training: '2026-03-09' },
  ];
  // Priya runs a workflow every day: a Genuine adopter by day 21, so no week-three check for her.
  const runs: RunSpec[] = Array.from({ length: 60 }, (_, i) => ({
    date: plus('2026-03-10', i),
    member: 'Priya Nair',
    workflow: 'Board memo',
  }));
  const { gas, bundle } = team({ members, runs, settings: { recipients: [DIRECTOR] }, fake: { mailQuota: 4 } });
  const renamed = ['Idris Okoro', 'lin.old@heldout.example', 'Tomás Ruiz'];

  bundle.$runDays(9);
  runWithoutDocument(gas, bundle, '2026-03-10T15:00:00Z'); // a second run the same day, outside the document
  gas
    .sheet(ROSTER)
    .getRange('A4')
    .setValues([['Idris Okoro-Bello']]); // renamed, email kept
  gas
    .sheet(ROSTER)
    .getRange('B5')
    .setValues([['lin.wei@heldout.example']]); // email corrected, name kept
  bundle.$runDays(12);
  // A second run the same evening, the trigger firing again.
  bundle.$fireTrigger(gas.triggers.clock()[0]);
  gas
    .sheet(ROSTER)
    .getRange('D6')
    .setValues([['2026-03-30']]); // Tomás trained again three weeks later
  bundle.$runDays(39);
  const cells = gas.inspect.displayValues(SENT).flat();

  test('no roster name or address, old or new, appears in any cell of the sent sheet', () => {
    const names = [...members.map((m) => m.name), 'Idris Okoro-Bello'];
    const emails = [
      ...members.flatMap((m) => (m.email ? [m.email] : [])),
      'lin.wei@heldout.example',
      COACH,
      DIRECTOR,
      OWNER,
    ];
    expect(cells.length).toBeGreaterThan(40 * SENT_HEADERS.length);
    expect(peopleIn(cells, names, emails)).toEqual([]);
  });

  test('every email went once: no milestone recorded twice for a member, no digest twice to a recipient', () => {
    const keys = milestoneKeys(gas, renamed);
    expect(keys.length).toBeGreaterThan(20);
    // Tomás's restart is a new programme: its milestones go again, once.
    const tomas = keys.filter((k) => k.startsWith('Tomás Ruiz|'));
    expect(duplicates(keys.filter((k) => !k.startsWith('Tomás Ruiz|')))).toEqual([]);
    expect(duplicates(tomas).every((k) => !k.includes('Day-seven') || tomas.filter((t) => t === k).length === 2)).toBe(
      true,
    );
    // Priya's week-three check was not needed: settled without an email, its note says so.
    const priya = sentRows(gas, renamed).filter((r) => r.member === 'Priya Nair' && r.milestone === 'Week-three check');
    expect(priya.map((r) => [r.recipient, r.note.startsWith('Not needed')])).toEqual([['', true]]);
    const subjects = gas.mail.sent.map((m) => `${m.recipients.join(',')}|${m.subject.replace(/ \(late.*\)$/, '')}`);
    const milestoneMail = subjects.filter((s) => !s.includes('weekly digest') && !s.includes('Tomás'));
    expect(duplicates(milestoneMail)).toEqual([]);
    const digests = sentRows(gas, renamed)
      .filter((r) => r.milestone === 'Weekly digest')
      .map((r) => `${r.dueDate}|${r.recipient}`);
    expect(digests.length).toBeGreaterThan(10);
    expect(duplicates(digests)).toEqual([]);
  });
});

describe('three members trained on different days, one of them a Genuine adopter by week three', () => {
  // The Roster, which every editor reads, shows each training date: a row's dates, or its note,
  // would say whose it is and whether that member needed the week-three check.
  const members: RosterSpec[] = [
    { name: 'Dara Okafor', email: 'dara@acme.test', training: '2026-03-02' },
    { name: 'Émile Roux', email: 'emile@acme.test', training: '2026-03-04', owner: 'coach@acme.test' },
    { name: 'Fen Li', email: 'fen@acme.test', training: '2026-03-05' },
  ];
  const runs: RunSpec[] = Array.from({ length: 60 }, (_, i) => ({
    date: plus('2026-03-03', i),
    member: 'Dara Okafor',
    workflow: 'Memo',
  }));
  const { gas, bundle } = team({ members, runs, fake: { mailQuota: 5 } });
  bundle.$runDays(10);
  runWithoutDocument(gas, bundle, '2026-03-11T15:00:00Z');
  bundle.$fireTrigger(gas.triggers.clock()[0]);
  bundle.$runDays(50);
  const sheet = gas.inspect.displayValues(SENT);
  const at = (name: string) => SENT_HEADERS.indexOf(name);
  const weekThree = sheet.slice(1).filter((row) => row[at('Milestone')] === 'Week-three check');

  test('the week-three rows differ only in their tags, sealed cells and date sent, all of the same length', () => {
    expect(weekThree).toHaveLength(3);
    const varying = ['Date sent', 'Team member', 'Recipient', 'Member email', 'Training date', 'Due date', 'Note'];
    for (const [i, header] of SENT_HEADERS.entries()) {
      const column = weekThree.map((row) => row[i]);
      if (varying.includes(header)) {
        expect(new Set(column.map((cell) => cell.length)).size).toBe(1);
        if (header !== 'Date sent') expect(column.every((cell) => /^[0-9a-f]{16,}$/.test(cell))).toBe(true);
      } else expect(new Set(column).size).toBe(1);
    }
    // The owner's run reads them back: Dara's was settled without an email, the others went.
    const rows = sentRows(gas).filter((r) => r.milestone === 'Week-three check');
    expect(rows.map((r) => [r.member, r.trainingDate, r.recipient === '', r.note.startsWith('Not needed')])).toEqual([
      ['Dara Okafor', '2026-03-02', true, true],
      ['Émile Roux', '2026-03-04', false, false],
      ['Fen Li', '2026-03-05', false, false],
    ]);
  });

  test('no cell holds a training date, a due date or a note in clear', () => {
    const owned = sentRows(gas).filter((r) => r.milestone !== 'Weekly digest');
    const dates = [...new Set(owned.flatMap((r) => [r.trainingDate, r.dueDate]))];
    expect(dates).toEqual(expect.arrayContaining(members.map((m) => m.training)));
    const cells = sheet.slice(1).flatMap((row) => SENT_HEADERS.filter((h) => h !== 'Date sent').map((h) => row[at(h)]));
    expect(cells.filter((cell) => dates.some((date) => cell.includes(date)))).toEqual([]);
    expect(cells.filter((cell) => /not needed|late|named in/i.test(cell))).toEqual([]);
  });

  test('every email went once', () => {
    const keys = milestoneKeys(gas);
    expect(keys.length).toBeGreaterThan(6);
    expect(duplicates(keys)).toEqual([]);
    const subjects = gas.mail.sent.map((m) => `${m.recipients.join(',')}|${m.subject}`);
    expect(duplicates(subjects.filter((s) => !s.includes('weekly digest')))).toEqual([]);
  });
});

describe('a sheet an earlier version wrote with names in clear', () => {
  const OLD_HEADERS = SENT_HEADERS.slice(0, 8);
  const clearRow = (member: string, email: string) =>
    recordRow({
      sentAt: '2026-03-09 08:10',
      member,
      milestone: 'Day-seven follow-up',
      recipient: OWNER,
      dueDate: '2026-03-09',
      trainingDate: '2026-03-02',
      memberEmail: email,
      note: '',
    }).slice(0, 8);

  test('the owner’s next run re-writes its rows as tags in place, sends nothing they record, and a second run sends nothing again', () => {
    const { gas, bundle } = team({
      members: [
        { name: 'Ana Silva', email: 'ana@example.com', training: '2026-03-02' },
        { name: 'Ben Okafor', training: '2026-03-02' },
      ],
      on: false,
    });
    gas.addSheet(SENT, [OLD_HEADERS, clearRow('Ana Silva', 'ana@example.com'), clearRow('Ben Okafor', '')]);
    gas.clock.set('2026-03-09T10:00:00Z');
    bundle.setAutomation(true);
    gas.calls.reset();
    bundle.$runDueTriggers('2026-03-10T12:00:00Z');
    expect(gas.mail.sent).toEqual([]);
    const values = gas.inspect.displayValues(SENT);
    expect(values[0]).toEqual(SENT_HEADERS);
    expect(peopleIn(values.flat(), ['Ana Silva', 'Ben Okafor'], ['ana@example.com', OWNER])).toEqual([]);
    // Read back with the key: the same two records, in place.
    expect(
      untaggedSentValues(gas, [OWNER])
        .slice(1)
        .map((row) => row.slice(0, 8)),
    ).toEqual([clearRow('Ana Silva', 'ana@example.com'), clearRow('Ben Okafor', '')]);
    bundle.$runDueTriggers('2026-03-11T12:00:00Z');
    expect(gas.mail.sent).toEqual([]);
    expect(gas.inspect.displayValues(SENT)).toEqual(values);
  });
});

describe('a run that cannot have the key', () => {
  const members: RosterSpec[] = [{ name: 'Ana Silva', email: 'ana@example.com', training: '2026-03-02' }];
  const mirrorKey = (gas: ReturnType<typeof team>['gas']) => `uptake.doc.${gas.spreadsheet.getId()}.uptake.sent.key`;

  test('outside the document with no copy of the key: sends nothing and says why; the next run with the document sends it once', () => {
    const { gas, bundle } = team({ members });
    gas.properties.forUser(OWNER).deleteProperty(mirrorKey(gas));
    runWithoutDocument(gas, bundle, '2026-03-09T08:30:00Z');
    expect(gas.mail.sent).toEqual([]);
    expect(bundle.getAutomationStatus().lastRunReport.join(' ')).toContain('could not read the key');
    bundle.$runDueTriggers('2026-03-09T12:00:00Z');
    bundle.$fireTrigger(gas.triggers.clock()[0]);
    const subjects = gas.mail.sent.map((m) => `${m.recipients.join(',')}|${m.subject}`);
    expect(subjects).toContain(`${OWNER}|Uptake: Day-seven follow-up for Ana Silva`);
    expect(duplicates(subjects)).toEqual([]);
    // That run copied the key to the owner's properties: a later run outside the document has it.
    expect(gas.properties.forUser(OWNER).getProperty(mirrorKey(gas))).toMatch(/^[0-9a-f]{64}$/);
  });

  test('rows tagged with a key the spreadsheet no longer holds: nothing is sent, the owner is told once, no new key is made', () => {
    const { gas, bundle } = team({ members });
    bundle.$runDays(1);
    const sent = gas.mail.sent.length;
    gas.properties.forDocument(gas.spreadsheet.getId()).deleteProperty('uptake.sent.key');
    gas.properties.forUser(OWNER).deleteProperty(mirrorKey(gas));
    bundle.$runDays(14);
    const after = gas.mail.sent.slice(sent);
    expect(after.map((m) => m.subject)).toEqual(['Uptake: the daily run needs a fix in your spreadsheet']);
    expect(after[0].body).toMatch(/Tagged with a key this spreadsheet does not hold \([^)]*\): row 2 \(Key\)/);
    expect(gas.properties.forDocument(gas.spreadsheet.getId()).getProperty('uptake.sent.key')).toBeNull();
  });
});

describe('a sheet written with tags but its dates and notes in clear', () => {
  const members: RosterSpec[] = [
    { name: 'Ana Silva', email: 'ana@example.com', training: '2026-03-02' },
    { name: 'Ben Okafor', email: 'ben@example.com', training: '2026-03-02' },
  ];
  const notNeeded = 'Not needed at the week-three check (the week to 2026-03-22, the day before it fell due)';

  /** Automation turned on on 2026-03-09 (with `key` as the sheet's key when given), its tags, and rows as that version wrote them. */
  function earlierSheet(key?: string) {
    const { gas, bundle } = team({
      members,
      runs: Array.from({ length: 30 }, (_, i) => ({
        date: plus('2026-03-03', i),
        member: 'Ana Silva',
        workflow: 'Memo',
      })),
      on: false,
    });
    gas.clock.set('2026-03-09T10:00:00Z');
    if (key) gas.properties.forDocument(gas.spreadsheet.getId()).setProperty(KEYS.sentKey, key);
    bundle.setAutomation(true);
    const tags = new KeyedTags(gas.properties.forDocument(gas.spreadsheet.getId()).getProperty(KEYS.sentKey)!);
    // Rows as the version with tags wrote them: people tagged, dates and notes in clear.
    const tagged = (name: string, email: string, milestone: string, recipient: string, due: string, note: string) => [
      '2026-03-23 08:10',
      tags.member(milestone, memberKey(name)),
      milestone,
      tags.recipient(`${milestone}|${memberKey(name)}`, recipient),
      due,
      '2026-03-02',
      tags.email(milestone, email),
      note,
      tags.taggedOnlyFingerprint,
    ];
    const rows = [
      tagged('Ana Silva', 'ana@example.com', 'Day-seven follow-up', OWNER, '2026-03-09', ''),
      tagged('Ben Okafor', 'ben@example.com', 'Day-seven follow-up', OWNER, '2026-03-09', ''),
      tagged('Ana Silva', 'ana@example.com', 'Peer advocacy moment', OWNER, '2026-03-16', ''),
      tagged('Ben Okafor', 'ben@example.com', 'Peer advocacy moment', OWNER, '2026-03-16', ''),
      tagged('Ana Silva', 'ana@example.com', 'Week-three check', '', '2026-03-23', notNeeded),
      tagged(
        'Ben Okafor',
        'ben@example.com',
        'Week-three check',
        OWNER,
        '2026-03-23',
        'Due 2026-03-23, sent 1 day late',
      ),
    ];
    return { gas, bundle, tags, rows };
  }

  test('the owner’s next run seals its dates and notes in place, sends nothing they record, and a second run changes nothing', () => {
    const { gas, bundle, tags, rows } = earlierSheet();
    // Written as that version wrote them, as text (number format '@'): a tag or fingerprint such
    // as "6e885545" typed into Sheets would be read as a number.
    gas.addSheet(SENT, [SENT_HEADERS]);
    gas.sheet(SENT).getRange(2, 1, rows.length, SENT_HEADERS.length).setNumberFormat('@').setValues(rows);
    bundle.$runDueTriggers('2026-03-24T12:00:00Z');
    expect(gas.mail.sent.filter((m) => !m.subject.includes('weekly digest'))).toEqual([]);
    const values = gas.inspect.displayValues(SENT);
    expect(values.slice(1, 7).map((row) => row[8])).toEqual(Array(6).fill(tags.fingerprint));
    expect(values.flat().filter((cell) => /2026-03-(02|09|16|23)$|Not needed|late/.test(cell))).toEqual([]);
    // The two week-three rows, one settled without an email, now differ only in tags and sealed cells.
    const [ana, ben] = [values[5], values[6]];
    expect(ana.map((cell) => cell.length)).toEqual(ben.map((cell) => cell.length));
    expect(ana[3]).toMatch(/^[0-9a-f]{16}$/);
    // Read back with the key: the same six records, in place.
    const untagged = untaggedSentValues(gas, [OWNER]).slice(1, 7);
    expect(untagged.map((row) => [row[1], row[2], row[3], row[4], row[5], row[7]])).toEqual([
      ['Ana Silva', 'Day-seven follow-up', OWNER, '2026-03-09', '2026-03-02', ''],
      ['Ben Okafor', 'Day-seven follow-up', OWNER, '2026-03-09', '2026-03-02', ''],
      ['Ana Silva', 'Peer advocacy moment', OWNER, '2026-03-16', '2026-03-02', ''],
      ['Ben Okafor', 'Peer advocacy moment', OWNER, '2026-03-16', '2026-03-02', ''],
      ['Ana Silva', 'Week-three check', '', '2026-03-23', '2026-03-02', notNeeded],
      ['Ben Okafor', 'Week-three check', OWNER, '2026-03-23', '2026-03-02', 'Due 2026-03-23, sent 1 day late'],
    ]);
    const sealed = gas.inspect.displayValues(SENT);
    bundle.$runDueTriggers('2026-03-25T12:00:00Z');
    expect(gas.mail.sent.filter((m) => !m.subject.includes('weekly digest'))).toEqual([]);
    expect(gas.inspect.displayValues(SENT).slice(0, 7)).toEqual(sealed.slice(0, 7));
  });

  test('rows pasted back as typed input, their fingerprint read as a number: nothing they record is sent again, the owner is told once', () => {
    // With this key that version's fingerprint is "6e885545", which typed input reads as a number
    // (the in-memory Sheets: one too large to be finite). Once read as a row without a key, its
    // tags were tagged again and matched no one: the day-seven follow-up went again on 03-10.
    const { gas, bundle, tags, rows } = earlierSheet(
      '637ec211dc9c4f11934901130844655a470a5d87f04443e18ccf83222a4c8180',
    );
    expect(tags.taggedOnlyFingerprint).toBe('6e885545');
    gas.addSheet(SENT, [SENT_HEADERS, ...rows]);
    expect(typeof gas.sheet(SENT).getRange('I2').getValues()[0][0]).toBe('number');
    bundle.$runDueTriggers('2026-03-24T12:00:00Z');
    expect(gas.mail.sent.map((m) => m.subject)).toEqual(['Uptake: the daily run needs a fix in your spreadsheet']);
    expect(gas.mail.sent[0].body).toMatch(
      /A number or a date where Uptake wrote text \([^)]*\): row 2 \(Key\), row 3 \(Key\)/,
    );
  });
});
