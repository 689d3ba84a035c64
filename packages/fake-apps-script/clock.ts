export type TimeInput = Date | number | string;

export function toMs(t: TimeInput): number {
  const ms = typeof t === 'number' ? t : typeof t === 'string' ? Date.parse(t) : t.getTime();
  if (!Number.isFinite(ms)) throw new Error(`FakeClock: not a valid time: ${String(t)}`);
  return ms;
}

/**
 * The only source of "now" for the fake and for the bundle. Time moves only when a test (or a
 * simulated cost such as a lock wait or a configured latency) moves it, so runs are
 * reproducible and a six-minute run takes no real time.
 */
export class FakeClock {
  private ms: number;

  constructor(start: TimeInput = '2026-01-05T09:00:00Z') {
    this.ms = toMs(start);
  }

  now(): number {
    return this.ms;
  }

  date(): Date {
    return new Date(this.ms);
  }

  set(t: TimeInput): void {
    this.ms = toMs(t);
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`FakeClock.advance: ${ms} is not a non-negative number of ms`);
    this.ms += ms;
  }
}
