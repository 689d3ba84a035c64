/**
 * The replacement programme (spec §17), for a team trained long ago: a start date S, a baseline
 * frozen from the audit of the week ending S − 1, its participants (members in scope who were
 * not Genuine adopters then, except the two statuses §7 does not chase) and the days its four
 * milestones fall due. Pure: the caller stores the programme and gives the interventions.
 */
import { dayToIso, isoToDay, type Day } from '../base/dates';
import { memberKey } from '../base/text';
import type { Category } from '../base/types';
import type { Audit } from '../audit/audit-types';
import type { InterventionReport } from '../interventions/types';

/** The baseline is the audit of one week: the week ending the day before the start. */
export const BASELINE_WEEKS = 1;
/** A new programme may start once the previous one's day 30 has passed. */
export const PROGRAMME_DAYS = 30;

export type ProgrammeMilestoneKind = 'follow-up' | 'sessions' | 'peers' | 'reassessment';

export interface ProgrammeMilestoneSpec {
  kind: ProgrammeMilestoneKind;
  /** The milestone's name as spec §17 gives it. */
  name: string;
  /** Days after S for the team milestones; days after the session for the follow-up. */
  day: number;
}

export const PROGRAMME_MILESTONES: readonly ProgrammeMilestoneSpec[] = [
  { kind: 'follow-up', name: 'Day-seven follow-up', day: 7 },
  { kind: 'sessions', name: 'Sessions not held', day: 7 },
  { kind: 'peers', name: 'Peer advocacy moment', day: 14 },
  { kind: 'reassessment', name: 'Adoption reassessment', day: 30 },
];

export function programmeMilestone(kind: ProgrammeMilestoneKind): ProgrammeMilestoneSpec {
  return PROGRAMME_MILESTONES.find((m) => m.kind === kind)!;
}

/**
 * A participant as frozen at the start: who, and their category in the baseline week. Their email
 * and follow-up owner are read from the roster when a milestone goes (replacement-plan.ts), so the
 * stored record stays small enough for a team of hundreds (programme-store.ts).
 */
export interface Participant {
  member: string;
  category: Exclude<Category, 'Genuine adopter'>;
  /**
   * Their anchor-workflow session (YYYY-MM-DD) as the daily run or Record an intervention last
   * read it, for a member's My week, which cannot read the owner's interventions (rules §19).
   */
  session?: string;
}

export interface Baseline {
  /** The baseline week's last day: S − 1. */
  asOf: string;
  weeks: number;
  membersInScope: number;
  genuineAdopters: number;
  adoptionRate: number | null;
  blendedAcceptanceRate: number | null;
  categories: Record<Category, number>;
  participants: Participant[];
  /** The baseline's Genuine adopters in scope: the programme's peers. */
  peers: string[];
}

/** What Uptake stores about the programme. */
export interface ProgrammeRecord {
  /** S, YYYY-MM-DD. */
  start: string;
  /** The day the owner started it (YYYY-MM-DD). */
  startedOn: string;
  /** Null until the week ending S − 1 is complete (a start date in the future). */
  baseline: Baseline | null;
  /**
   * The day a daily run first could not freeze the baseline (too big to store): the programme is
   * not running, and a new start replaces it at once instead of waiting for its day 30.
   */
  failedToStart?: string;
}

/**
 * The baseline of a programme starting on `start`, from the audit of the week ending start − 1:
 * the participants are members in scope below Genuine, active on the roster (not "Principled
 * resistance", not "No suitable anchor workflow"), and not trained on or after the start (they
 * follow §8).
 */
export function freezeBaseline(audit: Audit, start: Day): Baseline {
  const participants: Participant[] = [];
  const peers: string[] = [];
  for (const m of audit.members) {
    if (!m.inScope) continue;
    if (m.category === 'Genuine adopter') {
      peers.push(m.member);
      continue;
    }
    const trainedFromStart = m.trainingDate !== null && isoToDay(m.trainingDate)! >= start;
    if (m.status !== 'active' || trainedFromStart) continue;
    participants.push({ member: m.member, category: m.category });
  }
  const t = audit.team;
  return {
    asOf: audit.asOf,
    weeks: audit.weeks,
    membersInScope: t.membersInScope,
    genuineAdopters: t.genuineAdopters,
    adoptionRate: t.adoptionRate,
    blendedAcceptanceRate: t.blendedAcceptanceRate,
    categories: { ...t.categories },
    participants: participants.sort((a, b) => a.member.localeCompare(b.member)),
    peers: peers.sort((a, b) => a.localeCompare(b)),
  };
}

export function startDay(programme: ProgrammeRecord): Day {
  return isoToDay(programme.start)!;
}

/** The last day of the programme's day 30: from the day after, a new programme may start. */
export function programmeEndDay(programme: ProgrammeRecord): Day {
  return startDay(programme) + PROGRAMME_DAYS;
}

/**
 * Why a programme starting on `start` cannot start `today`, or null when it can: one whose day 30
 * is already past (every milestone would go late at once, and the reassessment would measure a
 * programme nobody ran), or one while another has not reached its day 30.
 */
export function startRefusal(existing: ProgrammeRecord | null, start: Day, today: Day): string | null {
  if (existing && startDay(existing) === start) return null;
  if (start + PROGRAMME_DAYS < today)
    return (
      `A replacement programme starting on ${dayToIso(start)} would have reached its day 30 on ${dayToIso(start + PROGRAMME_DAYS)}, already past: ` +
      `its milestones could not be sent on time. Start it today, ${dayToIso(today)}, or on a day from ${dayToIso(today - PROGRAMME_DAYS)} on.`
    );
  if (!existing) return null;
  const previous = startDay(existing);
  // A start still to come may be moved: nothing has been sent for it yet.
  if (previous > today) return null;
  if (today <= programmeEndDay(existing) || start <= programmeEndDay(existing))
    return (
      `A replacement programme started on ${existing.start} is running until its day 30, ${dayToIso(programmeEndDay(existing))}: ` +
      `one programme at a time. A new one can start from ${dayToIso(programmeEndDay(existing) + 1)}.`
    );
  return null;
}

/** A participant's anchor-workflow session: the first one recorded for them on or after S. */
export type SessionSource = readonly Pick<InterventionReport, 'date' | 'member' | 'type'>[];

export function sessionDay(interventions: SessionSource, member: string, start: Day, upTo: Day): Day | null {
  const key = memberKey(member);
  let first: Day | null = null;
  for (const r of interventions) {
    if (r.type !== 'Anchor-workflow session' || r.member === null || memberKey(r.member) !== key) continue;
    const day = isoToDay(r.date);
    if (day === null || day < start || day > upTo) continue;
    if (first === null || day < first) first = day;
  }
  return first;
}

export function isParticipant(programme: ProgrammeRecord | null, member: { name: string; key?: string }): boolean {
  const key = member.key ?? memberKey(member.name);
  return Boolean(programme?.baseline?.participants.some((p) => memberKey(p.member) === key));
}

/**
 * §17 stops §8's milestones, day 42 among them, for the participants from S: a participant whose
 * six-week measurement had not come by then reads what the programme does instead ("In the
 * replacement programme: reassessment on 2026-02-04"), in the sidebar, audit.csv and `--json`.
 * A measurement made before S stands.
 */
export function withProgrammeSixWeek<A extends Pick<Audit, 'asOf' | 'members'>>(
  audit: A,
  programme: ProgrammeRecord | null | undefined,
): A {
  if (!programme?.baseline) return audit;
  const s = startDay(programme);
  if (isoToDay(audit.asOf)! < s) return audit;
  const day30 = dayToIso(s + PROGRAMME_DAYS);
  const said = isoToDay(audit.asOf)! < s + PROGRAMME_DAYS ? 'reassessment on' : 'reassessed on';
  const members = audit.members.map((m) =>
    m.sixWeek.status === 'not-yet' && isParticipant(programme, { name: m.member, key: m.key })
      ? {
          ...m,
          sixWeek: {
            ...m.sixWeek,
            label: `In the replacement programme: ${said} ${day30}`,
            nextStep: `Adoption reassessment on ${day30} (replacement programme)`,
          },
        }
      : m,
  );
  return { ...audit, members };
}

/** The sidebar's and `--json`'s view of the programme as of a day. */
export interface ProgrammeView {
  start: string;
  startedOn: string;
  /** Days since S on the as-of date (negative before it starts). */
  day: number;
  /** Past its day 30. */
  ended: boolean;
  baseline: Omit<Baseline, 'participants' | 'peers'> | null;
  peers: string[];
  participants: {
    member: string;
    baselineCategory: Category;
    /** The anchor-workflow session's date, or null while none is recorded. */
    session: string | null;
    /** The day-seven follow-up's due date (session + 7), or null without a session. */
    followUpDue: string | null;
  }[];
  milestones: { milestone: string; dueDate: string; member: string | null }[];
  /** Why the programme could not start (its baseline is too big to store), when so: it is not running. */
  couldNotStart?: string;
}

export function programmeView(programme: ProgrammeRecord, interventions: SessionSource, asOf: Day): ProgrammeView {
  const s = startDay(programme);
  const base = programme.baseline;
  const participants = (base?.participants ?? []).map((p) => {
    const session = sessionDay(interventions, p.member, s, asOf);
    return {
      member: p.member,
      baselineCategory: p.category,
      session: session === null ? null : dayToIso(session),
      followUpDue: session === null ? null : dayToIso(session + programmeMilestone('follow-up').day),
    };
  });
  const team = (kind: ProgrammeMilestoneKind) => ({
    milestone: programmeMilestone(kind).name,
    dueDate: dayToIso(s + programmeMilestone(kind).day),
    member: null,
  });
  const followUps = participants
    .filter((p) => p.followUpDue !== null)
    .map((p) => ({ milestone: programmeMilestone('follow-up').name, dueDate: p.followUpDue!, member: p.member }));
  const milestones = [team('sessions'), team('peers'), team('reassessment'), ...followUps].sort(
    (a, b) => a.dueDate.localeCompare(b.dueDate) || (a.member ?? '').localeCompare(b.member ?? ''),
  );
  let baseline: ProgrammeView['baseline'] = null;
  if (base) {
    const { participants: _p, peers: _q, ...figures } = base;
    baseline = figures;
  }
  return {
    start: programme.start,
    startedOn: programme.startedOn,
    day: asOf - s,
    ended: asOf > programmeEndDay(programme),
    baseline,
    peers: base?.peers ?? [],
    participants,
    milestones,
  };
}

/** Whether a roster member's §8 milestones are replaced by the programme on `today` (spec §17 "With §8"). */
export function replacedBy(
  programme: ProgrammeRecord | null | undefined,
  today: Day,
): (member: { name: string; key?: string }) => boolean {
  if (!programme?.baseline || today < startDay(programme)) return () => false;
  return (member) => isParticipant(programme, member);
}

/** The digest's line while the programme runs (spec §17 "Views"): no names, so every version may show it. */
export function programmeDigestLine(view: ProgrammeView): string | null {
  if (view.ended) return null;
  if (view.day < 0 || !view.baseline) return `Replacement programme: starts on ${view.start}.`;
  const held = view.participants.filter((p) => p.session !== null).length;
  const next = view.milestones.find((m) => m.dueDate >= dayToIso(isoToDay(view.start)! + view.day));
  const rate = view.baseline.adoptionRate === null ? '–' : `${Math.round(view.baseline.adoptionRate * 100)}%`;
  return (
    `Replacement programme: day ${view.day} of ${PROGRAMME_DAYS} (started ${view.start}); baseline adoption ${rate} ` +
    `(the week ending ${view.baseline.asOf}); ${held} of ${view.participants.length} participants had their anchor-workflow session` +
    (next ? `; next: ${next.milestone} on ${next.dueDate}.` : '.')
  );
}
