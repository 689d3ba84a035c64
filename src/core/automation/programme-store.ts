/**
 * Where the replacement programme (spec §17) is kept: one value of the automation's store (the
 * document's properties), under its own key. Its baseline is frozen there when the programme
 * starts, so the day-30 comparison is against it even if the log is later corrected.
 *
 * Stored compactly: each participant as [name, "N" or "D"] (Non-adopter or Developing user in the
 * baseline week), nothing else about them; their email and follow-up owner are read from the
 * roster when a milestone goes. A value may hold 9 KB ("Quotas for Google Services",
 * https://developers.google.com/apps-script/guides/services/quotas: "Properties value size
 * 9 KB / val"). Measured (test/core/automation/programme-store.test.ts): with names of 20 ASCII
 * characters and 10 peers, 299 participants fit; names of 10 characters, 457. A record written by
 * an earlier version (participants as objects with their email) is still read.
 */
import { type Day } from '../base/dates';
import {
  freezeBaseline,
  BASELINE_WEEKS,
  startDay,
  type Baseline,
  type Participant,
  type ProgrammeRecord,
} from '../programme/replacement';
import type { Audit } from '../audit/audit-types';
import type { AuditSource } from './ports';
import { readJson, storedBytes, writeJson, type Store } from './store';

export const PROGRAMME_KEY = 'uptake.programme';

type StoredCategory = 'N' | 'D';
type StoredParticipant = [string, StoredCategory];
interface StoredProgramme extends Omit<ProgrammeRecord, 'baseline'> {
  baseline: (Omit<Baseline, 'participants'> & { participants: unknown[] }) | null;
}

const CODES: Record<Participant['category'], StoredCategory> = { 'Non-adopter': 'N', 'Developing user': 'D' };

/** The record as it is stored: participants as [name, category code]. */
export function storedProgramme(programme: ProgrammeRecord): StoredProgramme {
  const base = programme.baseline;
  if (!base) return programme;
  const participants: StoredParticipant[] = base.participants.map((p) => [p.member, CODES[p.category]]);
  return { ...programme, baseline: { ...base, participants } };
}

function participantOf(stored: unknown): Participant | null {
  if (Array.isArray(stored) && typeof stored[0] === 'string')
    return { member: stored[0], category: stored[1] === 'D' ? 'Developing user' : 'Non-adopter' };
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
    .map(participantOf)
    .filter((p): p is Participant => p !== null);
  return { ...record, baseline: { ...base, participants } };
}

/** How many participants of `programme`'s name lengths one value of `valueBytes` holds. */
export function participantsThatFit(programme: ProgrammeRecord, valueBytes: number): number {
  const base = programme.baseline;
  if (!base || base.participants.length === 0) return 0;
  const withNone = storedBytes(storedProgramme({ ...programme, baseline: { ...base, participants: [] } }));
  const each = (storedBytes(storedProgramme(programme)) - withNone) / base.participants.length;
  return Math.max(0, Math.floor((valueBytes - withNone) / each));
}

/**
 * Why `programme` cannot be stored in one value of `valueBytes` (see above), with what to do; null
 * when it fits. The same words at the start (for a start to come, with today's members below
 * Genuine as the bound) and when the daily run freezes the baseline.
 */
export function programmeSizeProblem(programme: ProgrammeRecord, valueBytes: number): string | null {
  const bytes = storedBytes(storedProgramme(programme));
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

/** The programme with its baseline frozen once the week ending S − 1 is complete (from day S on). */
export function withBaseline(programme: ProgrammeRecord, audits: AuditSource, today: Day): ProgrammeRecord {
  const s = startDay(programme);
  if (programme.baseline || today < s) return programme;
  return { ...programme, baseline: freezeBaseline(audits(s - 1, BASELINE_WEEKS), s) };
}
