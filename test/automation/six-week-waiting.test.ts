// The sidebar's timeline does not read the "Uptake sent" sheet, yet must not show a member past
// day 42 as done while their six-week email is still to go (the next run sends it, late). Each
// daily run leaves the members it could not settle; the dashboard reads them with the document's
// properties it reads anyway. On the BUILT bundle.
import { type RosterSpec } from '../support/sheets';
import { OWNER, team } from './support';

// Day 42 of Ana is Sun 1 March (START, when automation is turned on); of Ben, Sat 28 February.
const members: RosterSpec[] = [
  { name: 'Ana', training: '2026-01-18', anchor: 'Proposal' },
  { name: 'Ben', training: '2026-01-17', anchor: 'Proposal' },
  { name: 'Cy', training: '2026-02-16', anchor: 'Proposal' },
];

const waitingOn = (bundle: ReturnType<typeof team>['bundle'], asOf: string) =>
  bundle
    .getDashboard({ asOf })
    .timeline.filter((row) => row.sixWeekEmailWaiting)
    .map((row) => row.member);

test('waiting until a run sends the email; still waiting when the run could not', () => {
  const { gas, bundle } = team({ members });
  gas.mail.failFor(OWNER);
  // No run yet: both past day 42 wait; Cy (day 13) is not past it.
  expect(waitingOn(bundle, '2026-03-01')).toEqual(['Ana', 'Ben']);
  // Monday's run: MailApp refuses the owner's address; nothing goes, both still wait.
  bundle.$runDueTriggers('2026-03-02T12:00:00Z');
  expect(gas.mail.sent).toEqual([]);
  expect(waitingOn(bundle, '2026-03-02')).toEqual(['Ana', 'Ben']);
  // Tuesday's run: the six-week email goes (late), and the timeline says nothing more.
  gas.mail.clearFailures();
  bundle.$runDueTriggers('2026-03-03T12:00:00Z');
  expect(gas.mail.sent.map((m) => m.subject)).toContain('Uptake: Six-week measurement for Ana and Ben (late)');
  expect(waitingOn(bundle, '2026-03-03')).toEqual([]);
  expect(
    bundle
      .getDashboard({ asOf: '2026-03-03' })
      .timeline.filter((row) => row.next === null)
      .map((r) => r.member),
  ).toEqual(['Ana', 'Ben']);
});
