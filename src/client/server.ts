/**
 * google.script.run as promises. Apps Script gives the page a `google.script.run` whose
 * functions return nothing and report through withSuccessHandler / withFailureHandler.
 */
import type { Settings } from '../core/base/settings';
import type {
  AutomationStatus,
  DashboardData,
  DashboardRequest,
  DigestPreview,
  LogFormData,
  LogRunRequest,
  LogRunResult,
} from '../shared/api';

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
export function errorMessage(error: unknown): string {
  const message =
    error && typeof error === 'object' && 'message' in error
      ? String((error as { message: unknown }).message)
      : String(error ?? '');
  // Apps Script prefixes thrown errors with their class name ("Exception: …", "Error: …").
  const plain = message.replace(/^(?:Uncaught\s+)?(?:[A-Z][A-Za-z]*(?:Error|Exception)):\s*/, '').trim();
  return plain || 'Something went wrong on the server; please try again.';
}

/**
 * Calls the server function `fn` with `args` and resolves with what it returns. Rejects with
 * an Error carrying only the server's message.
 */
export function call<T>(fn: string, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const run = window.google?.script?.run;
    if (!run) {
      reject(new Error('This page must be opened from the Uptake menu in Google Sheets.'));
      return;
    }
    const runner = run
      .withSuccessHandler((value) => resolve(value as T))
      .withFailureHandler((error) => reject(new Error(errorMessage(error)))) as unknown as Record<
      string,
      ((...a: unknown[]) => void) | undefined
    >;
    const target = runner[fn];
    if (typeof target !== 'function') {
      reject(new Error(`The server has no function ${fn}: reload the sidebar after updating the add-on.`));
      return;
    }
    target(...args);
  });
}

/**
 * The server functions the pages call, with the types of src/shared/api.ts. The names are the
 * entry points of src/index.ts.
 */
export const server = {
  getDashboard: (request: DashboardRequest) => call<DashboardData>('getDashboard', request),
  selectLogRow: (row: number) => call<void>('selectLogRow', row),
  saveSettings: (changes: Partial<Record<keyof Settings, unknown>>) => call<Settings>('saveSettings', changes),
  setAutomation: (on: boolean) => call<AutomationStatus>('setAutomation', on),
  getAutomationStatus: () => call<AutomationStatus>('getAutomationStatus'),
  // quiet: the sidebar shows the summary itself, so no toast.
  sendDigestNow: () => call<string>('sendDigestNow', true),
  previewDigest: () => call<DigestPreview>('previewDigest'),
  getLogForm: () => call<LogFormData>('getLogForm'),
  logRun: (request: LogRunRequest) => call<LogRunResult>('logRun', request),
};
