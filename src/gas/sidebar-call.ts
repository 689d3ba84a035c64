/**
 * The one wrapper every sidebar entry point runs through. google.script.run hands the server
 * whatever the page sent, so TypeScript's types do not hold there: the wrapper checks each
 * argument's type before the call, and turns whatever goes wrong into a message the sheet
 * user can act on (no class names, no stack traces, no "Cannot read properties of undefined").
 */
import { SettingsError } from '../core/base/settings';
import type { Access, Caller } from '../core/roles/roles';
import { requireAccess } from './roles';
import { loadStoredSettings, type StoredSettings } from './settings-store';
import type {
  DashboardRequest,
  ListedFollowUpOwner,
  LogRunRequest,
  ProgrammeStartRequest,
  RecordInterventionRequest,
  ServerApi,
  SettingsChanges,
} from '../shared/api';
import type { ServerReply } from '../shared/failure';

type Args<K extends keyof ServerApi> = Parameters<ServerApi[K]>;
type Result<K extends keyof ServerApi> = ReturnType<ServerApi[K]>;

interface SidebarCall<K extends keyof ServerApi> {
  /** What the call does, to finish "Uptake could not …" (and "Only the owner … can …"). */
  does: string;
  /**
   * Who may make it (rules §19), checked on the server before anything else: 'owner', 'team'
   * (the owner, or every editor when Settings open the team) or 'anyone'. Required, so that a
   * new call cannot forget to say.
   */
  access: Access;
  /** The arguments as received, checked and typed; throws an ArgumentError naming the bad one. */
  check: (args: readonly unknown[]) => Args<K>;
}

/** An argument of the wrong type: its message names the argument and says what was sent. */
export class ArgumentError extends Error {
  override name = 'ArgumentError';
}

/** "the number 42", "an empty text", "a list": what arrived, without echoing long text. */
function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value === '' ? 'an empty text' : 'a text';
  if (typeof value === 'object') return 'a set of fields';
  return `the ${typeof value} ${String(value)}`;
}

function wrongType(argument: string, wanted: string, value: unknown): ArgumentError {
  return new ArgumentError(
    `${argument} must be ${wanted}, but the page sent ${describe(value)}. Reload the sidebar and try again.`,
  );
}

const absent = (value: unknown): value is null | undefined => value === null || value === undefined;

function isFields(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fields(argument: string, value: unknown): Record<string, unknown> {
  if (!isFields(value)) throw wrongType(argument, 'a set of fields', value);
  return value;
}

/** The follow-up owners the dashboard listed: each an address with the members it was listed for. */
function listedFollowUpOwners(value: unknown): ListedFollowUpOwner[] {
  const isListed = (entry: unknown) =>
    isFields(entry) &&
    typeof entry.address === 'string' &&
    Array.isArray(entry.members) &&
    entry.members.every((name) => typeof name === 'string');
  if (!Array.isArray(value) || !value.every(isListed))
    throw wrongType('The follow-up owners', 'a list of addresses, each with the members it follows up', value);
  return (value as ListedFollowUpOwner[]).map(({ address, members }) => ({ address, members: [...members] }));
}

function optionalText(argument: string, value: unknown): string | null {
  if (absent(value)) return null;
  if (typeof value !== 'string') throw wrongType(argument, 'a text (or left empty)', value);
  return value;
}

function optionalNumber(argument: string, value: unknown): number | null {
  if (absent(value)) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongType(argument, 'a number', value);
  return value;
}

function dashboardRequest(value: unknown): DashboardRequest | null {
  if (absent(value)) return null;
  const request = fields('The dashboard request', value);
  return {
    asOf: optionalText('The as-of date', request.asOf),
    weeks: optionalNumber('The window in weeks', request.weeks),
  };
}

/**
 * Each sidebar call: what it does and how its arguments are checked. Deeper checks (a date's
 * format, a setting's range, a run's fields) stay with the code that understands them.
 */
export const SIDEBAR_CALLS: { [K in keyof ServerApi]: SidebarCall<K> } = {
  getDashboard: {
    access: 'team',
    does: 'load the dashboard',
    check: ([request]) => [dashboardRequest(request)],
  },
  selectLogRow: {
    access: 'team',
    does: 'select the row',
    check: ([row, sheet]) => {
      if (typeof row !== 'number') throw wrongType('The row number', 'a number', row);
      return [row, optionalText('The sheet name', sheet)];
    },
  },
  getSettings: {
    access: 'owner',
    does: 'read the settings',
    check: () => [],
  },
  saveSettings: {
    access: 'owner',
    does: 'save the settings',
    check: ([changes]) => [fields('The settings', changes) as SettingsChanges],
  },
  getLogForm: {
    access: 'anyone',
    does: 'open the form',
    check: () => [],
  },
  // The run's fields are checked, each with its own message, by checkLogRun (src/core/sheets/log-request.ts).
  logRun: {
    access: 'anyone',
    does: 'log the run',
    check: ([run]) => [fields('The run', run) as unknown as LogRunRequest],
  },
  setAutomation: {
    access: 'owner',
    does: 'switch automation',
    check: ([on]) => {
      if (typeof on !== 'boolean') throw wrongType('Whether automation is on', 'true or false', on);
      return [on];
    },
  },
  getAutomationStatus: {
    access: 'owner',
    does: 'read the automation status',
    check: () => [],
  },
  // Also a menu item, which passes no flag: anything but true means "show a toast".
  sendDigestNow: {
    access: 'owner',
    does: 'send the digest',
    check: ([quiet]) => [quiet === true],
  },
  previewDigest: {
    access: 'owner',
    does: 'prepare the digest preview',
    check: () => [],
  },
  getSetupCheck: {
    access: 'owner',
    does: 'check the set-up',
    check: () => [],
  },
  getInterventionForm: {
    access: 'owner',
    does: 'open the form',
    check: () => [],
  },
  // The fields are checked, each with its own message, by checkIntervention (src/core/interventions/request.ts).
  recordIntervention: {
    access: 'owner',
    does: 'record the intervention',
    check: ([intervention]) => [fields('The intervention', intervention) as unknown as RecordInterventionRequest],
  },
  startProgramme: {
    access: 'owner',
    does: 'start the replacement programme',
    check: ([request]) => {
      const start = absent(request) ? null : optionalText('The start date', fields('The programme', request).start);
      return [{ start } satisfies ProgrammeStartRequest];
    },
  },
  getMyWeek: { access: 'anyone', does: 'show your week', check: () => [] },
  removeOldAuditTab: { access: 'owner', does: 'remove the old audit tab', check: () => [] },
  moveOldInterventions: { access: 'owner', does: 'move the interventions', check: () => [] },
  refreshMenu: { access: 'anyone', does: 'update the menu', check: () => [] },
  importUsageExport: {
    access: 'owner',
    does: 'import the usage export',
    check: ([request]) => {
      const file = fields('The usage export', request);
      if (typeof file.fileName !== 'string') throw wrongType('The file name', 'a text', file.fileName);
      if (typeof file.text !== 'string') throw wrongType("The file's text", 'a text', file.text);
      return [{ fileName: file.fileName, text: file.text }];
    },
  },
  approveRoster: {
    access: 'owner',
    does: 'approve the roster',
    check: ([request]) => {
      const listed = fields('What to approve', request);
      const followUpOwners = listedFollowUpOwners(listed.followUpOwners);
      const pairs = listed.rosterEmails;
      const isPair = (pair: unknown) =>
        isFields(pair) && typeof pair.name === 'string' && typeof pair.email === 'string';
      if (!Array.isArray(pairs) || !pairs.every(isPair))
        throw wrongType("The roster's emails", 'a list of names with their emails', pairs);
      const rosterEmails = (pairs as Record<string, string>[]).map(({ name, email }) => ({ name, email }));
      return [{ followUpOwners, rosterEmails }];
    },
  },
  makeLoggingForm: {
    access: 'owner',
    does: 'create or update the logging form',
    check: ([answer]) => {
      if (absent(answer)) return [null];
      if (answer !== 'update' && answer !== 'new') throw wrongType('The answer', '"update", "new" or nothing', answer);
      return [answer];
    },
  },
};

/** What the running guarded call was checked with. */
export interface CheckedCall extends StoredSettings {
  who: Caller;
  /** The document's properties as read for the check (one getProperties), before the body wrote any. */
  documentValues: Record<string, string>;
}

/** The caller, settings and document properties the running guarded call was checked with; null outside one. */
let checked: CheckedCall | null = null;

/**
 * Who the running sidebar call was checked as, and the settings and document properties read
 * for it, so that the call need not ask Session and the properties again (BENCHMARKS.md: the
 * dashboard's calls). Set and cleared by sidebarCall around the body; executions do not overlap.
 */
export function checkedCaller(): CheckedCall | null {
  return checked;
}

/** The settings and the roster's approvals the running call was checked with; read now outside a checked call. */
export function storedForCall(): StoredSettings {
  return checked ?? loadStoredSettings();
}

/** Errors that only a bug in Uptake throws: the user is told so, not shown the JavaScript. */
const INTERNAL_ERRORS = new Set(['TypeError', 'ReferenceError', 'SyntaxError']);

/** Whether `error` is one only a bug in Uptake throws (INTERNAL_ERRORS), not one meant for the user. */
function isInternal(error: unknown): error is Error {
  return error instanceof Error && INTERNAL_ERRORS.has(error.name);
}

/** What the user is told when call `name` fails with `error`. */
export function plainMessage(name: keyof ServerApi, error: unknown): string {
  const does = SIDEBAR_CALLS[name].does;
  if (!(error instanceof Error)) {
    const text = String(error ?? '').trim();
    return text || `Uptake could not ${does}; please try again.`;
  }
  if (INTERNAL_ERRORS.has(error.name)) {
    return (
      `Uptake could not ${does} because of a fault in Uptake itself (${error.message}). ` +
      'Reload the sidebar and try again; if it happens again, report this message.'
    );
  }
  return error.message.trim() || `Uptake could not ${does}; please try again.`;
}

/**
 * Runs sidebar call `name`: checks `args` (as the page sent them), runs `body` with them typed,
 * and returns what it returned, or what went wrong, as a ServerReply (src/shared/failure.ts):
 * the failure's plain words for the user and, for a settings error, the field it is about. A
 * fault in Uptake itself (isInternal) is thrown again instead, in plain words, so that Apps
 * Script records the execution as Failed.
 */
export function sidebarCall<K extends keyof ServerApi>(
  name: K,
  args: readonly unknown[],
  body: (...checked: Args<K>) => Result<K>,
): ServerReply<Result<K>> {
  try {
    const table: { [C in keyof ServerApi]: SidebarCall<C> } = SIDEBAR_CALLS;
    const call = table[name];
    // Who first, then the arguments: a member's crafted arguments are never even read.
    if (call.access !== 'anyone') {
      // All of them at once: the settings, and the automation's state when no owner is saved.
      const documentValues = PropertiesService.getDocumentProperties().getProperties();
      const stored = loadStoredSettings(documentValues);
      const who = requireAccess(call.access, call.does, stored.settings, documentValues);
      checked = { ...stored, who, documentValues };
    }
    return { ok: true, value: body(...call.check(args)) };
  } catch (error) {
    if (isInternal(error)) {
      // A bug: the stack goes to the execution log, and throwing marks the execution Failed, so
      // the maintainer's execution list and error reports show it; the page's failure handler
      // gets the plain words (src/client/server.ts failureOf).
      console.error(error.stack ?? error.message);
      // No cause: the stack is logged above, and the page gets nothing but the message.
      // eslint-disable-next-line preserve-caught-error
      throw new Error(plainMessage(name, error));
    }
    const field = error instanceof SettingsError ? error.field : null;
    return { ok: false, failure: { message: plainMessage(name, error), field } };
  } finally {
    checked = null;
  }
}
