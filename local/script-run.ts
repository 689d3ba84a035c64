/**
 * google.script.run as Apps Script gives it to an HtmlService page, for the pages `npm start`
 * writes and the pages the browser tests open ("Class google.script.run (Client-side API)",
 * https://developers.google.com/apps-script/guides/html/reference/run):
 *  - `run.fn(...args)` calls the server function `fn` and returns nothing: the call is asynchronous;
 *  - withSuccessHandler(f): f(result, userObject) when the server function returns;
 *  - withFailureHandler(f): f(error, userObject) when it throws; with no failure handler the
 *    failure is logged to the JavaScript console, and withFailureHandler(null) silences it;
 *  - withUserObject(o): `o` is the handlers' second argument; it is never sent to the server;
 *  - each with... returns a runner of its own, for chaining, and leaves the one it was called on
 *    as it was.
 * Arguments and results travel as JSON, so each side gets a copy (undefined in an array arrives
 * as null, as Google's page says).
 *
 * The server is the page's global function `window[serverName](fn, argsJson)`, which answers (or
 * resolves to) the JSON of `{ returned: value }` (what the server function returned: for Uptake's
 * calls, a ServerReply) or `{ threw: message }` (it threw): a Playwright binding in the tests, the
 * answers recorded by `npm start` in its preview. Runs in the page, passed as
 * text (Function.prototype.toString), so it uses nothing from outside its own body.
 */
export function installScriptRun(serverName: string): void {
  type Handler = ((value: unknown, userObject: unknown) => void) | null | undefined;
  type Answer = { returned?: unknown; threw?: undefined } | { threw: string };
  const page = window as unknown as Record<string, unknown> & { google?: { script?: object } };
  const server = page[serverName] as (fn: string, argsJson: string) => Promise<string> | string;
  function runner(success: Handler, failure: Handler, userObject: unknown): object {
    const chain = {
      withSuccessHandler: (handler: Handler) => runner(handler, failure, userObject),
      withFailureHandler: (handler: Handler) => runner(success, handler, userObject),
      withUserObject: (object: unknown) => runner(success, failure, object),
    };
    return new Proxy(chain, {
      get(target, name) {
        if (typeof name !== 'string' || name === 'then') return undefined;
        if (name in target) return target[name as keyof typeof chain];
        return (...args: unknown[]): void => {
          void Promise.resolve(server(name, JSON.stringify(args))).then((answer) => {
            const answered = JSON.parse(answer) as Answer;
            if (answered.threw === undefined) success?.(answered.returned ?? null, userObject);
            else if (failure) failure(new Error(answered.threw), userObject);
            else if (failure === undefined) console.error(new Error(answered.threw));
          });
        };
      },
    });
  }
  page.google = { ...page.google, script: { ...page.google?.script, run: runner(undefined, undefined, undefined) } };
}

/** A script element's text that installs google.script.run answered by `window[serverName]`. */
export function scriptRunSource(serverName: string): string {
  return `(${installScriptRun.toString()})(${JSON.stringify(serverName)});`;
}
