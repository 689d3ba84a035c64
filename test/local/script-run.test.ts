// The one google.script.run of the local preview and the browser tests (local/script-run.ts), held
// to what "Class google.script.run (Client-side API)" says
// (https://developers.google.com/apps-script/guides/html/reference/run). It runs here on a
// stand-in window whose server function answers from a table.
import { installScriptRun } from '../../local/script-run';

type Handler = (value: unknown, userObject: unknown) => void;
interface Runner {
  withSuccessHandler(handler: Handler | null): Runner;
  withFailureHandler(handler: Handler | null): Runner;
  withUserObject(object: unknown): Runner;
  [server: string]: unknown;
}

const SERVER = '__testServer';
const page = globalThis as unknown as Record<string, unknown> & { google?: { script: { run: Runner } } };
const sent: { fn: string; argsJson: string }[] = [];

beforeEach(() => {
  sent.length = 0;
  page[SERVER] = (fn: string, argsJson: string) => {
    sent.push({ fn, argsJson });
    const args = JSON.parse(argsJson) as unknown[];
    return Promise.resolve(JSON.stringify(fn === 'echo' ? { returned: args } : { threw: `${fn} failed` }));
  };
  page.window = page;
  installScriptRun(SERVER);
});

afterEach(() => {
  delete page.window;
  delete page.google;
  delete page[SERVER];
});

const run = () => (page.google as { script: { run: Runner } }).script.run;
const call = (runner: Runner, fn: string, ...args: unknown[]) => (runner[fn] as (...a: unknown[]) => void)(...args);
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

test('a call returns nothing, and the success handler gets a copy of the result and the user object', async () => {
  const context = { row: 3 };
  const success = jest.fn();
  const argument = { list: [1, undefined] };
  expect(call(run().withUserObject(context).withSuccessHandler(success), 'echo', argument)).toBeUndefined();
  expect(success).not.toHaveBeenCalled();
  await settled();
  // Undefined in an array arrives as null; the user object is not sent.
  expect(sent).toEqual([{ fn: 'echo', argsJson: '[{"list":[1,null]}]' }]);
  expect(success).toHaveBeenCalledWith([{ list: [1, null] }], context);
  expect((success.mock.calls[0] as unknown[][])[0][0]).not.toBe(argument);
});

test('the failure handler gets an Error with the message and the user object', async () => {
  const failure = jest.fn();
  call(run().withFailureHandler(failure).withUserObject('ctx'), 'broken');
  await settled();
  expect(failure).toHaveBeenCalledTimes(1);
  const [error, userObject] = failure.mock.calls[0] as [Error, unknown];
  expect(error).toBeInstanceOf(Error);
  expect(error.message).toBe('broken failed');
  expect(userObject).toBe('ctx');
});

test('with no failure handler the failure goes to the console; withFailureHandler(null) silences it', async () => {
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    call(run(), 'broken');
    await settled();
    expect(logged).toHaveBeenCalledTimes(1);
    expect((logged.mock.calls[0][0] as Error).message).toBe('broken failed');
    call(run().withFailureHandler(null), 'broken');
    await settled();
    expect(logged).toHaveBeenCalledTimes(1);
  } finally {
    logged.mockRestore();
  }
});

test('each with... gives a runner of its own: google.script.run keeps no handler', async () => {
  const success = jest.fn();
  const withHandler = run().withSuccessHandler(success);
  expect(withHandler).not.toBe(run());
  call(run(), 'echo', 1);
  await settled();
  expect(success).not.toHaveBeenCalled();
  call(withHandler, 'echo', 2);
  await settled();
  expect(success).toHaveBeenCalledWith([2], undefined);
});
