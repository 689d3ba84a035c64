// CacheService: script, document and user caches with expiry on the fake clock and size limits.
import { api, type FakeInfo } from './boundary';
import type { FakeGas } from './harness';
import { utf8Bytes } from './properties';

type GCache = GoogleAppsScript.Cache.Cache;
type GCacheService = GoogleAppsScript.Cache.CacheService;

export const CACHE_VALUE_LIMIT = 100 * 1024;
export const CACHE_KEY_LIMIT = 250;
const CACHE_DEFAULT_SECONDS = 600;
const CACHE_MAX_SECONDS = 21600;

export class FakeCache implements Pick<GCache, 'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'> {
  static readonly fakeInfo: FakeInfo = { service: 'cache', cls: 'Cache' };
  readonly _entries = new Map<string, { value: string; expiresAt: number }>();

  constructor(private readonly gas: FakeGas) {}

  private _live(key: string): string | null {
    const e = this._entries.get(key);
    if (!e) return null;
    if (e.expiresAt <= this.gas.clock.now()) {
      this._entries.delete(key);
      return null;
    }
    return e.value;
  }

  get(key: string): string | null {
    return this._live(String(key));
  }
  getAll(keys: string[]): { [key: string]: string } {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this._live(String(k));
      if (v !== null) out[k] = v;
    }
    return out;
  }
  put(key: string, value: string, expirationInSeconds = CACHE_DEFAULT_SECONDS): void {
    const k = String(key);
    const v = String(value);
    if (k.length > CACHE_KEY_LIMIT) throw new Error('Argument too large: key');
    if (utf8Bytes(v) > CACHE_VALUE_LIMIT) throw new Error('Argument too large: value');
    const secs = Math.min(Math.max(1, expirationInSeconds), CACHE_MAX_SECONDS);
    this._entries.set(k, { value: v, expiresAt: this.gas.clock.now() + secs * 1000 });
  }
  putAll(values: { [key: string]: string }, expirationInSeconds?: number): void {
    for (const [k, v] of Object.entries(values)) this.put(k, v, expirationInSeconds);
  }
  remove(key: string): void {
    this._entries.delete(String(key));
  }
  removeAll(keys: string[]): void {
    for (const k of keys) this._entries.delete(String(k));
  }
}

export class CacheState {
  private readonly caches = new Map<string, FakeCache>();
  constructor(private readonly gas: FakeGas) {}
  get(key: string): FakeCache {
    let c = this.caches.get(key);
    if (!c) this.caches.set(key, (c = new FakeCache(this.gas)));
    return c;
  }
}

export class FakeCacheService implements Pick<GCacheService, 'getDocumentCache' | 'getScriptCache' | 'getUserCache'> {
  static readonly fakeInfo: FakeInfo = { service: 'cache', cls: 'CacheService' };
  constructor(private readonly gas: FakeGas) {}

  getDocumentCache(): GCache | null {
    const doc = this.gas.documentSpreadsheet();
    return doc ? api<GCache>(this.gas.cache.get(`document:${doc._id}`)) : null;
  }
  getScriptCache(): GCache {
    return api<GCache>(this.gas.cache.get('script'));
  }
  getUserCache(): GCache {
    return api<GCache>(this.gas.cache.get(`user:${this.gas.currentUser()}`));
  }
}
