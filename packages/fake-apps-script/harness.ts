// The fake Apps Script runtime: shared state, the service globals, executions, and the
// policies applied at the boundary (call counting, auth modes, scopes, deadline, latency).
// Its options are in options.ts, an execution's record in execution.ts, the call counts in
// call-counter.ts, what a call needs in permissions.ts and the globals' types in globals.ts.
// It is the FakeContext (context.ts) every service is given: no service imports this file.
import { AuthorizationState, failureSummaries, type FailureSummary } from './authorization';
import { Boundary, type BoundaryHost, type CallInfo } from './boundary';
import { CallCounter } from './call-counter';
import { FakeClock } from './clock';
import {
  EXECUTION_TIMEOUT_MESSAGE,
  SIMPLE_TRIGGER_LIMIT_MS,
  SIMPLE_TRIGGERS,
  isAuthMode,
  type ExecutionRecord,
  type RunOptions,
} from './execution';
import { FakeCharts } from './charts';
import { FakeUtilities } from './utilities';
import type { FakeContext } from './context';
import type { FakeGlobals } from './globals';
import { FakeLockService, LockState } from './lock';
import { FakeConsole, LogState } from './console';
import { FakeFormApp, FormsState } from './forms';
import { FakeMailApp, MailState } from './mail';
import { resolveOptions, type FakeGasOptions, type ResolvedOptions, type SpreadsheetInit } from './options';
import { SCOPE, deniedInMode, requiredScopes } from './permissions';
import { FakePropertiesService, PropertiesState } from './properties';
import { outerRealm, type Realm } from './realm';
import { FakeScriptApp } from './script-app';
import { FakeSession, SessionState } from './session';
import { FakeSheet } from './sheet';
import { FakeSpreadsheet } from './spreadsheet';
import { FakeSpreadsheetApp } from './spreadsheet-app';
import { TriggerState } from './triggers';
import { SheetsUser, TestInspector } from './test-side';
import { FakeHtmlService, FakeUi, HtmlState, UiState } from './ui';
import type { CellValue } from './values';

export class FakeGas implements BoundaryHost, FakeContext {
  readonly options: ResolvedOptions;
  readonly clock: FakeClock;
  readonly session: SessionState;
  /** Every spreadsheet SpreadsheetApp.openById can reach, by id. */
  readonly spreadsheets = new Map<string, FakeSpreadsheet>();
  /** The bound document (the one getActiveSpreadsheet returns by default). */
  readonly spreadsheet: FakeSpreadsheet;
  readonly ui: UiState;
  readonly html: HtmlState;
  readonly mail: MailState;
  readonly properties: PropertiesState;
  readonly locks: LockState;
  readonly triggers: TriggerState;
  readonly logs: LogState;
  /** The forms FormApp made, and test helpers to answer or delete them. */
  readonly forms: FormsState;
  readonly calls = new CallCounter();
  /** What tests read of the state the bundle left, outside Apps Script (test-side.ts). */
  readonly inspect = new TestInspector(this);
  /** A person editing the sheets in the Sheets editor (test-side.ts). */
  readonly user = new SheetsUser(this);
  readonly boundary: Boundary;
  /** What the bundle sees as its globals (each a counting proxy). */
  readonly globals: FakeGlobals;
  /** Raw Ui object, handed out by SpreadsheetApp.getUi(). */
  readonly uiService: FakeUi;
  /** The OAuth scopes the script asks for (full URLs), or null: not checked. */
  oauthScopes: string[] | null;
  /** Each user's grants of those scopes (`grant`, `revoke`, `scopesOf`): authorization.ts. */
  readonly authorization: AuthorizationState;
  /** The running execution, if any. */
  execution: ExecutionRecord | null = null;
  readonly executions: ExecutionRecord[] = [];

  private activeDoc: FakeSpreadsheet | null;
  private readonly latency = new Map<string, number>();
  private hooks: ((call: CallInfo) => void)[] = [];
  private currentRealm: Realm = outerRealm;
  private seq = { spreadsheet: 0, execution: 0 };

  constructor(opts: FakeGasOptions = {}) {
    this.options = resolveOptions(opts);
    this.clock = new FakeClock(opts.now);
    this.session = new SessionState(opts);
    this.ui = new UiState();
    this.html = new HtmlState(opts.htmlDir ?? null);
    this.mail = new MailState(this, opts.mailQuota ?? 100, opts.mailBodyLimitBytes);
    this.properties = new PropertiesState();
    this.locks = new LockState(this);
    this.triggers = new TriggerState(this);
    this.logs = new LogState(this);
    this.forms = new FormsState(this, this.spreadsheets);
    this.oauthScopes = opts.oauthScopes ? opts.oauthScopes.map(SCOPE) : null;
    this.authorization = new AuthorizationState(() => this.oauthScopes, this.options.ungrantedScopes, opts.grants);
    this.spreadsheet = this.createSpreadsheet({ name: 'Uptake test sheet', ...opts.spreadsheet });
    this.activeDoc = this.spreadsheet;
    this.boundary = new Boundary(this);
    this.uiService = new FakeUi(this, this.ui, this.locks);
    this.globals = this.createGlobals((x) => this.boundary.wrap(x));
  }

  /** The services the bundle sees, made once; `wrap` puts each behind the boundary. */
  private createGlobals(wrap: <T extends object>(x: T) => T): FakeGlobals {
    return {
      SpreadsheetApp: wrap(
        new FakeSpreadsheetApp(
          this,
          this.spreadsheets,
          () => this.activeSpreadsheet(),
          this.uiService,
          (init) => this.createSpreadsheet(init),
        ),
      ),
      HtmlService: wrap(new FakeHtmlService(this.html)),
      PropertiesService: wrap(new FakePropertiesService(this, this.properties)),
      LockService: wrap(new FakeLockService(this, this.locks)),
      ScriptApp: wrap(new FakeScriptApp(this, this.triggers)),
      MailApp: wrap(new FakeMailApp(this.mail)),
      Session: wrap(new FakeSession(this)),
      console: wrap(new FakeConsole(this.logs)),
      Charts: wrap(new FakeCharts()),
      FormApp: wrap(new FakeFormApp(this.forms)),
      Utilities: wrap(new FakeUtilities()),
    };
  }

  /** The scopes the running user granted (a trigger's: its creator's), among the manifest's; null: unchecked. */
  grantedScopes(): string[] | null {
    return this.authorization.scopesOf(this.currentUser());
  }

  /** The trigger executions that failed, as Google's failure summaries tell their creators (authorization.ts). */
  failureSummaries(): FailureSummary[] {
    return failureSummaries(this.executions);
  }

  // ---- who and where ----

  currentUser(): string {
    return this.execution?.user ?? this.session.activeUser;
  }

  /** Who owns the spreadsheets (Spreadsheet.getOwner): the session's effective user. */
  spreadsheetOwner(): string {
    return this.session.effectiveUser;
  }

  /** Set by putInSharedDrive / setDriveOwner; undefined: the session's effective user. */
  private driveOwnerSet: string | null | undefined = undefined;

  driveOwner(): string | null {
    return this.driveOwnerSet === undefined ? this.spreadsheetOwner() : this.driveOwnerSet;
  }

  /**
   * Who Spreadsheet.getOwner() names, or null: "null for a document in a shared drive"
   * ("Class Spreadsheet", https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getowner).
   */
  setDriveOwner(user: string | null): void {
    this.driveOwnerSet = user;
  }

  executionId(): string {
    return this.execution?.id ?? 'outside-executions';
  }

  /** The document the running code belongs to (document properties, locks, triggers). */
  documentSpreadsheet(): FakeSpreadsheet | null {
    return this.execution ? this.execution.document : this.activeDoc;
  }

  documentId(): string | null {
    return this.documentSpreadsheet()?._id ?? null;
  }

  boundDocumentId(): string {
    return this.spreadsheet._id;
  }

  /** What SpreadsheetApp.getActiveSpreadsheet() returns now. */
  activeSpreadsheet(): FakeSpreadsheet | null {
    return this.execution ? this.execution.active : this.activeDoc;
  }

  /** Makes getActiveSpreadsheet() return `ss` (null: no document, as in some trigger contexts). */
  setActiveSpreadsheet(ss: FakeSpreadsheet | null): void {
    this.activeDoc = ss;
  }

  // ---- spreadsheet helpers for tests ----

  /** Another spreadsheet, reachable through openById. */
  createSpreadsheet(init: SpreadsheetInit = {}): FakeSpreadsheet {
    const { id, ...rest } = init;
    const ss = new FakeSpreadsheet(this, this.ui, id ?? this.newSpreadsheetId(), rest);
    if (this.spreadsheets.has(ss._id)) throw new Error(`gas-fake: a spreadsheet with id ${ss._id} already exists`);
    this.spreadsheets.set(ss._id, ss);
    return ss;
  }

  /** The spreadsheets only `user` can open: those SpreadsheetApp.create made in their Drive, oldest first. */
  spreadsheetsOf(user: string): FakeSpreadsheet[] {
    return [...this.spreadsheets.values()].filter((ss) => ss._readers?.size === 1 && ss._readers.has(user));
  }

  /** Makes Session give no email for `user` (as "security policies" may): see FakeGasOptions.usersWithoutEmail. */
  hideEmailOf(user: string): void {
    this.session.usersWithoutEmail.add(user);
  }

  /** Adds (or, if it exists and is empty, fills) a sheet of the bound spreadsheet from rows. */
  addSheet(name: string, rows: unknown[][] = [], ss: FakeSpreadsheet = this.spreadsheet): FakeSheet {
    const existing = ss._sheetNamed(name);
    if (existing && existing.getLastRow() === 0 && rows.length > 0) {
      ss._sheets.splice(ss._sheets.indexOf(existing), 1);
      return ss._addSheet(name, rows);
    }
    return existing && rows.length === 0 ? existing : ss._addSheet(name, rows);
  }

  sheet(name: string, ss: FakeSpreadsheet = this.spreadsheet): FakeSheet {
    const s = ss._sheetNamed(name);
    if (!s)
      throw new Error(`gas-fake: no sheet named "${name}" (sheets: ${ss._sheets.map((x) => x._name).join(', ')})`);
    return s;
  }

  /** The used area of a sheet as getValues() returns it ([] for an empty sheet). */
  sheetValues(name: string, ss: FakeSpreadsheet = this.spreadsheet): CellValue[][] {
    const s = this.sheet(name, ss);
    return s.getLastRow() === 0 ? [] : s._values();
  }

  // ---- simulation controls ----

  /**
   * Each call of `key` ('MailApp.sendEmail', 'Range.*', or '*') advances the clock by `ms`,
   * to simulate slow services against the execution time limit.
   */
  setLatency(key: string, ms: number): void {
    if (ms <= 0) this.latency.delete(key);
    else this.latency.set(key, ms);
  }

  /** Runs `hook` before every service call (after counting); it may throw or move the clock. */
  onCall(hook: (call: CallInfo) => void): () => void {
    this.hooks.push(hook);
    return () => {
      this.hooks = this.hooks.filter((h) => h !== hook);
    };
  }

  // ---- BoundaryHost ----

  realm(): Realm {
    return this.currentRealm;
  }

  beforeCall(call: CallInfo): void {
    this.calls._record(call);
    const ex = this.execution;
    if (ex) {
      ex.calls++;
      if (ex.phase === 'load') ex.topLevelCalls.push(call.key);
      if (ex.killed || this.clock.now() - ex.startedAt > ex.limitMs) {
        ex.killed = true;
        throw new Error(EXECUTION_TIMEOUT_MESSAGE);
      }
      if (deniedInMode(ex.authMode, call)) throw new Error(`You do not have permission to call ${call.key}`);
    }
    const granted = this.grantedScopes();
    const needed = granted ? requiredScopes(call) : null;
    if (needed && granted && !needed.some((s) => granted.includes(s))) {
      throw new Error(`You do not have permission to call ${call.key}. Required permissions: ${needed[0]}`);
    }
    for (const h of this.hooks) h(call);
  }

  afterCall(call: CallInfo): void {
    const ms = this.latency.get(call.key) ?? this.latency.get(`${call.cls}.*`) ?? this.latency.get('*');
    if (ms) this.clock.advance(ms);
  }

  // ---- executions (used by the bundle loader) ----

  _beginExecution(name: string, opts: RunOptions, firstArg?: unknown): ExecutionRecord {
    if (this.execution) {
      throw new Error(`gas-fake: ${name} started while ${this.execution.name} is running; executions do not nest.`);
    }
    const argMode =
      typeof firstArg === 'object' && firstArg !== null ? (firstArg as { authMode?: unknown }).authMode : undefined;
    const authMode = opts.authMode ?? (isAuthMode(argMode) ? argMode : 'FULL');
    const document = opts.document !== undefined ? opts.document : this.activeDoc;
    const user = opts.user ?? this.session.activeUser;
    const simpleTrigger = (opts.kind ?? 'call') === 'call' && SIMPLE_TRIGGERS.has(name);
    const ex: ExecutionRecord = {
      id: `exec-${++this.seq.execution}`,
      name,
      kind: opts.kind ?? 'call',
      authMode,
      user,
      effectiveUser: opts.user ?? this.session.effectiveUser,
      document,
      active: opts.activeSpreadsheet !== undefined ? opts.activeSpreadsheet : document,
      startedAt: this.clock.now(),
      endedAt: null,
      limitMs:
        opts.limitMs ??
        (authMode === 'CUSTOM_FUNCTION'
          ? this.options.customFunctionLimitMs
          : simpleTrigger
            ? SIMPLE_TRIGGER_LIMIT_MS
            : this.options.executionLimitMs),
      killed: false,
      phase: 'load',
      topLevelCalls: [],
      calls: 0,
      triggerUid: opts.triggerUid ?? null,
      triggerEventType: opts.kind === 'trigger' ? (opts.triggerEventType ?? 'CLOCK') : null,
      error: undefined,
      releasedLocks: [],
      simpleTrigger,
    };
    this.execution = ex;
    this.executions.push(ex);
    return ex;
  }

  _endExecution(ex: ExecutionRecord): void {
    ex.endedAt = this.clock.now();
    ex.releasedLocks = this.locks._releaseAllOf(ex.id);
    if (this.execution === ex) this.execution = null;
    this.currentRealm = outerRealm;
  }

  _setRealm(realm: Realm): void {
    this.currentRealm = realm;
  }

  private newSpreadsheetId(): string {
    const n = ++this.seq.spreadsheet;
    return `1FakeSpreadsheet${String(n).padStart(4, '0')}xxxxxxxxxxxxxxxxxxxxxxxx`;
  }
}

export function createFakeGas(options: FakeGasOptions = {}): FakeGas {
  return new FakeGas(options);
}
