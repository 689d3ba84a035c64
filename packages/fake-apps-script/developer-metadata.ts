// Developer metadata on a spreadsheet: key-value pairs stored in the file itself, so every
// editor's script (and every trigger owner's) reads the same ones.
// "Class DeveloperMetadata" (https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata)
// and "Class Spreadsheet", addDeveloperMetadata / getDeveloperMetadata
// (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet).
import { api, type FakeInfo } from './boundary';
import { DeveloperMetadataVisibilityNames, enumName } from './enums';

type GDeveloperMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;
type VisibilityName = keyof typeof DeveloperMetadataVisibilityNames;

// "Read, write, and search metadata" (https://developers.google.com/workspace/sheets/api/guides/metadata),
// section "Metadata storage limits": "Spreadsheet | 30,000 characters", and each character of
// metadataKey and metadataValue counts toward it (each sheet has 30,000 more of its own; the
// add-on keeps its metadata on the spreadsheet, so the fake counts the spreadsheet's only).
export const DEVELOPER_METADATA_LIMIT = 30_000;
export const DEVELOPER_METADATA_TOO_LARGE_MESSAGE = `The developer metadata of this spreadsheet would exceed the limit of ${DEVELOPER_METADATA_LIMIT} characters.`;

/** A spreadsheet's developer metadata, with the size limit checked before each change. */
export class DeveloperMetadataStore {
  readonly _entries: FakeDeveloperMetadata[] = [];
  private nextId = 1;

  /** Characters the spreadsheet's metadata counts for if `entry` held key and value. */
  private _sizeWith(entry: FakeDeveloperMetadata | null, key: string, value: string | null): number {
    let total = key.length + (value ?? '').length;
    for (const e of this._entries) if (e !== entry) total += e._key.length + (e._value ?? '').length;
    return total;
  }

  _check(entry: FakeDeveloperMetadata | null, key: string, value: string | null): void {
    if (this._sizeWith(entry, key, value) > DEVELOPER_METADATA_LIMIT)
      throw new Error(DEVELOPER_METADATA_TOO_LARGE_MESSAGE);
  }

  add(key: string, value: string | null, visibility: VisibilityName): FakeDeveloperMetadata {
    if (key === '') throw new Error('Developer metadata must have a key.');
    this._check(null, key, value);
    const entry = new FakeDeveloperMetadata(this, this.nextId++, key, value, visibility);
    this._entries.push(entry);
    return entry;
  }
}

export class FakeDeveloperMetadata implements Pick<GDeveloperMetadata, 'getKey' | 'getValue' | 'setValue' | 'remove'> {
  static readonly fakeInfo: FakeInfo = { service: 'spreadsheet', cls: 'DeveloperMetadata' };

  constructor(
    private readonly store: DeveloperMetadataStore,
    readonly _id: number,
    public _key: string,
    public _value: string | null,
    readonly _visibility: VisibilityName,
  ) {}

  getKey(): string {
    return this._key;
  }
  /** null when the metadata has no value, as documented. */
  getValue(): string {
    return this._value as string;
  }
  setValue(value: string): GDeveloperMetadata {
    this.store._check(this, this._key, String(value));
    this._value = String(value);
    return api<GDeveloperMetadata>(this);
  }
  remove(): void {
    const i = this.store._entries.indexOf(this);
    if (i >= 0) this.store._entries.splice(i, 1);
  }
}

/** The visibility an addDeveloperMetadata argument names (DOCUMENT when none is given). */
export function visibilityOf(arg: unknown): VisibilityName {
  if (arg === undefined) return 'DOCUMENT';
  const name = enumName(DeveloperMetadataVisibilityNames, arg);
  if (!name) throw new Error('Spreadsheet.addDeveloperMetadata: the visibility must be a DeveloperMetadataVisibility.');
  return name;
}
