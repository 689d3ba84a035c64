// Counts the service calls the bundle makes, by method and by service, for tests and the bench.
import { SERVICE_NAMES, type CallInfo, type ServiceName } from './boundary';

export class CallCounter {
  private readonly byKey = new Map<string, number>();
  private readonly byService = new Map<ServiceName, number>();
  /** Every call in order, as 'Class.method'. */
  sequence: string[] = [];

  _record(call: CallInfo): void {
    SERVICE_CLASSES[call.service].add(call.cls);
    this.byKey.set(call.key, (this.byKey.get(call.key) ?? 0) + 1);
    this.byService.set(call.service, (this.byService.get(call.service) ?? 0) + 1);
    this.sequence.push(call.key);
  }

  get total(): number {
    return this.sequence.length;
  }
  service(name: ServiceName): number {
    return this.byService.get(name) ?? 0;
  }
  get spreadsheet(): number {
    return this.service('spreadsheet');
  }
  get mail(): number {
    return this.service('mail');
  }
  get properties(): number {
    return this.service('properties');
  }
  get ui(): number {
    return this.service('ui');
  }
  get html(): number {
    return this.service('html');
  }
  get script(): number {
    return this.service('script');
  }
  get lock(): number {
    return this.service('lock');
  }

  /** Calls of one method ('Range.getValues'), or of a class ('Range.*'). */
  count(key: string): number {
    if (key.endsWith('.*')) {
      const prefix = key.slice(0, -1);
      let n = 0;
      for (const [k, v] of this.byKey) if (k.startsWith(prefix)) n += v;
      return n;
    }
    return this.byKey.get(key) ?? 0;
  }

  /** Per-method counts, optionally for one service, keyed 'Class.method'. */
  methods(service?: ServiceName): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [k, v] of [...this.byKey].sort(([a], [b]) => a.localeCompare(b))) {
      if (service && !SERVICE_CLASSES[service].has(k.split('.')[0])) continue;
      out[k] = v;
    }
    return out;
  }

  reset(): void {
    this.byKey.clear();
    this.byService.clear();
    this.sequence = [];
  }
}

// Filled as calls are seen, so methods(service) can filter without a fixed class list.
const SERVICE_CLASSES = Object.fromEntries(SERVICE_NAMES.map((s) => [s, new Set<string>()])) as Record<
  ServiceName,
  Set<string>
>;
