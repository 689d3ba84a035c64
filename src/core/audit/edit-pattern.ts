/**
 * What a pattern of edits points to (spec §10): the workflow rule "fix that workflow's prompt or
 * context; 'tone' → voice guide, 'format' → output template, 'scope' → prompt scope", with the
 * context pack's row ("missing info" or "wrong info"). So the edit types fall in three groups:
 * context (tone, missing info, wrong info), prompt (scope) and format (format). The pattern is the
 * group with the most edits when it is strictly ahead; on a tie it is mixed, and says which
 * groups are level. One function for the sidebar, the emails and the diagnosis (and so the digest
 * and audit.csv, which print the diagnosis).
 */
import { wordList } from '../base/text';
import type { EditType } from '../base/types';

export type EditGroup = 'context' | 'prompt' | 'format';

export const EDIT_GROUPS: Record<EditGroup, readonly EditType[]> = {
  context: ['tone', 'missing info', 'wrong info'],
  prompt: ['scope'],
  format: ['format'],
};

export interface EditPattern {
  /** The groups with the most edits: one when it is strictly ahead, several on a tie. */
  leaders: EditGroup[];
  /** Edits in each group. */
  counts: Record<EditGroup, number>;
  total: number;
}

/** What one type points to, when it is strictly ahead within its group. */
const POINTS_BY_TYPE: Record<EditType, string> = {
  tone: 'context (a voice guide)',
  'missing info': "context (what is missing from the context pack or the workflow's context)",
  'wrong info': "context (what is wrong in the context pack or the workflow's context)",
  scope: "prompt (the prompt's scope)",
  format: 'format (an output template)',
};
const FIX_BY_TYPE: Record<EditType, string> = {
  tone: 'write or fix the voice guide used by this workflow',
  'missing info': "add what is missing to this workflow's context",
  'wrong info': "correct this workflow's context",
  scope: "tighten the prompt's scope",
  format: 'give this workflow an output template',
};
/** The context group with no one type ahead within it. */
const CONTEXT_POINTS = "context (the voice guide, and what is missing or wrong in the workflow's context)";
const CONTEXT_FIX = 'fix the voice guide and the context used by this workflow';

const GROUP_ORDER: readonly EditGroup[] = ['context', 'prompt', 'format'];

export function editPattern(counts: Record<EditType, number>): EditPattern | null {
  const groupCounts = { context: 0, prompt: 0, format: 0 };
  for (const group of GROUP_ORDER) for (const type of EDIT_GROUPS[group]) groupCounts[group] += counts[type];
  const total = groupCounts.context + groupCounts.prompt + groupCounts.format;
  if (total === 0) return null;
  const most = Math.max(...GROUP_ORDER.map((g) => groupCounts[g]));
  return { leaders: GROUP_ORDER.filter((g) => groupCounts[g] === most), counts: groupCounts, total };
}

/** The group's one type strictly ahead of its others, or null (no edits, or a tie within it). */
function topInGroup(group: EditGroup, counts: Record<EditType, number>): EditType | null {
  const types = EDIT_GROUPS[group].filter((t) => counts[t] > 0);
  const most = Math.max(0, ...types.map((t) => counts[t]));
  const top = types.filter((t) => counts[t] === most);
  return top.length === 1 ? top[0] : null;
}

/** "most are context edits (3 of 5)", or "mixed: context and format edits are level (2 of 4 each)". */
export function editPatternHeadline(pattern: EditPattern): string {
  const { leaders, counts, total } = pattern;
  if (leaders.length === 1) return `most are ${leaders[0]} edits (${counts[leaders[0]]} of ${total})`;
  return `mixed: ${wordList(leaders)} edits are level (${counts[leaders[0]]} of ${total} each)`;
}

/** What the pattern points to: "context (a voice guide)", or each group level on a tie. */
export function editPatternPoints(pattern: EditPattern, counts: Record<EditType, number>): string {
  const points = pattern.leaders.map((g) => {
    const top = topInGroup(g, counts);
    return top ? POINTS_BY_TYPE[top] : CONTEXT_POINTS;
  });
  return pattern.leaders.length === 1 ? points[0] : `${wordList(points)} alike`;
}

/** The workflow gap's step: the fix of each leading group. */
export function editPatternFix(pattern: EditPattern, counts: Record<EditType, number>): string {
  const fixes = pattern.leaders.map((g) => {
    const top = topInGroup(g, counts);
    return top ? FIX_BY_TYPE[top] : CONTEXT_FIX;
  });
  const headline = editPatternHeadline(pattern);
  return `${headline[0].toUpperCase()}${headline.slice(1)}: ${wordList(fixes)}.`;
}

/** "Edit types since training: tone 3, format 1. Most are context edits (3 of 4): the pattern points to context (a voice guide)." */
export function editPatternLine(counts: Record<EditType, number>, since: string): string | null {
  const pattern = editPattern(counts);
  if (!pattern) return null;
  const headline = editPatternHeadline(pattern);
  return (
    `Edit types ${since}: ${editSummary(counts)}. ${headline[0].toUpperCase()}${headline.slice(1)}: ` +
    `the pattern points to ${editPatternPoints(pattern, counts)}.`
  );
}

/** "tone 3, format 1", or "none recorded". */
export function editSummary(counts: Record<EditType, number>): string {
  const parts = (Object.entries(counts) as [EditType, number][])
    .filter(([, n]) => n > 0)
    .map(([type, n]) => `${type} ${n}`);
  return parts.length ? parts.join(', ') : 'none recorded';
}
