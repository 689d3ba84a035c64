/**
 * What every section of the dashboard shares: the actions it can ask of the sidebar, the panel
 * and hint a section is made of, the category colours, and the strings the team typed that the
 * server's sentences may quote (so that they are isolated, teamText).
 */
import type { Audit } from '../core/audit/audit-types';
import type { Category } from '../core/base/types';
import { el, uniqueId, type Child } from './dom';
import type { RecordIntervention } from './interventions-view';
import type { RosterApprovalRequest } from '../shared/api';

/** What the programme section (programme-view.ts) asks the sidebar to do. */
export interface ProgrammeActions {
  /** Starts the programme on a date (YYYY-MM-DD; '' for today). */
  startProgramme(start: string): void;
  /** Records an anchor-workflow session for a participant, dated today. */
  recordSession(member: string): void;
}

export interface DashboardActions {
  /** Selects a log row in the sheet. */
  selectRow(row: number, sheet?: string): void;
  openSettings(): void;
  /** Opens "Record an intervention" with what the place it was opened from knows. */
  recordIntervention: RecordIntervention;
  /** The replacement programme's start and its one-step session (rules §17). */
  programme: ProgrammeActions;
  /** Approves what the dashboard listed of the Roster: its emails and follow-up owners (rules §19). */
  approveRoster(listed: RosterApprovalRequest): void;
}

/** The class that colours each category (uptake.css). */
export const CATEGORY_CLASS: Record<Category, string> = {
  'Genuine adopter': 'cat-genuine',
  'Developing user': 'cat-developing',
  'Non-adopter': 'cat-non',
};

/** The strings the team typed that the server's sentences may quote: names, workflows, roles, sheets. */
export function teamStrings(audit: Audit): string[] {
  return [
    ...audit.members.flatMap((m) => [m.member, m.role ?? '', ...m.workflows.map((w) => w.workflow)]),
    ...audit.workflows.map((w) => w.workflow),
    ...[...audit.skippedRows, ...audit.notices].map((p) => p.sheet ?? ''),
  ];
}

export function section(title: string, ...children: Child[]): HTMLElement {
  const id = uniqueId('section');
  return el('section', { class: 'panel', 'aria-labelledby': id }, el('h2', { id }, title), ...children);
}

export function note(...text: Child[]): HTMLElement {
  return el('p', { class: 'hint' }, ...text);
}
