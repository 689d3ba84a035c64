// This week's three actions (rules §18) in the BUILT bundle's named digest: an overdue milestone
// whose email has not gone yet is an action however old, as the digest's table lists it; once its
// email has gone (the daily run sends it late), it is left to the next one.
import type { RosterSpec } from '../support/sheets';
import { team } from './support';

const S = '2026-03-02';
const members: RosterSpec[] = [
  { name: 'Ana', training: '2025-11-03', pack: 'yes' },
  { name: 'Ben', training: '2025-11-03', pack: 'yes', anchor: 'Proposal' },
  { name: 'Cleo', training: '2025-11-10', pack: 'yes' },
];
const ACTION =
  'Sessions not held (replacement programme): book an individual anchor-workflow session for Ana, Ben and Cleo';

test('Sessions not held, due 9 March and not sent by 20 March: in the table and first of the three actions', () => {
  // Automation off: no run sends anything.
  const { gas, bundle } = team({ members, on: false });
  bundle.startProgramme({ start: S });
  gas.clock.set('2026-03-20T10:00:00Z');
  const preview = bundle.previewDigest();
  // The table lists it late (the next run sends it), eleven days after it fell due.
  expect(preview.text).toMatch(
    /Mon 9 Mar 2026 \(overdue, not sent yet\) +the team +Sessions not held \(replacement programme\)/,
  );
  const actions = preview.text.slice(preview.text.indexOf('This week’s three actions')).split('\n- ');
  expect(actions[1]).toMatch(new RegExp(`^${ACTION.replace(/[()]/g, '\\$&')}.* Was due Mon 9 Mar 2026\\.`));
});

test('once its email has gone (late, on 20 March), the milestone older than a week is no action', () => {
  const { gas, bundle } = team({ members });
  bundle.startProgramme({ start: S });
  // No run from 2 to 19 March; the run of 20 March sends it late, then the preview reads the sent sheet.
  gas.clock.set('2026-03-19T12:00:00Z');
  bundle.$runDays(1);
  expect(gas.mail.sent.some((m) => m.subject.startsWith('Uptake replacement programme: Sessions not held'))).toBe(true);
  expect(bundle.previewDigest().text).not.toContain(ACTION);
});
