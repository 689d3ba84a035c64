// The stored replacement programme (spec §17) fits one document property (9 KB) for a team of
// hundreds: participants are kept by name and baseline category alone. Above what fits, starting
// is refused with the number that fits and what to do.
import {
  participantsThatFit,
  PROGRAMME_KEY,
  readProgramme,
  storedProgramme,
  withRecordedSession,
  withSessions,
  writeProgramme,
  writeSessions,
} from '../../../src/core/automation/programme-store';
import { dayToIso, isoToDay } from '../../../src/core/base/dates';
import type { Participant, ProgrammeRecord } from '../../../src/core/programme/replacement';
import { MemoryStore } from './support';

const VALUE = 9 * 1024;

/** A frozen programme with `count` participants named by `name(i)` and `peers` peers. */
function programme(count: number, name: (i: number) => string, peers = 10): ProgrammeRecord {
  const participants: Participant[] = Array.from({ length: count }, (_, i) => ({
    member: name(i),
    category: i % 3 === 0 ? 'Developing user' : 'Non-adopter',
  }));
  return {
    start: '2026-03-02',
    startedOn: '2026-02-27',
    baseline: {
      asOf: '2026-03-01',
      weeks: 1,
      membersInScope: count + peers,
      genuineAdopters: peers,
      adoptionRate: peers / (count + peers),
      blendedAcceptanceRate: 0.6123456789,
      categories: { 'Genuine adopter': peers, 'Developing user': Math.ceil(count / 3), 'Non-adopter': count },
      participants,
      peers: Array.from({ length: peers }, (_, i) => `Peer ${String(i).padStart(14, '0')}`),
    },
  };
}
/** Names of exactly `length` ASCII characters. */
const named = (length: number) => (i: number) => `M${String(i).padStart(length - 1, '0')}`;

test('200 participants with names of 20 characters are stored in one value and read back unchanged', () => {
  const store = new MemoryStore();
  store.limitBytes = VALUE;
  const record = programme(200, named(20));
  writeProgramme(store, record);
  expect(Buffer.byteLength(store.get(PROGRAMME_KEY)!, 'utf8')).toBeLessThanOrEqual(VALUE);
  expect(readProgramme(store)).toEqual(record);
});

test('the limit stated in programme-store.ts, measured with every session kept: 271 participants of 20 characters, 394 of 10', () => {
  expect(participantsThatFit(programme(200, named(20)), VALUE)).toBe(271);
  expect(participantsThatFit(programme(200, named(10)), VALUE)).toBe(394);
  // The estimate is the truth at its edge: that many are stored, one more is refused.
  const store = new MemoryStore();
  store.limitBytes = VALUE;
  expect(() => writeProgramme(store, programme(271, named(20)))).not.toThrow();
  expect(() => writeProgramme(store, programme(272, named(20)))).toThrow();
  // And once every participant's session is kept, as late as it is kept, it still fits one value.
  const full = programme(271, named(20));
  const s = isoToDay(full.start)!;
  const sessions = full.baseline!.participants.map((p) => ({
    date: dayToIso(s + 99),
    member: p.member,
    type: 'Anchor-workflow session' as const,
  }));
  const kept = withSessions(full, sessions, s + 120);
  expect(kept.baseline!.participants.every((p) => p.session === dayToIso(s + 99))).toBe(true);
  writeSessions(store, kept);
  expect(Buffer.byteLength(store.get(PROGRAMME_KEY)!, 'utf8')).toBeLessThanOrEqual(VALUE);
  expect(readProgramme(store)).toEqual(kept);
});

test('sessions are kept as days after the start, and only rewritten when one changed', () => {
  const record = programme(3, named(5));
  const s = isoToDay(record.start)!;
  const sessions = [{ date: dayToIso(s + 2), member: 'M0001', type: 'Anchor-workflow session' as const }];
  const kept = withSessions(record, sessions, s + 10);
  expect(kept.baseline!.participants.map((p) => p.session ?? null)).toEqual([null, dayToIso(s + 2), null]);
  expect(withSessions(kept, sessions, s + 10)).toBe(kept);
  expect(JSON.parse(JSON.stringify(storedProgramme(kept))).baseline.participants[1]).toEqual(['M0001', 'N', 2]);
  // A later session recorded for the same participant leaves the first; one for another is added.
  const later = withRecordedSession(
    kept,
    { date: dayToIso(s + 5), member: 'M0001', type: 'Anchor-workflow session' },
    s + 10,
  );
  expect(later).toBe(kept);
  const other = withRecordedSession(
    kept,
    { date: dayToIso(s + 5), member: 'M0002', type: 'Anchor-workflow session' },
    s + 10,
  );
  expect(other.baseline!.participants.map((p) => p.session ?? null)).toEqual([null, dayToIso(s + 2), dayToIso(s + 5)]);
});

test('above the limit the refusal says how many fit and what to do, not to shorten names', () => {
  const store = new MemoryStore();
  expect(() => writeProgramme(store, programme(1_000, named(20)))).toThrow(
    'The programme has 1000 participants; with names of this length Uptake can keep about 271',
  );
  expect(() => writeProgramme(store, programme(1_000, named(20)))).toThrow(
    'Run one programme for at most 271 members below Genuine: give each team of that size its own spreadsheet',
  );
  expect(store.get(PROGRAMME_KEY)).toBeNull();
});

test('a record stored by the earlier version (participants with their email) is still read', () => {
  const store = new MemoryStore();
  const record = programme(2, named(5));
  const old = {
    ...record,
    baseline: {
      ...record.baseline!,
      participants: [
        { member: 'M0000', email: 'm0@example.com', category: 'Developing user' },
        { member: 'M0001', email: null, category: 'Non-adopter' },
      ],
    },
  };
  store.set(PROGRAMME_KEY, JSON.stringify(old));
  expect(readProgramme(store)!.baseline!.participants).toEqual(record.baseline!.participants);
});

test('a programme not yet frozen is stored and read as it is', () => {
  const store = new MemoryStore();
  const record: ProgrammeRecord = { start: '2026-03-02', startedOn: '2026-02-27', baseline: null };
  writeProgramme(store, record);
  expect(readProgramme(store)).toEqual(record);
});
