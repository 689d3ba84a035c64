/**
 * Uptake's built bundle as the in-memory Apps Script loads it, typed by src/index.ts: each entry
 * point takes and returns what its TypeScript declaration says, so a test or the local run that
 * calls one with the wrong arguments fails `npm run typecheck` instead of the bundle at run time.
 * A sidebar call's ServerReply is unwrapped here, once, as the page's server.ts unwraps it
 * (unwrapReply): the call returns the reply's value, or throws its failure as a ServerFailure
 * whose `field` names the settings field. A fault in Uptake itself is not a reply: the bundle
 * throws it (in plain words, the execution recorded as failed), and it propagates as it is, as
 * it reaches the page's failure handler.
 */
import path from 'node:path';
import {
  loadBundle,
  type BundleContext,
  type EntryPointName,
  type FakeGas,
  type LoadBundleOptions,
} from '../packages/fake-apps-script';
import { isServerReply, unwrapReply, type ServerReply } from '../src/shared/failure';
import type * as EntryPoints from '../src/index';

/** src/index.ts's entry points as the bundle declares them: each sidebar call returns a ServerReply. */
export type UptakeReplies = typeof EntryPoints;

/** A function returning a ServerReply, as unwrapReply leaves it: returning the reply's value. */
type Unwrapped<F> = F extends (...args: infer A) => ServerReply<infer T> ? (...args: A) => T : F;

/** src/index.ts's entry points as tests and the local run call them: sidebar calls unwrapped. */
export type UptakeEntryPoints = { [K in keyof UptakeReplies]: Unwrapped<UptakeReplies[K]> };

/**
 * The loaded build of Uptake: its entry points, the fake's $run, $custom, $fireTrigger..., and
 * `$replies`, the same bundle with each sidebar call's ServerReply as google.script.run hands it
 * to the page.
 */
export type UptakeBundle = BundleContext<UptakeEntryPoints> & { readonly $replies: BundleContext<UptakeReplies> };

/** The name of one of Uptake's entry points. */
export type UptakeEntryPointName = EntryPointName<UptakeEntryPoints>;

/** The members of the fake's bundle that run an entry point and return what it returned. */
const RUNNERS = new Set(['$run', '$runFromClient', '$custom']);

/** `replies` with every ServerReply an entry point returns unwrapped (unwrapReply). */
function unwrapping(replies: BundleContext<UptakeReplies>): UptakeBundle {
  return new Proxy(replies, {
    get(target, name) {
      if (name === '$replies') return replies;
      const member: unknown = Reflect.get(target, name);
      if (typeof name !== 'string' || typeof member !== 'function') return member;
      if (name.startsWith('$') && !RUNNERS.has(name)) return member;
      return (...args: unknown[]) => {
        const result: unknown = (member as (...a: unknown[]) => unknown)(...args);
        return isServerReply(result) ? unwrapReply(result) : result;
      };
    },
  }) as unknown as UptakeBundle;
}

/**
 * Where `npm run build` writes the bundle's source map: next to build/, not in it, since clasp
 * pushes every file of build/ and Apps Script needs none.
 */
export function sourceMapDirOf(buildDir: string): string {
  return path.join(path.dirname(path.resolve(buildDir)), 'build-maps');
}

/**
 * Loads build/Code.js (or the build in `buildDir`) into `gas`; an error from the bundle names the
 * src/ file and line it was thrown from, by the build's source map.
 */
export function loadUptake(gas: FakeGas, buildDir: string, options?: LoadBundleOptions): UptakeBundle {
  return unwrapping(loadBundle<UptakeReplies>(gas, buildDir, { sourceMapDir: sourceMapDirOf(buildDir), ...options }));
}
