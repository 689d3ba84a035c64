// What the services need of the runtime that runs them: the clock, who runs the code, the
// running execution, the document it belongs to, and the options. The harness (harness.ts)
// implements it and hands it to each service with that service's own state; no service imports
// the harness, which imports them all.
import type { FakeClock } from './clock';
import type { AuthModeName, EventTypeName } from './enums';
import type { ResolvedOptions } from './options';

export type ExecutionKind = 'call' | 'trigger';

/** The running execution as the services see it (the full record is execution.ts's). */
export interface RunningExecution {
  readonly id: string;
  readonly name: string;
  readonly kind: ExecutionKind;
  readonly authMode: AuthModeName;
  /** What fired a trigger's execution (null for other calls). */
  readonly triggerEventType: EventTypeName | null;
  /** onOpen, onEdit and the like, run without the user's authorization. */
  readonly simpleTrigger: boolean;
  readonly effectiveUser: string;
}

/** Who is running and where, outside an execution (session.ts's SessionState). */
export interface SessionSettings {
  activeUser: string;
  effectiveUser: string;
  scriptTimeZone: string;
  /** Users whose email Session does not give (getEmail() returns ''). */
  readonly usersWithoutEmail: ReadonlySet<string>;
}

export interface FakeContext {
  /** The only "now": the services read it, lock waits and configured latency move it. */
  readonly clock: FakeClock;
  readonly options: ResolvedOptions;
  readonly session: SessionSettings;
  /** The running execution, or null between executions. */
  readonly execution: RunningExecution | null;
  /** The running execution's user, else the session's active user. */
  currentUser(): string;
  /** The running execution's id (who holds a lock), or a fixed id outside executions. */
  executionId(): string;
  /** The id of the document the running code belongs to (its properties, locks, triggers), or
   * null where there is none (as in some trigger contexts). */
  documentId(): string | null;
  /** The id of the bound spreadsheet, whatever document is active. */
  boundDocumentId(): string;
  /** Who owns the spreadsheet (whose user properties a custom function reads). */
  spreadsheetOwner(): string;
  /** The owner Spreadsheet.getOwner() gives: null for a spreadsheet in a shared drive. */
  driveOwner(): string | null;
  /** The scopes the manifest asks for (full URLs); null: not checked. */
  readonly oauthScopes: string[] | null;
  /** The scopes the running user granted (a trigger's: its creator's), among the manifest's; null: not checked. */
  grantedScopes(): string[] | null;
}
