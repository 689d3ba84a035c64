/**
 * google.script.run as promises. Apps Script gives the page a `google.script.run` whose
 * functions return nothing and report through withSuccessHandler / withFailureHandler.
 */
import type { ServerApi } from '../shared/api';
import { decodeFailure, type SidebarFailure } from '../shared/failure';

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
}

declare global {
  interface Window {
    google?: { script?: { run?: ScriptRunner } };
  }
}

const SOMETHING_WENT_WRONG = 'Something went wrong on the server; please try again.';

/** The text of what was thrown: an Error's message, or the value itself. */
function thrownText(error: unknown): string {
  return error && typeof error === 'object' && 'message' in error
    ? String((error as { message: unknown }).message)
    : String(error ?? '');
}

/** A failed server call as the page holds it: the server's words and the form field they are about. */
export class ServerFailure extends Error implements SidebarFailure {
  override name = 'ServerFailure';
  readonly field: string | null;

  constructor(failure: SidebarFailure) {
    super(failure.message);
    this.field = failure.field;
  }
}

/**
 * What to tell the user of a failure, in the server's words (never a stack trace), and the form
 * field it is about when the server named one (src/shared/failure.ts).
 */
export function failureOf(error: unknown): SidebarFailure {
  if (error instanceof ServerFailure) return { message: error.message, field: error.field };
  const { message, field } = decodeFailure(thrownText(error));
  return { message: message || SOMETHING_WENT_WRONG, field };
}

/**
 * Runs server function `name` with `args` and resolves with what it returns. Rejects with a
 * ServerFailure: the server's words and the field they name. Untyped: pages call it through `server` below.
 */
function runOnServer(name: string, args: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const run = window.google?.script?.run;
    if (!run) {
      reject(new Error('This page must be opened from the Uptake menu in Google Sheets.'));
      return;
    }
    const runner = run
      .withSuccessHandler(resolve)
      .withFailureHandler((error) => reject(new ServerFailure(failureOf(error)))) as unknown as Record<
      string,
      ((...a: unknown[]) => void) | undefined
    >;
    const target = runner[name];
    if (typeof target !== 'function') {
      reject(new Error(`The server has no function ${name}: reload the sidebar after updating the add-on.`));
      return;
    }
    target(...args);
  });
}

/** ServerApi as the page sees it: the same functions, each answering with a promise. */
export type ServerClient = {
  [K in keyof ServerApi]: (...args: Parameters<ServerApi[K]>) => Promise<ReturnType<ServerApi[K]>>;
};

/**
 * The server functions the pages call: `server.getDashboard(request)` runs google.script.run's
 * getDashboard. Typed by ServerApi, so a name it does not list, or an argument of the wrong
 * type, fails typecheck; no function name is written as a string.
 */
export const server: ServerClient = new Proxy({} as ServerClient, {
  // Not "then": a promise-like `server` would be awaited by mistake.
  get: (_target, name) =>
    typeof name === 'string' && name !== 'then' ? (...args: unknown[]) => runOnServer(name, args) : undefined,
});
