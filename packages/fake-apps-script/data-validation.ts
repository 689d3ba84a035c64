// DataValidation rules and their builder (SpreadsheetApp.newDataValidation).
import { api, type FakeInfo } from './boundary';
import { signatureError, toRange } from './cells';
import type { CriteriaName } from './enums';
import { isDateLike } from './realm';
import type { ValidationRule } from './values';

type GRange = GoogleAppsScript.Spreadsheet.Range;
type GDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type GDataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

export function toValidation(x: GDataValidation | FakeDataValidation): FakeDataValidation {
  if (!(x instanceof FakeDataValidation)) throw signatureError('SpreadsheetApp.Range.setDataValidation', [x]);
  return x;
}

function cloneArgs(values: readonly unknown[]): unknown[] {
  return values.map((v) => (Array.isArray(v) ? v.slice() : isDateLike(v) ? new Date(v.getTime()) : v));
}

/** What a rule and its builder both hold: the criteria, their values and whether invalid input is let in. */
abstract class ValidationCriteria<C extends CriteriaName | null> {
  constructor(
    public criteria: C,
    public values: readonly unknown[],
    public allowInvalid: boolean,
    public helpText: string,
  ) {}
}

/** A built rule: the bundle only sets it on ranges and reads whether a cell has one. */
export class FakeDataValidation
  extends ValidationCriteria<CriteriaName>
  implements ValidationRule, Pick<GDataValidation, never>
{
  static readonly fakeInfo: FakeInfo = { service: 'spreadsheet', cls: 'DataValidation' };
  // A built rule does not change.
  declare readonly criteria: CriteriaName;
  declare readonly values: readonly unknown[];
  declare readonly allowInvalid: boolean;
  declare readonly helpText: string;
}

export class FakeDataValidationBuilder
  extends ValidationCriteria<CriteriaName | null>
  implements
    Pick<
      GDataValidationBuilder,
      | 'build'
      | 'requireCheckbox'
      | 'requireDate'
      | 'requireTextIsEmail'
      | 'requireValueInList'
      | 'requireValueInRange'
      | 'setAllowInvalid'
      | 'setHelpText'
    >
{
  static readonly fakeInfo: FakeInfo = { service: 'spreadsheet', cls: 'DataValidationBuilder' };

  constructor() {
    super(null, [], true, '');
  }

  _set(criteria: CriteriaName, values: unknown[]): GDataValidationBuilder {
    this.criteria = criteria;
    this.values = values;
    return api<GDataValidationBuilder>(this);
  }

  build(): GDataValidation {
    if (!this.criteria)
      throw new Error('The data validation rule has no criteria: call a require... method before build().');
    return api<GDataValidation>(
      new FakeDataValidation(this.criteria, cloneArgs(this.values), this.allowInvalid, this.helpText),
    );
  }
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): GDataValidationBuilder {
    const values =
      checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    return this._set('CHECKBOX', values);
  }
  requireDate(): GDataValidationBuilder {
    return this._set('DATE_IS_VALID_DATE', []);
  }
  requireTextIsEmail(): GDataValidationBuilder {
    return this._set('TEXT_IS_VALID_EMAIL', []);
  }
  requireValueInList(values: string[], showDropdown = true): GDataValidationBuilder {
    if (!Array.isArray(values))
      throw signatureError('SpreadsheetApp.DataValidationBuilder.requireValueInList', [values]);
    if (values.length === 0) throw new Error('The data validation rule needs at least one item in the list.');
    return this._set('VALUE_IN_LIST', [values.map(String), showDropdown]);
  }
  requireValueInRange(range: GRange, showDropdown = true): GDataValidationBuilder {
    return this._set('VALUE_IN_RANGE', [toRange(range), showDropdown]);
  }
  setAllowInvalid(allowInvalidData: boolean): GDataValidationBuilder {
    this.allowInvalid = !!allowInvalidData;
    return api<GDataValidationBuilder>(this);
  }
  setHelpText(helpText: string): GDataValidationBuilder {
    this.helpText = String(helpText);
    return api<GDataValidationBuilder>(this);
  }
}
