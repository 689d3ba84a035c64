// The emails that prepare a follow-up carry what it needs (issue: rules §8, §10, §17): the
// member's notes from the log since training (days 7 and 21) or since the anchor-workflow session
// (the programme's day-seven follow-up), with their edit types and what the pattern points to.
// Notes are team text: escaped in the HTML. On the BUILT bundle, through the daily run.
import { type RosterSpec, type RunSpec } from '../support/sheets';
import { runsOf } from '../core/fixtures';
import { LEAD, OWNER, team } from './support';

const members: RosterSpec[] = [
  { name: 'Ana', email: 'ana@example.com', training: '2026-03-02', anchor: 'Proposal', owner: LEAD },
  { name: 'Ben', training: '2026-03-02', anchor: 'Proposal' },
];
const runs: RunSpec[] = [
  { date: '2026-02-27', member: 'Ana', note: 'before training: not quoted' },
  {
    date: '2026-03-03',
    member: 'Ana',
    outcome: 'Heavy edit',
    edit: 'missing info',
    note: 'Needed the <b>client’s</b> figures & "dates"',
  },
  // Written by email in the member cell: the roster makes it Ana.
  {
    date: '2026-03-05',
    member: 'ana@example.com',
    outcome: 'Light edit',
    edit: 'missing info',
    note: 'Line one\nline two',
  },
  { date: '2026-03-06', member: 'Ana', note: '' },
  { date: '2026-03-04', member: 'Ben', note: 'Ben’s own note' },
];

describe('the day-seven follow-up email quotes the member’s notes since training', () => {
  const { gas, bundle } = team({ members, runs });
  bundle.$runDueTriggers('2026-03-09T12:00:00Z');
  const ana = gas.mail.sent.find((m) => m.subject === 'Uptake: Day-seven follow-up for Ana')!;
  const ben = gas.mail.sent.find((m) => m.subject === 'Uptake: Day-seven follow-up for Ben')!;

  test('each noted run since training, oldest first, with its day, workflow, outcome and edit types', () => {
    expect(ana.recipients).toEqual([LEAD]);
    expect(ana.body).toContain('Their notes in the log since training (2):');
    expect(ana.body).toContain(
      '- Tue 3 Mar 2026, Proposal, heavy edit (missing info): “Needed the <b>client’s</b> figures & "dates"”\n' +
        '- Thu 5 Mar 2026, Proposal, light edit (missing info): “Line one line two”',
    );
    expect(ana.body).not.toContain('before training');
    expect(ana.body).not.toContain('Ben’s own note');
    expect(ana.body).toContain(
      'Edit types since training: missing info 2. Most are context edits (2 of 2): the pattern points to context',
    );
  });

  test('escaped in the HTML', () => {
    expect(ana.htmlBody).toContain('Needed the &lt;b&gt;client’s&lt;/b&gt; figures &amp; &quot;dates&quot;');
    expect(ana.htmlBody).not.toContain('<b>client');
  });

  test('a member’s own notes only; none said so', () => {
    expect(ben.recipients).toEqual([OWNER]);
    expect(ben.body).toContain('Their notes in the log since training (1):');
    expect(ben.body).toContain('Ben’s own note');
    expect(ben.body).not.toContain('Needed the');
  });
});

describe('the replacement programme’s day-seven follow-up quotes the notes since the session', () => {
  const trainedLongAgo: RosterSpec[] = [
    { name: 'Ana', training: '2025-11-03', anchor: 'Proposal' },
    { name: 'Cleo', training: '2025-11-03', anchor: 'Report', owner: LEAD },
  ];
  const { gas, bundle } = team({
    members: trainedLongAgo,
    runs: [
      ...runsOf('Ana', 30, '2026-03-20', { workflow: 'Proposal' }),
      { date: '2026-03-03', member: 'Cleo', workflow: 'Report', note: 'before the session: not quoted' },
      {
        date: '2026-03-05',
        member: 'Cleo',
        workflow: 'Report',
        outcome: 'Heavy edit',
        edit: 'format',
        note: 'Tables <broke>',
      },
      { date: '2026-03-06', member: 'Cleo', workflow: 'Report', outcome: 'Light edit', edit: 'format; tone' },
    ],
  });
  bundle.startProgramme({ start: '2026-03-02' });
  bundle.$runDueTriggers('2026-03-04T12:00:00Z');
  bundle.recordIntervention({
    date: '2026-03-04',
    member: 'Cleo',
    type: 'Anchor-workflow session',
    workflow: 'Report',
    note: '',
  });
  bundle.$runDueTriggers('2026-03-12T12:00:00Z');
  const email = gas.mail.sent.find((m) => m.subject === 'Uptake replacement programme: Day-seven follow-up for Cleo')!;

  test('the notes since the session, its edit types and what they point to', () => {
    expect(email.recipients).toEqual([LEAD]);
    expect(email.body).toContain(
      'Their notes in the log since the session (1):\n\n- Thu 5 Mar 2026, Report, heavy edit (format): “Tables <broke>”',
    );
    expect(email.body).not.toContain('before the session');
    expect(email.body).toContain(
      'Edit types since the session: tone 1, format 2. Most are format edits (2 of 3): the pattern points to format (an output template).',
    );
    expect(email.htmlBody).toContain('Tables &lt;broke&gt;');
  });
});
