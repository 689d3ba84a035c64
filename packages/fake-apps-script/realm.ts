// The bundle runs in its own vm context, which has its own Array, Object, Date and Error.
// `x instanceof Date` inside the bundle is false for a Date made out here, so every value
// crossing the boundary is copied into the realm that will look at it.
import * as vm from 'node:vm';

export interface Realm {
  readonly name: 'outer' | 'vm';
  newArray(): unknown[];
  newObject(): Record<string, unknown>;
  newDate(ms: number): Date;
  newError(message: string, name?: string): Error;
}

export const outerRealm: Realm = {
  name: 'outer',
  newArray: () => [],
  newObject: () => ({}),
  newDate: (ms) => new Date(ms),
  newError: (message, name) => {
    const e = new Error(message);
    if (name) e.name = name;
    return e;
  },
};

// Runs inside the context, so its literals and `new Date` belong to that realm. `Date` here is
// whatever the context calls Date at the time (the fake clock's Date once installed).
const REALM_FACTORY_SOURCE = `({
  newArray: function () { return []; },
  newObject: function () { return {}; },
  newDate: function (ms) { return new Date(ms); },
  newError: function (message, name) { var e = new Error(message); if (name) e.name = name; return e; }
})`;

export function vmRealm(ctx: vm.Context): Realm {
  const f = vm.runInContext(REALM_FACTORY_SOURCE, ctx) as Omit<Realm, 'name'>;
  return { name: 'vm', ...f };
}

// The replacement Date shares the context's own Date.prototype, so every date in the realm
// (including ones made with the native constructor) passes `instanceof Date`, and subclasses
// still get their own prototype through Reflect.construct.
const DATE_INSTALLER_SOURCE = `(function (now) {
  'use strict';
  var RealDate = Date;
  function Date_(a, b, c, d, e, f, g) {
    if (!new.target) return RealDate.prototype.toString.call(new RealDate(now()));
    var args = arguments.length === 0 ? [now()] : Array.prototype.slice.call(arguments);
    return Reflect.construct(RealDate, args, new.target);
  }
  Date_.prototype = RealDate.prototype;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: Date_, writable: true, configurable: true });
  Object.defineProperty(Date_, 'name', { value: 'Date' });
  Date_.now = function now_() { return now(); };
  Date_.parse = RealDate.parse;
  Date_.UTC = RealDate.UTC;
  globalThis.Date = Date_;
  return Date_;
})`;

/** Makes `new Date()` and `Date.now()` inside the context read `now()`. */
export function installClockDate(ctx: vm.Context, now: () => number): void {
  const install = vm.runInContext(DATE_INSTALLER_SOURCE, ctx) as (now: () => number) => unknown;
  install(now);
}

export function isDateLike(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

export function isErrorLike(v: unknown): boolean {
  return (
    Object.prototype.toString.call(v) === '[object Error]' ||
    (typeof v === 'object' &&
      v !== null &&
      typeof (v as { message?: unknown }).message === 'string' &&
      typeof (v as { name?: unknown }).name === 'string')
  );
}

/** True for `{}`-style objects of any realm (not arrays, dates, class instances, proxies of them). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as object | null;
  if (proto === null) return true;
  if (Object.getPrototypeOf(proto) !== null) return false;
  const ctor = (proto as { constructor?: unknown }).constructor;
  return typeof ctor === 'function' && ctor.name === 'Object';
}
