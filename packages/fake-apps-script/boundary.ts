// Every fake service object the bundle (or a test) reaches goes through one Proxy, so counting,
// realm conversion, permission checks, the execution deadline, simulated latency and the
// "not implemented" message are written once instead of in each method.
import { isDateLike, isPlainObject, type Realm } from './realm';

export type ServiceName =
  | 'spreadsheet'
  | 'ui'
  | 'html'
  | 'properties'
  | 'lock'
  | 'script'
  | 'mail'
  | 'session'
  | 'console'
  | 'charts'
  | 'forms'
  | 'utilities';

export const SERVICE_NAMES: readonly ServiceName[] = [
  'spreadsheet',
  'ui',
  'html',
  'properties',
  'lock',
  'script',
  'mail',
  'session',
  'console',
  'charts',
  'forms',
  'utilities',
];

/** Put on each fake class as `static readonly fakeInfo`. `cls` is the Apps Script class name. */
export interface FakeInfo {
  readonly service: ServiceName;
  readonly cls: string;
}

export interface CallInfo {
  readonly service: ServiceName;
  readonly cls: string;
  readonly method: string;
  /** `Range.getValues` */
  readonly key: string;
  /** Arguments as the fake receives them (outer realm, proxies unwrapped). */
  args: unknown[];
  readonly target: object;
}

export interface BoundaryHost {
  realm(): Realm;
  /** May throw to refuse the call (permissions, deadline, a test's hook). */
  beforeCall(call: CallInfo): void;
  afterCall(call: CallInfo): void;
}

/** The fake object handed out under a real interface type; the boundary keeps it a fake. */
export function api<T>(x: object): T {
  return x as unknown as T;
}

export function fakeInfoOf(v: unknown): FakeInfo | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const ctor = (v as { constructor?: { fakeInfo?: FakeInfo } }).constructor;
  return ctor?.fakeInfo;
}

// Names test tools and runtimes probe on any object; answering them with a throwing stub would
// break printing and promise detection.
const PROBED = new Set([
  'then',
  'toJSON',
  'asymmetricMatch',
  'nodeType',
  'tagName',
  '$$typeof',
  '_isMockFunction',
  'inspect',
  'constructor',
  'prototype',
  'length',
  'name',
]);

const MAX_DEPTH = 64;

export class Boundary {
  private readonly proxyOf = new WeakMap<object, object>();
  private readonly targetOf = new WeakMap<object, object>();

  constructor(private readonly host: BoundaryHost) {}

  isProxy(v: unknown): boolean {
    return typeof v === 'object' && v !== null && this.targetOf.has(v);
  }

  wrap<T extends object>(target: T): T {
    if (this.targetOf.has(target)) return target;
    const existing = this.proxyOf.get(target);
    if (existing) return existing as T;
    const info = fakeInfoOf(target);
    if (!info) throw new Error('gas-fake: wrap() needs an object of a fake class');
    const proxy = new Proxy(target, {
      get: (t, prop) => this.get(t, info, prop),
      set: (t, prop, value) => Reflect.set(t, prop, value),
    });
    this.proxyOf.set(target, proxy);
    this.targetOf.set(proxy, target);
    return proxy;
  }

  unwrap<T>(v: T): T {
    if (typeof v === 'object' && v !== null) {
      const t = this.targetOf.get(v);
      if (t) return t as T;
    }
    return v;
  }

  /** Copies a value the fake produced into the realm of the code that will receive it. */
  toBundle(v: unknown, realm: Realm, depth = 0): unknown {
    if (typeof v !== 'object' || v === null) return v;
    if (depth > MAX_DEPTH) throw new Error('gas-fake: value too deep (a cycle?)');
    if (this.targetOf.has(v)) return v;
    if (fakeInfoOf(v)) return this.wrap(v);
    if (isDateLike(v)) return realm.newDate(v.getTime());
    if (Array.isArray(v)) {
      const out = realm.newArray();
      for (const x of v) out.push(this.toBundle(x, realm, depth + 1));
      return out;
    }
    if (isPlainObject(v)) {
      const out = realm.newObject();
      for (const k of Object.keys(v)) out[k] = this.toBundle(v[k], realm, depth + 1);
      return out;
    }
    return v;
  }

  /** Copies a value the bundle passed in into plain outer-realm data, unwrapping fake objects. */
  fromBundle(v: unknown, depth = 0): unknown {
    if (typeof v !== 'object' || v === null) return v;
    if (depth > MAX_DEPTH) throw new Error('gas-fake: value too deep (a cycle?)');
    const target = this.targetOf.get(v);
    if (target) return target;
    if (isDateLike(v)) return new Date(v.getTime());
    if (Array.isArray(v)) return v.map((x) => this.fromBundle(x, depth + 1));
    if (isPlainObject(v)) {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v)) out[k] = this.fromBundle(v[k], depth + 1);
      return out;
    }
    return v;
  }

  private get(target: object, info: FakeInfo, prop: string | symbol): unknown {
    if (typeof prop === 'symbol' || prop === 'constructor') return Reflect.get(target, prop);
    // The fake's own members (`_x`) and its internal state are not part of the API: only
    // methods and enum properties (SpreadsheetApp.DeveloperMetadataVisibility) are.
    const isApi =
      !prop.startsWith('_') &&
      prop in target &&
      (typeof Reflect.get(target, prop, target) === 'function' || /^[A-Z]/.test(prop));
    if (!isApi) {
      if (PROBED.has(prop) || !/^[A-Za-z]/.test(prop)) return undefined;
      const what = `Fake${info.cls}.${prop}`;
      // An enum-like name (SpreadsheetApp.WrapStrategy) is read, not called: fail on the read.
      if (/^[A-Z]/.test(prop))
        throw this.host.realm().newError(`${what} is not implemented by the Apps Script fake`, 'Exception');
      return () => {
        throw this.host.realm().newError(`${what} is not implemented by the Apps Script fake`, 'Exception');
      };
    }
    const value: unknown = Reflect.get(target, prop, target);
    if (typeof value !== 'function') return this.toBundle(value, this.host.realm());
    if ((Object.prototype as unknown as Record<string, unknown>)[prop] === value) return value;
    const fn = value as (...a: unknown[]) => unknown;
    return (...args: unknown[]) => this.invoke(info, prop, target, args, fn);
  }

  private invoke(
    info: FakeInfo,
    method: string,
    target: object,
    args: unknown[],
    fn: (...a: unknown[]) => unknown,
  ): unknown {
    const realm = this.host.realm();
    const call: CallInfo = { service: info.service, cls: info.cls, method, key: `${info.cls}.${method}`, args, target };
    try {
      call.args = args.map((a) => this.fromBundle(a));
      this.host.beforeCall(call);
      return this.toBundle(fn.apply(target, call.args), realm);
    } catch (e) {
      throw toRealmError(e, realm);
    } finally {
      this.host.afterCall(call);
    }
  }
}

/** Service errors reach the bundle as its own realm's Error, named like Apps Script's. */
export function toRealmError(e: unknown, realm: Realm): unknown {
  if (typeof e !== 'object' || e === null || typeof (e as { message?: unknown }).message !== 'string') return e;
  if ((e as { gasFakeRealm?: Realm }).gasFakeRealm === realm) return e;
  const src = e as Error;
  const out = realm.newError(src.message, src.name === 'Error' || !src.name ? 'Exception' : src.name);
  try {
    Object.defineProperty(out, 'stack', { value: src.stack, configurable: true, writable: true });
    Object.defineProperty(out, 'gasFakeRealm', { value: realm, enumerable: false });
  } catch (_e) {
    // A frozen error from the bundle keeps its own stack.
  }
  return out;
}
