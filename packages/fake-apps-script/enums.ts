// Apps Script enums are objects whose string form is their name. The fake uses the names
// themselves as values: `===` comparisons, String(x) and JSON all behave the same way, and the
// casts below let the fake expose them under the real enum types.

function enumOf<const K extends string>(...names: K[]): { readonly [P in K]: P } {
  const o = {} as { [P in K]: P };
  for (const n of names) o[n] = n;
  return Object.freeze(o);
}

export const ButtonNames = enumOf('CLOSE', 'OK', 'CANCEL', 'YES', 'NO');
export const ButtonSetNames = enumOf('OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL');
export const AuthModeNames = enumOf('NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL');
export const AuthorizationStatusNames = enumOf('REQUIRED', 'NOT_REQUIRED');
export const EventTypeNames = enumOf('CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED');
export const TriggerSourceNames = enumOf('SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR');
export const DataValidationCriteriaNames = enumOf(
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
);
export const ChartTypeNames = enumOf(
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
);
export const DeveloperMetadataVisibilityNames = enumOf('DOCUMENT', 'PROJECT');

export type ButtonName = keyof typeof ButtonNames;
export type ButtonSetName = keyof typeof ButtonSetNames;
export type AuthModeName = keyof typeof AuthModeNames;
export type AuthorizationStatusName = keyof typeof AuthorizationStatusNames;
export type EventTypeName = keyof typeof EventTypeNames;
export type TriggerSourceName = keyof typeof TriggerSourceNames;
export type CriteriaName = keyof typeof DataValidationCriteriaNames;
export type ChartTypeName = keyof typeof ChartTypeNames;

/** Views a name-valued enum as the real (numeric, declaration-only) enum type. */
export function asEnum<T>(o: object): T {
  return o as unknown as T;
}

/** The name of a value that came back from the bundle as one of these enums. */
export function enumName<T extends Record<string, string>>(o: T, v: unknown): keyof T | undefined {
  const s = typeof v === 'string' ? v : undefined;
  return s !== undefined && Object.prototype.hasOwnProperty.call(o, s) ? (s as keyof T) : undefined;
}

export const Button = asEnum<typeof GoogleAppsScript.Base.Button>(ButtonNames);
export const ButtonSet = asEnum<typeof GoogleAppsScript.Base.ButtonSet>(ButtonSetNames);
export const AuthMode = asEnum<typeof GoogleAppsScript.Script.AuthMode>(AuthModeNames);
export const AuthorizationStatus = asEnum<typeof GoogleAppsScript.Script.AuthorizationStatus>(AuthorizationStatusNames);
export const TriggerSource = asEnum<typeof GoogleAppsScript.Script.TriggerSource>(TriggerSourceNames);
export const ChartType = asEnum<typeof GoogleAppsScript.Charts.ChartType>(ChartTypeNames);
export const DeveloperMetadataVisibility = asEnum<typeof GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility>(
  DeveloperMetadataVisibilityNames,
);
