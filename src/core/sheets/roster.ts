/** The roster (spec §7): who is on the team, when they were trained, and on what. */
import { findHeader, type FieldSpec } from './header';
import { readDay, type DateReadOptions } from '../base/dates';
import {
  capitalise,
  isEmail,
  cellText,
  describeValue,
  isBlankCell,
  isDate,
  formatCount,
  memberKey,
  spellingKey,
} from '../base/text';
import type {
  RepeatedRosterName,
  Roster,
  RosterMember,
  RosterStatus,
  RowProblem,
  SharedRosterEmail,
  SharedRosterEmailRow,
} from '../base/types';
import { memberProblem } from './member-cell';

type RosterField =
  | 'member'
  | 'email'
  | 'role'
  | 'trainingDate'
  | 'anchorWorkflow'
  | 'trainedWorkflows'
  | 'status'
  | 'contextPackReady'
  | 'followUpOwner';

export const ROSTER_FIELDS: FieldSpec<RosterField>[] = [
  { field: 'member', label: 'Team member', required: true, names: ['team member', 'member', 'name'] },
  { field: 'email', label: 'Email', required: false, names: ['email', 'e-mail', 'email address'] },
  { field: 'role', label: 'Role', required: false, names: ['role'] },
  {
    field: 'trainingDate',
    label: 'Training date',
    required: false,
    names: ['training date', 'trained on', 'date trained'],
  },
  { field: 'anchorWorkflow', label: 'Anchor workflow', required: false, names: ['anchor workflow', 'anchor'] },
  {
    field: 'trainedWorkflows',
    label: 'Trained workflows',
    required: false,
    names: ['trained workflows', 'workflows trained'],
  },
  { field: 'status', label: 'Status', required: false, names: ['status'] },
  {
    field: 'contextPackReady',
    label: 'Context pack ready',
    required: false,
    names: ['context pack ready', 'context pack'],
  },
  {
    field: 'followUpOwner',
    label: 'Follow-up owner',
    required: false,
    names: ['follow-up owner', 'follow up owner', 'followup owner'],
  },
];

export const ROSTER_HEADERS = ROSTER_FIELDS.map((spec) => spec.label);

const STATUS_BY_KEY: Record<string, RosterStatus> = {
  '': 'active',
  active: 'active',
  'principled resistance': 'principled-resistance',
  'no suitable anchor workflow': 'no-anchor',
};

function readYesNo(value: unknown): boolean | null | undefined {
  if (typeof value === 'boolean') return value;
  if (isBlankCell(value)) return null;
  const key = spellingKey(cellText(value));
  if (['yes', 'y', 'true', 'ready', 'x', '✓'].includes(key)) return true;
  if (['no', 'n', 'false', 'not ready'].includes(key)) return false;
  return undefined;
}

function splitList(value: unknown): string[] {
  return cellText(value)
    .split(/[,;\n]/)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** Where a row's notices go: each names the row and what Uptake did with the cell. */
type Notify = (reason: string) => void;

/** The email cell: null when blank or not an email address (said). */
function readEmail(value: unknown, name: string, notify: Notify): string | null {
  const email = cellText(value) || null;
  if (email && !isEmail(email)) {
    notify(
      `Email ${describeValue(email)} is not an email address: it is ignored, so log rows under it do not count as ${name}'s`,
    );
    return null;
  }
  return email;
}

/** The training date: null when blank or unreadable (said: the member counts as not yet trained). */
function readTrainingDay(value: unknown, name: string, options: DateReadOptions, notify: Notify): number | null {
  if (isBlankCell(value)) return null;
  const read = readDay(value, options);
  if (read.ok) return read.day;
  notify(`Training date not read (${read.reason}): ${name} is counted as not yet trained`);
  return null;
}

/** The status: active when blank or unknown (said). */
function readStatus(value: unknown, name: string, notify: Notify): RosterStatus {
  const statusText = isDate(value) ? 'date' : cellText(value);
  const status = STATUS_BY_KEY[spellingKey(statusText)];
  if (status !== undefined) return status;
  notify(
    `Status "${statusText}" is not one of: blank, Principled resistance, No suitable anchor workflow: ${name} is counted as active`,
  );
  return 'active';
}

/** Context pack ready: yes, no, or null when blank or not a yes or no (said). */
function readContextPack(value: unknown, notify: Notify): boolean | null {
  const ready = readYesNo(value);
  if (ready !== undefined) return ready;
  notify(`Context pack ready is ${describeValue(value)}: use yes or no`);
  return null;
}

/** The follow-up owner's email: null when blank or not an email address (said: the owner follows up). */
function readFollowUpOwner(value: unknown, name: string, notify: Notify): string | null {
  const owner = cellText(value) || null;
  if (owner && !isEmail(owner)) {
    notify(`Follow-up owner "${owner}" is not an email address: the owner follows up ${name}`);
    return null;
  }
  return owner ? owner.trim() : null;
}

/** Longest roster name Uptake reads: a name longer is a paste gone wrong, not a team member. */
export const MOST_NAME_CHARACTERS = 200;
/** Longest email address (RFC 5321 §4.5.3.1.3: a path of 256 octets, its brackets included). */
export const MOST_EMAIL_CHARACTERS = 254;

/**
 * Why a row's name, email or follow-up owner is too long to read, or null. Such a cell would be
 * listed, stored and echoed whole wherever the row is named (the owner's approvals among them),
 * so the row is skipped, and only the cell's length is said.
 */
function oversizedProblem(name: string, email: string, followUpOwner: string): string | null {
  const tooLong = (what: string, text: string, most: number) =>
    `${what} is ${formatCount(text.length)} characters long, more than the ${most} Uptake reads: shorten it`;
  if (name.length > MOST_NAME_CHARACTERS) return tooLong('The team member', name, MOST_NAME_CHARACTERS);
  if (email.length > MOST_EMAIL_CHARACTERS) return tooLong('The email', email, MOST_EMAIL_CHARACTERS);
  if (followUpOwner.length > MOST_EMAIL_CHARACTERS)
    return tooLong('The follow-up owner', followUpOwner, MOST_EMAIL_CHARACTERS);
  return null;
}

/** Adds `at` to the rows of the email `first` (the row that had it first) has, in `shared`. */
function addSharedRow(
  shared: Map<string, SharedRosterEmail>,
  first: SharedRosterEmailRow,
  at: SharedRosterEmailRow,
): void {
  // Matched as one address whatever its case or spaces; each row keeps its own spelling, which
  // the row that keeps it is given back (withKeptEmails), and named as the first row has it.
  const key = memberKey(first.email);
  const entry = shared.get(key) ?? { email: first.email, rows: [first], kept: null };
  shared.set(key, { ...entry, rows: [...entry.rows, at] });
}

/**
 * Reads the roster. A row without a usable name, or with a name or address too long, is skipped;
 * any other odd cell is reported and read as blank (an invalid email is not used, an unknown status counts as active).
 */
export function parseRoster(values: unknown[][], options: DateReadOptions & { firstRow?: number }): Roster {
  const firstRow = options.firstRow ?? 1;
  const header = findHeader(values, ROSTER_FIELDS, 'roster');
  const c = header.columns;
  const members: RosterMember[] = [];
  const skipped: RowProblem[] = [];
  const notices: RowProblem[] = header.notices.map((reason) => ({ row: header.rowIndex + firstRow, reason }));
  /** Each name read, with its rows: the first is read, any other skipped. */
  const seen = new Map<string, RepeatedRosterName>();
  const emails = new Map<string, SharedRosterEmailRow>();
  /** Emails on two rows: no row has them here; the owner's approval gives one back (withKeptEmails). */
  const shared = new Map<string, SharedRosterEmail>();
  /** Emails (memberKey) on skipped rows, each with its first row. */
  const skippedEmails = new Map<string, number>();
  /** Skips the row for `reason`, keeping its email, if it is one, as a skipped row's. */
  const skip = (row: number, reason: string, emailCell: string) => {
    skipped.push({ row, reason });
    if (emailCell.length <= MOST_EMAIL_CHARACTERS && isEmail(emailCell) && !skippedEmails.has(memberKey(emailCell)))
      skippedEmails.set(memberKey(emailCell), row);
  };
  const cell = (cells: unknown[], field: RosterField) => (c[field] === undefined ? '' : cells[c[field]!]);

  /** The row's email, unless another row has it already (said; neither keeps it here: withKeptEmails decides). */
  const ownEmail = (email: string | null, name: string, row: number, notify: Notify): string | null => {
    if (!email) return null;
    const first = emails.get(memberKey(email));
    if (first === undefined) {
      emails.set(memberKey(email), { name, row, email: email.trim() });
      return email;
    }
    notify(
      `Email "${email.trim()}" is also ${first.name}'s (row ${first.row}): it stays only with the row you approved it for, if you approved one; give each member their own email`,
    );
    addSharedRow(shared, first, { name, row, email: email.trim() });
    return null;
  };

  for (let i = header.rowIndex + 1; i < values.length; i++) {
    const cells = values[i];
    const row = i + firstRow;
    if (!cells || cells.every(isBlankCell)) continue;
    const nameCell = cell(cells, 'member');
    const problem = memberProblem(nameCell);
    if (problem) {
      skipped.push({ row, reason: capitalise(problem) });
      continue;
    }
    const name = (nameCell as string).replace(/\s+/g, ' ').trim();
    const oversized = oversizedProblem(name, cellText(cell(cells, 'email')), cellText(cell(cells, 'followUpOwner')));
    if (oversized) {
      skip(row, oversized, cellText(cell(cells, 'email')));
      continue;
    }
    const key = memberKey(name);
    const repeated = repeatedName(seen, key, name, row);
    if (repeated) {
      skip(row, repeated, cellText(cell(cells, 'email')));
      continue;
    }
    const notify: Notify = (reason) => notices.push({ row, reason });
    const email = ownEmail(readEmail(cell(cells, 'email'), name, notify), name, row, notify);
    members.push({
      row,
      key,
      name,
      email: email ? email.trim() : null,
      role: cellText(cell(cells, 'role')),
      trainingDay: readTrainingDay(cell(cells, 'trainingDate'), name, options, notify),
      anchorWorkflow: cellText(cell(cells, 'anchorWorkflow')).replace(/\s+/g, ' '),
      trainedWorkflows: splitList(cell(cells, 'trainedWorkflows')),
      status: readStatus(cell(cells, 'status'), name, notify),
      contextPackReady: readContextPack(cell(cells, 'contextPackReady'), notify),
      followUpOwner: readFollowUpOwner(cell(cells, 'followUpOwner'), name, notify),
    });
  }
  return finishedRoster({ members, skipped, notices }, shared, skippedEmails, seen);
}

/**
 * Why the row is skipped when its name is on an earlier row (that row is read, rules §19: which
 * is the member is the owner's to settle), recording the row; else records the name, and null.
 */
function repeatedName(seen: Map<string, RepeatedRosterName>, key: string, name: string, row: number): string | null {
  const first = seen.get(key);
  if (!first) {
    seen.set(key, { name, rows: [row] });
    return null;
  }
  first.rows.push(row);
  return `"${name}" is already on the roster at row ${first.rows[0]}`;
}

/** The roster read: an email on two rows taken off them (sharedEmails says which); names on two rows listed. */
function finishedRoster(
  read: Pick<Roster, 'members' | 'skipped' | 'notices'>,
  shared: Map<string, SharedRosterEmail>,
  skippedEmails: Map<string, number>,
  seen: Map<string, RepeatedRosterName>,
): Roster {
  for (const member of read.members) if (member.email && shared.has(memberKey(member.email))) member.email = null;
  return {
    ...read,
    sharedEmails: [...shared.values()],
    skippedEmails: [...skippedEmails].map(([email, row]) => ({ email, row })),
    repeatedNames: [...seen.values()].filter((entry) => entry.rows.length > 1),
  };
}

/**
 * Maps what the log's member column says (a name or an email, any case and spacing) to one
 * identity: a roster member's key where the roster knows the name or email.
 */
export class MemberDirectory {
  private readonly byKey = new Map<string, RosterMember>();

  constructor(readonly members: RosterMember[] = []) {
    for (const member of members) {
      this.byKey.set(member.key, member);
      if (member.email && !this.byKey.has(memberKey(member.email))) this.byKey.set(memberKey(member.email), member);
    }
  }

  keyFor(text: string): string {
    const key = memberKey(text);
    return this.byKey.get(key)?.key ?? key;
  }

  find(text: string): RosterMember | undefined {
    return this.byKey.get(memberKey(text));
  }
}

/** Keys of a member's trained and anchor workflows; null when the roster names none. */
export function trainedWorkflowKeys(member: RosterMember | null): Set<string> | null {
  if (!member) return null;
  const names = [...member.trainedWorkflows, member.anchorWorkflow].filter(Boolean).map(memberKey);
  return names.length ? new Set(names) : null;
}
