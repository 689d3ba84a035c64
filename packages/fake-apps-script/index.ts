// An in-memory Apps Script for tests and local runs: see README.md in this folder.
export { createFakeGas, FakeGas } from './harness';
export type { FakeGasOptions, Grant } from './options';
export type { FailureSummary } from './authorization';
export { CallCounter } from './call-counter';
export type { FakeGlobals } from './globals';
export { EXECUTION_TIMEOUT_MESSAGE } from './execution';
export type { RunOptions, ExecutionRecord } from './execution';
export type { ExecutionKind } from './context';
export { loadBundle, timeDrivenEvent } from './bundle';
export type {
  BundleContext,
  BundleControl,
  BundleEntryPoints,
  EntryPointName,
  LoadBundleOptions,
  TriggerRun,
} from './bundle';
export { FakeClock } from './clock';
export type { TimeInput } from './clock';
export type { CallInfo, ServiceName } from './boundary';
export { FORMULA_MARKER, DEFAULT_NUMBER_FORMAT } from './values';
export type { CellValue, ValueParsing } from './values';
export { FakeSpreadsheet, cellLimitMessage } from './spreadsheet';
export { DEVELOPER_METADATA_LIMIT, DEVELOPER_METADATA_TOO_LARGE_MESSAGE } from './developer-metadata';
export { FakeSheet, OUTSIDE_THE_SHEET } from './sheet';
export { FakeRange, CELL_CHARACTER_LIMIT, CELL_TOO_LONG_MESSAGE } from './range';
export { FakeDataValidation } from './data-validation';
export { FakeEmbeddedChart } from './charts';
export { SPREADSHEET_CELL_LIMIT } from './options';
export type { SpreadsheetInit } from './options';
export type {
  RecordedMenu,
  MenuEntry,
  MenuItemInfo,
  ShownHtml,
  DialogRecord,
  ToastRecord,
  ScriptedResponse,
} from './ui';
export { LOCK_TIMEOUT_MESSAGE } from './lock';
export type { LockScope } from './lock';
export { MAIL_QUOTA_MESSAGE, MAIL_BODY_SIZE_MESSAGE, MAIL_RECIPIENTS_PER_MESSAGE_MESSAGE } from './mail';
export type { SentMail } from './mail';
export { PROPERTY_VALUE_LIMIT, PROPERTY_STORE_LIMIT } from './properties';
export type { ConsoleEntry } from './console';
export { ADDON_TRIGGER_LIMIT_MESSAGE, SCRIPT_TRIGGER_LIMIT_MESSAGE } from './triggers';
export type { TriggerRecord, ClockSchedule } from './triggers';
export { AuthMode } from './enums';
export type { ButtonName, AuthModeName } from './enums';
export { ANSWER_VARIANTS, ANSWERS_ENV, DEFAULT_ANSWERS } from './answers';
export type { UndocumentedAnswers } from './answers';
