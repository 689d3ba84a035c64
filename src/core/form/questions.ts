/**
 * The logging form's questions (rules §1, §16): their titles are headers the log reads, and the
 * dropdowns offer the roster's names and the team's workflows.
 */
import { memberKey } from '../base/text';
import type { Roster } from '../base/types';
import { EDIT_TYPE_CHOICES, OUTCOME_CHOICES } from '../sheets/log';
import type { RunTable } from '../sheets/run-table';

export const FORM_QUESTIONS = {
  member: 'Team member',
  workflow: 'Workflow',
  outcome: 'Outcome',
  editTypes: 'Edit types',
  prompted: 'Prompted',
  notes: 'Notes',
} as const;

export const OTHER_WORKFLOW = 'Other';
export const PROMPTED_CHOICES = ['No', 'Yes'];
export { EDIT_TYPE_CHOICES, OUTCOME_CHOICES };

/** The log's workflows beyond the roster's that the dropdown offers, most used first. */
const MOST_USED_WORKFLOWS = 10;

export interface FormChoices {
  members: string[];
  workflows: string[];
}

function addUnique(list: string[], seen: Set<string>, text: string): void {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  const key = memberKey(trimmed);
  if (!trimmed || seen.has(key)) return;
  seen.add(key);
  list.push(trimmed);
}

/**
 * The dropdowns' choices: the roster's names (a renamed member is offered under the roster's
 * name only; without a roster, the names the log uses), and the workflows: the roster's anchor
 * and trained workflows, then the log's most used, then "Other". `runs` is null when the log could
 * not be read: the roster's names and workflows alone.
 */
export function formChoices(roster: Roster | null, runs: RunTable | null): FormChoices {
  const members: string[] = [];
  const memberSeen = new Set<string>();
  if (roster && roster.members.length > 0) {
    for (const member of roster.members) addUnique(members, memberSeen, member.name);
  } else if (runs) {
    for (let i = 0; i < runs.memberTexts.length; i++) addUnique(members, memberSeen, runs.memberTexts[i]);
  }
  const workflows: string[] = [];
  const workflowSeen = new Set<string>([memberKey(OTHER_WORKFLOW)]);
  for (const member of roster?.members ?? []) {
    addUnique(workflows, workflowSeen, member.anchorWorkflow);
    for (const trained of member.trainedWorkflows) addUnique(workflows, workflowSeen, trained);
  }
  if (runs) for (const workflow of mostUsedWorkflows(runs)) addUnique(workflows, workflowSeen, workflow);
  workflows.push(OTHER_WORKFLOW);
  return { members, workflows };
}

/** The log's most used workflows, most runs first (a tie in the order of the table's workflow names). */
function mostUsedWorkflows(runs: RunTable): string[] {
  const uses = new Map<number, number>();
  for (let i = 0; i < runs.length; i++) uses.set(runs.workflows[i], (uses.get(runs.workflows[i]) ?? 0) + 1);
  const mostUsed = [...uses.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MOST_USED_WORKFLOWS);
  return mostUsed.map(([index]) => runs.workflowNames[index]);
}
