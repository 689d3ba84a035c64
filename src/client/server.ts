/**
 * google.script.run as promises. Apps Script gives the page a `google.script.run` whose
 * functions return nothing and report through withSuccessHandler / withFailureHandler.
 */
import type { ServerApi } from '../shared/api';
import { ServerFailure, unwrapReply, type ServerReply, type SidebarFailure } from '../shared/failure';

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

/**
 * Google's class name in front of its own failures' text ("ScriptError: Authorization is
 * required…", "Exception: …"): the one cleanup of text made here, for display. Uptake's own
 * failures arrive as data (ServerReply), so nothing else is read from the words.
 */
const CLASS_NAME = /^(?:Uncaught\s+)?(?:[A-Z][A-Za-z]*)?(?:Error|Exception):\s*/;

/** The words of what the failure handler received (an Error, says Google's page), without a class name. */
function platformMessage(error: unknown): string {
  const text =
    error && typeof error === 'object' && 'message' in error
      ? String((error as { message: unknown }).message)
      : String(error ?? '');
  return text.trim().replace(CLASS_NAME, '').trim();
}

/** What to tell the user of a failure, in the server's words (never a stack trace), and the form field it names. */
export function failureOf(error: unknown): SidebarFailure {
  if (error instanceof ServerFailure) return { message: error.message || SOMETHING_WENT_WRONG, field: error.field };
  return { message: platformMessage(error) || SOMETHING_WENT_WRONG, field: null };
}

/**
 * Runs server function `name` with `args`. Resolves with the value of the ServerReply it returns;
 * rejects with a ServerFailure: the reply's failure (its words and field), or what Google passed
 * the failure handler (a timeout, authorization), with no field. Untyped: pages call it through
 * `server` below.
 */
function runOnServer(name: string, args: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const run = window.google?.script?.run;
    if (!run) {
      reject(new Error('This page must be opened from the Uptake menu in Google Sheets.'));
      return;
    }
    const runner = run
      .withSuccessHandler((reply) => {
        try {
          resolve(unwrapReply(reply as ServerReply<unknown>));
        } catch (failure) {
          reject(failure as ServerFailure);
        }
      })
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
