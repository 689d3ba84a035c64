/**
 * Advice that follows what was done (spec §18): a cause of §10 for which the owner already
 * recorded the matching intervention is listed after the open ones, as addressed, with the change
 * after it (§14); once the 14 days after are over and nothing improved, it is open again. A
 * second group session recorded for members below Genuine gets the article's warning.
 */
import { isoToDay, type Day } from '../base/dates';
import { foldSpaces, plural } from '../base/text';
import type { Audit, Finding, FindingCode, MemberReport } from '../audit/audit-types';
import { WINDOW_DAYS, type InterventionReport, type InterventionType } from './types';
import type { InterventionsView } from './view';
import { changeSentence } from './wording';

/** The intervention that answers each cause; a cause not listed is never addressed. */
export const ADDRESSED_BY: Partial<Record<FindingCode, InterventionType>> = {
  'generic-demos': 'Anchor-workflow session',
  'no-workflow': 'Anchor-workflow session',
  obstacle: 'Follow-up session',
  'no-peer-advocacy': 'Peer advocacy moment',
  foundation: 'Context pack fix',
  'workflow-gap': 'Context pack fix',
};

/** Where the evidence has no start, an intervention in the 28 days before the as-of date counts. */
export const ADDRESSED_LOOKBACK_DAYS = 28;

/** Said of a second group session for members below Genuine (the first article's "What not to do"). */
export const SECOND_SESSION_WARNING =
  'A second group session is the most common mistake after a failed training: a team that sat through one and did not adopt takes another as confirmation that AI is not worth the effort. Answer each cause with an individual session or a follow-up instead.';

const same = (a: string | null | undefined, b: string | null | undefined) =>
  a != null && b != null && foldSpaces(a) === foldSpaces(b);

/** For the same member; for a team cause, the team; for a workflow cause, that workflow or the team. */
function sameScope(finding: Finding, r: InterventionReport): boolean {
  if (finding.member !== undefined) return same(finding.member, r.member);
  if (finding.workflow !== undefined) return same(finding.workflow, r.workflow) || (!r.member && !r.workflow);
  return r.member === null;
}

/** Whether any figure after is better than before: uses, acceptance, or the team's adoption. */
export function improvedAfter(r: InterventionReport): boolean {
  const better = (after: number | null, before: number | null) => after !== null && before !== null && after > before;
  return (
    better(r.after.usesPerWeek, r.before.usesPerWeek) ||
    better(r.after.acceptanceRate, r.before.acceptanceRate) ||
    better(r.after.adoptionRate, r.before.adoptionRate)
  );
}

/** The latest intervention that answers the finding, recorded since its evidence started. */
function answeringIntervention(finding: Finding, reports: readonly InterventionReport[], asOf: Day) {
  const type = ADDRESSED_BY[finding.code];
  if (!type) return null;
  const from = finding.since !== null ? isoToDay(finding.since)! : asOf - ADDRESSED_LOOKBACK_DAYS;
  const matching = reports.filter((r) => {
    const day = isoToDay(r.date)!;
    return r.type === type && day >= from && day <= asOf && sameScope(finding, r);
  });
  return matching.length ? matching[matching.length - 1] : null;
}

/** The finding with what was done about it: addressed, or open again when nothing improved. */
function followFinding(finding: Finding, reports: readonly InterventionReport[], asOf: Day): Finding {
  const r = answeringIntervention(finding, reports, asOf);
  if (!r) return finding;
  const changeAfter = changeSentence(r);
  if (r.after.days >= WINDOW_DAYS && !improvedAfter(r))
    return { ...finding, addressed: null, changeAfter, notImprovedAfter: r.date };
  return { ...finding, addressed: { date: r.date, type: r.type }, changeAfter, notImprovedAfter: null };
}

/** Open causes first, addressed ones after; each group in its own order. */
export function openFirst(findings: readonly Finding[]): Finding[] {
  return [...findings.filter((f) => f.addressed === null), ...findings.filter((f) => f.addressed !== null)];
}

/** Each member's figures in the week ending a day (spec §13's weekly audit as of that day). */
export type WeekMembers = (weekEnd: Day) => readonly MemberReport[];

/** The members the intervention is about who were below Genuine: one member, or the team's. */
function belowGenuine(r: InterventionReport, members: readonly MemberReport[]): MemberReport[] {
  return members.filter(
    (m) =>
      m.inScope && m.status === 'active' && m.category !== 'Genuine adopter' && (!r.member || same(r.member, m.member)),
  );
}

/**
 * The warning on a second group session, judged on the members as they were when it was held
 * (below Genuine in the week ending its date, §18): a member who adopted since still had it as
 * the mistake; one who was Genuine then and lapsed since did not.
 */
function withWarning(r: InterventionReport, membersAt: WeekMembers): InterventionReport {
  if (r.type !== 'Second training session') return r;
  const below = belowGenuine(r, membersAt(isoToDay(r.date)!));
  if (!below.length) return r;
  const week = `in the week ending ${r.date}`;
  const who = r.member
    ? `${below[0].member} was a ${below[0].category} ${week}`
    : `${plural(below.length, 'member')} ${below.length === 1 ? 'was' : 'were'} below Genuine ${week}`;
  return { ...r, warning: `${who}. ${SECOND_SESSION_WARNING}` };
}

/**
 * The audit and interventions, advised: each finding marked addressed (or open again), open
 * ones first in the audit's and in each member's list, and the warning on a second group session
 * (`membersAt`: the members in the week ending the session's date).
 */
export function followAdvice(
  audit: Audit,
  view: InterventionsView,
  membersAt: WeekMembers,
): { audit: Audit; interventions: InterventionsView } {
  const asOf = isoToDay(audit.asOf)!;
  const followed = new Map<Finding, Finding>(
    audit.diagnosis.map((f) => [f, followFinding(f, view.interventions, asOf)]),
  );
  const advised = (findings: readonly Finding[]) => openFirst(findings.map((f) => followed.get(f) ?? f));
  const weeks = new Map<Day, readonly MemberReport[]>();
  const weekOf: WeekMembers = (day) => {
    if (!weeks.has(day)) weeks.set(day, membersAt(day));
    return weeks.get(day)!;
  };
  return {
    audit: {
      ...audit,
      diagnosis: advised(audit.diagnosis),
      members: audit.members.map((m) => ({ ...m, diagnosis: advised(m.diagnosis) })),
    },
    interventions: {
      ...view,
      interventions: view.interventions.map((r) => withWarning(r, weekOf)),
    },
  };
}
