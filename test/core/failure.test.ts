// src/shared/failure.ts: a sidebar call's outcome as the data google.script.run hands the page's
// success handler (a ServerReply), and src/client/server.ts reading what Google's failure handler gets.
import fc from 'fast-check';
import { ServerFailure, isServerReply, unwrapReply, type ServerReply } from '../../src/shared/failure';
import { failureOf } from '../../src/client/server';

/** `reply` as google.script.run delivers it: a copy, as JSON makes one (undefined fields left out). */
const delivered = <T>(reply: ServerReply<T>): ServerReply<T> => JSON.parse(JSON.stringify(reply)) as ServerReply<T>;

/** What unwrapReply does with `reply`: the value it returns, or the error it throws. */
function outcome(reply: unknown): { value: unknown } | { thrown: unknown } {
  try {
    return { value: unwrapReply(reply as ServerReply<unknown>) };
  } catch (thrown) {
    return { thrown };
  }
}

describe('a sidebar call’s reply across google.script.run', () => {
  test('a failure keeps its words and its field as data, and is thrown as a ServerFailure carrying both', () => {
    const reply = delivered({
      ok: false,
      failure: { message: 'The window must be a whole number from 1 to 52.', field: 'weeks' },
    });
    expect(isServerReply(reply)).toBe(true);
    const { thrown } = outcome(reply) as { thrown: ServerFailure };
    expect(thrown).toBeInstanceOf(ServerFailure);
    expect(thrown).toBeInstanceOf(Error);
    expect([thrown.name, thrown.message, thrown.field]).toEqual([
      'ServerFailure',
      'The window must be a whole number from 1 to 52.',
      'weeks',
    ]);
    // The page reads the same two things back, without reading the words.
    expect(failureOf(thrown)).toEqual({ message: 'The window must be a whole number from 1 to 52.', field: 'weeks' });
  });

  test('a value comes back as it was returned, also when there is none (undefined is left out in the copy)', () => {
    expect(outcome(delivered({ ok: true, value: { weeks: 2, names: ['Ana', 'Ben'] } }))).toEqual({
      value: { weeks: 2, names: ['Ana', 'Ben'] },
    });
    expect(outcome(delivered({ ok: true, value: undefined }))).toEqual({ value: undefined });
    expect(outcome(delivered({ ok: true, value: null }))).toEqual({ value: null });
  });

  test('what is not a reply is refused in words, not read as a value', () => {
    for (const notAReply of [null, undefined, 'Saved.', [1], { value: 3 }, { ok: false, message: 'x' }]) {
      expect(isServerReply(notAReply)).toBe(false);
      const { thrown } = outcome(notAReply) as { thrown: ServerFailure };
      expect([thrown.name, thrown.field]).toEqual(['ServerFailure', null]);
      expect(thrown.message).toMatch(/^The server answered in a way this page cannot read/);
    }
  });

  test('any words and any field come back as they were sent, whatever the words look like', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string()), (message, field) => {
        const { thrown } = outcome(delivered({ ok: false, failure: { message, field } })) as { thrown: ServerFailure };
        expect([thrown.message, thrown.field]).toEqual([message, field]);
      }),
    );
  });
});

describe('what reaches the page’s failure handler instead (Google’s own failures)', () => {
  test('is shown in Google’s words without the class name in front, and names no field', () => {
    for (const received of [
      new Error('ScriptError: Authorization is required to perform that action.'),
      new Error('Exception: Authorization is required to perform that action.'),
      'Authorization is required to perform that action.',
    ])
      expect(failureOf(received)).toEqual({
        message: 'Authorization is required to perform that action.',
        field: null,
      });
  });

  test('words that look like a field mark are words: no field is read from text', () => {
    expect(failureOf(new Error('[field weeks] Bad.'))).toEqual({ message: '[field weeks] Bad.', field: null });
  });

  test('nothing in words is a plain sentence, never an empty alert', () => {
    expect(failureOf(new Error(''))).toEqual({
      message: 'Something went wrong on the server; please try again.',
      field: null,
    });
  });
});
