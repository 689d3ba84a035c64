// The BUILT bundle (build/Code.js, `npm run build`) in the in-memory Apps Script, and the small
// sample team the tests of its entry points load into a spreadsheet there.
import { createFakeGas, type FakeGasOptions } from '../../packages/fake-apps-script';
import { loadUptake } from '../../local/uptake-bundle';
import type { LogRunRequest } from '../../src/shared/api';
import { BUILD_DIR, readBuilt } from '../bundle/support';
import { logRows, plus, rosterRows, type RosterSpec, type RunSpec } from './sheets';

export const TODAY = '2026-03-15';

/** What Log a run sends for one run of Ana's on TODAY; `run` changes what it names. */
export function logRunRequest(run: Partial<LogRunRequest> = {}): LogRunRequest {
  return {
    date: TODAY,
    member: 'Ana',
    workflow: 'Client proposal',
    outcome: 'Used as-is',
    editTypes: [],
    prompted: false,
    notes: '',
    ...run,
  };
}

/** A fake Apps Script at 10:00 UTC on TODAY, with the bundle loaded. */
export function fakeWithBundle(options: FakeGasOptions = {}) {
  readBuilt('Code.js'); // a clear message when the build is missing
  const gas = createFakeGas({ now: `${TODAY}T10:00:00Z`, ...options });
  const bundle = loadUptake(gas, BUILD_DIR);
  return { gas, bundle };
}

/** A small team: Ana a genuine adopter, Ben developing with heavy edits, Cleo trained but silent. */
export function sampleTeam() {
  const runs: RunSpec[] = [
    ...[0, 1, 2, 3].map((i) => ({ date: plus(TODAY, -i), member: 'Ana', workflow: 'Client proposal' })),
    ...[0, 2, 4].map((i) => ({
      date: plus(TODAY, -i),
      member: 'Ben',
      workflow: 'Weekly update',
      outcome: 'Heavy edit',
      edit: 'tone',
    })),
    { date: plus(TODAY, -1), member: 'Ben', workflow: 'Client proposal', outcome: 'Light edit', edit: 'format' },
  ];
  const roster: RosterSpec[] = [
    { name: 'Ana', email: 'ana@example.com', training: plus(TODAY, -20), anchor: 'Client proposal' },
    { name: 'Ben', email: 'ben@example.com', training: plus(TODAY, -10), anchor: 'Weekly update' },
    { name: 'Cleo', email: 'cleo@example.com', training: plus(TODAY, -3), anchor: 'Board memo' },
  ];
  return { runs, roster };
}

/**
 * The sample team in a spreadsheet (its log on "Log", `extraRuns` after its runs, its roster on
 * "Roster") in a fake with the bundle loaded; `options` add to the fake's, the spreadsheet's too.
 */
export function teamSheet(options: FakeGasOptions = {}, extraRuns: RunSpec[] = []) {
  const { runs, roster } = sampleTeam();
  const sheets = { Log: logRows([...runs, ...extraRuns]), Roster: rosterRows(roster) };
  return fakeWithBundle({ ...options, spreadsheet: { ...options.spreadsheet, sheets } });
}

/**
 * The spreadsheet "Run audit to sheet" writes to (rules §19): the one SpreadsheetApp.create made
 * in the owner's Drive, `user` being the owner (default: the fake's active user).
 */
export function auditFile(gas: ReturnType<typeof createFakeGas>, user = gas.session.activeUser) {
  const [file] = gas.spreadsheetsOf(user);
  if (!file) throw new Error(`no audit spreadsheet in ${user}'s Drive`);
  return file;
}
