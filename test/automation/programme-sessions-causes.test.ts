// The replacement programme's "Sessions not held" email (rules §17) on the BUILT bundle: each
// participant's diagnosed causes, worded as the sidebar's diagnosis words them (rules §18): a
// cause the owner already answered says "Addressed on D (type)" instead of asking again.
import type { RosterSpec } from '../support/sheets';
import { OWNER, team } from './support';

const members: RosterSpec[] = [
  { name: 'Ana', training: '2025-11-03', pack: 'yes', anchor: 'Proposal' },
  // No anchor-workflow session; context pack not ready: the Foundation cause.
  { name: 'Gus', training: '2025-11-03', pack: 'no', anchor: 'Report' },
];

function sessionsEmail(interventions: { date: string; member: string; type: string }[]) {
  const { gas, bundle } = team({ members });
  bundle.startProgramme({ start: '2026-03-02' });
  bundle.$runDueTriggers('2026-03-03T12:00:00Z');
  for (const r of interventions) bundle.recordIntervention({ ...r, workflow: '', note: '' });
  bundle.$runDueTriggers('2026-03-09T12:00:00Z');
  const mail = gas.mail.sent.find((m) => m.subject.startsWith('Uptake replacement programme: Sessions not held'))!;
  expect(mail.recipients).toEqual([OWNER]);
  const gus = mail.body.split('\n').find((line) => line.includes('Gus (Non-adopter in the baseline week)'))!;
  const sidebar = bundle.getDashboard({ asOf: '2026-03-08' });
  const foundation = sidebar
    .audit!.members.find((m) => m.member === 'Gus')!
    .diagnosis.find((f) => f.code === 'foundation')!;
  return { gus, foundation };
}

test('open, the Foundation cause asks for the fix', () => {
  const { gus, foundation } = sessionsEmail([]);
  expect(foundation.addressed).toBeNull();
  expect(gus).toContain(`${foundation.cause}: ${foundation.step.replace(/\.$/, '')}`);
  expect(gus).not.toContain('Addressed on');
});

test('a Context pack fix recorded on 3 March: "Addressed on 2026-03-03 (Context pack fix)", as in the sidebar', () => {
  const { gus, foundation } = sessionsEmail([{ date: '2026-03-03', member: 'Gus', type: 'Context pack fix' }]);
  expect(foundation.addressed).toEqual({ date: '2026-03-03', type: 'Context pack fix' });
  expect(gus).toContain(`${foundation.cause}: Addressed on 2026-03-03 (Context pack fix)`);
  expect(gus).not.toContain(foundation.step);
});
