/**
 * Diagnosis (spec §10): each rule is a signal in the data, a suggested cause and a step, and it
 * always carries the evidence that triggered it. Principled resistance gets no diagnosis.
 */
import { dayToIso, type Day } from '../base/dates';
import { percent, plural } from '../base/text';
import type { AuditSettings, EditType } from '../base/types';
import type { Finding, MemberReport, TeamReport } from './audit-types';
import type { MemberTally } from './audit-types';
import { acceptanceRate, emptyEditTypes } from './rates';

/** "Training completion high, adoption low": the thresholds behind cause 4. */
export const HIGH_COMPLETION = 0.75;
export const LOW_ADOPTION = 0.5;

export const CAUSES = {
  foundation: {
    cause: 'Insufficient context pack (Foundation)',
    step: 'Fix the context pack for the role before more training.',
  },
  obstacle: {
    cause: 'Obstacle with no follow-up (cause 3)',
    step: '15-minute follow-up now: "Did you use it? What happened? What did not work?"',
  },
  'no-workflow': {
    cause: 'No role-specific workflow (cause 2)',
    step: 'Identify the anchor workflow: "the one weekly task that takes the most time and gives the least satisfaction".',
  },
  'generic-demos': {
    cause: 'Demonstrations not about their work (cause 1)',
    step: 'Individual anchor-workflow session on real current work.',
  },
  'wrong-metric': { cause: 'Wrong adoption metric (cause 4)', step: 'Report adoption rate, not attendance.' },
  'no-peer-advocacy': {
    cause: 'No peer advocacy (cause 5)',
    step: 'Run the peer advocacy moment at the next team meeting, naming the adopters.',
  },
  'workflow-gap': { cause: 'Workflow-level gap', step: "Fix that workflow's prompt or context." },
} as const;

/** The fix a workflow gap suggests, by the edit type its edits show most. */
const STEP_BY_EDIT_TYPE: Record<EditType, string> = {
  tone: 'Most edits are tone: write or fix the voice guide used by this workflow.',
  format: 'Most edits are format: give this workflow an output template.',
  scope: "Most edits are scope: tighten the prompt's scope.",
  'missing info': "Most edits are missing info: add what is missing to this workflow's context.",
  'wrong info': "Most edits are wrong info: correct this workflow's context.",
};

export function topEditType(counts: Record<EditType, number>): EditType | null {
  let best: EditType | null = null;
  for (const [type, count] of Object.entries(counts) as [EditType, number][]) {
    if (count > 0 && (best === null || count > counts[best])) best = type;
  }
  return best;
}

function editSummary(counts: Record<EditType, number>): string {
  const parts = (Object.entries(counts) as [EditType, number][])
    .filter(([, n]) => n > 0)
    .map(([type, n]) => `${type} ${n}`);
  return parts.length ? parts.join(', ') : 'none recorded';
}

interface DiagnoseInput {
  members: MemberReport[];
  tallies: Map<string, MemberTally>;
  team: TeamReport;
  settings: AuditSettings;
  asOf: Day;
}

/** Fills each member's `diagnosis` and `followUp`, and returns every finding, team-level first. */
export function diagnose({ members, tallies, team, settings, asOf }: DiagnoseInput): Finding[] {
  const teamFindings: Finding[] = [];
  const target = percent(settings.acceptanceTarget);
  const diagnosable = members.filter((m) => m.inScope && m.status === 'active');

  for (const m of diagnosable) {
    const tally = tallies.get(m.key)!;
    const roster = tally.rosterMember;
    const genuine = m.category === 'Genuine adopter';
    const lowAcceptance = m.acceptanceRate !== null && m.acceptanceRate < settings.acceptanceTarget;
    const found: Finding[] = [];
    const add = (code: keyof typeof CAUSES, evidence: string[]) =>
      found.push({ code, ...CAUSES[code], evidence, member: m.member });

    // Foundation: the outputs are wrong for lack of context, whatever the frequency.
    const edits = Object.values(m.editTypes).reduce((a, b) => a + b, 0);
    const infoEdits = m.editTypes['missing info'] + m.editTypes['wrong info'];
    const foundation: string[] = [];
    if (lowAcceptance && edits > 0 && infoEdits * 2 > edits) {
      foundation.push(
        `Acceptance ${percent(m.acceptanceRate)} against a ${target} target; ${infoEdits} of ${plural(edits, 'edit')} ${infoEdits === 1 ? 'was' : 'were'} missing or wrong info.`,
      );
    }
    if (roster?.contextPackReady === false && (!genuine || lowAcceptance)) {
      foundation.push('The roster says the context pack for their role is not ready.');
    }
    if (foundation.length) add('foundation', foundation);

    if (!genuine) {
      // Cause 3 is an obstacle met after training. Without a training date (not on the roster,
      // left blank or unreadable) every run counts as "since training" in the tally, so neither
      // signal says anything about training: the finding would claim what the data does not show.
      const trained = roster !== null && roster.trainingDay !== null;
      const obstacle: string[] = [];
      if (trained && tally.ranSinceTraining && tally.runsLastWeek === 0 && tally.lastRunDay !== null) {
        obstacle.push(`Ran after training (last run ${dayToIso(tally.lastRunDay)}), then no runs in the last week.`);
      }
      const early = tally.firstRunsSinceTraining;
      if (trained && early.length && early.every((run) => run.outcome === 'heavy' || run.outcome === 'not-used')) {
        const outcomes = early.map((run) => (run.outcome === 'heavy' ? 'heavy edit' : 'not used')).join(', ');
        obstacle.push(
          `Their first ${early.length === 1 ? 'run' : `${early.length} runs`} after training: ${outcomes}.`,
        );
      }
      if (obstacle.length) add('obstacle', obstacle);

      if (roster && !roster.anchorWorkflow && m.runs === 0) {
        add('no-workflow', ['No anchor workflow on the roster and no runs in the window.']);
      }
      if (
        roster?.anchorWorkflow &&
        roster.trainingDay !== null &&
        roster.trainingDay <= asOf &&
        !tally.ranAnchorSinceTraining
      ) {
        add('generic-demos', [
          `Trained on ${dayToIso(roster.trainingDay)}; has never run their anchor workflow "${roster.anchorWorkflow}" since.`,
        ]);
      }
    }

    m.diagnosis = found;
    // Not trained yet: the programme has not started, so being below the threshold is expected.
    const trainingAhead = roster?.trainingDay != null && roster.trainingDay > asOf;
    if (!genuine && !trainingAhead)
      m.followUp.push(`${m.category}: ${usesPhrase(m.usesPerWeek)} (threshold ${settings.genuineAt})`);
    if (lowAcceptance) m.followUp.push(`Acceptance ${percent(m.acceptanceRate)} is below the ${target} target`);
  }

  const inScope = members.filter((m) => m.inScope);
  if (
    team.trainingCompletionRate !== null &&
    team.adoptionRate !== null &&
    team.trainingCompletionRate >= HIGH_COMPLETION &&
    team.adoptionRate < LOW_ADOPTION
  ) {
    teamFindings.push({
      code: 'wrong-metric',
      ...CAUSES['wrong-metric'],
      evidence: [
        `Training completion ${percent(team.trainingCompletionRate)}, adoption rate ${percent(team.adoptionRate)}: a gap of ${Math.round((team.gap ?? 0) * 100)} points.`,
      ],
    });
  }

  const adopters = inScope.filter((m) => m.category === 'Genuine adopter');
  // Fewer adopters than half: at least two others, so "are not" always agrees.
  if (adopters.length > 0 && adopters.length * 2 < inScope.length) {
    teamFindings.push({
      code: 'no-peer-advocacy',
      ...CAUSES['no-peer-advocacy'],
      evidence: [
        `${plural(adopters.length, 'genuine adopter')} (${adopters.map((m) => m.member).join(', ')}) out of ${inScope.length} members in scope; ${inScope.length - adopters.length} are not.`,
      ],
    });
  }

  // A workflow below target for two or more members points at the workflow, not the people.
  const byWorkflow = new Map<string, { workflow: string; below: string[]; edits: Record<EditType, number> }>();
  for (const m of members) {
    for (const [key, w] of tallies.get(m.key)!.byWorkflow) {
      const entry = byWorkflow.get(key) ?? { workflow: w.workflow, below: [], edits: emptyEditTypes() };
      for (const [type, n] of Object.entries(w.editTypes) as [EditType, number][]) entry.edits[type] += n;
      const rate = acceptanceRate(w.outcomes);
      if (rate !== null && rate < settings.acceptanceTarget)
        entry.below.push(`${m.member} ${percent(rate)} over ${plural(w.runs, 'run')}`);
      byWorkflow.set(key, entry);
    }
  }
  for (const entry of byWorkflow.values()) {
    if (entry.below.length < 2) continue;
    const top = topEditType(entry.edits);
    teamFindings.push({
      code: 'workflow-gap',
      cause: `${CAUSES['workflow-gap'].cause}: ${entry.workflow}`,
      step: top ? STEP_BY_EDIT_TYPE[top] : CAUSES['workflow-gap'].step,
      evidence: [
        `Below the ${target} target for ${entry.below.length} members: ${entry.below.join('; ')}.`,
        `Edit types on this workflow: ${editSummary(entry.edits)}.`,
      ],
      workflow: entry.workflow,
    });
  }

  return [...teamFindings, ...diagnosable.flatMap((m) => m.diagnosis)];
}

export function formatUses(uses: number): string {
  return Number.isInteger(uses) ? String(uses) : uses.toFixed(1);
}

/** "1 unprompted use a week", "2.5 unprompted uses a week". */
export function usesPhrase(uses: number): string {
  return `${formatUses(uses)} unprompted ${uses === 1 ? 'use' : 'uses'} a week`;
}
