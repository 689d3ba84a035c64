// The example team (examples/) must show every transition of rules §13 this week and more than
// one training cohort, as `npm start -- --json` reports them, so the trend has something to say.
import type { JsonAudit } from '../../local/json';
import type { JsonHistory } from '../../local/history-view';
import { bundleCliInto, removeTemp, runCli, STACK_FRAME, tempDir } from './support';

let work: string;
let history: JsonHistory;

beforeAll(() => {
  work = tempDir();
  const cli = bundleCliInto(work);
  // No --log: the CLI audits the example team as of its fixed date.
  const run = runCli(cli, ['--json', '--out', 'out'], work);
  expect([run.status, run.stderr.match(STACK_FRAME)]).toEqual([0, null]);
  history = (JSON.parse(run.stdout) as JsonAudit & { history: JsonHistory }).history;
});
afterAll(() => removeTemp(work));

describe('the example team history', () => {
  test('names someone in each transition this week', () => {
    const { retained, newAdopters, reactivated, lapsed } = history.transitions;
    const sizes = { retained, newAdopters, reactivated, lapsed };
    for (const [transition, names] of Object.entries(sizes)) {
      expect([transition, names.length > 0]).toEqual([transition, true]);
    }
    // Each member is in at most one transition.
    const all = [...retained, ...newAdopters, ...reactivated, ...lapsed];
    expect(new Set(all).size).toBe(all.length);
  });

  test('has at least two training cohorts, each with members', () => {
    expect(history.cohorts.length).toBeGreaterThanOrEqual(2);
    for (const cohort of history.cohorts) expect(cohort.members.length).toBeGreaterThan(0);
  });
});
