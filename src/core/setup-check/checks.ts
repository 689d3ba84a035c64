// "Check set-up": one line per check, ok or what to do, from facts src/gas/setup-check.ts gathers
// (reading only). The limits are Google's, each cited where it is defined.
import { missingPermissionsMessage } from '../base/permissions';
import { formatCount as count } from '../base/text';
import type { CheckLine, CheckFinding, SetupFacts, SheetFacts } from './facts';
import { followUpOwnerLines, mirrorApprovalsLines, rosterApprovalLines, sharedRosterEmailLines } from './approvals';
import { formerOwnerNotToldLines, interventionsElsewhereLines } from './owner-change';
import { skippedRosterLines } from './roster-skipped';
import { usageSheets } from './usage';
import { sameAccount } from '../roles/roles';

/**
 * Cells in one spreadsheet: "Files you can store in Google Drive", Google Drive Help,
 * https://support.google.com/drive/answer/37603 (up to 10 million cells for spreadsheets).
 */
export const SPREADSHEET_CELL_LIMIT = 10_000_000;
/**
 * Bytes of one property store: "Quotas for Google Services", Apps Script,
 * https://developers.google.com/apps-script/guides/services/quotas (Properties value size 9 KB
 * per value, 500 KB per property store).
 */
export const PROPERTY_STORE_LIMIT_BYTES = 500 * 1024;

/** From this share of a limit on, a line warns before the limit is hit. */
export const WARN_SHARE = 0.8;

/** Quotas "reset 24 hours after the first request": the quotas page cited in core/automation/mail-rules. */
const QUOTA_WINDOW =
  'Google’s quota restarts 24 hours after the first email it counted, not at midnight: an email sent by hand this afternoon still counts against tomorrow morning’s run.';

/** One line of the panel: its id, its label and the rule that reads the facts. */
interface CheckRule {
  id: string;
  label: string;
  check(facts: SetupFacts): CheckFinding;
}

/** A rule of as many lines as it finds things to say (each skipped row, each email on two rows), none when all is well. */
interface LinesRule {
  lines(facts: SetupFacts): CheckLine[];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A sheet's line: what `missing` says when there is none, a fix when it could not be found. */
function sheetFinding(sheet: SheetFacts | null | string, missing: CheckFinding): CheckFinding {
  if (sheet === null) return missing;
  if (typeof sheet === 'string') return ['fix', sheet];
  return ['ok', `"${sheet.name}": ${count(sheet.rows)} rows × ${count(sheet.columns)} columns.`];
}

function authorization({ authorization }: SetupFacts): CheckFinding {
  const missing = missingPermissionsMessage(authorization.missing, authorization.url);
  if (missing) return ['fix', missing];
  if (!authorization.required) return ['ok', 'Every permission Uptake asks for is granted.'];
  return [
    'fix',
    `Uptake needs to be authorised (again): open any Uptake menu item and accept${authorization.url ? ` (${authorization.url})` : ''}.`,
  ];
}

function owner(facts: SetupFacts): CheckFinding {
  const email = facts.owner.setting || facts.owner.effectiveUser;
  if (!email)
    return [
      'fix',
      'No owner email is set and Google does not give Uptake yours: set the owner email in Settings, or nobody gets the digest.',
    ];
  return ['ok', facts.owner.setting ? `${email} (Settings).` : `${email} (you: no owner is set in Settings).`];
}

/** Another account than this user's turned automation on: Apps Script lists each user's own triggers only. */
function turnedOnByAnother({ trigger, owner }: SetupFacts): string | null {
  const by = trigger.turnedOnBy;
  return by && !sameAccount(by, owner.effectiveUser) ? by : null;
}

function dailyRun(facts: SetupFacts): CheckFinding {
  const { trigger } = facts;
  const turnedOnBy = turnedOnByAnother(facts);
  const at = `${String(trigger.hour).padStart(2, '0')}:00 in ${trigger.timeZone}`;
  if (trigger.found === null)
    return [
      'fix',
      'Uptake cannot see or make its daily run without the permission “Allow this application to run when you are not present”: grant it as Authorisation says.',
    ];
  if (!trigger.on) return ['warn', 'Automation is off: turn it on in the sidebar.'];
  if (trigger.found === 0 && turnedOnBy)
    return [
      'ok',
      `Turned on by ${turnedOnBy}, whose trigger runs it every day at ${at}: Apps Script shows each person only their own triggers.`,
    ];
  if (trigger.found === 0)
    return [
      'fix',
      'Automation is on but Uptake finds no daily run among your scheduled runs of this add-on (deleted from the Apps Script Triggers page?): turn automation off and on again.',
    ];
  if (trigger.found > 1)
    return ['warn', `${trigger.found} daily triggers at ${at}: turn automation off and on to keep one.`];
  if (trigger.note) return ['warn', trigger.note];
  return ['ok', `Every day at ${at}.`];
}

function lastRun({ lastRun: run, trigger }: SetupFacts): CheckFinding {
  if (!run.at) return [trigger.on ? 'warn' : 'ok', 'The daily run has not run yet.'];
  if (run.problems.length) return ['fix', `${run.at}: ${run.problems.join(' ')}`];
  return ['ok', `${run.at}: ${run.report.length ? run.report.join('; ') : 'nothing was due.'}`];
}

function mailQuota({ mailQuotaLeft }: SetupFacts): CheckFinding {
  if (mailQuotaLeft === null) return ['warn', 'Google did not say how many email recipients are left.'];
  if (mailQuotaLeft === 0)
    return [
      'fix',
      `No email recipients left. ${QUOTA_WINDOW} What is due waits for the first daily run after it restarts.`,
    ];
  return ['ok', `${count(mailQuotaLeft)} email recipients left. ${QUOTA_WINDOW}`];
}

function timeZones({ timeZones: zones }: SetupFacts): CheckFinding {
  if (zones.spreadsheet === zones.script) return ['ok', `The sheet and the script are both in ${zones.spreadsheet}.`];
  return [
    'ok',
    `The sheet is in ${zones.spreadsheet}, the script in ${zones.script}: Uptake counts days in the sheet's zone.`,
  ];
}

function spreadsheetSize({ spreadsheetCells }: SetupFacts): CheckFinding {
  const share = spreadsheetCells / SPREADSHEET_CELL_LIMIT;
  const near = share >= WARN_SHARE;
  return [
    near ? 'warn' : 'ok',
    `${count(spreadsheetCells)} of ${count(SPREADSHEET_CELL_LIMIT)} cells (${(share * 100).toFixed(1)}%)${near ? ': delete empty rows and columns or move old runs to another file' : ''}.`,
  ];
}

function propertyStorage({ propertyBytes }: SetupFacts): CheckFinding {
  const share = Math.max(propertyBytes.document, propertyBytes.user) / PROPERTY_STORE_LIMIT_BYTES;
  const near = share >= WARN_SHARE;
  return [
    near ? 'warn' : 'ok',
    `Document ${kb(propertyBytes.document)}, yours ${kb(propertyBytes.user)}, of ${kb(PROPERTY_STORE_LIMIT_BYTES)} each${near ? ': tell the add-on’s maintainers' : ''}.`,
  ];
}

function lock({ lock: facts }: SetupFacts): CheckFinding {
  if (facts.available) return ['ok', `The ${facts.kind} lock is free.`];
  return [
    'warn',
    `The ${facts.kind} lock is held by another run now: Log a run and the daily run wait for it; try again in a minute.`,
  ];
}

/** The logging form: reported, never made again here (only "Create logging form" makes one). */
function loggingForm({ form, owner }: SetupFacts): CheckFinding {
  if (form === null) return ['ok', 'No logging form (optional): "Create logging form" makes one.'];
  if (form === 'gone')
    return [
      'fix',
      `The logging form Uptake made was deleted or cannot be opened by ${owner.effectiveUser || 'you'} (not one of its editors). Its answers sheet stays part of the log and its link is still shown. Ask its owner to add you as an editor, restore it from Drive’s bin, or use "Create logging form" to make a new one.`,
    ];
  if (!form.linked)
    return [
      'fix',
      `The form (${form.url}) sends its answers to another spreadsheet or none: in the form's Responses tab, link it to this spreadsheet.`,
    ];
  if (!form.published || !form.accepting)
    return [
      'fix',
      `The form (${form.url}) takes no answers: in the form, ${form.published ? 'turn on "Accepting responses"' : 'press Publish'}.`,
    ];
  if (!form.answersSheet)
    return [
      'fix',
      `No sheet of this spreadsheet is linked to the form (${form.url}): was its answers sheet deleted? In the form's Responses tab, link it to this spreadsheet again.`,
    ];
  // Settings pin the log's sheets and the answers sheet is not among them: its answers are not read.
  if (form.pinnedLogSheets.length > 0 && !form.pinnedLogSheets.includes(form.answersSheet))
    return [
      'fix',
      `${form.url}: answers land in "${form.answersSheet}", which is not among the log sheets pinned in Settings, so they are not read. Add it to "Log sheets" in Settings.`,
    ];
  return ['ok', `${form.url}: answers land in "${form.answersSheet}".`];
}

/** The checks, in the order the panel shows them. */
const CHECKS: (CheckRule | LinesRule)[] = [
  { id: 'authorization', label: 'Authorisation', check: authorization },
  { id: 'owner', label: "Owner's email", check: owner },
  { id: 'trigger', label: 'Daily run', check: dailyRun },
  { id: 'last-run', label: 'Last run', check: lastRun },
  { id: 'mail-quota', label: 'Mail quota', check: mailQuota },
  { id: 'time-zones', label: 'Time zones', check: timeZones },
  {
    id: 'log',
    label: 'Log sheet',
    check: (facts) => sheetFinding(facts.sheets.log, ['fix', 'No log found: use "Set up log and roster".']),
  },
  {
    id: 'roster',
    label: 'Roster sheet',
    check: (facts) =>
      sheetFinding(facts.sheets.roster, ['warn', 'No roster: reminders need one. Use "Set up log and roster".']),
  },
  {
    id: 'sent',
    label: 'Sent sheet',
    check: (facts) => sheetFinding(facts.sheets.sent, ['ok', 'Not made yet: the first email sent creates it.']),
  },
  { id: 'form', label: 'Logging form', check: loggingForm },
  { id: 'usage', label: 'Usage sheets', check: usageSheets },
  { id: 'cells', label: 'Spreadsheet size', check: spreadsheetSize },
  { id: 'properties', label: 'Property storage', check: propertyStorage },
  { id: 'lock', label: 'Lock', check: lock },
  { lines: followUpOwnerLines },
  { lines: (facts) => skippedRosterLines(facts.rosterRead) },
  { lines: sharedRosterEmailLines },
  { lines: rosterApprovalLines },
  { lines: mirrorApprovalsLines },
  { lines: interventionsElsewhereLines },
  { lines: formerOwnerNotToldLines },
];

/** The lines, in the order the panel shows them. */
export function setupChecks(facts: SetupFacts): CheckLine[] {
  return CHECKS.flatMap((rule) => {
    if ('lines' in rule) return rule.lines(facts);
    const [status, detail] = rule.check(facts);
    return [{ id: rule.id, label: rule.label, status, detail }];
  });
}
