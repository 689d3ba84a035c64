// Sheet and range protections (Sheet.protect, Range.protect).
import { api, type FakeInfo } from './boundary';
import type { FakeRange } from './range';
import { FakeUser } from './session';
import type { FakeSheet } from './sheet';

type GRange = GoogleAppsScript.Spreadsheet.Range;
type GProtection = GoogleAppsScript.Spreadsheet.Protection;
type GProtectionType = GoogleAppsScript.Spreadsheet.ProtectionType;
type GUser = GoogleAppsScript.Base.User;

export class FakeProtection implements Pick<
  GProtection,
  | 'addEditor'
  | 'addEditors'
  | 'canDomainEdit'
  | 'canEdit'
  | 'getDescription'
  | 'getEditors'
  | 'getProtectionType'
  | 'getRange'
  | 'isWarningOnly'
  | 'remove'
  | 'removeEditor'
  | 'removeEditors'
  | 'setDescription'
  | 'setDomainEdit'
  | 'setWarningOnly'
> {
  static readonly fakeInfo: FakeInfo = { service: 'spreadsheet', cls: 'Protection' };
  _description = '';
  _warningOnly = false;
  _domainEdit = true;
  _editors = new Set<string>();

  constructor(
    readonly _type: 'RANGE' | 'SHEET',
    readonly _sheet: FakeSheet,
    readonly _range: FakeRange | null,
  ) {
    this._editors.add(_sheet._ss._gas.session.effectiveUser);
  }

  addEditor(user: string | GUser): GProtection {
    this._editors.add(typeof user === 'string' ? user : user.getEmail());
    return api<GProtection>(this);
  }
  addEditors(emailAddresses: string[]): GProtection {
    for (const e of emailAddresses) this._editors.add(e);
    return api<GProtection>(this);
  }
  canDomainEdit(): boolean {
    return this._domainEdit;
  }
  canEdit(): boolean {
    return true;
  }
  getDescription(): string {
    return this._description;
  }
  getEditors(): GUser[] {
    return [...this._editors].map((e) => api<GUser>(new FakeUser(e)));
  }
  getProtectionType(): GProtectionType {
    return api<GProtectionType>(this._type as unknown as object);
  }
  getRange(): GRange {
    return api<GRange>(this._range ?? this._sheet._rangeAt(1, 1, this._sheet._maxRows, this._sheet._maxCols));
  }
  isWarningOnly(): boolean {
    return this._warningOnly;
  }
  remove(): void {
    this._sheet._protections = this._sheet._protections.filter((p) => p !== this);
  }
  removeEditor(user: string | GUser): GProtection {
    this._editors.delete(typeof user === 'string' ? user : user.getEmail());
    return api<GProtection>(this);
  }
  removeEditors(users: string[] | GUser[]): GProtection {
    for (const u of users) this._editors.delete(typeof u === 'string' ? u : u.getEmail());
    return api<GProtection>(this);
  }
  setDescription(description: string): GProtection {
    this._description = String(description);
    return api<GProtection>(this);
  }
  setDomainEdit(editable: boolean): GProtection {
    this._domainEdit = !!editable;
    return api<GProtection>(this);
  }
  setWarningOnly(warningOnly: boolean): GProtection {
    this._warningOnly = !!warningOnly;
    return api<GProtection>(this);
  }
}
