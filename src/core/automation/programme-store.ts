/**
 * Where the replacement programme (spec §17) is kept: one value of the automation's store (the
 * document's properties), under its own key. Its baseline is frozen there when the programme
 * starts, so the day-30 comparison is against it even if the log is later corrected.
 *
 * Stored compactly: each participant as [name, "N" or "D"] (Non-adopter or Developing user in the
 * baseline week), and, once held, their anchor-workflow session as days after S ([name, "N", 3]),
 * which a member's My week reads when the interventions are the owner's alone (rules §19); their
 * email and follow-up owner are read from the roster when a milestone goes. A value may hold
 * 9 KB ("Quotas for Google Services", https://developers.google.com/apps-script/guides/services/quotas:
 * "Properties value size 9 KB / val"). Measured with every participant's session kept
 * (test/core/automation/programme-store.test.ts): with names of 20 ASCII characters and 10 peers,
 * 271 participants fit; names of 10 characters, 394. A record written by
 * an earlier version (participants as objects with their email) is still read.
 */
import { dayToIso, isoToDay, type Day } from '../base/dates';
import {
  freezeBaseline,
  BASELINE_WEEKS,
  sessionDay,
  startDay,
  type Baseline,
  type SessionSource,
  type Participant,
  type ProgrammeRecord,
} from '../programme/replacement';
import type { Audit } from '../audit/audit-types';
import type { AuditSource } from './ports';
import { readJson, storedBytes, writeJson, type Store } from './store';

export const PROGRAMME_KEY = 'uptake.programme';

type StoredCategory = 'N' | 'D';
/** [name, category], and the session's day after S when one is kept. */
type StoredParticipant = [string, StoredCategory] | [string, StoredCategory, number];
/**
 * Sessions are kept as days after S, two digits at most (a session after day 99 of a 30-day
 * programme is not kept); the size is measured as if every participant had one that late, so
 * keeping sessions never makes a stored programme too big.
 */
const LAST_KEPT_SESSION = 99;
interface StoredProgramme extends Omit<ProgrammeRecord, 'baseline'> {
  baseline: (Omit<Baseline, 'participants'> & { participants: unknown[] }) | null;
}

const CODES: Record<Participant['category'], StoredCategory> = { 'Non-adopter': 'N', 'Developing user': 'D' };

/** The record as it is stored: participants as [name, category code]. */
export function storedProgramme(programme: ProgrammeRecord): StoredProgramme {
  const base = programme.baseline;
  if (!base) return programme;
  const s = startDay(programme);
  const participants = base.participants.map((p): StoredParticipant => {
    const session = p.session === undefined ? null : isoToDay(p.session);
    return session === null ? [p.member, CODES[p.category]] : [p.member, CODES[p.category], session - s];
  });
  return { ...programme, baseline: { ...base, participants } };
}

function participantOf(stored: unknown, start: Day): Participant | null {
  if (Array.isArray(stored) && typeof stored[0] === 'string') {
    const participant: Participant = {
      member: stored[0],
      category: stored[1] === 'D' ? 'Developing user' : 'Non-adopter',
    };
    const offset: unknown = stored[2];
    if (Number.isInteger(offset) && (offset as number) >= 0 && (offset as number) <= LAST_KEPT_SESSION)
      participant.session = dayToIso(start + (offset as number));
    return participant;
  }
  // An earlier version's object ({ member, email, category }).
  const old = stored as { member?: unknown; category?: unknown } | null;
  if (old && typeof old.member === 'string')
    return { member: old.member, category: old.category === 'Developing user' ? 'Developing user' : 'Non-adopter' };
  return null;
}

export function readProgramme(store: Store): ProgrammeRecord | null {
  const record = readJson<StoredProgramme | null>(store, PROGRAMME_KEY, null);
  if (!record || typeof record.start !== 'string') return null;
  const base = record.baseline;
  if (!base) return { ...record, baseline: null };
  const participants = (Array.isArray(base.participants) ? base.participants : [])
    .map((p) => participantOf(p, isoToDay(record.start) ?? 0))
    .filter((p): p is Participant => p !== null);
  return { ...record, baseline: { ...base, participants } };
}

/** The programme with every participant's session kept, as late as is kept: the most it can take. */
function withEverySession(programme: ProgrammeRecord): ProgrammeRecord {
  const base = programme.baseline;
  if (!base) return programme;
  const session = dayToIso(startDay(programme) + LAST_KEPT_SESSION);
  return { ...programme, baseline: { ...base, participants: base.participants.map((p) => ({ ...p, session })) } };
}

/** The bytes the programme takes once every participant's session is kept. */
function mostBytes(programme: ProgrammeRecord): number {
  return storedBytes(storedProgramme(withEverySession(programme)));
}

/** How many participants of `programme`'s name lengths one value of `valueBytes` holds, each with their session. */
export function participantsThatFit(programme: ProgrammeRecord, valueBytes: number): number {
  const base = programme.baseline;
  if (!base || base.participants.length === 0) return 0;
  const withNone = storedBytes(storedProgramme({ ...programme, baseline: { ...base, participants: [] } }));
  const each = (mostBytes(programme) - withNone) / base.participants.length;
  return Math.max(0, Math.floor((valueBytes - withNone) / each));
}

/**
 * Why `programme` cannot be stored in one value of `valueBytes` (see above), with what to do; null
 * when it fits. The same words at the start (for a start to come, with today's members below
 * Genuine as the bound) and when the daily run freezes the baseline.
 */
export function programmeSizeProblem(programme: ProgrammeRecord, valueBytes: number): string | null {
  const bytes = mostBytes(programme);
  if (bytes <= valueBytes) return null;
  const count = programme.baseline?.participants.length ?? 0;
  const fit = participantsThatFit(programme, valueBytes);
  return (
    `The programme has ${count} participants; with names of this length Uptake can keep about ${fit} ` +
    `(${bytes} bytes, more than the ${valueBytes} one Apps Script property holds). ` +
    `Run one programme for at most ${fit} members below Genuine: give each team of that size its own ` +
    'spreadsheet (roster and log), and start the programme there.'
  );
}

/**
 * For a start still to come, whose baseline is frozen later: the size problem with today's
 * members in scope below Genuine as its participants, an upper bound on who the baseline will
 * hold, so that a programme too big to store is refused now rather than failing on its start day.
 */
export function futureSizeProblem(programme: ProgrammeRecord, today: Audit, valueBytes: number): string | null {
  const baseline = freezeBaseline(today, startDay(programme));
  const participants = today.members
    .filter((m) => m.inScope && m.category !== 'Genuine adopter')
    .map((m): Participant => ({
      member: m.member,
      category: m.category === 'Developing user' ? m.category : 'Non-adopter',
    }));
  return programmeSizeProblem({ ...programme, baseline: { ...baseline, participants } }, valueBytes);
}

/** Stores the programme; throws with what to do when it would not fit one value (see above). */
export function writeProgramme(store: Store, programme: ProgrammeRecord): void {
  const problem = programmeSizeProblem(programme, store.valueBytes);
  if (problem) throw new Error(problem);
  writeJson(store, PROGRAMME_KEY, storedProgramme(programme));
}

/**
 * The programme with each participant's anchor-workflow session as `interventions` show it on
 * `today`; the same object when nothing changed (nothing to write).
 */
export function withSessions(programme: ProgrammeRecord, interventions: SessionSource, today: Day): ProgrammeRecord {
  const base = programme.baseline;
  if (!base) return programme;
  const s = startDay(programme);
  let changed = false;
  const participants = base.participants.map((p) => {
    const day = sessionDay(interventions, p.member, s, today);
    const session = day === null || day - s > LAST_KEPT_SESSION ? undefined : dayToIso(day);
    if (session === p.session) return p;
    changed = true;
    const kept: Participant = { member: p.member, category: p.category };
    if (session) kept.session = session;
    return kept;
  });
  return changed ? { ...programme, baseline: { ...base, participants } } : programme;
}

/** The programme with a session just recorded kept beside those kept already (the earliest stands). */
export function withRecordedSession(
  programme: ProgrammeRecord,
  recorded: SessionSource[number],
  today: Day,
): ProgrammeRecord {
  const base = programme.baseline;
  if (!base || recorded.type !== 'Anchor-workflow session') return programme;
  const kept: SessionSource = base.participants.flatMap((p) =>
    p.session ? [{ date: p.session, member: p.member, type: 'Anchor-workflow session' as const }] : [],
  );
  return withSessions(programme, [...kept, recorded], today);
}

/** Stores the sessions kept by withSessions: within the size measured at the start, so it fits. */
export function writeSessions(store: Store, programme: ProgrammeRecord): void {
  writeJson(store, PROGRAMME_KEY, storedProgramme(programme));
}

/** The programme with its baseline frozen once the week ending S − 1 is complete (from day S on). */
export function withBaseline(programme: ProgrammeRecord, audits: AuditSource, today: Day): ProgrammeRecord {
  const s = startDay(programme);
  if (programme.baseline || today < s) return programme;
  // Frozen, it runs: an earlier day's failure to start no longer stands.
  const { failedToStart: _earlier, ...record } = programme;
  return { ...record, baseline: freezeBaseline(audits(s - 1, BASELINE_WEEKS), s) };
}

/** Keeps, once, the day `programme` (its baseline not frozen) first could not start. */
export function writeFailedToStart(store: Store, programme: ProgrammeRecord, today: Day): void {
  if (programme.baseline || programme.failedToStart) return;
  writeJson(store, PROGRAMME_KEY, storedProgramme({ ...programme, failedToStart: dayToIso(today) }));
}
