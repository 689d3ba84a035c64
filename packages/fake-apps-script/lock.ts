// LockService: script, document and user locks, waits on the fake clock, and locks held elsewhere.
import { api, type FakeInfo } from './boundary';
import type { FakeContext } from './context';

type GLock = GoogleAppsScript.Lock.Lock;
type GLockService = GoogleAppsScript.Lock.LockService;

export type LockScope = 'script' | 'document' | 'user';

interface Mutex {
  holder: string | null;
  /** When a holder outside the test's executions lets go on its own (fake-clock ms). */
  releaseAt: number | null;
}

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';
const OTHER_PROCESS = 'another-process';

export class LockState {
  private readonly mutexes = new Map<string, Mutex>();
  /** Number of successful acquisitions, by scope key: lets tests check a lock was taken. */
  readonly acquisitions = new Map<string, number>();

  constructor(private readonly ctx: FakeContext) {}

  _mutex(key: string): Mutex {
    let m = this.mutexes.get(key);
    if (!m) this.mutexes.set(key, (m = { holder: null, releaseAt: null }));
    return m;
  }

  key(scope: LockScope, id?: string): string {
    if (scope === 'script') return 'script';
    if (scope === 'user') return `user:${id ?? this.ctx.currentUser()}`;
    const doc = id ?? this.ctx.documentId() ?? this.ctx.boundDocumentId();
    return `document:${doc}`;
  }

  /**
   * Makes the lock held by some other execution. With `releaseAfterMs`, it frees itself that
   * long from now (so a waitLock with a long enough timeout gets it); otherwise never.
   */
  holdElsewhere(scope: LockScope, opts: { releaseAfterMs?: number; id?: string } = {}): void {
    const m = this._mutex(this.key(scope, opts.id));
    m.holder = OTHER_PROCESS;
    m.releaseAt = opts.releaseAfterMs === undefined ? null : this.ctx.clock.now() + opts.releaseAfterMs;
  }

  release(scope: LockScope, id?: string): void {
    const m = this._mutex(this.key(scope, id));
    m.holder = null;
    m.releaseAt = null;
  }

  holder(scope: LockScope, id?: string): string | null {
    return this._mutex(this.key(scope, id)).holder;
  }

  /** Apps Script frees an execution's locks when it ends. */
  _releaseAllOf(executionId: string): string[] {
    const released: string[] = [];
    for (const [k, m] of this.mutexes) {
      if (m.holder === executionId) {
        m.holder = null;
        released.push(k);
      }
    }
    return released;
  }
}

export class FakeLock implements Pick<GLock, 'releaseLock' | 'tryLock' | 'waitLock'> {
  static readonly fakeInfo: FakeInfo = { service: 'lock', cls: 'Lock' };
  private acquired = false;

  constructor(
    private readonly ctx: FakeContext,
    private readonly locks: LockState,
    private readonly key: string,
  ) {}

  releaseLock(): void {
    const m = this.locks._mutex(this.key);
    if (this.acquired && m.holder === this.ctx.executionId()) m.holder = null;
    this.acquired = false;
  }
  tryLock(timeoutInMillis: number): boolean {
    const m = this.locks._mutex(this.key);
    const me = this.ctx.executionId();
    const clock = this.ctx.clock;
    if (m.holder !== null && m.holder !== me && m.releaseAt !== null && m.releaseAt <= clock.now() + timeoutInMillis) {
      // Waiting costs the time until the other holder lets go.
      if (m.releaseAt > clock.now()) clock.set(m.releaseAt);
      m.holder = null;
      m.releaseAt = null;
    }
    if (m.holder === null || m.holder === me) {
      m.holder = me;
      this.acquired = true;
      this.locks.acquisitions.set(this.key, (this.locks.acquisitions.get(this.key) ?? 0) + 1);
      return true;
    }
    clock.advance(Math.max(0, timeoutInMillis));
    return false;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error(LOCK_TIMEOUT_MESSAGE);
  }
}

export class FakeLockService implements Pick<GLockService, 'getDocumentLock' | 'getScriptLock'> {
  static readonly fakeInfo: FakeInfo = { service: 'lock', cls: 'LockService' };
  constructor(
    private readonly ctx: FakeContext,
    private readonly locks: LockState,
  ) {}

  getDocumentLock(): GLock {
    // "Class LockService", https://developers.google.com/apps-script/reference/lock/lock-service:
    // null when called outside a containing document. Whether an add-on's installable trigger
    // counts as inside its document is not documented: options.documentLockInTriggers.
    const doc = this.ctx.documentId();
    const inTrigger = this.ctx.execution?.kind === 'trigger';
    if (!doc || (inTrigger && this.ctx.options.documentLockInTriggers === 'null')) return null as unknown as GLock;
    return this._lock(this.locks.key('document', doc));
  }
  /** Same page: one lock for the whole script, whatever the user or document, so every document
   * a published add-on runs in shares it. */
  getScriptLock(): GLock {
    return this._lock(this.locks.key('script'));
  }
  private _lock(key: string): GLock {
    return api<GLock>(new FakeLock(this.ctx, this.locks, key));
  }
}
