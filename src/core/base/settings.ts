/** The owner's settings (thresholds, window, digest, recipients, sheets): defaults and validation. */
import { isEmail } from './text';
import { DEFAULT_SETTINGS, type AuditSettings } from './types';

/** A (member, follow-up owner) pairing the owner approved (rules §19; src/core/roles/follow-up-approval.ts). */
export interface FollowUpApproval {
  member: string;
  address: string;
}

export interface Settings extends AuditSettings {
  /** Default audit window in weeks. */
  weeks: number;
  /** Weeks of the adoption trend (spec §13). */
  historyWeeks: number;
  /** Day of the weekly digest: 0 = Sunday … 6 = Saturday. */
  digestWeekday: number;
  /** Hour of the daily run in the spreadsheet's time zone, 0–23. */
  digestHour: number;
  /**
   * Who owns the programme (rules §19): sees the named views, runs the automation, receives
   * reminders, the digest and problem reports. '' until the first save of Settings fills it.
   */
  ownerEmail: string;
  /** Extra digest recipients (a founder, say). */
  recipients: string[];
  /** Whether extra recipients get member names; by default they get the aggregate digest. */
  namedForRecipients: boolean;
  /**
   * The (member, follow-up owner) pairings the owner approved with the dashboard's Approve (rules
   * §19): the Roster is a tab every editor edits, so a member's figures go only to an address the
   * owner approved for that member.
   */
  followUpApprovals: FollowUpApproval[];
  /**
   * The follow-up owner each member had approved before their Follow-up owner cell changed: shown
   * on the dashboard's card as "was …" while the new one waits, it approves nothing (typed back,
   * it waits for the owner again: src/core/roles/follow-up-approval.ts, approvalsInStep).
   */
  followUpWas: FollowUpApproval[];
  /**
   * Follow-up owners an earlier version approved by address alone, for whichever members the
   * roster named. They approve nothing now: the dashboard lists those addresses once more, marked,
   * so that the owner approves them for each member. Emptied by the owner's next Approve.
   */
  approvedFollowUpOwners: string[];
  /**
   * "Open team" (rules §19): every editor sees the named dashboard and the audit sheet goes to the
   * team spreadsheet. Off by default: the owner's views are the owner's.
   */
  openTeam: boolean;
  /** Sheet names chosen by the owner; '' = found by headers. `logSheet` is the team's own log. */
  logSheet: string;
  /** The other sheets of the log (spec §16: a form's answers); [] = every sheet with a log's headers. */
  logSheets: string[];
  rosterSheet: string;
}

/** The adoption trend's length (spec §13): by default, and the range the setting allows. */
export const DEFAULT_HISTORY_WEEKS = 12;
export const MIN_HISTORY_WEEKS = 4;
export const MAX_HISTORY_WEEKS = 52;

/** Every setting's default: the audit's thresholds as the rules set them, then the owner's choices. */
export const DEFAULTS: Settings = {
  ...DEFAULT_SETTINGS,
  weeks: 1,
  historyWeeks: DEFAULT_HISTORY_WEEKS,
  digestWeekday: 1,
  digestHour: 8,
  ownerEmail: '',
  recipients: [],
  namedForRecipients: false,
  followUpApprovals: [],
  followUpWas: [],
  approvedFollowUpOwners: [],
  openTeam: false,
  logSheet: '',
  logSheets: [],
  rosterSheet: '',
};

/**
 * A field of the Settings form: a setting, or the replacement programme's start date, which the
 * form carries but which starts the programme (spec §17) rather than being stored as a setting.
 */
export type SettingsField = keyof Settings | 'programmeStart';

export class SettingsError extends Error {
  constructor(
    readonly field: SettingsField,
    message: string,
  ) {
    super(message);
    this.name = 'SettingsError';
  }
}

function numberIn(
  field: keyof Settings,
  value: unknown,
  min: number,
  max: number,
  what: string,
  integer = false,
): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new SettingsError(field, `${what} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}.`);
  }
  return n;
}

/**
 * Checks settings coming from the sidebar or from storage, filling what is missing with the
 * defaults. Throws SettingsError naming the field for anything out of range.
 */
export function validateSettings(input: Partial<Record<keyof Settings, unknown>>): Settings {
  const s = {
    ...DEFAULTS,
    ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null)),
  } as Record<keyof Settings, unknown>;
  const genuineAt = numberIn('genuineAt', s.genuineAt, 0, 100, 'The Genuine adopter threshold');
  const developingAt = numberIn('developingAt', s.developingAt, 0, 100, 'The Developing user threshold');
  if (developingAt > genuineAt)
    throw new SettingsError(
      'developingAt',
      'The Developing user threshold must not be above the Genuine adopter threshold.',
    );
  let target = s.acceptanceTarget;
  if (typeof target === 'string' && target.trim().endsWith('%')) target = Number(target.trim().slice(0, -1)) / 100;
  let acceptanceTarget: number;
  try {
    acceptanceTarget = numberIn('acceptanceTarget', target, 0, 1, 'The acceptance target');
  } catch {
    throw new SettingsError('acceptanceTarget', 'The acceptance target must be from 0% to 100%.');
  }
  const recipients = (Array.isArray(s.recipients) ? s.recipients : String(s.recipients ?? '').split(/[,;\s]+/))
    .map((r) => String(r).trim())
    .filter(Boolean);
  const bad = recipients.find((r) => !isEmail(r));
  if (bad) throw new SettingsError('recipients', `Extra recipients: "${bad}" is not an email address.`);
  const approved = (Array.isArray(s.approvedFollowUpOwners) ? s.approvedFollowUpOwners : [])
    .map((r) => String(r).trim().toLowerCase())
    .filter((r) => isEmail(r));
  const ownerEmail = String(s.ownerEmail ?? '').trim();
  if (ownerEmail && !isEmail(ownerEmail))
    throw new SettingsError('ownerEmail', `Owner email: "${ownerEmail}" is not an email address.`);
  return {
    genuineAt,
    developingAt,
    acceptanceTarget,
    weeks: numberIn('weeks', s.weeks, 1, 52, 'The window', true),
    historyWeeks: numberIn(
      'historyWeeks',
      s.historyWeeks,
      MIN_HISTORY_WEEKS,
      MAX_HISTORY_WEEKS,
      'The trend length in weeks',
      true,
    ),
    digestWeekday: numberIn('digestWeekday', s.digestWeekday, 0, 6, 'The digest weekday', true),
    digestHour: numberIn('digestHour', s.digestHour, 0, 23, 'The hour of the daily run', true),
    ownerEmail,
    recipients: [...new Set(recipients.map((r) => r.toLowerCase()))],
    namedForRecipients: s.namedForRecipients === true || s.namedForRecipients === 'true',
    followUpApprovals: followUpApprovalList(s.followUpApprovals),
    followUpWas: followUpApprovalList(s.followUpWas),
    approvedFollowUpOwners: [...new Set(approved)],
    openTeam: s.openTeam === true || s.openTeam === 'true',
    logSheet: String(s.logSheet ?? '').trim(),
    logSheets: sheetNameList(s.logSheets),
    rosterSheet: String(s.rosterSheet ?? '').trim(),
  };
}

/** The stored (member, follow-up owner) pairings: well-formed ones only, addresses in lower case. */
function followUpApprovalList(value: unknown): FollowUpApproval[] {
  const pairs = (Array.isArray(value) ? value : []).filter(
    (pair): pair is FollowUpApproval =>
      typeof pair === 'object' &&
      pair !== null &&
      typeof (pair as FollowUpApproval).member === 'string' &&
      typeof (pair as FollowUpApproval).address === 'string' &&
      isEmail((pair as FollowUpApproval).address.trim()),
  );
  return pairs.map(({ member, address }) => ({ member, address: address.trim().toLowerCase() }));
}

/** A list of sheet names: an array, or text with one name a line (names may hold commas). */
function sheetNameList(value: unknown): string[] {
  const names = (Array.isArray(value) ? value : String(value ?? '').split(/\r?\n/))
    .map((name) => String(name).trim())
    .filter(Boolean);
  return [...new Set(names)];
}
