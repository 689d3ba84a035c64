/**
 * "Check set-up": one line per check, ok or what to do, from facts src/gas/setup-check.ts gathers
 * (reading only). The limits are Google's, each cited where it is defined.
 */

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

export type CheckStatus = 'ok' | 'warn' | 'fix';

export interface CheckLine {
  /** Stable id, for tests and the page. */
  id: string;
  label: string;
  status: CheckStatus;
  /** What was found, and what to do when the status is not ok. */
  detail: string;
}

export interface SheetFacts {
  name: string;
  rows: number;
  columns: number;
}

/** What the gathering found; null where Apps Script could not tell (the line then says so). */
export interface SetupFacts {
  /** ScriptApp.getAuthorizationInfo(FULL): whether the user must authorise (again). */
  authorization: { required: boolean; url: string | null };
  /** The owner email in Settings, and who runs this (Session), '' when unknown. */
  owner: { setting: string; effectiveUser: string };
  /** note: when the trigger cannot run at the hour in the sheet's zone, when it runs instead (core/automation/trigger-zone). */
  trigger: {
    on: boolean;
    /** This user's daily triggers for the spreadsheet. */
    found: number;
    hour: number;
    timeZone: string;
    note: string | null;
    /** Another editor who turned automation on (their trigger is not among this user's), else null. */
    turnedOnBy: string | null;
  };
  lastRun: { at: string | null; report: string[]; problems: string[] };
  mailQuotaLeft: number | null;
  timeZones: { spreadsheet: string; script: string };
  /** The sheets Uptake uses; a string when it could not be found, saying why. */
  sheets: { log: SheetFacts | string; roster: SheetFacts | null | string; sent: SheetFacts | null };
  /** Cells of every sheet of the spreadsheet (max rows × max columns). */
  spreadsheetCells: number;
  /** Bytes (keys and values) in each property store Uptake uses. */
  propertyBytes: { document: number; user: number };
  /** Whether the lock Uptake writes under could be taken now; null when there is none. */
  lock: { kind: 'document' | 'script'; available: boolean };
}

/** Quotas "reset 24 hours after the first request": the quotas page cited in core/automation/mail-rules. */
const QUOTA_WINDOW =
  'Google’s quota restarts 24 hours after the first email it counted, not at midnight: an email sent by hand this afternoon still counts against tomorrow morning’s run.';

const line = (id: string, label: string, status: CheckStatus, detail: string): CheckLine => ({
  id,
  label,
  status,
  detail,
});
const count = (n: number) => n.toLocaleString('en-US');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function sheetLine(id: string, label: string, sheet: SheetFacts | null | string, missing: CheckLine): CheckLine {
  if (sheet === null) return missing;
  if (typeof sheet === 'string') return line(id, label, 'fix', sheet);
  return line(id, label, 'ok', `"${sheet.name}": ${count(sheet.rows)} rows × ${count(sheet.columns)} columns.`);
}

/** The lines, in the order the panel shows them. */
export function setupChecks(facts: SetupFacts): CheckLine[] {
  const lines: CheckLine[] = [];
  lines.push(
    facts.authorization.required
      ? line(
          'authorization',
          'Authorisation',
          'fix',
          `Uptake needs to be authorised (again): open any Uptake menu item and accept${facts.authorization.url ? ` (${facts.authorization.url})` : ''}.`,
        )
      : line('authorization', 'Authorisation', 'ok', 'Every permission Uptake asks for is granted.'),
  );
  const owner = facts.owner.setting || facts.owner.effectiveUser;
  lines.push(
    owner
      ? line(
          'owner',
          "Owner's email",
          'ok',
          facts.owner.setting ? `${owner} (Settings).` : `${owner} (you: no owner is set in Settings).`,
        )
      : line(
          'owner',
          "Owner's email",
          'fix',
          'No owner email is set and Google does not give Uptake yours: set the owner email in Settings, or nobody gets the digest.',
        ),
  );
  const { trigger } = facts;
  const at = `${String(trigger.hour).padStart(2, '0')}:00 in ${trigger.timeZone}`;
  if (!trigger.on) lines.push(line('trigger', 'Daily run', 'warn', 'Automation is off: turn it on in the sidebar.'));
  else if (trigger.found === 0 && trigger.turnedOnBy)
    lines.push(
      line(
        'trigger',
        'Daily run',
        'ok',
        `Turned on by ${trigger.turnedOnBy}, whose trigger runs it every day at ${at}: Apps Script shows each person only their own triggers.`,
      ),
    );
  else if (trigger.found === 0)
    lines.push(
      line(
        'trigger',
        'Daily run',
        'fix',
        'Automation is on but Uptake finds no daily run among your scheduled runs of this add-on (deleted from the Apps Script Triggers page?): turn automation off and on again.',
      ),
    );
  else if (trigger.found > 1)
    lines.push(
      line(
        'trigger',
        'Daily run',
        'warn',
        `${trigger.found} daily triggers at ${at}: turn automation off and on to keep one.`,
      ),
    );
  else if (trigger.note) lines.push(line('trigger', 'Daily run', 'warn', trigger.note));
  else lines.push(line('trigger', 'Daily run', 'ok', `Every day at ${at}.`));
  const run = facts.lastRun;
  if (!run.at) lines.push(line('last-run', 'Last run', trigger.on ? 'warn' : 'ok', 'The daily run has not run yet.'));
  else if (run.problems.length) lines.push(line('last-run', 'Last run', 'fix', `${run.at}: ${run.problems.join(' ')}`));
  else
    lines.push(
      line(
        'last-run',
        'Last run',
        'ok',
        `${run.at}: ${run.report.length ? run.report.join('; ') : 'nothing was due.'}`,
      ),
    );
  lines.push(
    facts.mailQuotaLeft === null
      ? line('mail-quota', 'Mail quota', 'warn', 'Google did not say how many email recipients are left.')
      : facts.mailQuotaLeft === 0
        ? line(
            'mail-quota',
            'Mail quota',
            'fix',
            `No email recipients left. ${QUOTA_WINDOW} What is due waits for the first daily run after it restarts.`,
          )
        : line(
            'mail-quota',
            'Mail quota',
            'ok',
            `${count(facts.mailQuotaLeft)} email recipients left. ${QUOTA_WINDOW}`,
          ),
  );
  const zones = facts.timeZones;
  lines.push(
    zones.spreadsheet === zones.script
      ? line('time-zones', 'Time zones', 'ok', `The sheet and the script are both in ${zones.spreadsheet}.`)
      : line(
          'time-zones',
          'Time zones',
          'ok',
          `The sheet is in ${zones.spreadsheet}, the script in ${zones.script}: Uptake counts days in the sheet's zone.`,
        ),
  );
  lines.push(
    sheetLine(
      'log',
      'Log sheet',
      facts.sheets.log,
      line('log', 'Log sheet', 'fix', 'No log found: use "Set up log and roster".'),
    ),
  );
  lines.push(
    sheetLine(
      'roster',
      'Roster sheet',
      facts.sheets.roster,
      line('roster', 'Roster sheet', 'warn', 'No roster: reminders need one. Use "Set up log and roster".'),
    ),
  );
  lines.push(
    sheetLine(
      'sent',
      'Sent sheet',
      facts.sheets.sent,
      line('sent', 'Sent sheet', 'ok', 'Not made yet: the first email sent creates it.'),
    ),
  );
  const cellShare = facts.spreadsheetCells / SPREADSHEET_CELL_LIMIT;
  lines.push(
    line(
      'cells',
      'Spreadsheet size',
      cellShare >= WARN_SHARE ? 'warn' : 'ok',
      `${count(facts.spreadsheetCells)} of ${count(SPREADSHEET_CELL_LIMIT)} cells (${(cellShare * 100).toFixed(1)}%)${cellShare >= WARN_SHARE ? ': delete empty rows and columns or move old runs to another file' : ''}.`,
    ),
  );
  const largest = Math.max(facts.propertyBytes.document, facts.propertyBytes.user);
  const propertyShare = largest / PROPERTY_STORE_LIMIT_BYTES;
  lines.push(
    line(
      'properties',
      'Property storage',
      propertyShare >= WARN_SHARE ? 'warn' : 'ok',
      `Document ${kb(facts.propertyBytes.document)}, yours ${kb(facts.propertyBytes.user)}, of ${kb(PROPERTY_STORE_LIMIT_BYTES)} each${propertyShare >= WARN_SHARE ? ': tell the add-on’s maintainers' : ''}.`,
    ),
  );
  lines.push(
    facts.lock.available
      ? line('lock', 'Lock', 'ok', `The ${facts.lock.kind} lock is free.`)
      : line(
          'lock',
          'Lock',
          'warn',
          `The ${facts.lock.kind} lock is held by another run now: Log a run and the daily run wait for it; try again in a minute.`,
        ),
  );
  return lines;
}
