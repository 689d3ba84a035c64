// The fake Apps Script runtime: shared state, the service globals, executions, and the
// policies applied at the boundary (call counting, auth modes, scopes, deadline, latency).
import { answersFromEnvironment, type UndocumentedAnswers } from './answers';
import { Boundary, SERVICE_NAMES, type BoundaryHost, type CallInfo, type ServiceName } from './boundary';
import { FakeClock, type TimeInput } from './clock';
import type { AuthModeName, EventTypeName } from './enums';
import { outerRealm, type Realm } from './realm';
import { FakeScriptApp } from './script-app';
import { TriggerState } from './triggers';
import { CacheState, FakeCacheService } from './cache';
import { FakeLockService, LockState } from './lock';
import { FakeConsole, FakeLogger, LogState } from './logger';
import { FakeMailApp, MailState } from './mail';
import { FakePropertiesService, PropertiesState } from './properties';
import { FakeUtilities } from './utilities';
import { FakeSession, SessionState } from './session';
import { a1Cell } from './a1';
import { FakeCharts } from './charts';
import { FakeSheet } from './sheet';
import { FakeSpreadsheet, SPREADSHEET_CELL_LIMIT, type SpreadsheetInit } from './spreadsheet';
import { FakeSpreadsheetApp } from './spreadsheet-app';
import { FakeHtmlService, FakeUi, HtmlState, UiState } from './ui';
import type { CellValue, ValueParsing } from './values';

export interface FakeGasOptions {
  /** Start time of the fake clock. Default 2026-01-05T09:00:00Z (a Monday). */
  now?: TimeInput;
  /** Script time zone (Session.getScriptTimeZone). Default: the bundle manifest's, else Etc/UTC. */
  timeZone?: string;
  /** Active user's email (Session.getActiveUser). Default user@example.com. */
  user?: string;
  effectiveUser?: string;
  /** Session.getActiveUserLocale. Default 'en'. */
  locale?: string;
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
  /** Undocumented: which zone a custom function's Date arguments are read in (answers.ts). Default 'sheet-zone'. */
  customFunctionDates?: UndocumentedAnswers['customFunctionDates'];
  /** MailApp body size limit in bytes. Default 200 KB (consumer; Workspace has 400 KB). */
  mailBodyLimitBytes?: number;
  /** Cells a spreadsheet may have across its sheets. Default 10,000,000. */
  cellLimit?: number;
  /** How written strings become cell values. Default 'sheets'. */
  valueParsing?: ValueParsing;
  /** OAuth scopes granted; calls needing others throw. Default: the manifest's (loadBundle), else unchecked. */
  oauthScopes?: string[];
  /** Copy Logger/console output to stdout. */
  echoLogs?: boolean;
  scriptId?: string;
}

export interface ResolvedOptions extends UndocumentedAnswers {
  addon: boolean;
  executionLimitMs: number;
  customFunctionLimitMs: number;
  cellLimit: number;
  valueParsing: ValueParsing;
  scriptId: string;
}

export type ExecutionKind = 'call' | 'trigger';

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

export interface ExecutionRecord {
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
}

export const EXECUTION_TIMEOUT_MESSAGE = 'Exceeded maximum execution time';

export class CallCounter {
  private readonly byKey = new Map<string, number>();
  private readonly byService = new Map<ServiceName, number>();
  /** Every call in order, as 'Class.method'. */
  sequence: string[] = [];

  _record(call: CallInfo): void {
    this.byKey.set(call.key, (this.byKey.get(call.key) ?? 0) + 1);
    this.byService.set(call.service, (this.byService.get(call.service) ?? 0) + 1);
    this.sequence.push(call.key);
  }

  get total(): number {
    return this.sequence.length;
  }
  service(name: ServiceName): number {
    return this.byService.get(name) ?? 0;
  }
  get spreadsheet(): number {
    return this.service('spreadsheet');
  }
  get mail(): number {
    return this.service('mail');
  }
  get properties(): number {
    return this.service('properties');
  }
  get ui(): number {
    return this.service('ui');
  }
  get html(): number {
    return this.service('html');
  }
  get script(): number {
    return this.service('script');
  }
  get lock(): number {
    return this.service('lock');
  }
  get cache(): number {
    return this.service('cache');
  }

  /** Calls of one method ('Range.getValues'), or of a class ('Range.*'). */
  count(key: string): number {
    if (key.endsWith('.*')) {
      const prefix = key.slice(0, -1);
      let n = 0;
      for (const [k, v] of this.byKey) if (k.startsWith(prefix)) n += v;
      return n;
    }
    return this.byKey.get(key) ?? 0;
  }

  /** Per-method counts, optionally for one service, keyed 'Class.method'. */
  methods(service?: ServiceName): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [k, v] of [...this.byKey].sort(([a], [b]) => a.localeCompare(b))) {
      if (service && !SERVICE_CLASSES[service].has(k.split('.')[0])) continue;
      out[k] = v;
    }
    return out;
  }

  reset(): void {
    this.byKey.clear();
    this.byService.clear();
    this.sequence = [];
  }
}

// Filled as calls are seen, so methods(service) can filter without a fixed class list.
const SERVICE_CLASSES = Object.fromEntries(SERVICE_NAMES.map((s) => [s, new Set<string>()])) as Record<
  ServiceName,
  Set<string>
>;

export interface FakeGlobals {
  SpreadsheetApp: FakeSpreadsheetApp;
  HtmlService: FakeHtmlService;
  PropertiesService: FakePropertiesService;
  LockService: FakeLockService;
  CacheService: FakeCacheService;
  ScriptApp: FakeScriptApp;
  MailApp: FakeMailApp;
  Session: FakeSession;
  Utilities: FakeUtilities;
  Logger: FakeLogger;
  console: FakeConsole;
  Charts: FakeCharts;
}

const SCOPE = (s: string): string => (s.startsWith('https://') ? s : `https://www.googleapis.com/auth/${s}`);

/**
 * Scopes (any one suffices) a call needs when the manifest lists oauthScopes: then Apps Script
 * grants those and no other ("Manifest structure", https://developers.google.com/apps-script/manifest;
 * "Authorization scopes", https://developers.google.com/apps-script/concepts/scopes). Each method's
 * scopes are under "Authorization" on its reference page.
 */
function requiredScopes(call: CallInfo): string[] | null {
  switch (call.key) {
    // "Class Session", https://developers.google.com/apps-script/reference/base/session: both
    // need userinfo.email. Without it the call throws, so an add-on that catches it finds no email.
    case 'Session.getActiveUser':
    case 'Session.getEffectiveUser':
      return [SCOPE('userinfo.email')];
    case 'SpreadsheetApp.openById':
    case 'SpreadsheetApp.openByUrl':
      return [SCOPE('spreadsheets')];
    case 'SpreadsheetApp.getActive':
    case 'SpreadsheetApp.getActiveSpreadsheet':
    case 'SpreadsheetApp.getActiveSheet':
    case 'SpreadsheetApp.getActiveRange':
    case 'SpreadsheetApp.setActiveSheet':
    case 'SpreadsheetApp.setActiveRange':
      return [SCOPE('spreadsheets.currentonly'), SCOPE('spreadsheets')];
    case 'Ui.showSidebar':
    case 'Ui.showModalDialog':
    case 'Ui.showModelessDialog':
    case 'Ui.alert':
    case 'Ui.prompt':
      return [SCOPE('script.container.ui')];
    case 'ScriptApp.newTrigger':
    case 'ScriptApp.getProjectTriggers':
    case 'ScriptApp.getUserTriggers':
    case 'ScriptApp.deleteTrigger':
      return [SCOPE('script.scriptapp')];
  }
  if (call.service === 'mail') return [SCOPE('script.send_mail'), 'https://mail.google.com/'];
  return null;
}

const NONE_ALLOWED = new Set([
  'SpreadsheetApp.getUi',
  'Ui.createAddonMenu',
  'Ui.createMenu',
  'ScriptApp.getAuthorizationInfo',
  'Session.getActiveUserLocale',
  'Session.getScriptTimeZone',
]);
const NONE_ALLOWED_SERVICES = new Set<ServiceName>(['logger', 'utilities', 'html', 'charts']);
const AUTH_REQUIRED = new Set([
  'SpreadsheetApp.openById',
  'SpreadsheetApp.openByUrl',
  'ScriptApp.newTrigger',
  'ScriptApp.getProjectTriggers',
  'ScriptApp.getUserTriggers',
  'ScriptApp.deleteTrigger',
]);
const SPREADSHEET_MUTATOR =
  /^(set|insert|append|delete|clear|hide|show|activate|protect|merge|breakApart|check|uncheck|remove|update|autoResize|rename|toast|flush)/;

/** Whether a call is refused in an auth mode (as Apps Script refuses it without authorization). */
function deniedInMode(mode: AuthModeName, call: CallInfo): boolean {
  switch (mode) {
    case 'FULL':
      return false;
    case 'NONE':
      return !(NONE_ALLOWED.has(call.key) || call.cls === 'Menu' || NONE_ALLOWED_SERVICES.has(call.service));
    case 'LIMITED':
      return (
        call.service === 'mail' ||
        AUTH_REQUIRED.has(call.key) ||
        call.cls === 'ClockTriggerBuilder' ||
        call.cls === 'SpreadsheetTriggerBuilder' ||
        call.key === 'Ui.showSidebar' ||
        call.key === 'Ui.showModalDialog' ||
        call.key === 'Ui.showModelessDialog'
      );
    case 'CUSTOM_FUNCTION':
      return (
        call.service === 'mail' ||
        call.service === 'ui' ||
        AUTH_REQUIRED.has(call.key) ||
        call.cls === 'ClockTriggerBuilder' ||
        call.cls === 'SpreadsheetTriggerBuilder' ||
        (call.service === 'spreadsheet' && !call.cls.endsWith('Builder') && SPREADSHEET_MUTATOR.test(call.method))
      );
  }
}

export class FakeGas implements BoundaryHost {
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
  readonly cache: CacheState;
  readonly triggers: TriggerState;
  readonly logs: LogState;
  readonly calls = new CallCounter();
  readonly boundary: Boundary;
  /** What the bundle sees as its globals (each a counting proxy). */
  readonly globals: FakeGlobals;
  /** Raw Ui object, handed out by SpreadsheetApp.getUi(). */
  readonly uiService: FakeUi;
  /** Granted OAuth scopes (full URLs), or null: not checked. */
  oauthScopes: string[] | null;
  /** The running execution, if any. */
  execution: ExecutionRecord | null = null;
  readonly executions: ExecutionRecord[] = [];

  private activeDoc: FakeSpreadsheet | null;
  private readonly latency = new Map<string, number>();
  private hooks: ((call: CallInfo) => void)[] = [];
  private currentRealm: Realm = outerRealm;
  private seq = { spreadsheet: 0, chart: 0, execution: 0 };

  constructor(opts: FakeGasOptions = {}) {
    const answers = answersFromEnvironment(process.env);
    this.options = {
      addon: opts.addon ?? true,
      executionLimitMs: opts.executionLimitMs ?? 6 * 60 * 1000,
      customFunctionLimitMs: opts.customFunctionLimitMs ?? 30 * 1000,
      activeSpreadsheetInTimeTriggers: opts.activeSpreadsheetInTimeTriggers ?? answers.activeSpreadsheetInTimeTriggers,
      documentLockInTriggers: opts.documentLockInTriggers ?? answers.documentLockInTriggers,
      customFunctionDates: opts.customFunctionDates ?? answers.customFunctionDates,
      cellLimit: opts.cellLimit ?? SPREADSHEET_CELL_LIMIT,
      valueParsing: opts.valueParsing ?? 'sheets',
      scriptId: opts.scriptId ?? '1FakeScriptIdForTests',
    };
    this.clock = new FakeClock(opts.now);
    this.session = new SessionState(opts);
    this.ui = new UiState();
    this.html = new HtmlState(opts.htmlDir ?? null);
    this.mail = new MailState(this, opts.mailQuota ?? 100, opts.mailBodyLimitBytes);
    this.properties = new PropertiesState();
    this.locks = new LockState(this);
    this.cache = new CacheState(this);
    this.triggers = new TriggerState(this);
    this.logs = new LogState(this, opts.echoLogs ?? false);
    this.oauthScopes = opts.oauthScopes ? opts.oauthScopes.map(SCOPE) : null;
    this.spreadsheet = this.createSpreadsheet({ name: 'Uptake test sheet', ...opts.spreadsheet });
    this.activeDoc = this.spreadsheet;
    this.boundary = new Boundary(this);
    this.uiService = new FakeUi(this);
    const w = <T extends object>(x: T): T => this.boundary.wrap(x);
    this.globals = {
      SpreadsheetApp: w(new FakeSpreadsheetApp(this)),
      HtmlService: w(new FakeHtmlService(this.html)),
      PropertiesService: w(new FakePropertiesService(this)),
      LockService: w(new FakeLockService(this)),
      CacheService: w(new FakeCacheService(this)),
      ScriptApp: w(new FakeScriptApp(this)),
      MailApp: w(new FakeMailApp(this)),
      Session: w(new FakeSession(this)),
      Utilities: w(new FakeUtilities(this)),
      Logger: w(new FakeLogger(this)),
      console: w(new FakeConsole(this)),
      Charts: w(new FakeCharts()),
    };
  }

  // ---- who and where ----

  currentUser(): string {
    return this.execution?.user ?? this.session.activeUser;
  }

  executionId(): string {
    return this.execution?.id ?? 'outside-executions';
  }

  /** The document the running code belongs to (document properties, locks, caches, triggers). */
  documentSpreadsheet(): FakeSpreadsheet | null {
    return this.execution ? this.execution.document : this.activeDoc;
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
    const ss = new FakeSpreadsheet(this, init);
    if (this.spreadsheets.has(ss._id)) throw new Error(`gas-fake: a spreadsheet with id ${ss._id} already exists`);
    this.spreadsheets.set(ss._id, ss);
    return ss;
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

  /** Display strings of the used area, as getDisplayValues() returns them. */
  sheetDisplayValues(name: string, ss: FakeSpreadsheet = this.spreadsheet): string[][] {
    const s = this.sheet(name, ss);
    return s.getLastRow() === 0 ? [] : s.getDataRange().getDisplayValues();
  }

  /** Every cell holding a formula, in every sheet of every spreadsheet. */
  formulaCells(): { spreadsheetId: string; sheet: string; a1: string; formula: string }[] {
    const out: { spreadsheetId: string; sheet: string; a1: string; formula: string }[] = [];
    for (const ss of this.spreadsheets.values()) {
      for (const sh of ss._sheets) {
        sh._grid.forEach((row, r) =>
          row?.forEach((c, col) => {
            if (c?.formula !== undefined)
              out.push({ spreadsheetId: ss._id, sheet: sh._name, a1: a1Cell(r + 1, col + 1), formula: c.formula });
          }),
        );
      }
    }
    return out;
  }

  /** The validation rule of one cell, as plain data. */
  validation(
    sheetName: string,
    a1: string,
    ss: FakeSpreadsheet = this.spreadsheet,
  ): { criteria: string; values: unknown[]; allowInvalid: boolean; helpText: string } | null {
    const range = this.sheet(sheetName, ss).getRange(a1);
    const r = range.getDataValidation();
    if (!r) return null;
    return {
      criteria: String(r.getCriteriaType()),
      values: r.getCriteriaValues(),
      allowInvalid: r.getAllowInvalid(),
      helpText: r.getHelpText(),
    };
  }

  /** The charts of a sheet, as plain data. */
  charts(
    sheetName: string,
    ss: FakeSpreadsheet = this.spreadsheet,
  ): ReturnType<FakeSheet['_charts'][number]['_describe']>[] {
    return this.sheet(sheetName, ss)._charts.map((c) => c._describe());
  }

  /** Where the selection is: the active sheet and range of a spreadsheet. */
  selection(ss: FakeSpreadsheet = this.spreadsheet): { sheet: string; a1: string } {
    const sheet = ss._activeSheet();
    return { sheet: sheet._name, a1: sheet._selection().getA1Notation() };
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
    SERVICE_CLASSES[call.service].add(call.cls);
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
    const needed = this.oauthScopes ? requiredScopes(call) : null;
    if (needed && this.oauthScopes && !needed.some((s) => this.oauthScopes?.includes(s))) {
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
        (authMode === 'CUSTOM_FUNCTION' ? this.options.customFunctionLimitMs : this.options.executionLimitMs),
      killed: false,
      phase: 'load',
      topLevelCalls: [],
      calls: 0,
      triggerUid: opts.triggerUid ?? null,
      triggerEventType: opts.kind === 'trigger' ? (opts.triggerEventType ?? 'CLOCK') : null,
      error: undefined,
      releasedLocks: [],
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

  _newSpreadsheetId(): string {
    const n = ++this.seq.spreadsheet;
    return `1FakeSpreadsheet${String(n).padStart(4, '0')}xxxxxxxxxxxxxxxxxxxxxxxx`;
  }

  _newChartId(): number {
    return 1000 + ++this.seq.chart;
  }
}

function isAuthMode(v: unknown): v is AuthModeName {
  return v === 'NONE' || v === 'LIMITED' || v === 'FULL' || v === 'CUSTOM_FUNCTION';
}

export function createFakeGas(options: FakeGasOptions = {}): FakeGas {
  return new FakeGas(options);
}
