/** What the sidebar shows about the automation: on or off, the last run and what it sent, problems to fix. */
import { validateSettings, type Settings } from '../core/base/settings';
import { failureLine, type Failure } from '../core/automation/failures';
import { errorMessage } from '../core/automation/mail-rules';
import { missedRunProblem } from '../core/automation/run-report';
import {
  KEYS,
  readJson,
  type AutomationState,
  type LastRun,
  type MissedRun,
  type Store,
  type StoredProblem,
} from '../core/automation/store';
import type { AutomationStatus } from '../shared/api';
import { automationStore, mirrorStore } from './automation-store';
import { remainingQuota } from './mail';
import { loadSettings } from './settings-store';

/** Never throws: a status that cannot be read says so among its problems. */
export function automationStatus(): AutomationStatus {
  let settings: Settings;
  try {
    settings = loadSettings();
  } catch {
    settings = validateSettings({});
  }
  const status: AutomationStatus = {
    on: false,
    hour: settings.digestHour,
    digestWeekday: settings.digestWeekday,
    lastRun: null,
    lastRunReport: [],
    problems: [],
    remainingQuota: null,
  };
  try {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const { store } = automationStore(spreadsheet.getId());
    const state = readJson<AutomationState | null>(store, KEYS.state, null);
    status.on = state?.on === true;
    // A run outside the document writes to the owner's mirror: show whichever ran last.
    const runs = [store, mirrorStore(spreadsheet.getId())]
      .map((s) => readJson<LastRun | null>(s, KEYS.lastRun, null))
      .filter((r): r is LastRun => r !== null);
    const last = runs.sort((a, b) => b.at.localeCompare(a.at))[0];
    if (last) {
      status.lastRun = last.at;
      status.lastRunReport = last.report;
    }
    status.problems = problemsIn(store);
    if (last?.problem) status.problems.unshift(last.problem);
    if (state?.on && state.hour !== settings.digestHour) {
      status.problems.push(
        `The daily run is still set for ${state.hour}:00; turn automation off and on again to move it to ${settings.digestHour}:00.`,
      );
    }
    status.remainingQuota = remainingQuota();
  } catch (error) {
    status.problems.push(`Uptake could not read the automation status: ${errorMessage(error)}`);
  }
  return status;
}

function problemsIn(store: Store): string[] {
  const problems: string[] = [];
  const setup = readJson<StoredProblem | null>(store, KEYS.problem, null);
  if (setup) problems.push(setup.message);
  const missed = readJson<MissedRun | null>(store, KEYS.missed, null);
  if (missed) problems.push(missedRunProblem(missed));
  for (const failure of readJson<Failure[]>(store, KEYS.failures, [])) problems.push(failureLine(failure));
  return problems;
}
