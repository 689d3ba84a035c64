/** Spec §9: the six-week measurement, evaluated from day 42 after training. */
import { dayToIso, type Day } from '../base/dates';
import { trainedWorkflowKeys } from '../sheets/roster';
import type { MemberTally, SixWeek } from './audit-types';
import type { AuditSettings, RosterMember } from '../base/types';

export const SIX_WEEK_DAY = 42;

const SIX_WEEK_MEANING: Record<'working' | 'reverted' | 'quality' | 'stable' | 'principled', [string, string]> = {
  working: ['Adoption is working', 'Continue; plan second-wave workflows'],
  reverted: ['Reverted', 'Diagnose why; intervene'],
  quality: ['Quality bar not met', 'Diagnose the context or prompt gap; fix it'],
  stable: ['Stable, not deepening', 'Second session on additional workflows'],
  principled: ['Principled resistance', 'None: not chased (their reasons are heard, not followed up)'],
};

/** Spec §9, evaluated from day 42 after training on the audit's window. */
export function sixWeekDecision(args: {
  trainingDay: Day | null;
  usesPerWeek: number;
  rate: number | null;
  tally: Pick<MemberTally, 'ranUntrainedWorkflow'> & { rosterMember: RosterMember | null };
  asOf: Day;
  settings: AuditSettings;
}): SixWeek {
  const { trainingDay, asOf, settings } = args;
  if (trainingDay === null) {
    return {
      status: 'no-training-date',
      label: 'No training date',
      nextStep: 'Add the training date to the roster',
      dueDate: null,
      frequencyMet: null,
      acceptanceMet: null,
      expansion: null,
    };
  }
  const dueDay = trainingDay + SIX_WEEK_DAY;
  const dueDate = dayToIso(dueDay);
  if (asOf < dueDay) {
    const label =
      asOf < trainingDay ? `Training on ${dayToIso(trainingDay)}` : `Not yet (day ${asOf - trainingDay} of 42)`;
    return {
      status: 'not-yet',
      label,
      nextStep: `Measure on ${dueDate}`,
      dueDate,
      frequencyMet: null,
      acceptanceMet: null,
      expansion: null,
    };
  }
  const frequencyMet = args.usesPerWeek >= settings.genuineAt;
  // No runs, no rate (spec §4): acceptance is unknown, shown as "–", and the decision is Reverted.
  const acceptanceMet = args.rate === null ? null : args.rate >= settings.acceptanceTarget;
  const expansion = trainedWorkflowKeys(args.tally.rosterMember) ? args.tally.ranUntrainedWorkflow : null;
  // Principled resistance is heard, not chased (spec §7): never "Reverted", whatever the frequency.
  const status =
    args.tally.rosterMember?.status === 'principled-resistance'
      ? 'principled'
      : !frequencyMet
        ? 'reverted'
        : !acceptanceMet
          ? 'quality'
          : expansion
            ? 'working'
            : 'stable';
  const [label, nextStep] = SIX_WEEK_MEANING[status];
  return { status, label, nextStep, dueDate, frequencyMet, acceptanceMet, expansion };
}
