/**
 * The rules of the diagnosis (spec §10), one small named function each. A member rule reads one
 * member's facts and returns its signal (the evidence, and the day it starts) or null; a team
 * rule reads the whole audit and returns its findings. Adding a cause is adding a line to a table.
 */
import { dayToIso, isoToDay, type Day } from '../base/dates';
import type { MemberUsage } from '../usage/types';
import { percent, plural } from '../base/text';
import type { AuditSettings, EditType, RosterMember } from '../base/types';
import type { Finding, FindingCode, MemberReport, MemberTally } from './audit-types';
import { acceptanceRate, emptyEditTypes } from './rates';
import { editPattern, editPatternFix, editSummary } from './edit-pattern';

export const CAUSES = {
  'logging-gap': {
    cause: 'Logging gap',
    step: 'Their use is understated: ask them to log each run (Log a run, or the logging form), then read their category again.',
  },
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
  'no-peer-advocacy': {
    cause: 'No peer advocacy (cause 5)',
    step: 'Run the peer advocacy moment at the next team meeting, naming the adopters.',
  },
  'workflow-gap': { cause: 'Workflow-level gap', step: "Fix that workflow's prompt or context." },
} as const satisfies Record<FindingCode, { cause: string; step: string }>;

export { editPatternLine, editSummary } from './edit-pattern';

/** A finding as a rule makes it: open, with the day its evidence starts. */
export function newFinding(
  code: FindingCode,
  evidence: string[],
  since: Day | null,
  extra: Partial<Pick<Finding, 'member' | 'workflow' | 'cause' | 'step'>> = {},
): Finding {
  return {
    code,
    ...CAUSES[code],
    evidence,
    since: since === null ? null : dayToIso(since),
    addressed: null,
    changeAfter: null,
    notImprovedAfter: null,
    ...extra,
  };
}

// ---- member rules -------------------------------------------------------------------------

/** What a member rule reads about one member in scope. */
export interface MemberFacts {
  m: MemberReport;
  tally: MemberTally;
  roster: RosterMember | null;
  genuine: boolean;
  lowAcceptance: boolean;
  settings: AuditSettings;
  asOf: Day;
  /** The member's usage as of the audit date (spec §15), when a usage export names them. */
  usage: MemberUsage | null;
}

/** A rule's signal: why it fired, and the first day of that evidence (null: none). */
export interface Signal {
  evidence: string[];
  since: Day | null;
}

export interface MemberRule {
  code: FindingCode;
  /** Only for members below Genuine (the obstacles to a habit, not to quality). */
  belowGenuineOnly: boolean;
  signal: (facts: MemberFacts) => Signal | null;
}

/** Foundation: the outputs are wrong for lack of context, whatever the frequency. */
function contextPackSignal({ m, roster, genuine, lowAcceptance, settings }: MemberFacts): Signal | null {
  const edits = Object.values(m.editTypes).reduce((a, b) => a + b, 0);
  const infoEdits = m.editTypes['missing info'] + m.editTypes['wrong info'];
  const evidence: string[] = [];
  if (lowAcceptance && edits > 0 && infoEdits * 2 > edits) {
    evidence.push(
      `Acceptance ${percent(m.acceptanceRate)} against a ${percent(settings.acceptanceTarget)} target; ${infoEdits} of ${plural(edits, 'edit')} ${infoEdits === 1 ? 'was' : 'were'} missing or wrong info.`,
    );
  }
  if (roster?.contextPackReady === false && (!genuine || lowAcceptance)) {
    evidence.push('The roster says the context pack for their role is not ready.');
  }
  return evidence.length ? { evidence, since: null } : null;
}

/**
 * Cause 3 is an obstacle met after training. Without a training date (not on the roster, left
 * blank or unreadable) every run counts as "since training" in the tally, so neither signal says
 * anything about training: the finding would claim what the data does not show. The evidence
 * starts with the first bad run, or with the last run before the silence.
 */
function obstacleSignal({ tally, roster }: MemberFacts): Signal | null {
  if (roster === null || roster.trainingDay === null) return null;
  const evidence: string[] = [];
  const starts: Day[] = [];
  if (tally.ranSinceTraining && tally.runsLastWeek === 0 && tally.lastRunDay !== null) {
    evidence.push(`Ran after training (last run ${dayToIso(tally.lastRunDay)}), then no runs in the last week.`);
    starts.push(tally.lastRunDay);
  }
  const early = tally.firstRunsSinceTraining;
  if (early.length && early.every((run) => run.outcome === 'heavy' || run.outcome === 'not-used')) {
    const outcomes = early.map((run) => (run.outcome === 'heavy' ? 'heavy edit' : 'not used')).join(', ');
    evidence.push(`Their first ${early.length === 1 ? 'run' : `${early.length} runs`} after training: ${outcomes}.`);
    starts.push(early[0].day);
  }
  return evidence.length ? { evidence, since: Math.min(...starts) } : null;
}

function noWorkflowSignal({ m, roster }: MemberFacts): Signal | null {
  if (!roster || roster.anchorWorkflow || m.runs > 0) return null;
  return { evidence: ['No anchor workflow on the roster and no runs in the window.'], since: null };
}

function genericDemosSignal({ tally, roster, asOf }: MemberFacts): Signal | null {
  if (!roster?.anchorWorkflow || roster.trainingDay === null || roster.trainingDay > asOf) return null;
  if (tally.ranAnchorSinceTraining) return null;
  return {
    evidence: [
      `Trained on ${dayToIso(roster.trainingDay)}; has never run their anchor workflow "${roster.anchorWorkflow}" since.`,
    ],
    since: roster.trainingDay,
  };
}

/**
 * The tools say they use AI and the log does not (spec §15): their category is understated. The
 * evidence is the usage line of each period that says so; it starts with the earliest of them.
 */
function loggingGapSignal({ usage }: MemberFacts): Signal | null {
  if (!usage || (usage.status !== 'not logging' && usage.status !== 'under-logging')) return null;
  const gaps = usage.periods.flatMap((p, i) =>
    p.status === 'not logging' || p.status === 'under-logging' ? [{ line: usage.lines[i], from: p.from }] : [],
  );
  const since = gaps.map((g) => isoToDay(g.from)!).reduce((a, b) => Math.min(a, b));
  return { evidence: gaps.map((g) => g.line), since };
}

/** In order: Logging gap first, before any other cause (spec §15). */
export const MEMBER_RULES: readonly MemberRule[] = [
  { code: 'logging-gap', belowGenuineOnly: true, signal: loggingGapSignal },
  { code: 'foundation', belowGenuineOnly: false, signal: contextPackSignal },
  { code: 'obstacle', belowGenuineOnly: true, signal: obstacleSignal },
  { code: 'no-workflow', belowGenuineOnly: true, signal: noWorkflowSignal },
  { code: 'generic-demos', belowGenuineOnly: true, signal: genericDemosSignal },
];

// ---- team rules ---------------------------------------------------------------------------

/** What a team rule reads: every member report and tally. */
export interface TeamFacts {
  members: MemberReport[];
  tallies: Map<string, MemberTally>;
  settings: AuditSettings;
}

export interface TeamRule {
  name: string;
  findings: (facts: TeamFacts) => Finding[];
}

/** Some genuine adopters, fewer than half: at least two others, so "are not" always agrees. */
function peerAdvocacyRule({ members }: TeamFacts): Finding[] {
  const inScope = members.filter((m) => m.inScope);
  const adopters = inScope.filter((m) => m.category === 'Genuine adopter');
  if (adopters.length === 0 || adopters.length * 2 >= inScope.length) return [];
  const names = adopters.map((m) => m.member).join(', ');
  return [
    newFinding(
      'no-peer-advocacy',
      [
        `${plural(adopters.length, 'genuine adopter')} (${names}) out of ${inScope.length} members in scope; ${inScope.length - adopters.length} are not.`,
      ],
      null,
    ),
  ];
}

/** A workflow below target for two or more members points at the workflow, not the people. */
function workflowGapRule({ members, tallies, settings }: TeamFacts): Finding[] {
  const target = percent(settings.acceptanceTarget);
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
  return [...byWorkflow.values()]
    .filter((entry) => entry.below.length >= 2)
    .map((entry) => {
      const pattern = editPattern(entry.edits);
      return newFinding(
        'workflow-gap',
        [
          `Below the ${target} target for ${entry.below.length} members: ${entry.below.join('; ')}.`,
          `Edit types on this workflow: ${editSummary(entry.edits)}.`,
        ],
        null,
        {
          cause: `${CAUSES['workflow-gap'].cause}: ${entry.workflow}`,
          step: pattern ? editPatternFix(pattern, entry.edits) : CAUSES['workflow-gap'].step,
          workflow: entry.workflow,
        },
      );
    });
}

/**
 * In the order team findings are listed. Cause 4 (wrong adoption metric) is not among them: a
 * team that measures with Uptake reads the gap in the headline (spec §18).
 */
export const TEAM_RULES: readonly TeamRule[] = [
  { name: 'peer advocacy', findings: peerAdvocacyRule },
  { name: 'workflow-level gap', findings: workflowGapRule },
];
