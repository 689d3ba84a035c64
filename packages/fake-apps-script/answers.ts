// Where Google does not document what Apps Script does, the fake has a switch for each possible
// answer, and the add-on must work under all of them until a real deployment settles the question
// (docs/first-deploy.md lists how to check each one).

export interface UndocumentedAnswers {
  /** Whether getActiveSpreadsheet() returns the trigger's document in a time-driven trigger, or null. */
  activeSpreadsheetInTimeTriggers: boolean;
  /** What LockService.getDocumentLock() gives in an add-on's installable trigger: the document's lock, or null. */
  documentLockInTriggers: 'document' | 'null';
  /**
   * A date cell passed to a custom function: the instant of its wall-clock time in the
   * spreadsheet's zone ('sheet-zone', as getValues returns it), or in the script's zone
   * ('script-zone'). The default is 'script-zone': the custom-functions guide says that when the
   * spreadsheet and the script use different time zones "the custom function needs to
   * compensate" ("Custom Functions in Google Sheets",
   * https://developers.google.com/apps-script/guides/sheets/functions), which only this answer needs.
   */
  customFunctionDates: 'sheet-zone' | 'script-zone';
  /**
   * Whether ScriptApp.getUserTriggers(spreadsheet), "triggers owned by this user in the given
   * spreadsheet" ("Class ScriptApp", https://developers.google.com/apps-script/reference/script/script-app),
   * lists time-driven triggers, which belong to no document.
   */
  userTriggersListTimeDriven: boolean;
}

export const DEFAULT_ANSWERS: UndocumentedAnswers = {
  activeSpreadsheetInTimeTriggers: false,
  documentLockInTriggers: 'document',
  customFunctionDates: 'script-zone',
  userTriggersListTimeDriven: true,
};

/** Every answer of every switch, one at a time against the defaults (what the suites run under). */
export const ANSWER_VARIANTS: readonly Partial<UndocumentedAnswers>[] = [
  {},
  { activeSpreadsheetInTimeTriggers: true },
  { documentLockInTriggers: 'null' },
  { customFunctionDates: 'sheet-zone' },
  { userTriggersListTimeDriven: false },
];

/** The environment variable that changes the defaults for a whole test run. */
export const ANSWERS_ENV = 'UPTAKE_FAKE_ANSWERS';

/**
 * Defaults changed by `UPTAKE_FAKE_ANSWERS`, a JSON object such as
 * `{"documentLockInTriggers":"null"}`, so a whole suite can run under another answer. An option
 * given to createFakeGas still wins: a test that is about one answer keeps it.
 */
export function answersFromEnvironment(env: Record<string, string | undefined>): UndocumentedAnswers {
  const raw = env[ANSWERS_ENV];
  if (!raw) return { ...DEFAULT_ANSWERS };
  const parsed = JSON.parse(raw) as Partial<UndocumentedAnswers>;
  const known = Object.keys(DEFAULT_ANSWERS);
  for (const key of Object.keys(parsed)) {
    if (!known.includes(key)) throw new Error(`${ANSWERS_ENV}: unknown switch "${key}" (known: ${known.join(', ')})`);
  }
  return { ...DEFAULT_ANSWERS, ...parsed };
}
