/**
 * "Create logging form" (rules §16): a Google Form whose answers land in a sheet of this
 * spreadsheet, which Uptake reads as part of the log and never edits. Made once; run again, it
 * offers to update the existing form's dropdowns. A form that was deleted is reported, and made
 * again only when the owner says so. Nothing in the team's log, roster or other forms changes.
 */
import { requireOwner } from './roles';
import type { Settings } from '../core/base/settings';
import type { FormLinks } from '../core/base/types';
import type { LoggingFormAnswer, LoggingFormStep } from '../shared/api';
import {
  EDIT_TYPE_CHOICES,
  FORM_QUESTIONS,
  formChoices,
  OUTCOME_CHOICES,
  PROMPTED_CHOICES,
  type FormChoices,
} from '../core/form/questions';
import { FORMS_SCOPE, formNotUpdatedLine } from '../core/base/permissions';
import { permissionsFound, requirePermissions } from './permissions';
import { readRoster, readTeam, SetupError, type RosterApprovals } from './team-data';
import { storeSettings } from './settings-store';
import { currentUserEmail } from './automation-store';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Ui = GoogleAppsScript.Base.Ui;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
/** Its publishing methods are newer than the type definitions: src/gas/apps-script.d.ts declares them. */
type Form = GoogleAppsScript.Forms.Form;

/** Document property holding the form Uptake made: its id and its two dropdowns' item ids. */
const FORM_KEY = 'uptake.loggingForm';

export interface StoredForm {
  formId: string;
  memberItem: number;
  workflowItem: number;
  /**
   * The form's address (Form.getPublishedUrl()), kept here so that Log a run, the digest and
   * every member see it without opening the form, which only its editors may. Kept when the
   * form cannot be opened (Uptake cannot tell a deleted form from one it may not open).
   */
  url?: string;
  /** The answers sheet's id (Sheet.getSheetId()), found when the form was made; absent for older forms. */
  answersSheetId?: number;
}

function saveStoredForm(stored: StoredForm): void {
  PropertiesService.getDocumentProperties().setProperty(FORM_KEY, JSON.stringify(stored));
}

/** The logging form's address for pages and emails; null when none was made or it was found deleted. */
export function loggingFormUrl(): string | null {
  const url = storedForm()?.url;
  return typeof url === 'string' && url ? url : null;
}

export function storedForm(
  /** The document's properties when the caller has read them (getProperties), to read them once. */
  documentValues?: Record<string, string>,
): StoredForm | null {
  // A trigger run with no document context has no document properties (null): no form is known.
  const raw = documentValues
    ? documentValues[FORM_KEY]
    : PropertiesService.getDocumentProperties()?.getProperty(FORM_KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as StoredForm;
    return typeof parsed.formId === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Whether the sheet is the one this form sends its answers to: "Class Sheet", getFormUrl() gives
 * "the URL for the form that sends its responses to this sheet, or null if this sheet has no
 * associated form" (https://developers.google.com/apps-script/reference/spreadsheet/sheet#getFormUrl());
 * the form's address holds its id. Kept when the sheet is renamed or its headers change.
 */
function linkedTo(sheet: Sheet, formId: string): boolean {
  const url = sheet.getFormUrl();
  return url !== null && url.includes(formId);
}

/**
 * The sheet of this spreadsheet the stored form sends its answers to, found by the link, not by
 * headers: the sheet stored when the form was made (two calls), else each sheet asked in turn.
 * null when no sheet is linked to it (deleted, or the form unlinked).
 */
export function answersSheetOf(
  spreadsheet: Spreadsheet,
  stored: Pick<StoredForm, 'formId' | 'answersSheetId'>,
): Sheet | null {
  if (stored.answersSheetId !== undefined) {
    const sheet = spreadsheet.getSheetById(stored.answersSheetId);
    if (sheet && linkedTo(sheet, stored.formId)) return sheet;
  }
  return spreadsheet.getSheets().find((sheet) => linkedTo(sheet, stored.formId)) ?? null;
}

/**
 * When Settings pin the log's sheets, the new form's answers sheet joins them (the owner asked
 * for the form, so for its answers to count); the sentence saying so, or what to do.
 */
function pinAnswersSheet(spreadsheet: Spreadsheet, settings: Settings, answers: Sheet | null): string {
  if (settings.logSheets.length === 0) return '';
  if (!answers)
    return ' The log sheets are pinned in Settings: add the form’s answers sheet to "Log sheets" there once it appears, or its answers are not read.';
  const name = answers.getName();
  if (!settings.logSheets.includes(name)) storeSettings(spreadsheet, { logSheets: [...settings.logSheets, name] });
  return ` The log sheets are pinned in Settings: "${name}" was added to them.`;
}

/** The dropdowns' choices from the roster and the log (the log alone, or the roster alone, will do). */
function currentChoices(spreadsheet: Spreadsheet, settings: Settings, approved: RosterApprovals): FormChoices {
  try {
    const team = readTeam(spreadsheet, settings, approved);
    return formChoices(team.roster, team.log.table);
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    const roster = readRoster(spreadsheet, settings, { timeZone: 'UTC', dateOrder: 'DMY' }, approved);
    if (!roster || roster.members.length === 0)
      // eslint-disable-next-line preserve-caught-error
      throw new Error(`The form needs the team's names: ${error.message}`);
    return formChoices(roster, null);
  }
}

/** The form, or null when it was deleted or cannot be opened. */
export function openStoredForm(stored: StoredForm): Form | null {
  try {
    return FormApp.openById(stored.formId) as Form;
  } catch {
    return null;
  }
}

/** Puts the roster's names and the workflows in the form's two dropdowns; false when they are gone. */
export function updateDropdowns(form: Form, stored: StoredForm, choices: FormChoices): boolean {
  const member = form.getItemById(stored.memberItem);
  const workflow = form.getItemById(stored.workflowItem);
  if (!member || !workflow) return false;
  member.asListItem().setChoiceValues(choices.members);
  workflow.asListItem().setChoiceValues(choices.workflows);
  return true;
}

/**
 * A member's pre-filled link, their name chosen in the Team member question, made the one way
 * Google documents: "Class FormResponse", toPrefilledUrl() "Generates a URL for the form in which
 * the answers are pre-filled based on the answers in this form response"
 * (https://developers.google.com/apps-script/reference/forms/form-response#toPrefilledUrl()).
 * "Class ListItem", createResponse(response) throws when the name is not one of its choices:
 * null then. Four service calls a member, made only for a member an email names, once each.
 */
function prefilledLinks(form: Form, memberItem: GoogleAppsScript.Forms.ListItem): (member: string) => string | null {
  const made = new Map<string, string | null>();
  return (member) => {
    const name = member.replace(/\s+/g, ' ').trim();
    if (!made.has(name)) {
      let link: string | null;
      try {
        link = form.createResponse().withItemResponse(memberItem.createResponse(name)).toPrefilledUrl();
      } catch {
        link = null;
      }
      made.set(name, link);
    }
    return made.get(name)!;
  };
}

/** What the daily run did to the form: a line for its report (or null), and the form's links for its emails. */
export interface FormInStep {
  line: string | null;
  links: FormLinks | null;
}

/**
 * The daily run (rules §16): the form's dropdowns follow the roster and the log, so a member
 * added or renamed in the roster is offered under the roster's name. Opens the form only when
 * one is stored; writes only choices that changed. A line for the run's report when it changed
 * something or could not, else null; never makes a form. A form that cannot be opened keeps its
 * stored address (the run's account may merely not be its editor), and the report says so.
 */
export function keepFormInStep(choices: () => FormChoices): FormInStep {
  const stored = storedForm();
  if (!stored) return { line: null, links: null };
  // The one section of the daily run that needs the forms scope: without it, this alone is left
  // out, the form's address kept for the team's emails ("Class AuthorizationInfo").
  const forms = permissionsFound([FORMS_SCOPE]);
  if (forms.missing?.length) {
    return {
      line: formNotUpdatedLine(currentUserEmail(), forms.missing),
      links: stored.url ? { url: stored.url, prefilledFor: () => null } : null,
    };
  }
  const form = openStoredForm(stored);
  if (!form) {
    // openById fails alike for a deleted form and for an account that is not one of its editors,
    // and telling them apart would need Drive's scope: the address is kept, so the link stays
    // for the team; "Create logging form" replaces it when a new form is made.
    const account = currentUserEmail() || 'the account the daily run runs under';
    return {
      line: `The logging form cannot be opened by ${account} (deleted, or ${account} is not one of its editors), so its dropdowns were not updated: see Check set-up.`,
      links: null,
    };
  }
  let url = stored.url;
  if (!url) {
    url = form.getPublishedUrl();
    saveStoredForm({ ...stored, url });
  }
  const member = form.getItemById(stored.memberItem);
  const workflow = form.getItemById(stored.workflowItem);
  if (!member || !workflow)
    return {
      line: 'The logging form’s Team member or Workflow question was deleted in the form, so its dropdowns were not updated: add it back there.',
      links: { url, prefilledFor: () => null },
    };
  const memberList = member.asListItem();
  const links = { url, prefilledFor: prefilledLinks(form, memberList) };
  return { line: syncChoices(memberList, workflow.asListItem(), choices()), links };
}

/** Writes the dropdowns whose choices differ from `wanted`; the report's line when any changed. */
function syncChoices(
  member: GoogleAppsScript.Forms.ListItem,
  workflow: GoogleAppsScript.Forms.ListItem,
  wanted: FormChoices,
): string | null {
  let changed = false;
  for (const [item, values] of [
    [member, wanted.members],
    [workflow, wanted.workflows],
  ] as const) {
    const current = item.getChoices().map((choice) => choice.getValue());
    if (current.length === values.length && current.every((value, i) => value === values[i])) continue;
    item.setChoiceValues(values);
    changed = true;
  }
  return changed
    ? `Updated the logging form's dropdowns: ${wanted.members.length} team members, ${wanted.workflows.length} workflows.`
    : null;
}

function createForm(
  spreadsheet: Spreadsheet,
  choices: FormChoices,
): { form: Form; stored: StoredForm; answers: Sheet | null } {
  const form = FormApp.create(`AI usage log: ${spreadsheet.getName()}`) as Form;
  form.setDescription('One answer per AI workflow run. Uptake reads the answers as part of the team’s log.');
  const member = form.addListItem().setTitle(FORM_QUESTIONS.member).setRequired(true);
  member.setChoiceValues(choices.members);
  const workflow = form.addListItem().setTitle(FORM_QUESTIONS.workflow).setRequired(true);
  workflow.setChoiceValues(choices.workflows);
  form.addMultipleChoiceItem().setTitle(FORM_QUESTIONS.outcome).setRequired(true).setChoiceValues(OUTCOME_CHOICES);
  form.addCheckboxItem().setTitle(FORM_QUESTIONS.editTypes).setChoiceValues(EDIT_TYPE_CHOICES);
  form.addMultipleChoiceItem().setTitle(FORM_QUESTIONS.prompted).setChoiceValues(PROMPTED_CHOICES);
  form.addParagraphTextItem().setTitle(FORM_QUESTIONS.notes);
  // "Class Form", setDestination(type, id): the answers land in a new sheet of this spreadsheet.
  form.setDestination(FormApp.DestinationType.SPREADSHEET, spreadsheet.getId());
  // Forms made by scripts are unpublished by default after 30 June 2026 and take no answers
  // until published ("API changes to Google Forms",
  // https://developers.google.com/workspace/forms/api/guides/api-changes-to-google-forms);
  // setPublished(true) "also enables accepting responses" ("Publish and manage responders on
  // the form", https://developers.google.com/workspace/forms/api/guides/publish-form).
  form.setPublished(true);
  const formId = form.getId();
  SpreadsheetApp.flush();
  const answers = answersSheetOf(spreadsheet, { formId });
  const stored: StoredForm = {
    formId,
    memberItem: member.getId(),
    workflowItem: workflow.getId(),
    url: form.getPublishedUrl(),
    ...(answers ? { answersSheetId: answers.getSheetId() } : {}),
  };
  saveStoredForm(stored);
  return { form, stored, answers };
}

/**
 * "Create logging form", one step (menu and sidebar alike): made, updated, or a question for the
 * owner first when a form exists ("update its dropdowns?") or was deleted ("make a new one?").
 * `answer` is the owner's yes to that question; nothing is made or changed without it. A user
 * who did not grant the forms permission is told which one and how to grant it before anything
 * is read or made, as the automation switch and Send digest now do, instead of a FormApp error
 * half-way. `approved`: the roster's pairings the owner approved (src/gas/settings-store.ts, loadStoredSettings).
 */
export function loggingFormStep(
  spreadsheet: Spreadsheet,
  settings: Settings,
  approved: RosterApprovals,
  answer: LoggingFormAnswer | null,
): LoggingFormStep {
  // The owner's (rules §19): the one guard every owner-only server function runs.
  requireOwner('create or update the logging form', settings);
  requirePermissions([FORMS_SCOPE]);
  const stored = storedForm();
  if (stored) {
    const existing = openStoredForm(stored);
    if (existing) {
      const url = stored.url ?? existing.getPublishedUrl();
      if (stored.url !== url) saveStoredForm({ ...stored, url });
      if (answer !== 'update')
        return {
          done: false,
          ask: 'update',
          url,
          message: `This spreadsheet already has its logging form (${url}). Update its Team member and Workflow dropdowns from the roster and the log instead of making a second form?`,
        };
      const choices = currentChoices(spreadsheet, settings, approved);
      return {
        done: true,
        url,
        message: updateDropdowns(existing, stored, choices)
          ? `The form's dropdowns now offer ${choices.members.length} team members and ${choices.workflows.length} workflows.`
          : 'The form’s Team member or Workflow question was deleted in the form: add it back there (or delete the form and create a new one).',
      };
    }
    if (answer !== 'new')
      return {
        done: false,
        ask: 'new',
        url: null,
        message:
          'The logging form Uptake made for this spreadsheet was deleted or can no longer be opened. Its answers sheet stays part of the log. Make a new form?',
      };
  }
  const { stored: made, answers } = createForm(spreadsheet, currentChoices(spreadsheet, settings, approved));
  const where = answers
    ? `a new sheet of this spreadsheet, "${answers.getName()}",`
    : 'a new sheet of this spreadsheet,';
  return {
    done: true,
    url: made.url ?? null,
    message:
      `Made the logging form: ${made.url}\n\n` +
      `Its answers land in ${where} which Uptake reads as part of the log.${pinAnswersSheet(spreadsheet, settings, answers)} ` +
      'Share the link with the team; "Log a run" shows it, with a QR code for phones.',
  };
}

/** Menu "Create logging form": the step, its question asked in an alert; what it did, in words for an alert. */
export function createLoggingForm(
  spreadsheet: Spreadsheet,
  ui: Ui,
  settings: Settings,
  approved: RosterApprovals,
): string {
  const step = loggingFormStep(spreadsheet, settings, approved, null);
  if (step.done) return step.message;
  const yes = ui.alert('Uptake logging form', step.message, ui.ButtonSet.YES_NO) === ui.Button.YES;
  if (!yes) return step.ask === 'update' ? 'Nothing changed.' : 'No new form was made.';
  const answered = loggingFormStep(spreadsheet, settings, approved, step.ask);
  return answered.message;
}
