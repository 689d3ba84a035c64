/** Reading the Interventions sheet (spec §14 "Where", "Types"). */
import { d, logRows, rosterRows } from '../support/sheets';
import { parseInterventions, readInterventionType, INTERVENTION_HEADERS } from '../../src/core/interventions/sheet';
import { INTERVENTION_TYPES } from '../../src/core/interventions/types';
import { parseLog } from '../../src/core/sheets/log';
import { MemberDirectory, parseRoster } from '../../src/core/sheets/roster';
import { HeaderNotFoundError } from '../../src/core/sheets/header';
import { interventionsView } from '../../src/core/interventions/view';
import { programmeTimeline } from '../../src/core/programme/milestones';
import { audit, day, UTC } from './fixtures';

const roster = parseRoster(
  rosterRows([{ name: 'Chloé Martin', email: 'chloe@northwind.example' }, { name: 'Ben' }]),
  UTC,
);
const directory = new MemberDirectory(roster.members);
const log = parseLog(
  logRows([
    { date: '2026-02-01', member: 'chloe@northwind.example', workflow: 'Client proposal' },
    { date: '2026-02-01', member: 'Guest Writer', workflow: 'Campaign brief' },
  ]),
  { ...UTC, directory },
);

function read(rows: unknown[][], header: unknown[] = INTERVENTION_HEADERS) {
  return parseInterventions([header, ...rows], {
    ...UTC,
    directory,
    logNames: log.names,
    logWorkflowKeys: log.table.workflowKeys,
  });
}

describe('headers', () => {
  test('found like the log: any order, any case, below title rows; Workflow and Note optional', () => {
    const parsed = parseInterventions(
      [
        ['Interventions of Northwind'],
        [],
        ['type', 'DATE', ' team member '],
        ['Context pack fix', d('2026-02-10'), 'Ben'],
      ],
      { ...UTC, directory, logNames: log.names, logWorkflowKeys: [] },
    );
    expect(parsed.headerRow).toBe(3);
    expect(parsed.interventions).toEqual([
      expect.objectContaining({
        row: 4,
        day: day('2026-02-10'),
        member: 'Ben',
        type: 'Context pack fix',
        workflow: null,
        note: '',
      }),
    ]);
  });

  test('a sheet without Date, Team member and Type is not an Interventions sheet', () => {
    expect(() => read([], ['Date', 'Team member', 'Workflow', 'Note'])).toThrow(HeaderNotFoundError);
    expect(() => read([], ['Date', 'Team member', 'Workflow', 'Outcome', 'Edit type'])).toThrow(/Missing: Type/);
  });

  test('the headers Uptake writes are the five of spec §14, in order', () => {
    expect(INTERVENTION_HEADERS).toEqual(['Date', 'Team member', 'Type', 'Workflow', 'Note']);
  });
});

describe('types', () => {
  test.each([
    ['follow-up session', 'Follow-up session'],
    ['FOLLOW UP SESSION', 'Follow-up session'],
    ['  anchor-workflow   session ', 'Anchor-workflow session'],
    ['Context Pack Fix', 'Context pack fix'],
    ['peer advocacy moment', 'Peer advocacy moment'],
    ['second training session', 'Second training session'],
    ['other', 'Other'],
    ['Lunch and learn', 'Other'],
    ['', 'Other'],
  ])('%p is %p', (text, type) => {
    expect(readInterventionType(text)).toBe(type);
  });

  test('the canonical list ends with "Other"', () => {
    expect(INTERVENTION_TYPES).toEqual([
      'Follow-up session',
      'Anchor-workflow session',
      'Context pack fix',
      'Peer advocacy moment',
      'Second training session',
      'Other',
    ]);
  });

  test('an unknown type is kept as written, grouped as Other, and said', () => {
    const parsed = read([[d('2026-02-10'), 'Ben', 'Lunch and learn', '', '']]);
    expect(parsed.interventions[0]).toMatchObject({ type: 'Other', typeAsWritten: 'Lunch and learn' });
    expect(parsed.notices).toEqual([{ row: 2, reason: expect.stringContaining('"Lunch and learn" is not one of') }]);
    expect(read([[d('2026-02-10'), 'Ben', 'other', '', '']]).notices).toEqual([]);
    expect(read([[d('2026-02-10'), 'Ben', '', '', '']]).notices[0].reason).toMatch(/type is blank/);
  });
});

describe('rows', () => {
  test('members: blank is the whole team; roster emails and log-only members are known', () => {
    const parsed = read([
      [d('2026-02-10'), '', 'Peer advocacy moment', '', 'Team meeting'],
      [d('2026-02-11'), 'CHLOE@northwind.example', 'Context pack fix', 'client  proposal', 'Added the rate card'],
      [d('2026-02-12'), 'guest writer', 'Follow-up session', '', ''],
    ]);
    expect(parsed.skipped).toEqual([]);
    expect(parsed.interventions.map((i) => [i.row, i.member, i.memberKey, i.workflow, i.workflowKey, i.note])).toEqual([
      [2, null, null, null, null, 'Team meeting'],
      [3, 'Chloé Martin', 'chloé martin', 'client proposal', 'client proposal', 'Added the rate card'],
      [4, 'Guest Writer', 'guest writer', null, null, ''],
    ]);
  });

  test('an unreadable date or an unknown member skips the row, with its number and reason', () => {
    const parsed = read([
      ['next Tuesday', 'Ben', 'Follow-up session', '', ''],
      [d('2026-02-10'), 'Zed', 'Follow-up session', '', ''],
      ['', '', 'Context pack fix', '', ''],
      ['31/02/2026', 'Nobody', 'Other', '', ''],
      [d('2026-02-10'), 42, 'Other', '', ''],
      [d('2026-02-10'), 'Ben', 'Follow-up session', '', ''],
    ]);
    expect(parsed.skipped).toEqual([
      { row: 2, reason: expect.stringMatching(/^"next Tuesday" is not a date/) },
      { row: 3, reason: expect.stringMatching(/^The team member "Zed" is neither on the roster nor in the log/) },
      { row: 4, reason: 'The date is blank' },
      {
        row: 5,
        reason: expect.stringMatching(
          /not a date in the spreadsheet's day\/month\/year order; the team member "Nobody"/,
        ),
      },
      { row: 6, reason: expect.stringMatching(/number 42/) },
    ]);
    expect(parsed.interventions.map((i) => i.row)).toEqual([7]);
  });

  test('blank rows are ignored; a workflow nobody ran is read and said', () => {
    const parsed = read([[], ['', '', '', '', ''], [d('2026-02-10'), 'Ben', 'Context pack fix', 'Board memo', '']]);
    expect(parsed.skipped).toEqual([]);
    expect(parsed.interventions).toHaveLength(1);
    expect(parsed.notices).toEqual([
      { row: 4, reason: 'Nobody has run the workflow "Board memo" in the log: check its spelling' },
    ]);
  });

  test('dates as text are read in the locale order, as the log reads them', () => {
    const parsed = parseInterventions([INTERVENTION_HEADERS, ['2/10/2026', 'Ben', 'Other', '', '']], {
      timeZone: 'UTC',
      dateOrder: 'MDY',
      directory,
      logNames: log.names,
      logWorkflowKeys: [],
    });
    expect(parsed.interventions[0].day).toBe(day('2026-02-10'));
  });
});

describe('the view: figures, summary and problems together', () => {
  test('notices name the sheet and row; skipped rows keep their own reason; the timeline marks a follow-up held', () => {
    const rosterSpec = [{ name: 'Ben', training: '2026-02-01' }];
    const benRoster = parseRoster(rosterRows(rosterSpec), UTC);
    const benLog = parseLog(logRows([{ date: '2026-02-03', member: 'Ben' }]), {
      ...UTC,
      directory: new MemberDirectory(benRoster.members),
    });
    const view = interventionsView({
      sheet: {
        name: 'Interventions',
        values: [
          INTERVENTION_HEADERS,
          [d('2026-02-08'), 'Ben', 'Follow-up session', '', ''],
          [d('2026-02-09'), 'Zed', 'Other', '', ''],
          [d('2026-03-09'), '', 'Peer advocacy moment', '', ''],
        ],
      },
      log: benLog,
      roster: benRoster,
      dateOptions: UTC,
      asOf: day('2026-03-01'),
      settings: { genuineAt: 3 },
    });
    expect(view.interventions.map((i) => i.row)).toEqual([2]);
    expect(view.byType).toEqual([expect.objectContaining({ type: 'Follow-up session', count: 1, complete: 1 })]);
    expect(view.skipped).toEqual([{ row: 3, reason: expect.stringMatching(/^The team member "Zed"/) }]);
    expect(view.notices).toEqual([
      {
        row: 4,
        sheet: 'Interventions',
        reason:
          'Interventions row 4: The intervention dated 2026-03-09 is after the as-of date 2026-03-01: it is left out of the figures',
      },
    ]);
    const timeline = programmeTimeline(audit([], { roster: rosterSpec, asOf: '2026-03-01' }), view.interventions);
    expect(timeline).toEqual([expect.objectContaining({ member: 'Ben', followUpHeld: '2026-02-08' })]);
    expect(programmeTimeline(audit([], { roster: rosterSpec, asOf: '2026-03-01' }))[0].followUpHeld).toBeNull();
  });
});
