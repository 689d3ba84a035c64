// Spreadsheet developer metadata in the fake: kept in the spreadsheet (the same for every user),
// updated in place, and refused past the documented size before any change is made.
import {
  DEVELOPER_METADATA_LIMIT,
  DEVELOPER_METADATA_TOO_LARGE_MESSAGE,
  createFakeGas,
} from '../../packages/fake-apps-script';

function spreadsheetOf(fake: ReturnType<typeof createFakeGas>) {
  return fake.globals.SpreadsheetApp.getActiveSpreadsheet();
}

describe('developer metadata on a spreadsheet', () => {
  it('adds a key and value with a visibility, and every user reads the same entry', () => {
    const fake = createFakeGas({ user: 'ann@x.com' });
    const { DeveloperMetadataVisibility } = fake.globals.SpreadsheetApp;
    spreadsheetOf(fake).addDeveloperMetadata('k', 'v1', DeveloperMetadataVisibility.DOCUMENT);
    fake.session.setUser('bob@x.com');
    const [entry] = spreadsheetOf(fake).getDeveloperMetadata();
    expect([entry.getKey(), entry.getValue()]).toEqual(['k', 'v1']);
    expect(fake.inspect.developerMetadata()).toEqual([{ key: 'k', value: 'v1', visibility: 'DOCUMENT' }]);
    entry.setValue('v2');
    expect(
      spreadsheetOf(fake)
        .getDeveloperMetadata()
        .map((m) => [m.getKey(), m.getValue()]),
    ).toEqual([['k', 'v2']]);
  });

  it('gives null for a key added without a value, and forgets a removed entry', () => {
    const fake = createFakeGas();
    spreadsheetOf(fake).addDeveloperMetadata('tag');
    const [entry] = spreadsheetOf(fake).getDeveloperMetadata();
    expect(entry.getValue()).toBeNull();
    entry.remove();
    expect(spreadsheetOf(fake).getDeveloperMetadata()).toEqual([]);
  });

  it(`refuses to pass ${DEVELOPER_METADATA_LIMIT} characters in a spreadsheet, and changes nothing then`, () => {
    const fake = createFakeGas();
    const ss = spreadsheetOf(fake);
    ss.addDeveloperMetadata('a', 'x'.repeat(DEVELOPER_METADATA_LIMIT - 2));
    expect(() => ss.addDeveloperMetadata('bc')).toThrow(DEVELOPER_METADATA_TOO_LARGE_MESSAGE);
    const [entry] = ss.getDeveloperMetadata();
    expect(() => entry.setValue('x'.repeat(DEVELOPER_METADATA_LIMIT))).toThrow(DEVELOPER_METADATA_TOO_LARGE_MESSAGE);
    expect(entry.getValue()).toHaveLength(DEVELOPER_METADATA_LIMIT - 2);
    ss.addDeveloperMetadata('b');
    expect(ss.getDeveloperMetadata()).toHaveLength(2);
  });
});
