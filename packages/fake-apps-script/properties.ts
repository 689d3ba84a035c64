// PropertiesService: document and user stores with their size limits.
import { api, type FakeInfo } from './boundary';
import type { FakeContext } from './context';

type GProperties = GoogleAppsScript.Properties.Properties;
type GPropertiesService = GoogleAppsScript.Properties.PropertiesService;

/** Bytes a property key or value counts for (UTF-8). */
export const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

// "Quotas for Google Services" (https://developers.google.com/apps-script/guides/services/quotas):
// properties value size 9 KB a value, properties total storage 500 KB a property store.
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

export class FakeProperties implements Pick<
  GProperties,
  'deleteProperty' | 'getProperties' | 'getProperty' | 'setProperty'
> {
  static readonly fakeInfo: FakeInfo = { service: 'properties', cls: 'Properties' };
  readonly _map = new Map<string, string>();

  constructor(readonly _scope: string) {}

  /** Applies a change only if the store stays within Apps Script's limits. */
  private _commit(next: Map<string, string>): void {
    for (const v of next.values()) {
      if (utf8Bytes(v) > PROPERTY_VALUE_LIMIT) throw new Error('Argument too large: value');
    }
    let total = 0;
    for (const [k, v] of next) total += utf8Bytes(k) + utf8Bytes(v);
    if (total > PROPERTY_STORE_LIMIT) {
      throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
    this._map.clear();
    for (const [k, v] of next) this._map.set(k, v);
  }

  _bytes(): number {
    let total = 0;
    for (const [k, v] of this._map) total += utf8Bytes(k) + utf8Bytes(v);
    return total;
  }
  deleteProperty(key: string): GProperties {
    this._map.delete(String(key));
    return api<GProperties>(this);
  }
  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this._map);
  }
  getProperty(key: string): string | null {
    return this._map.get(String(key)) ?? null;
  }
  setProperty(key: string, value: string): GProperties {
    if (key === null || key === undefined || key === '') throw new Error('Invalid argument: key');
    const next = new Map(this._map);
    next.set(String(key), String(value));
    this._commit(next);
    return api<GProperties>(this);
  }
}

/**
 * User properties as a custom function sees them: getUserProperties "only gets the properties of
 * the spreadsheet owner", and editors "can't set user properties" ("Custom Functions in Google
 * Sheets", https://developers.google.com/apps-script/guides/sheets/functions). Reads go to the
 * owner's store; writes throw unless the owner is the one calling.
 */
export class FakeOwnerProperties extends FakeProperties {
  constructor(
    private readonly owner: FakeProperties,
    private readonly writable: boolean,
  ) {
    super(owner._scope);
  }
  private _refuse(): never {
    throw new Error(
      'You do not have permission to set user properties in a custom function: only the spreadsheet owner can.',
    );
  }
  override getProperties(): { [key: string]: string } {
    return this.owner.getProperties();
  }
  override getProperty(key: string): string | null {
    return this.owner.getProperty(key);
  }
  override deleteProperty(key: string): GProperties {
    if (!this.writable) this._refuse();
    return this.owner.deleteProperty(key);
  }
  override setProperty(key: string, value: string): GProperties {
    if (!this.writable) this._refuse();
    return this.owner.setProperty(key, value);
  }
}

export class PropertiesState {
  private readonly docs = new Map<string, FakeProperties>();
  private readonly users = new Map<string, FakeProperties>();

  forDocument(id: string): FakeProperties {
    let p = this.docs.get(id);
    if (!p) this.docs.set(id, (p = new FakeProperties(`document:${id}`)));
    return p;
  }
  forUser(email: string): FakeProperties {
    let p = this.users.get(email);
    if (!p) this.users.set(email, (p = new FakeProperties(`user:${email}`)));
    return p;
  }
}

export class FakePropertiesService implements Pick<GPropertiesService, 'getDocumentProperties' | 'getUserProperties'> {
  static readonly fakeInfo: FakeInfo = { service: 'properties', cls: 'PropertiesService' };
  constructor(
    private readonly ctx: FakeContext,
    private readonly properties: PropertiesState,
  ) {}

  getDocumentProperties(): GProperties {
    const doc = this.ctx.documentId();
    // Null outside a document, like the real service (typed non-null there too).
    return (doc ? api<GProperties>(this.properties.forDocument(doc)) : null) as GProperties;
  }
  getUserProperties(): GProperties {
    const user = this.ctx.currentUser();
    if (this.ctx.execution?.authMode === 'CUSTOM_FUNCTION') {
      const owner = this.ctx.spreadsheetOwner();
      return api<GProperties>(new FakeOwnerProperties(this.properties.forUser(owner), owner === user));
    }
    return api<GProperties>(this.properties.forUser(user));
  }
}
