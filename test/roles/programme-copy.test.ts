// Rules §19: the programme's copy in the spreadsheet's developer metadata (DOCUMENT visibility)
// is readable and writable by any editor's script, so it holds no names or categories, and a run
// with document properties never takes it over the document's own record. Through the built bundle.
import { TODAY } from '../support/fake-bundle';
import { plus } from '../support/sheets';
import { type Fake, roleTeam } from './support';

const programmeCopy = (f: Fake) =>
  f.gas.spreadsheet.getDeveloperMetadata().find((m) => m.getKey() === 'uptake.programme')!;

test('after the programme starts and runs, the copy every editor reads names no one and holds no category', () => {
  const f = roleTeam();
  f.bundle.setAutomation(true);
  f.bundle.startProgramme({ start: plus(TODAY, -7) });
  f.bundle.$runDays(10);
  const copy = String(programmeCopy(f).getValue());
  expect(JSON.parse(copy)).toMatchObject({ start: plus(TODAY, -7), baseline: null });
  expect(copy).not.toMatch(/Ana|Ben|Cleo|adopter|Developing|"[ND]"/);
});

test('a copy a member forged before the start (no participants) does not stop the programme’s emails', () => {
  const f = roleTeam();
  const start = plus(TODAY, 3);
  f.bundle.startProgramme({ start });
  const copy = programmeCopy(f);
  const everyoneGenuine = {
    asOf: plus(start, -1),
    weeks: 1,
    membersInScope: 3,
    genuineAdopters: 3,
    adoptionRate: 1,
    blendedAcceptanceRate: 1,
    categories: { 'Genuine adopter': 3, 'Developing user': 0, 'Non-adopter': 0 },
    participants: [],
    peers: ['Ana', 'Ben', 'Cleo'],
  };
  copy.setValue(JSON.stringify({ ...JSON.parse(String(copy.getValue())), baseline: everyoneGenuine }));
  f.bundle.setAutomation(true);
  f.bundle.$runDays(12);
  expect(f.gas.mail.sent.map((m) => m.subject)).toContain('Uptake replacement programme: Sessions not held for Cleo');
  // The document's own record froze the baseline from the log, with Cleo a participant.
  const stored = f.gas.properties.forDocument(f.gas.spreadsheet.getId()).getProperty('uptake.programme');
  expect(JSON.parse(stored!).baseline.participants).toContainEqual(['Cleo', 'N']);
});
