/**
 * The replacement programme (spec §17) in Apps Script: starting it (the sidebar, after the
 * audit, or a date chosen in Settings; the local run's --programme-start) and reading it for the
 * dashboard. It is kept in the document's properties, beside the automation's state, so that
 * the daily run that sends its milestones reads the baseline frozen here.
 */
import { dayToIso, isoToDay, type Day } from '../core/base/dates';
import { SettingsError, type Settings } from '../core/base/settings';
import {
  futureSizeProblem,
  programmeSizeProblem,
  readProgramme,
  withBaseline,
  withRecordedSession,
  writeProgramme,
  writeSessions,
} from '../core/automation/programme-store';
import { PROPERTY_VALUE_BYTES, type Store } from '../core/automation/store';
import {
  BASELINE_WEEKS,
  programmeView,
  startDay,
  startRefusal,
  type ProgrammeRecord,
  type ProgrammeView,
} from '../core/programme/replacement';
import type { SessionSource } from '../core/programme/replacement';
import type { ProgrammeStartRequest, ProgrammeStartResult } from '../shared/api';
import { programmeStore } from './programme-store';
import { automationStore, mirrorStore } from './automation-store';
import { forgetProgrammeTooBig } from '../core/automation/daily-run';
import { todayIn } from './spreadsheet-locale';
import { withDocumentLock } from './document-lock';
import { readInterventions } from './interventions-data';
import { LOCK_WAIT_MS } from './log-run';
import { readTeam, type RosterApprovals, type TeamData } from './team-data';
import { auditTeam } from '../core/audit/team-audit';
import { Workbook } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function auditsOf(team: TeamData, settings: Settings) {
  return (asOf: Day, weeks: number, fromDay?: Day) => auditTeam(team, settings, dayToIso(asOf), weeks, fromDay);
}

/** The programme as the dashboard shows it on `asOf`, its baseline as it will be frozen; null when none was started. */
export function dashboardProgramme(
  store: Store,
  team: TeamData,
  settings: Settings,
  interventions: SessionSource,
  asOf: Day,
  today: Day,
): { record: ProgrammeRecord; view: ProgrammeView } | null {
  const stored = readProgramme(store);
  if (!stored) return null;
  const record = withBaseline(stored, auditsOf(team, settings), today);
  const tooBig = startProblem(stored, record);
  if (tooBig) return { record: stored, view: { ...programmeView(stored, [], asOf), couldNotStart: tooBig } };
  return { record, view: programmeView(record, interventions, asOf) };
}

/**
 * Why `stored` could not start, given `frozen`, its baseline as the daily run freezes it today;
 * null when it could. Too big to store: the daily run could not freeze it, so it is not running
 * (spec §17), and a new start replaces it at once rather than waiting for its day 30.
 */
function startProblem(stored: ProgrammeRecord, frozen: ProgrammeRecord): string | null {
  return frozen === stored ? null : programmeSizeProblem(frozen, PROPERTY_VALUE_BYTES);
}

/**
 * The stored programme a new start must respect: none when it could not start, as a daily run
 * found (kept in the record: the team may have been cut down since, to fit a new start) or as the
 * dashboard shows it before the day's run (see startProblem).
 */
function blockingProgramme(stored: ProgrammeRecord | null, team: TeamData, settings: Settings, today: Day) {
  if (!stored || stored.baseline || startDay(stored) > today) return stored;
  if (stored.failedToStart) return null;
  return startProblem(stored, withBaseline(stored, auditsOf(team, settings), today)) ? null : stored;
}

/**
 * The Settings form's programme start (spec §17: "or a Settings date"). Blank, or the running
 * programme's own start, changes nothing (null); another date is the day to start it on. Checked
 * before anything is saved: a date that cannot be read, or one the running programme refuses, is
 * a SettingsError naming the field.
 */
export function settingsProgrammeStart(spreadsheet: Spreadsheet, value: unknown): string | null {
  const text = typeof value === 'string' ? value.trim() : '';
  if (value !== undefined && value !== null && typeof value !== 'string')
    throw new SettingsError(
      'programmeStart',
      'Replacement programme start: write a date as YYYY-MM-DD, or leave it empty.',
    );
  if (!text) return null;
  const { today } = todayIn(spreadsheet);
  const start = isoToDay(text);
  if (start === null)
    throw new SettingsError(
      'programmeStart',
      `Replacement programme start: "${text}" is not a date: write it as YYYY-MM-DD, e.g. ${dayToIso(today)}.`,
    );
  const existing = readProgramme(programmeStore(spreadsheet));
  if (existing && isoToDay(existing.start) === start) return null;
  // One past its start day with no baseline may have failed to start, which only the team's audit
  // tells: startProgramme, called before anything is saved, reads it and refuses then.
  if (existing && !existing.baseline && startDay(existing) <= today) return dayToIso(start);
  const refusal = startRefusal(existing, start, today);
  if (refusal) throw new SettingsError('programmeStart', `Replacement programme start: ${refusal}`);
  return dayToIso(start);
}

/**
 * Starts the programme on `request.start` (default today). The baseline, the audit of the week
 * ending the day before the start, is frozen now when that week is complete, else by the first
 * daily run from the start on. Refused while another programme has not reached its day 30.
 */
export function startProgramme(
  spreadsheet: Spreadsheet,
  settings: Settings,
  approved: RosterApprovals,
  request: ProgrammeStartRequest,
): ProgrammeStartResult {
  const { today } = todayIn(spreadsheet);
  const text = (request.start ?? '').trim();
  const start = text === '' ? today : isoToDay(text);
  if (start === null)
    throw new Error(`"${text}" is not a start date: write it as YYYY-MM-DD, e.g. ${dayToIso(today)}.`);
  return withDocumentLock(LOCK_WAIT_MS, 'Uptake’s daily run is in progress: try again in a few minutes.', () => {
    const store = programmeStore(spreadsheet);
    const book = new Workbook(spreadsheet);
    const team = readTeam(book, settings, approved);
    const stored = readProgramme(store);
    const existing = blockingProgramme(stored, team, settings, today);
    const refusal = startRefusal(existing, start, today);
    if (refusal) throw new Error(refusal);
    const sessions = readInterventions(book, team, settings, { asOf: dayToIso(today) }).interventions;
    if (existing && isoToDay(existing.start) === start && existing.baseline) {
      return {
        message: `The replacement programme started on ${existing.start} is already running.`,
        programme: programmeView(existing, sessions, today),
      };
    }
    const record = withBaseline(
      { start: dayToIso(start), startedOn: dayToIso(today), baseline: null },
      auditsOf(team, settings),
      today,
    );
    const upperBound = record.baseline
      ? null
      : futureSizeProblem(record, auditsOf(team, settings)(today, BASELINE_WEEKS), store.valueBytes);
    if (upperBound) throw new Error(upperBound);
    writeProgramme(store, record);
    if (stored && !existing) forgetStartProblem(spreadsheet);
    const base = record.baseline;
    return {
      message: base
        ? `Replacement programme started on ${record.start}: baseline frozen from the week ending ${base.asOf}, ${base.participants.length} participants.`
        : `Replacement programme set to start on ${record.start}: its baseline, the week ending ${dayToIso(start - 1)}, is frozen on that day.`,
      programme: programmeView(record, sessions, today),
    };
  });
}

/** The stored "could not start" problem of a programme just replaced, where Check set-up reads it. */
function forgetStartProblem(spreadsheet: Spreadsheet): void {
  forgetProgrammeTooBig(automationStore(spreadsheet.getId()).store);
  // A run outside the document kept it in the trigger owner's mirror: the caller's, when they own it.
  forgetProgrammeTooBig(mirrorStore(spreadsheet.getId()));
}

/**
 * After Record an intervention: an anchor-workflow session for a participant is kept in the
 * programme's record at once, so their My week says it was held (the daily run keeps it too).
 */
export function keepRecordedSession(spreadsheet: Spreadsheet, recorded: SessionSource[number], today: Day): void {
  const store = programmeStore(spreadsheet);
  const programme = readProgramme(store);
  if (!programme) return;
  const kept = withRecordedSession(programme, recorded, today);
  if (kept !== programme) writeSessions(store, kept);
}
