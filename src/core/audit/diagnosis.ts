/**
 * Diagnosis (spec §10): each rule (diagnosis-rules.ts) is a signal in the data, a suggested cause
 * and a step, and it always carries the evidence that triggered it. Principled resistance gets no
 * diagnosis.
 */
import type { Day } from '../base/dates';
import { percent } from '../base/text';
import type { AuditSettings } from '../base/types';
import type { Finding, MemberReport, MemberTally } from './audit-types';
import type { UsageView } from '../usage/types';
import { MEMBER_RULES, newFinding, TEAM_RULES, type MemberFacts } from './diagnosis-rules';

interface DiagnoseInput {
  members: MemberReport[];
  tallies: Map<string, MemberTally>;
  settings: AuditSettings;
  asOf: Day;
  /** The usage exports compared with the log (spec §15), or null. */
  usage?: UsageView | null;
}

/** One member's findings, by the member rules in their order. */
function memberFindings(facts: MemberFacts): Finding[] {
  return MEMBER_RULES.filter((rule) => facts.genuine === false || !rule.belowGenuineOnly).flatMap((rule) => {
    const signal = rule.signal(facts);
    return signal ? [newFinding(rule.code, signal.evidence, signal.since, { member: facts.m.member })] : [];
  });
}

/** Why a member needs a follow-up now, or [] when they do not. */
function followUpReasons({ m, roster, genuine, lowAcceptance, settings, asOf }: MemberFacts): string[] {
  const reasons: string[] = [];
  // Not trained yet: the programme has not started, so being below the threshold is expected.
  const trainingAhead = roster?.trainingDay != null && roster.trainingDay > asOf;
  if (!genuine && !trainingAhead)
    reasons.push(`${m.category}: ${usesPhrase(m.usesPerWeek)} (threshold ${settings.genuineAt})`);
  if (lowAcceptance)
    reasons.push(`Acceptance ${percent(m.acceptanceRate)} is below the ${percent(settings.acceptanceTarget)} target`);
  return reasons;
}

/**
 * Fills each member's `diagnosis` and `followUp`, and returns every finding, team-level first.
 * Principled resistance and members out of scope get none (spec §7).
 */
export function diagnose({ members, tallies, settings, asOf, usage }: DiagnoseInput): Finding[] {
  const usageByMember = new Map((usage?.members ?? []).map((u) => [u.member, u]));
  const diagnosable = members.filter((m) => m.inScope && m.status === 'active');
  for (const m of diagnosable) {
    const tally = tallies.get(m.key)!;
    const facts: MemberFacts = {
      m,
      tally,
      roster: tally.rosterMember,
      genuine: m.category === 'Genuine adopter',
      lowAcceptance: m.acceptanceRate !== null && m.acceptanceRate < settings.acceptanceTarget,
      settings,
      asOf,
      usage: usageByMember.get(m.member) ?? null,
    };
    m.diagnosis = memberFindings(facts);
    m.followUp.push(...followUpReasons(facts));
  }
  const teamFindings = TEAM_RULES.flatMap((rule) => rule.findings({ members, tallies, settings }));
  return [...teamFindings, ...diagnosable.flatMap((m) => m.diagnosis)];
}

export function formatUses(uses: number): string {
  return Number.isInteger(uses) ? String(uses) : uses.toFixed(1);
}

/** "1 unprompted use a week", "2.5 unprompted uses a week". */
export function usesPhrase(uses: number): string {
  return `${formatUses(uses)} unprompted ${uses === 1 ? 'use' : 'uses'} a week`;
}
