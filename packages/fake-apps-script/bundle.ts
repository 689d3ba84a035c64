// Loads the built Apps Script project (every .js file of a folder, in name order, into one vm
// context, as Apps Script and gas-local do) and runs its top-level functions as executions.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { toMs, type TimeInput } from './clock';
import { AuthMode } from './enums';
import { EXECUTION_TIMEOUT_MESSAGE, type RunOptions } from './execution';
import type { FakeGas } from './harness';
import { StackMapper } from './source-maps';
import { installClockDate, isDateLike, isErrorLike, isPlainObject, vmRealm, type Realm } from './realm';
import type { TriggerRecord } from './triggers';
import { zonedParts, zonedToUtc } from './time';

export interface LoadBundleOptions {
  /**
   * true (default): every execution gets a new context and re-runs the bundle's top-level code,
   * as Apps Script does, so state kept in module variables does not survive between calls.
   * false: one context for the fake's lifetime (faster; hides that class of bug).
   */
  freshContextPerExecution?: boolean;
  /**
   * A folder holding `<script>.map` source maps (Code.js.map): an error from the bundle then has a
   * stack that names the original sources.
   */
  sourceMapDir?: string;
}

export interface TriggerRun {
  uid: string;
  handler: string;
  at: Date;
  ok: boolean;
  error?: Error;
  result?: unknown;
}

/** A function the bundle declares at top level, as the caller sees it (values cross the realm). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFunction = (...args: any[]) => unknown;

/** The bundle's top-level functions of `Api`, each run as one execution when called. */
export type BundleEntryPoints<Api> = {
  readonly [K in keyof Api as Api[K] extends AnyFunction ? K : never]: Api[K] extends AnyFunction
    ? (...args: Parameters<Api[K]>) => ReturnType<Api[K]>
    : never;
};

/** The names of `Api`'s functions. */
export type EntryPointName<Api> = keyof BundleEntryPoints<Api> & string;

/** What `Api`'s function `K` returns. */
type ResultOf<Api, K extends keyof Api> = Api[K] extends AnyFunction ? ReturnType<Api[K]> : never;

/** What loadBundle adds to the bundle's own functions: runs with options, triggers, the vm context. */
export interface BundleControl<Api> {
  /**
   * Runs `name(...args)` as one execution with options (auth mode, user, trigger kind...). The
   * arguments are not checked against `Api`: a test may send what a caller should not.
   */
  $run<K extends EntryPointName<Api>>(name: K, args?: unknown[], options?: RunOptions): ResultOf<Api, K>;
  /** Runs a custom function as a sheet cell would: AuthMode.CUSTOM_FUNCTION, 30 s limit. */
  $custom<K extends EntryPointName<Api>>(name: K, ...args: unknown[]): ResultOf<Api, K>;
  /**
   * Runs `name` as google.script.run from the sidebar would: arguments and the result must be
   * primitives, arrays and plain objects (no Date, no function, no class instance); anything
   * else throws here, where the real client would fail or receive null. The name is any text, as
   * a page sends it: one the bundle does not declare fails as it would on Apps Script.
   */
  $runFromClient<K extends string>(
    name: K,
    ...args: unknown[]
  ): K extends EntryPointName<Api> ? ResultOf<Api, K> : unknown;
  /** Names of the bundle's top-level functions. */
  $functions(): string[];
  /** The vm context of the latest execution (the bundle's global object). */
  $context(): vm.Context;
  /** Fires one trigger now, as Apps Script would (a trigger execution with its event object). */
  $fireTrigger(trigger: TriggerRecord | string, event?: Record<string, unknown>): TriggerRun;
  /** Moves the clock to `until`, firing every time-driven trigger that falls due on the way. */
  $runDueTriggers(until: TimeInput): TriggerRun[];
  /** $runDueTriggers for the next `days` days. */
  $runDays(days: number): TriggerRun[];
}

/**
 * The loaded bundle, typed by `Api`, the module its entry points come from (for a project built
 * from src/index.ts: `typeof import('./src/index')`): each function of `Api` is the bundle's
 * top-level function of that name, run as one execution (`ctx.onOpen(e)`), with the same
 * parameters and result. The package cannot know a project's entry points, so without `Api`
 * any name is a function of any arguments.
 */
export type BundleContext<Api = Record<string, AnyFunction>> = BundleEntryPoints<Api> & BundleControl<Api>;

interface Loaded {
  ctx: vm.Context;
  realm: Realm;
}

const RESERVED = new Set(['then', 'toJSON', 'asymmetricMatch', 'nodeType', '$$typeof', '_isMockFunction', 'inspect']);

class LoadedBundle {
  private readonly scripts: vm.Script[];
  private latest: Loaded | null = null;
  private persistent: Loaded | null = null;
  private readonly fresh: boolean;
  private readonly stackMapper: StackMapper | null;

  constructor(
    private readonly gas: FakeGas,
    readonly dir: string,
    options: LoadBundleOptions,
  ) {
    this.fresh = options.freshContextPerExecution ?? true;
    const files = walk(dir)
      .filter((f) => f.endsWith('.js'))
      .sort();
    if (files.length === 0) throw new Error(`gas-fake: no .js files in ${dir} (build first)`);
    this.scripts = files.map((f) => new vm.Script(fs.readFileSync(f, 'utf8'), { filename: f }));
    this.stackMapper = StackMapper.forScripts(files, options.sourceMapDir);
  }

  private load(): Loaded {
    const sandbox: Record<string, unknown> = { ...this.gas.globals };
    const ctx = vm.createContext(sandbox, { name: 'apps-script-bundle' });
    installClockDate(ctx, () => this.gas.clock.now());
    const realm = vmRealm(ctx);
    this.gas._setRealm(realm);
    for (const s of this.scripts) s.runInContext(ctx);
    this.latest = { ctx, realm };
    return this.latest;
  }

  private contextForExecution(): Loaded {
    if (!this.fresh) {
      this.persistent ??= this.load();
      this.gas._setRealm(this.persistent.realm);
      return this.persistent;
    }
    return this.load();
  }

  /** The latest context, loading one (as an execution of its own) if none exists yet. */
  current(): vm.Context {
    if (!this.latest) {
      const ex = this.gas._beginExecution('(load)', {});
      try {
        this.contextForExecution();
      } finally {
        this.gas._endExecution(ex);
      }
    }
    return (this.latest as Loaded).ctx;
  }

  functionNames(): string[] {
    const ctx = this.current();
    const injected = new Set([...Object.keys(this.gas.globals), 'Date']);
    return Object.keys(ctx).filter((k) => !injected.has(k) && typeof ctx[k] === 'function');
  }

  run(name: string, args: unknown[] = [], opts: RunOptions = {}): unknown {
    const gas = this.gas;
    const ex = gas._beginExecution(name, opts, args[0]);
    try {
      const { ctx, realm } = this.contextForExecution();
      ex.phase = 'run';
      const fn: unknown = ctx[name];
      if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
      const inArgs = args.map((a) => gas.boundary.toBundle(a, realm));
      let result: unknown;
      let thrown: unknown;
      let threw = false;
      try {
        result = (fn as (...a: unknown[]) => unknown)(...inArgs);
      } catch (e) {
        threw = true;
        thrown = e;
      }
      // Apps Script stops a run at its limit whatever the code does, so overtime wins over a
      // result or an error the code produced afterwards.
      if (ex.killed || gas.clock.now() - ex.startedAt > ex.limitMs) {
        ex.killed = true;
        throw new Error(EXECUTION_TIMEOUT_MESSAGE);
      }
      if (threw) throw toOuterError(thrown);
      return gas.boundary.fromBundle(result);
    } catch (e) {
      if (this.stackMapper && e instanceof Error && e.stack) e.stack = this.stackMapper.rewrite(e.stack);
      ex.error = e;
      throw e;
    } finally {
      gas._endExecution(ex);
    }
  }

  fireTrigger(trigger: TriggerRecord | string, event?: Record<string, unknown>): TriggerRun {
    const gas = this.gas;
    const rec = typeof trigger === 'string' ? gas.triggers.records.find((r) => r.uid === trigger) : trigger;
    if (!rec) throw new Error(`gas-fake: no trigger ${String(trigger)}`);
    const at = gas.clock.now();
    rec.lastFiredAt = at;
    const document = rec.documentId ? (gas.spreadsheets.get(rec.documentId) ?? null) : null;
    const clock = rec.eventType === 'CLOCK';
    const ev =
      event ?? (clock ? timeDrivenEvent(rec, at) : { authMode: 'FULL', triggerUid: rec.uid, source: document });
    const run: TriggerRun = { uid: rec.uid, handler: rec.handler, at: new Date(at), ok: true };
    try {
      run.result = this.run(rec.handler, [ev], {
        kind: 'trigger',
        authMode: 'FULL',
        user: rec.owner,
        document,
        activeSpreadsheet: clock && !gas.options.activeSpreadsheetInTimeTriggers ? null : document,
        triggerUid: rec.uid,
        triggerEventType: rec.eventType,
      });
    } catch (e) {
      run.ok = false;
      run.error = e instanceof Error ? e : new Error(String(e));
    }
    return run;
  }

  runDueTriggers(until: TimeInput): TriggerRun[] {
    const end = toMs(until);
    const gas = this.gas;
    if (end < gas.clock.now()) throw new Error('gas-fake: runDueTriggers cannot go back in time');
    const runs: TriggerRun[] = [];
    for (let guard = 0; guard < 100000; guard++) {
      const due = gas.triggers._nextDue(end);
      if (!due) break;
      if (due.at > gas.clock.now()) gas.clock.set(due.at);
      runs.push(this.fireTrigger(due.rec));
    }
    if (gas.clock.now() < end) gas.clock.set(end);
    return runs;
  }
}

/**
 * A value as it arrives across google.script.run: a copy, in which "undefined fields within
 * arrays become null" ("Class google.script.run (Client-side API)",
 * https://developers.google.com/apps-script/guides/html/reference/run); an object's undefined
 * fields are left out, as in JSON.
 */
function asDelivered(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : asDelivered(x)));
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = asDelivered(x);
    return out;
  }
  return v;
}

/** Only primitives, arrays and plain objects cross google.script.run. */
function checkClientValue(v: unknown, where: string, what: string, depth = 0): void {
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return;
  if (depth > 64) throw new Error(`${what}: ${where} is too deep`);
  if (Array.isArray(v)) {
    v.forEach((x, i) => checkClientValue(x, `${where}[${i}]`, what, depth + 1));
    return;
  }
  if (isPlainObject(v)) {
    for (const [k, x] of Object.entries(v)) checkClientValue(x, `${where}.${k}`, what, depth + 1);
    return;
  }
  const kind = isDateLike(v)
    ? 'a Date (send an ISO string)'
    : typeof v === 'function'
      ? 'a function'
      : 'an object that is not plain';
  throw new Error(`${what}: ${where} is ${kind}`);
}

/**
 * The event object of a time-driven trigger `rec` firing at `at` ("Event objects", time-driven
 * events: https://developers.google.com/apps-script/guides/triggers/events#time-driven-events).
 */
export function timeDrivenEvent(rec: TriggerRecord, at: number): GoogleAppsScript.Events.TimeDriven {
  const p = zonedParts(at, 'UTC');
  const jan1 = Date.UTC(p.year, 0, 1);
  return {
    authMode: AuthMode.FULL,
    triggerUid: rec.uid,
    year: p.year,
    month: p.month,
    'day-of-month': p.day,
    'day-of-week': p.weekday === 0 ? 7 : p.weekday,
    hour: p.hour,
    minute: p.minute,
    second: p.second,
    timezone: 'UTC',
    'week-of-year': Math.floor((at - jan1) / (7 * 86400000)) + 1,
  };
}

/** An error from the bundle's realm, re-made as an outer Error (message, name, stack kept). */
function toOuterError(e: unknown): unknown {
  if (e instanceof Error || !isErrorLike(e)) return e;
  const src = e as { message: string; name: string; stack?: string };
  const out = new Error(src.message);
  out.name = src.name;
  if (src.stack) out.stack = src.stack;
  Object.defineProperty(out, 'cause', { value: e, enumerable: false, configurable: true, writable: true });
  return out;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

function readManifest(dir: string): { timeZone?: string; oauthScopes?: string[] } | null {
  const file = path.join(dir, 'appsscript.json');
  if (!fs.existsSync(file)) return null;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as { timeZone?: string; oauthScopes?: string[] };
}

/**
 * Date cells as a custom function receives them. Tests pass the dates a cell holds (instants in the
 * spreadsheet's zone); under the 'script-zone' answer each becomes the same wall-clock time read in
 * the script's zone, the other reading of an undocumented conversion (answers.ts).
 */
function customFunctionArguments(fake: FakeGas, args: unknown[]): unknown[] {
  if (fake.options.customFunctionDates === 'sheet-zone') return args;
  const sheetZone = (fake.activeSpreadsheet() ?? fake.spreadsheet)._timeZone;
  const scriptZone = fake.session.scriptTimeZone;
  const convert = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(convert);
    if (!isDateLike(v)) return v;
    const p = zonedParts(v.getTime(), sheetZone);
    return new Date(zonedToUtc(scriptZone, p.year, p.month, p.day, p.hour, p.minute, p.second, p.ms));
  };
  return args.map(convert);
}

/**
 * Loads every .js file of `buildDir` against the fake's globals and returns the bundle's
 * entry points. The manifest (appsscript.json) there, if any, sets the script time zone (unless
 * the fake was given one) and the granted OAuth scopes (unless the fake was given them);
 * HtmlService reads <name>.html from the same folder unless the fake has an htmlDir.
 */
export function loadBundle<Api = Record<string, AnyFunction>>(
  fake: FakeGas,
  buildDir = 'build',
  options: LoadBundleOptions = {},
): BundleContext<Api> {
  const dir = path.resolve(buildDir);
  const bundle = new LoadedBundle(fake, dir, options);
  fake.html.dir ??= dir;
  const manifest = readManifest(dir);
  if (manifest?.timeZone && !fake.session.timeZoneExplicit) fake.session.scriptTimeZone = manifest.timeZone;
  if (manifest?.oauthScopes && fake.oauthScopes === null) fake.oauthScopes = manifest.oauthScopes.slice();
  const control = {
    $run: (name: string, args?: unknown[], opts?: RunOptions) => bundle.run(name, args, opts),
    $custom: (name: string, ...args: unknown[]) =>
      bundle.run(name, customFunctionArguments(fake, args), { authMode: 'CUSTOM_FUNCTION' }),
    $runFromClient: (name: string, ...args: unknown[]) => {
      args.forEach((a, i) => checkClientValue(a, `argument ${i}`, 'google.script.run cannot send'));
      const result = bundle.run(name, args.map(asDelivered));
      checkClientValue(
        result,
        'result',
        `${name} returned a value google.script.run cannot deliver (the client would get null)`,
      );
      return asDelivered(result);
    },
    $functions: () => bundle.functionNames(),
    $context: () => bundle.current(),
    $fireTrigger: (t: TriggerRecord | string, ev?: Record<string, unknown>) => bundle.fireTrigger(t, ev),
    $runDueTriggers: (until: TimeInput) => bundle.runDueTriggers(until),
    $runDays: (days: number) => bundle.runDueTriggers(fake.clock.now() + days * 86400000),
  };
  return new Proxy(control as unknown as BundleContext<Api>, {
    get(target, prop) {
      if (typeof prop === 'symbol' || RESERVED.has(prop)) return undefined;
      if (prop in control) return (target as Record<string, unknown>)[prop];
      const ctx = bundle.current();
      const v: unknown = ctx[prop];
      if (typeof v === 'function') return (...args: unknown[]) => bundle.run(prop, args);
      return v;
    },
    has(_target, prop) {
      return typeof prop === 'string' && (prop in control || prop in bundle.current());
    },
  });
}
