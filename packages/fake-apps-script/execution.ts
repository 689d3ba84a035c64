// An execution: one entry-point call as Apps Script runs it (who, which document, which auth
// mode, its deadline), what the loader asks for and what the fake records of it.
import type { ExecutionKind, RunningExecution } from './context';
import type { AuthModeName, EventTypeName } from './enums';
import type { FakeSpreadsheet } from './spreadsheet';

export interface RunOptions {
  /** Default: the authMode of the first argument (an event object) if it names one, else FULL. */
  authMode?: AuthModeName;
  kind?: ExecutionKind;
  /** Runs as this user (Session, user properties, user locks, trigger ownership). */
  user?: string;
  /** The document the execution belongs to. Default: the fake's active spreadsheet. */
  document?: FakeSpreadsheet | null;
  /** What getActiveSpreadsheet() returns. Default: `document`. */
  activeSpreadsheet?: FakeSpreadsheet | null;
  limitMs?: number;
  triggerUid?: string;
  /** For kind 'trigger': what fired it. Default CLOCK. */
  triggerEventType?: EventTypeName;
}

export interface ExecutionRecord extends RunningExecution {
  id: string;
  name: string;
  kind: ExecutionKind;
  authMode: AuthModeName;
  user: string;
  effectiveUser: string;
  document: FakeSpreadsheet | null;
  active: FakeSpreadsheet | null;
  startedAt: number;
  endedAt: number | null;
  limitMs: number;
  /** Set once the execution ran past its limit; every later service call throws. */
  killed: boolean;
  /** 'load' while the bundle's top-level code runs. */
  phase: 'load' | 'run';
  /** Service calls made by top-level code (should stay empty: it runs on every execution). */
  topLevelCalls: string[];
  calls: number;
  triggerUid: string | null;
  triggerEventType: EventTypeName | null;
  error: unknown;
  /** Locks still held when the execution ended (Apps Script releases them). */
  releasedLocks: string[];
  /** Apps Script called onOpen/onEdit/onSelectionChange itself: a simple trigger (30 s, no email). */
  simpleTrigger: boolean;
}

/**
 * The reserved names Apps Script calls as simple triggers ("Simple triggers",
 * https://developers.google.com/apps-script/guides/triggers): they "cannot run for longer than
 * 30 seconds", and Session gives no email there ("Class Session",
 * https://developers.google.com/apps-script/reference/base/session). onInstall runs in FULL
 * authorization when the add-on is installed, so it is not counted among them here.
 */
export const SIMPLE_TRIGGERS = new Set(['onOpen', 'onEdit', 'onSelectionChange']);
export const SIMPLE_TRIGGER_LIMIT_MS = 30 * 1000;

export const EXECUTION_TIMEOUT_MESSAGE = 'Exceeded maximum execution time';

export function isAuthMode(v: unknown): v is AuthModeName {
  return v === 'NONE' || v === 'LIMITED' || v === 'FULL' || v === 'CUSTOM_FUNCTION';
}
