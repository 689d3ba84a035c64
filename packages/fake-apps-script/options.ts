// What createFakeGas takes, and the defaults it fills in (an option given wins over the
// UPTAKE_FAKE_ANSWERS environment for the undocumented answers).
import { answersFromEnvironment, type UndocumentedAnswers } from './answers';
import type { TimeInput } from './clock';
import { SCOPE } from './permissions';
import type { ValueParsing } from './values';

// "Files you can store in Google Drive" (https://support.google.com/drive/answer/37603): a
// spreadsheet holds up to 10 million cells, counted over every sheet's rows × columns, empty or not.
export const SPREADSHEET_CELL_LIMIT = 10_000_000;

/** A spreadsheet to create (the bound one, or another through createSpreadsheet). */
export interface SpreadsheetInit {
  id?: string;
  name?: string;
  timeZone?: string;
  locale?: string;
  /** Sheets to create, in order, each from rows of values. Default: one empty "Sheet1". */
  sheets?: Record<string, unknown[][]>;
  /**
   * The users who can open it (openById), or null (default): every user of the fake,
   * as the editors of a shared spreadsheet. SpreadsheetApp.create gives only its creator.
   */
  readers?: string[] | null;
}

/** What a user granted: every scope of the manifest, or those named (short names or URLs). */
export type Grant = readonly string[] | 'all';

export interface FakeGasOptions {
  /** Start time of the fake clock. Default 2026-01-05T09:00:00Z (a Monday). */
  now?: TimeInput;
  /** Script time zone (Session.getScriptTimeZone). Default: the bundle manifest's, else Etc/UTC. */
  timeZone?: string;
  /** Active user's email (Session.getActiveUser). Default user@example.com. */
  user?: string;
  effectiveUser?: string;
  /**
   * Users (identities given as `user` to runs) whose email Google does not give: Session's
   * getEmail() is '' for them; their properties, locks and triggers stay their own.
   */
  usersWithoutEmail?: string[];
  /** The active (bound) spreadsheet. */
  spreadsheet?: SpreadsheetInit;
  /** Folder of <name>.html files for HtmlService. Default: the folder given to loadBundle. */
  htmlDir?: string;
  /** MailApp recipients per day. Default 100 (consumer account). */
  mailQuota?: number;
  /** Enforce editor add-on trigger rules. Default true. */
  addon?: boolean;
  /** Default 6 minutes. */
  executionLimitMs?: number;
  /** Limit for executions in AuthMode.CUSTOM_FUNCTION. Default 30 s. */
  customFunctionLimitMs?: number;
  /** Undocumented: whether getActiveSpreadsheet() works inside time-driven triggers (answers.ts). Default false. */
  activeSpreadsheetInTimeTriggers?: boolean;
  /** Undocumented: getDocumentLock() in an installable trigger, the document's lock or null (answers.ts). Default 'document'. */
  documentLockInTriggers?: UndocumentedAnswers['documentLockInTriggers'];
  /** Undocumented: which zone a custom function's Date arguments are read in (answers.ts). Default 'script-zone'. */
  customFunctionDates?: UndocumentedAnswers['customFunctionDates'];
  /** Undocumented: whether getUserTriggers(spreadsheet) lists time-driven triggers (answers.ts). Default true. */
  userTriggersListTimeDriven?: boolean;
  /**
   * Partial consent: scopes of the manifest the user did not tick on Google's consent screen
   * (short names such as 'script.send_mail' or full URLs). Some surfaces let a user grant only
   * some of the scopes ("Authorization scopes", https://developers.google.com/apps-script/concepts/scopes,
   * granular OAuth consent). A user's choice, not an undocumented answer, so it is an option
   * of the tests that are about it and not a variant every suite runs under. Default: none.
   * It is every user's choice but those named in `grants`.
   */
  ungrantedScopes?: string[];
  /**
   * What each user named granted ('all', or the scopes they ticked; [] for one who has not
   * authorized yet): each user authorizes for themselves, and a trigger runs with its creator's
   * grants (authorization.ts). Changed at run time with `fake.authorization.grant` / `revoke`.
   */
  grants?: Record<string, Grant>;
  /** MailApp body size limit in bytes. Default 200 KB (consumer; Workspace has 400 KB). */
  mailBodyLimitBytes?: number;
  /** Cells a spreadsheet may have across its sheets. Default 10,000,000. */
  cellLimit?: number;
  /** How written strings become cell values. Default 'sheets'. */
  valueParsing?: ValueParsing;
  /** OAuth scopes granted; calls needing others throw. Default: the manifest's (loadBundle), else unchecked. */
  oauthScopes?: string[];
  scriptId?: string;
}

export interface ResolvedOptions extends UndocumentedAnswers {
  addon: boolean;
  executionLimitMs: number;
  customFunctionLimitMs: number;
  cellLimit: number;
  valueParsing: ValueParsing;
  scriptId: string;
  /** Full scope URLs the user did not grant. */
  ungrantedScopes: string[];
}

export function resolveOptions(opts: FakeGasOptions): ResolvedOptions {
  const answers = answersFromEnvironment(process.env);
  return {
    addon: opts.addon ?? true,
    executionLimitMs: opts.executionLimitMs ?? 6 * 60 * 1000,
    customFunctionLimitMs: opts.customFunctionLimitMs ?? 30 * 1000,
    activeSpreadsheetInTimeTriggers: opts.activeSpreadsheetInTimeTriggers ?? answers.activeSpreadsheetInTimeTriggers,
    documentLockInTriggers: opts.documentLockInTriggers ?? answers.documentLockInTriggers,
    customFunctionDates: opts.customFunctionDates ?? answers.customFunctionDates,
    userTriggersListTimeDriven: opts.userTriggersListTimeDriven ?? answers.userTriggersListTimeDriven,
    ungrantedScopes: (opts.ungrantedScopes ?? []).map(SCOPE),
    cellLimit: opts.cellLimit ?? SPREADSHEET_CELL_LIMIT,
    valueParsing: opts.valueParsing ?? 'sheets',
    scriptId: opts.scriptId ?? '1FakeScriptIdForTests',
  };
}
