/** What the sidebar shows about the automation: on or off, the last run and what it sent, problems to fix. */
import { validateSettings, type Settings } from '../core/base/settings';
import { failureLine, type Failure } from '../core/automation/failures';
import { scheduleMovedProblem, statusUnreadProblem } from '../core/automation/status-problems';
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
import { MIRROR_PREFIX, mirrorPrefix, snapshotStore } from './automation-store';
import { remainingQuota } from './mail';
import { loadSettings } from './settings-store';
import { checkedCaller } from './sidebar-call';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * This user's mirror for this spreadsheet, where runs without document properties report, looked
 * for only when the user's properties hold a run's report at all: finding this spreadsheet's takes
 * its id (a call).
 */
function runMirror(spreadsheet: Spreadsheet, userValues: Record<string, string>): Store | null {
  if (!Object.keys(userValues).some((key) => key.startsWith(MIRROR_PREFIX) && key.endsWith(KEYS.lastRun))) return null;
  return snapshotStore(userValues, mirrorPrefix(spreadsheet.getId()));
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
 * Never throws: a status that cannot be read says so among its problems. Reads no settings nor
 * properties: the caller hands in what it read (each store once, getProperties), so that a call
 * that read them for its own work reads none again; only the mail quota is asked here.
 */
export function automationStatus(
  spreadsheet: Spreadsheet,
  settings: Settings,
  /** The document's properties; null where there are none (the automation then keeps its state in the mirror). */
  documentValues: Record<string, string> | null,
  /** The user's properties, where the owner's mirror is. */
  userValues: Record<string, string>,
): AutomationStatus {
  const status = automationOff(settings);
  try {
    // Outside a document (no document properties) the automation keeps its state in the mirror.
    const store = snapshotStore(documentValues ?? userValues, documentValues ? '' : mirrorPrefix(spreadsheet.getId()));
    const state = readJson<AutomationState | null>(store, KEYS.state, null);
    status.on = state?.on === true;
    // A run outside the document writes to the owner's mirror: show whichever ran last, and the
    // problems either kept.
    const mirror = documentValues ? runMirror(spreadsheet, userValues) : null;
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
    const moved = scheduleMovedProblem(state, settings.digestHour);
    if (moved) status.problems.push(moved);
    status.remainingQuota = remainingQuota();
  } catch (error) {
    status.problems.push(statusUnreadProblem(error));
  }
  return status;
}

/**
 * The sidebar's "read the automation status" call: the settings and the document's properties its
 * check read (sidebarCall, checkedCaller), the user's properties read once here. Never throws, as
 * automationStatus: a store that cannot be read is the status's problem line, not a failed call.
 */
export function checkedAutomationStatus(): AutomationStatus {
  const checked = checkedCaller();
  try {
    const documentValues = checked?.documentValues ?? PropertiesService.getDocumentProperties().getProperties();
    const settings = checked?.settings ?? loadSettings(documentValues);
    const userValues = PropertiesService.getUserProperties().getProperties();
    return automationStatus(SpreadsheetApp.getActiveSpreadsheet(), settings, documentValues, userValues);
  } catch (error) {
    const status = automationOff(checked?.settings ?? validateSettings({}));
    status.problems.push(statusUnreadProblem(error));
    return status;
  }
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
