/** What the sidebar shows about the automation: on or off, the last run and what it sent, problems to fix. */
import { validateSettings, type Settings } from '../core/base/settings';
import { failureLine, type Failure } from '../core/automation/failures';
import { errorMessage } from '../core/automation/mail-rules';
import { missedRunProblem } from '../core/automation/run-report';
import { handOverLine } from '../core/automation/hand-over';
import {
  KEYS,
  readJson,
  type AutomationState,
  type HandOver,
  type LastRun,
  type MissedRun,
  type Store,
  type StoredProblem,
} from '../core/automation/store';
import type { AutomationStatus } from '../shared/api';
import { MIRROR_PREFIX, mirrorPrefix, mirrorStore, snapshotStore } from './automation-store';
import { remainingQuota } from './mail';
import { loadSettings } from './settings-store';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * This user's mirror for this spreadsheet, where runs without document properties report, read
 * only when the user's properties hold a run's report at all: finding this spreadsheet's takes
 * its id (a call).
 */
function runMirror(spreadsheet: Spreadsheet, userValues?: Record<string, string>): Store | null {
  const values = userValues ?? PropertiesService.getUserProperties().getProperties();
  if (!Object.keys(values).some((key) => key.startsWith(MIRROR_PREFIX) && key.endsWith(KEYS.lastRun))) return null;
  return snapshotStore(values, mirrorPrefix(spreadsheet.getId()));
}

function settingsOrDefaults(): Settings {
  try {
    return loadSettings();
  } catch {
    return validateSettings({});
  }
}

/** The status before anything is read: off, no run, no problems. Also what a member is shown of the owner's automation. */
export function automationOff(settings: Settings): AutomationStatus {
  return {
    on: false,
    hour: settings.digestHour,
    digestWeekday: settings.digestWeekday,
    lastRun: null,
    lastRunReport: [],
    problems: [],
    remainingQuota: null,
  };
}

/**
 * Never throws: a status that cannot be read says so among its problems. Each properties store is
 * read once (getProperties), not a call per key; `settings` when the caller has read them.
 */
export function automationStatus(
  spreadsheet: Spreadsheet | null = null,
  settings: Settings = settingsOrDefaults(),
  /** The document's properties when the caller has read them (getProperties), to read them once. */
  documentValues?: Record<string, string>,
  /** The user's properties, likewise. */
  userValues?: Record<string, string>,
): AutomationStatus {
  const status = automationOff(settings);
  try {
    const active = spreadsheet ?? SpreadsheetApp.getActiveSpreadsheet();
    const values = documentValues ?? PropertiesService.getDocumentProperties()?.getProperties() ?? null;
    // Outside a document (no document properties) the automation keeps its state in the mirror.
    const store = values ? snapshotStore(values) : mirrorStore(active.getId());
    const state = readJson<AutomationState | null>(store, KEYS.state, null);
    status.on = state?.on === true;
    // A run outside the document writes to the owner's mirror: show whichever ran last, and the
    // problems either kept.
    const mirror = values ? runMirror(active, userValues) : null;
    const runs = [store, mirror]
      .map((s) => (s ? readJson<LastRun | null>(s, KEYS.lastRun, null) : null))
      .filter((r): r is LastRun => r !== null);
    const last = runs.sort((a, b) => b.at.localeCompare(a.at))[0];
    if (last) {
      status.lastRun = last.at;
      status.lastRunReport = last.report;
    }
    status.problems = [...new Set([...problemsIn(store), ...(mirror ? problemsIn(mirror) : [])])];
    if (last?.problem) status.problems.unshift(last.problem);
    const handOver = handOverLine(readJson<HandOver | null>(store, KEYS.handOver, null), state);
    if (handOver) status.problems.unshift(handOver);
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
