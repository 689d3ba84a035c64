/**
 * google.script.run as promises. Apps Script gives the page a `google.script.run` whose
 * functions return nothing and report through withSuccessHandler / withFailureHandler.
 */
import type { ServerApi } from '../shared/api';

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
}

declare global {
  interface Window {
    google?: { script?: { run?: ScriptRunner } };
  }
}

/** The message of a failure, for the user: the server's words, never a stack trace. */
export function messageForUser(error: unknown): string {
  const message =
    error && typeof error === 'object' && 'message' in error
      ? String((error as { message: unknown }).message)
      : String(error ?? '');
  // Apps Script prefixes thrown errors with their class name ("Exception: …", "Error: …").
  const plain = message.replace(/^(?:Uncaught\s+)?(?:[A-Z][A-Za-z]*(?:Error|Exception)):\s*/, '').trim();
  return plain || 'Something went wrong on the server; please try again.';
}

/**
 * Runs server function `name` with `args` and resolves with what it returns. Rejects with an
 * Error carrying only the server's message. Untyped: pages call it through `server` below.
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
      .withFailureHandler((error) => reject(new Error(messageForUser(error)))) as unknown as Record<
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
