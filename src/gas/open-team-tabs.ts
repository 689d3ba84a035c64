/**
 * The named tabs Uptake kept in the team spreadsheet while "open team" was on (rules §19): the
 * audit tab and the Interventions sheet. When the owner closes the team they stay where they
 * are, offered for removal or moving like an earlier version's; this record lets the sidebar
 * and the questions say what they are (kept while the team was open) instead of blaming an
 * earlier version.
 */
import type { Settings } from '../core/base/settings';
import { AUDIT_SHEET } from '../shared/api';
import { Workbook } from './workbook';
import { findInterventionsSheet, teamSheetNames } from './interventions-home';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Document property: the names of the tabs kept here while the team was open (a JSON list). */
export const OPEN_TEAM_TABS_KEY = 'uptake.openTeamTabs';

/** The recorded names; `values` when the caller has read the document's properties already. */
export function openTeamTabNames(values?: Record<string, string>): string[] {
  const raw = values
    ? (values[OPEN_TEAM_TABS_KEY] ?? null)
    : PropertiesService.getDocumentProperties().getProperty(OPEN_TEAM_TABS_KEY);
  try {
    const names: unknown = JSON.parse(raw ?? '[]');
    return Array.isArray(names) ? names.filter((name): name is string => typeof name === 'string') : [];
  } catch {
    // A value this version did not write: no tab is known to be the open team's.
    return [];
  }
}

/** Whether tab `name` was kept here while the team was open (`values`: as in openTeamTabNames). */
export function keptWhileOpen(name: string, values?: Record<string, string>): boolean {
  return openTeamTabNames(values).includes(name);
}

/**
 * Called when Settings close the team: records the audit tab and the Interventions sheet now in
 * the team spreadsheet, the ones the open team used. Costs its calls only at that change.
 */
export function recordOpenTeamTabs(team: Spreadsheet, settings: Settings): void {
  const book = new Workbook(team);
  const interventions = findInterventionsSheet(book, teamSheetNames(book, settings));
  const names = [
    ...(book.byName(AUDIT_SHEET) ? [AUDIT_SHEET] : []),
    ...(interventions ? [book.nameOf(interventions)] : []),
  ];
  if (!names.length) return;
  const known = openTeamTabNames();
  const all = [...new Set([...known, ...names])];
  PropertiesService.getDocumentProperties().setProperty(OPEN_TEAM_TABS_KEY, JSON.stringify(all));
}
