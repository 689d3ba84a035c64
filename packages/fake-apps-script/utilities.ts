// Utilities: formatDate, formatString (Java format), getUuid and sleep on the fake clock.
import { randomUUID } from 'node:crypto';
import type { FakeInfo } from './boundary';
import type { FakeContext } from './context';
import { isDateLike } from './realm';
import { formatDate } from './time';

type GUtilities = GoogleAppsScript.Utilities.Utilities;

/** Java's String.format for the conversions scripts use: %s %d %f %.Nf %%, %n. */
export function javaFormat(template: string, args: unknown[]): string {
  let i = 0;
  return String(template).replace(
    /%(\.(\d+))?([sdfn%])/g,
    (whole, _p: string, prec: string | undefined, conv: string) => {
      if (conv === '%') return '%';
      if (conv === 'n') return '\n';
      if (i >= args.length) throw new Error(`Format specifier '${whole}' has no argument`);
      const v = args[i++];
      if (conv === 'd') return String(Math.trunc(Number(v)));
      if (conv === 'f') return Number(v).toFixed(prec === undefined ? 6 : Number(prec));
      return stringify(v);
    },
  );
}

export function stringify(v: unknown): string {
  if (typeof v === 'string') return v;
  if (isDateLike(v)) return v.toString();
  if (typeof v === 'object' && v !== null) {
    try {
      return JSON.stringify(v);
    } catch (_e) {
      return String(v);
    }
  }
  return String(v);
}

export class FakeUtilities implements Pick<GUtilities, 'formatDate' | 'formatString' | 'getUuid' | 'sleep'> {
  static readonly fakeInfo: FakeInfo = { service: 'utilities', cls: 'Utilities' };
  constructor(private readonly ctx: FakeContext) {}

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (!isDateLike(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw new Error("The parameters don't match the method signature for Utilities.formatDate.");
    }
    return formatDate(date.getTime(), timeZone, format);
  }
  formatString(template: string, ...args: unknown[]): string {
    return javaFormat(template, args);
  }
  getUuid(): string {
    return randomUUID();
  }
  sleep(milliseconds: number): void {
    if (milliseconds > 300000) throw new Error('Utilities.sleep: the maximum is 300000 milliseconds.');
    this.ctx.clock.advance(Math.max(0, milliseconds));
  }
}
