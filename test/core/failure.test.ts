// src/shared/failure.ts: a sidebar call's failure, with the form field it names, through the one
// message google.script.run hands the page.
import fc from 'fast-check';
import { decodeFailure, encodeFailure } from '../../src/shared/failure';

describe('a failure across google.script.run', () => {
  test('keeps its words and its field, whatever class name Apps Script puts in front', () => {
    const sent = encodeFailure({ message: 'The window must be a whole number from 1 to 52.', field: 'weeks' });
    expect(sent).toBe('[field weeks] The window must be a whole number from 1 to 52.');
    for (const received of [sent, `Error: ${sent}`, `Exception: ${sent}`, `Uncaught Error: ${sent}`])
      expect(decodeFailure(received)).toEqual({
        message: 'The window must be a whole number from 1 to 52.',
        field: 'weeks',
      });
  });

  test('without a field is the words alone', () => {
    expect(encodeFailure({ message: 'Only the owner can save the settings.', field: null })).toBe(
      'Only the owner can save the settings.',
    );
    expect(decodeFailure('Error: Only the owner can save the settings.')).toEqual({
      message: 'Only the owner can save the settings.',
      field: null,
    });
  });

  test('a field that is not a plain name is not sent: the words still are', () => {
    expect(encodeFailure({ message: 'Bad.', field: 'a] [field b' })).toBe('Bad.');
  });

  test('any words and any field name come back as they were sent', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,20}$/)), (words, field) => {
        const message = words.trim();
        // A message that itself starts like a mark or a class name is not one the server writes.
        fc.pre(!/^\[field /.test(message) && !/^(?:Uncaught\s+)?(?:[A-Z][A-Za-z]*)?(?:Error|Exception):/.test(message));
        expect(decodeFailure(encodeFailure({ message, field }))).toEqual({ message, field });
      }),
    );
  });
});
