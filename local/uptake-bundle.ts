/**
 * Uptake's built bundle as the in-memory Apps Script loads it, typed by src/index.ts: each entry
 * point takes and returns what its TypeScript declaration says, so a test or the local run that
 * calls one with the wrong arguments fails `npm run typecheck` instead of the bundle at run time.
 */
import path from 'node:path';
import {
  loadBundle,
  type BundleContext,
  type EntryPointName,
  type FakeGas,
  type LoadBundleOptions,
} from '../packages/fake-apps-script';
import type * as EntryPoints from '../src/index';

export type UptakeEntryPoints = typeof EntryPoints;

/** The loaded build of Uptake: its entry points, and the fake's $run, $custom, $fireTrigger... */
export type UptakeBundle = BundleContext<UptakeEntryPoints>;

/** The name of one of Uptake's entry points. */
export type UptakeEntryPointName = EntryPointName<UptakeEntryPoints>;

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
  return loadBundle<UptakeEntryPoints>(gas, buildDir, { sourceMapDir: sourceMapDirOf(buildDir), ...options });
}
