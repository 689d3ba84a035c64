/**
 * The Settings form: filled from the server's Settings, read back as the changes saveSettings
 * takes. The server validates (core validateSettings) and names the field it rejects; the name
 * crosses google.script.run as data, the `field` of the call's ServerReply (src/shared/failure.ts),
 * and reaches this form as the ServerFailure's `field`. The form only
 * converts the acceptance target between the percent people type and the stored fraction.
 */
import type { SettingsField } from '../core/base/settings';
import type { DashboardData } from '../shared/api';
import { el, fill } from './dom';
import { WEEKDAYS, hourLabel } from './format';

type Field = SettingsField;

const FIELDS: readonly Field[] = [
  'genuineAt',
  'developingAt',
  'acceptanceTarget',
  'weeks',
  'historyWeeks',
  'digestWeekday',
  'digestHour',
  'ownerEmail',
  'recipients',
  'namedForRecipients',
  'openTeam',
  'logSheet',
  'logSheets',
  'rosterSheet',
  'programmeStart',
];

function isField(name: string | null): name is Field {
  return FIELDS.some((field) => field === name);
}

function control(form: HTMLFormElement, field: Field): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  const node = form.elements.namedItem(field);
  if (!node) throw new Error(`The settings form has no ${field} field.`);
  return node as HTMLInputElement;
}

function sheetOptions(select: HTMLSelectElement, names: string[], chosen: string, found: string | null): void {
  // "Automatic": Uptake finds the sheet by its headers; say which one it found.
  const findLabel = found && !chosen ? `Automatic (${found})` : 'Automatic (by headers)';
  const all = chosen && !names.includes(chosen) ? [...names, chosen] : names;
  fill(
    select,
    el('option', { value: '' }, findLabel),
    all.map((name) => el('option', { value: name }, names.includes(name) ? name : `${name} (missing)`)),
  );
  select.value = chosen;
}

/** What the form shows: the settings, the sheets to choose from and the sheets in use. */
export type SettingsView = Pick<DashboardData, 'settings' | 'sheetNames' | 'logSheet' | 'rosterSheet'> &
  Partial<Pick<DashboardData, 'programme'>>;

export function fillSettingsForm(form: HTMLFormElement, view: SettingsView): void {
  const { settings, sheetNames } = view;
  const weekday = control(form, 'digestWeekday') as HTMLSelectElement;
  if (weekday.options.length === 0)
    fill(
      weekday,
      WEEKDAYS.map((name, i) => el('option', { value: i }, name)),
    );
  const hour = control(form, 'digestHour') as HTMLSelectElement;
  if (hour.options.length === 0)
    fill(
      hour,
      Array.from({ length: 24 }, (_, h) => el('option', { value: h }, hourLabel(h))),
    );
  sheetOptions(control(form, 'logSheet') as HTMLSelectElement, sheetNames, settings.logSheet, view.logSheet);
  sheetOptions(control(form, 'rosterSheet') as HTMLSelectElement, sheetNames, settings.rosterSheet, view.rosterSheet);

  control(form, 'genuineAt').value = String(settings.genuineAt);
  control(form, 'developingAt').value = String(settings.developingAt);
  control(form, 'acceptanceTarget').value = String(Math.round(settings.acceptanceTarget * 1000) / 10);
  control(form, 'weeks').value = String(settings.weeks);
  control(form, 'historyWeeks').value = String(settings.historyWeeks);
  weekday.value = String(settings.digestWeekday);
  hour.value = String(settings.digestHour);
  control(form, 'ownerEmail').value = settings.ownerEmail;
  control(form, 'recipients').value = settings.recipients.join(', ');
  control(form, 'logSheets').value = settings.logSheets.join('\n');
  (control(form, 'namedForRecipients') as HTMLInputElement).checked = settings.namedForRecipients;
  (control(form, 'openTeam') as HTMLInputElement).checked = settings.openTeam;
  // The running programme's start: saving it unchanged starts nothing (spec §17).
  control(form, 'programmeStart').value = view.programme?.start ?? '';
  clearFieldErrors(form);
}

/**
 * The form's values as saveSettings takes them. Text the server must judge is passed on as
 * typed; only a number typed as a percent becomes the fraction the settings store.
 */
export function readSettingsForm(form: HTMLFormElement): Partial<Record<Field, unknown>> {
  const value = (field: Field) => control(form, field).value.trim();
  const target = value('acceptanceTarget');
  const targetNumber = Number(target);
  return {
    genuineAt: value('genuineAt'),
    developingAt: value('developingAt'),
    // "70" means 70%; the settings hold 0.7. Anything else goes as "N%" for the server to judge.
    acceptanceTarget: target !== '' && Number.isFinite(targetNumber) ? targetNumber / 100 : `${target}%`,
    weeks: value('weeks'),
    historyWeeks: value('historyWeeks'),
    digestWeekday: Number(value('digestWeekday')),
    digestHour: Number(value('digestHour')),
    ownerEmail: value('ownerEmail'),
    recipients: value('recipients'),
    namedForRecipients: (control(form, 'namedForRecipients') as HTMLInputElement).checked,
    openTeam: (control(form, 'openTeam') as HTMLInputElement).checked,
    logSheet: value('logSheet'),
    logSheets: value('logSheets'),
    rosterSheet: value('rosterSheet'),
    programmeStart: value('programmeStart'),
  };
}

export function clearFieldErrors(form: HTMLFormElement): void {
  for (const field of FIELDS) {
    const input = control(form, field);
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-errormessage');
  }
  for (const old of Array.from(form.querySelectorAll('.field-error'))) old.remove();
}

/**
 * Shows `message` under `field`, the field the server named (when it is one of the form's), and
 * moves focus there.
 */
export function showFieldError(form: HTMLFormElement, field: string | null, message: string): void {
  clearFieldErrors(form);
  if (!isField(field)) return;
  const input = control(form, field);
  const id = `error-${field}`;
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-errormessage', id);
  const group = input.closest('.form-group') ?? input.parentElement;
  group?.appendChild(el('p', { class: 'field-error', id }, message));
  input.focus();
}
