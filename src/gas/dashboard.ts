/**
 * The dashboard sidebar's server calls. Everything returned is plain JSON (ISO dates, no Date):
 * google.script.run carries nothing else.
 */
import { dayToIso, isoToDay } from '../core/base/dates';
import { todayInZone } from './spreadsheet-locale';
import { SettingsError, validateSettings, type Settings, type SettingsField } from '../core/base/settings';
import { replacedBy, withProgrammeSixWeek } from '../core/programme/replacement';
import { dashboardProgramme, settingsProgrammeStart, startProgramme } from './programme';
import { snapshotStore } from './automation-store';
import { readSixWeekWaiting, sixWeekEmailWaiting, type SixWeekWaiting } from '../core/automation/six-week-waiting';
import type { DashboardData, DashboardRequest } from '../shared/api';
import { programmeTimeline } from '../core/programme/milestones';
import { auditTeam } from '../core/audit/team-audit';
import { weekActions, type ActionsInput, type WeekAction } from '../core/programme/actions';
import type { Audit } from '../core/audit/audit-types';
import type { InterventionReport } from '../core/interventions/types';
import { dueSinceLastRun } from '../core/programme/late-milestones';
import { NO_INTERVENTIONS } from '../core/interventions/view';
import { advisedAudit } from './interventions-data';
import { automationStatus, syncAutomationSchedule } from './automation';
import { changeOwner, interventionsElsewhere } from './owner-change';
import { automationOff } from './automation-status';
import { sameAccount } from '../core/roles/roles';
import { loadStoredSettings, storeSettings, type StoredSettings } from './settings-store';
import { teamHistory } from '../core/history/team-history';
import { findLogSheet, findLogSheets, noLogError, OWN_SHEETS, readTeam, SetupError, type TeamData } from './team-data';
import { Workbook, workbookOf } from './workbook';
import { caller, type Caller } from './roles';
import { checkedCaller, storedForCall } from './sidebar-call';
import { hasOldAuditTab, readAuditFile, type AuditFileRecord } from './audit-file';
import { oldInterventionsTab } from './interventions-home';
import { openTeamTabNames, recordOpenTeamTabs } from './open-team-tabs';
import { unapprovedPairings } from '../core/roles/roster-approval';
import { keepApprovalsInStep } from './follow-up-approval';
import { followUpsToApprove, heldBackRows, withheldRows } from '../core/roles/approval-offer';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function sheetNames(spreadsheet: Spreadsheet | Workbook): string[] {
  return workbookOf(spreadsheet)
    .sheets()
    .map((s) => s.name)
    .filter((name) => !OWN_SHEETS.includes(name));
}

/** Settings as a member let in by "open team" gets them: no owner email, recipients or approved addresses. */
function withoutPrivateSettings(settings: Settings): Settings {
  return {
    ...settings,
    ownerEmail: '',
    recipients: [],
    namedForRecipients: false,
    followUpApprovals: [],
    followUpWas: [],
    approvedFollowUpOwners: [],
  };
}

/** What the dashboard reads once and passes down: who is looking, the settings, the properties, the zone. */
interface DashboardContext extends StoredSettings {
  book: Workbook;
  viewer: Caller;
  isOwner: boolean;
  timeZone: string;
  /** The document's properties: the automation's status, the programme (rules §17), the notes on tabs. */
  documentValues: Record<string, string> | undefined;
  /** The owner's audit spreadsheet as recorded: its link, and whether the interventions are in it. */
  ownFile: AuditFileRecord | null;
  /** The owner's user properties (one read, for the audit file and the automation's mirror); undefined for anyone else. */
  userValues: Record<string, string> | undefined;
}

/**
 * Reads the context once. The guard already read who is asking, the settings and the document's
 * properties (src/gas/sidebar-call.ts); the owner's user properties are read here, once.
 */
function dashboardContext(spreadsheet: Spreadsheet): DashboardContext {
  const guarded = checkedCaller();
  const documentValues =
    guarded?.documentValues ?? PropertiesService.getDocumentProperties()?.getProperties() ?? undefined;
  const stored = guarded ?? loadStoredSettings(documentValues);
  const settings = stored.settings;
  const book = new Workbook(spreadsheet);
  const viewer = guarded?.who ?? caller(settings, documentValues);
  const isOwner = viewer.role === 'owner';
  const userValues = isOwner ? PropertiesService.getUserProperties().getProperties() : undefined;
  const ownFile = isOwner ? readAuditFile(spreadsheet, userValues) : null;
  return {
    book,
    settings,
    approved: stored.approved,
    everApproved: stored.everApproved,
    viewer,
    isOwner,
    timeZone: book.dateOptions().timeZone,
    documentValues,
    ownFile,
    userValues,
  };
}

/** The dashboard before the audit: settings, automation, the owner's notes on files and tabs. */
function dashboardFrame(spreadsheet: Spreadsheet, context: DashboardContext): DashboardData {
  const { book, settings, viewer, isOwner, documentValues } = context;
  return {
    today: dayToIso(todayInZone(context.timeZone)),
    timeZone: context.timeZone,
    audit: null,
    problem: null,
    // An editor let in by "open team" sees the figures, not where the digest goes nor the automation.
    settings: isOwner ? settings : withoutPrivateSettings(settings),
    automation: isOwner
      ? automationStatus(spreadsheet, settings, documentValues ?? null, context.userValues ?? {})
      : automationOff(settings),
    logSheet: null,
    rosterSheet: null,
    sheetNames: sheetNames(book),
    timeline: [],
    actions: [],
    interventions: NO_INTERVENTIONS,
    history: null,
    programme: null,
    viewer: { role: viewer.role, owner: viewer.owner },
    auditFileUrl: context.ownFile?.url ?? null,
    oldAuditTab: isOwner && hasOldAuditTab(book, settings),
    oldInterventionsTab: null,
    keptWhileOpen: isOwner ? openTeamTabNames(documentValues) : [],
    interventionsElsewhere: isOwner && !settings.openTeam ? interventionsElsewhere(documentValues, viewer.email) : null,
    followUpsToApprove: [],
    unapprovedRosterEmails: [],
    rosterNeverApproved: false,
    rosterEmailCollisions: [],
  };
}

/** The programme's timeline rows (§8's milestones), with whether each six-week email is waiting. */
function timelineRows(
  audit: Audit,
  interventions: InterventionReport[],
  replaced: ReturnType<typeof replacedBy>,
  waiting: SixWeekWaiting | null,
): DashboardData['timeline'] {
  return programmeTimeline(audit, interventions)
    .filter((row) => !replaced({ name: row.member }))
    .map((row) => ({
      ...row,
      sixWeekEmailWaiting:
        row.next === null &&
        // As of the audit's day, as the three actions: the timeline's days are counted to it.
        sixWeekEmailWaiting(
          waiting,
          { name: row.member, trainingDay: isoToDay(row.trainingDate)! },
          isoToDay(audit.asOf)!,
        ),
    }));
}

/** The audit and everything drawn from it, into `data`; throws SetupError when the log cannot be read. */
function fillAudit(data: DashboardData, context: DashboardContext, request: DashboardRequest | null | undefined): void {
  const { book, settings, approved, everApproved, isOwner, documentValues } = context;
  const team = readTeam(book, settings, approved);
  data.logSheet = team.logSheetName;
  data.rosterSheet = team.rosterSheetName;
  // From the roster already read: offered to the owner for approval, item by item (rules §19).
  if (isOwner) {
    const members = team.roster?.members ?? [];
    // The owner's load drops the approvals of pairings the Roster no longer names (written only then).
    const inStep = keepApprovalsInStep(book.spreadsheet, settings, team.roster, { userValues: context.userValues });
    const { followUpApprovals, ownerEmail, approvedFollowUpOwners, followUpWas } = inStep;
    data.followUpsToApprove = followUpsToApprove(
      team.roster,
      followUpApprovals,
      ownerEmail,
      approvedFollowUpOwners,
      followUpWas,
    );
    data.unapprovedRosterEmails = unapprovedPairings(
      members,
      approved,
      ownerEmail,
      withheldRows(team.roster),
      heldBackRows(team.roster),
    );
    data.rosterNeverApproved = !everApproved;
    data.rosterEmailCollisions = team.roster?.sharedEmails ?? [];
  }
  const asOf = request?.asOf ?? null;
  const { audit, interventions } = advisedAudit(book, team, settings, asOf, request?.weeks ?? null, context.ownFile);
  // Found already by advisedAudit: the Workbook answers this without a call.
  const oldTab = isOwner
    ? oldInterventionsTab(book, { logSheet: team.logSheetName, rosterSheet: team.rosterSheetName }, settings)
    : null;
  data.oldInterventionsTab = oldTab ? book.nameOf(oldTab) : null;
  data.interventions = interventions;
  const today = todayInZone(context.timeZone);
  const running = dashboardProgramme(
    snapshotStore(documentValues ?? {}),
    team,
    settings,
    interventions.interventions,
    isoToDay(audit.asOf)!,
    today,
  );
  data.programme = running?.view ?? null;
  data.audit = withProgrammeSixWeek(audit, running?.record);
  // §8's milestones stop for the programme's participants from its start (spec §17).
  const replaced = replacedBy(running?.record, today);
  const waiting = readSixWeekWaiting(snapshotStore(documentValues ?? {}));
  data.timeline = timelineRows(audit, interventions.interventions, replaced, waiting);
  data.actions = sidebarActions(audit, team, settings, interventions.interventions, {
    programme: running?.record ?? null,
    replaced,
    waiting,
  });
  data.history = teamHistory(team, settings, asOf);
}

/**
 * The audit and everything around it. A set-up problem comes back as `problem`, not as an error.
 * What a person waits for: the settings, the properties, the sheets, their names and the zone
 * are read once and passed down (BENCHMARKS.md: at most 33 service calls with opening the sidebar).
 */
export function dashboardData(spreadsheet: Spreadsheet, request: DashboardRequest | null | undefined): DashboardData {
  const context = dashboardContext(spreadsheet);
  const data = dashboardFrame(spreadsheet, context);
  try {
    fillAudit(data, context, request);
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    data.problem = { code: error.code, message: error.message };
  }
  return data;
}

/**
 * This week's three actions as of the audit's day (rules §18). Without a daily run's record, what
 * was sent is not known here: overdue milestones of the last days only.
 */
function sidebarActions(
  audit: Audit,
  team: TeamData,
  settings: Settings,
  interventions: InterventionReport[],
  {
    programme,
    replaced,
    waiting,
  }: Required<Pick<ActionsInput, 'programme' | 'replaced'>> & { waiting: SixWeekWaiting | null },
): WeekAction[] {
  const today = isoToDay(audit.asOf)!;
  const roster = team.roster?.members ?? [];
  const late = waiting
    ? dueSinceLastRun({
        roster,
        programme,
        sessions: interventions,
        ownerEmail: settings.ownerEmail,
        today,
        replaced,
        lastRun: isoToDay(waiting.day)!,
      })
    : undefined;
  return weekActions({
    audit,
    roster,
    interventions,
    ownerEmail: settings.ownerEmail,
    today,
    replaced,
    programme,
    late,
    membersAt: (weekEnd) => auditTeam(team, settings, dayToIso(weekEnd), 1).members,
  });
}

/** Selects a row of the log, so that a skipped row named in the sidebar can be fixed in place. */
export function selectLogRow(spreadsheet: Spreadsheet, row: unknown, sheetName?: string | null): void {
  if (typeof row !== 'number' || !Number.isInteger(row) || row < 1)
    throw new Error(`${String(row)} is not a row number.`);
  // The settings the call's check read: no second read of the document's properties.
  const settings = storedForCall().settings;
  const book = new Workbook(spreadsheet);
  // Only a sheet of the log: a page's request never selects on a sheet the log does not cover.
  const sheet = sheetName
    ? (findLogSheets(book, settings).find((s) => book.nameOf(s) === sheetName) ?? null)
    : findLogSheet(book, settings);
  if (!sheet && sheetName) throw new Error(`"${sheetName}" is not one of the log's sheets any more.`);
  if (!sheet) throw new Error(noLogError(spreadsheet, settings).message);
  if (row > sheet.getMaxRows())
    throw new Error(`The log "${sheet.getName()}" has no row ${row} any more: it ends at row ${sheet.getMaxRows()}.`);
  spreadsheet.setActiveSheet(sheet);
  sheet.getRange(row, 1, 1, Math.max(1, sheet.getLastColumn())).activate();
}

/**
 * An owner email other than the saver's own hands Uptake over (a mistyped one would lock
 * everyone out): saved only when the page asked and the owner confirmed (`handOver`).
 */
function refuseUnconfirmedHandOver(next: string, saver: string, current: string, confirmed: boolean): void {
  if (confirmed || sameAccount(next, saver) || sameAccount(next, current)) return;
  throw new SettingsError(
    'ownerEmail',
    `Owner email: saving ${next} hands Uptake over. You will no longer be the owner of Uptake here; ${next} ` +
      'will be, and interventions you recorded stay in your own audit spreadsheet until you share it with them. ' +
      'Save again and confirm to hand it over, or put back your own email.',
  );
}

/** Validates and stores the owner's settings; a bad field is refused with a SettingsError naming it. */
export function saveSettingsFromSidebar(spreadsheet: Spreadsheet, changes: unknown): Settings {
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes))
    throw new Error('No settings were sent.');
  const { programmeStart, handOver, ...proposed } = changes as Partial<Record<SettingsField | 'handOver', unknown>>;
  // The form's programme start is checked first, though it is acted on last (spec §17).
  const start = settingsProgrammeStart(spreadsheet, programmeStart);
  const names = new Set(spreadsheet.getSheets().map((sheet) => sheet.getName()));
  for (const [field, label] of [
    ['logSheet', 'log'],
    ['rosterSheet', 'roster'],
  ] as const) {
    const name = typeof proposed[field] === 'string' ? (proposed[field] as string).trim() : '';
    if (!name) continue;
    if (OWN_SHEETS.includes(name))
      throw new SettingsError(field, `"${name}" is a sheet Uptake writes itself; choose the team's ${label} sheet.`);
    if (!names.has(name)) throw new SettingsError(field, `There is no sheet named "${name}" to use as the ${label}.`);
  }
  for (const name of validateSettings({ logSheets: proposed.logSheets }).logSheets) {
    if (OWN_SHEETS.includes(name))
      throw new SettingsError('logSheets', `Log sheets: "${name}" is a sheet Uptake writes itself.`);
    if (!names.has(name)) throw new SettingsError('logSheets', `Log sheets: there is no sheet named "${name}".`);
  }
  const { settings: before, approved } = storedForCall();
  const merged = { ...before, ...proposed };
  if (merged.logSheet && merged.logSheet === merged.rosterSheet) {
    // The field marked is the one just changed (the roster, when both were).
    const changed = merged.rosterSheet !== before.rosterSheet ? 'rosterSheet' : 'logSheet';
    throw new SettingsError(changed, 'The log and the roster must be two different sheets.');
  }
  const pinned = validateSettings({ logSheets: merged.logSheets }).logSheets;
  const usageLog = typeof merged.logSheet === 'string' ? merged.logSheet.trim() : '';
  if (usageLog && pinned.length > 0 && !pinned.includes(usageLog))
    // Pinned means exactly the pinned list: the log Log a run writes to must be one of them.
    throw new SettingsError(
      'logSheets',
      `Log sheets: add "${usageLog}", the usage log Log a run writes to, or leave the list empty.`,
    );
  // Whoever saves Settings first is the owner (rules §19): a blank owner email is the saver's.
  const who = caller(before);
  const ownerGiven = typeof merged.ownerEmail === 'string' ? merged.ownerEmail.trim() : '';
  const toSave = { ...proposed, ownerEmail: ownerGiven || who.email } as Partial<Settings>;
  // A save never approves follow-up owners, not even the first one that claims Uptake (rules §19):
  // only the dashboard's Approve does, for the list the owner was shown. The saved ones are kept.
  // A new owner approves again (rules §19): approvals made by whoever owned Uptake before are not theirs.
  const previousOwner = who.owner || who.email;
  const ownerChanges = !sameAccount(toSave.ownerEmail ?? '', previousOwner);
  toSave.followUpApprovals = ownerChanges ? [] : before.followUpApprovals;
  toSave.followUpWas = ownerChanges ? [] : before.followUpWas;
  toSave.approvedFollowUpOwners = ownerChanges ? [] : before.approvedFollowUpOwners;
  // A bad field is refused naming it before the hand-over question is asked about it.
  validateSettings({ ...before, ...proposed });
  refuseUnconfirmedHandOver(toSave.ownerEmail ?? '', who.email, before.ownerEmail, handOver === true);
  if (start !== null) {
    // Its baseline is the audit with the settings about to be saved: a bad setting stops both.
    const next = validateSettings({ ...before, ...toSave });
    try {
      startProgramme(spreadsheet, next, approved, { start });
    } catch (error) {
      if (error instanceof SettingsError) throw error;
      throw new SettingsError('programmeStart', `Replacement programme start: ${(error as Error).message}`);
    }
  }
  // A SettingsError names its field; sidebarCall sends it to the page with the message.
  const saved = storeSettings(spreadsheet, toSave);
  // Closing the team leaves its named tabs here, to be offered for removal: said for what they are.
  if (before.openTeam && !saved.openTeam) recordOpenTeamTabs(spreadsheet, saved);
  // A new owner runs the automation from their own account: the old owner's trigger stops now.
  if (ownerChanges) changeOwner(spreadsheet, { from: previousOwner, to: saved.ownerEmail, how: 'settings' });
  // A new hour moves the daily trigger now, not at the next time automation is switched on.
  syncAutomationSchedule();
  return saved;
}
