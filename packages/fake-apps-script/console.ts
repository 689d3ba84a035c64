// console: what the bundle writes with console.error (a fault's stack, for whoever maintains the
// add-on), recorded per execution as Apps Script's execution log keeps it ("Logging",
// https://developers.google.com/apps-script/guides/logging).
import { format as nodeFormat } from 'node:util';
import type { FakeInfo } from './boundary';
import type { FakeContext } from './context';

export interface ConsoleEntry {
  message: string;
  at: Date;
  /** The execution that wrote it, or null outside one. */
  execution: string | null;
}

export class LogState {
  entries: ConsoleEntry[] = [];

  constructor(private readonly ctx: FakeContext) {}

  messages(): string[] {
    return this.entries.map((e) => e.message);
  }

  clear(): void {
    this.entries = [];
  }

  _add(message: string): void {
    const ex = this.ctx.execution;
    this.entries.push({ message, at: this.ctx.clock.date(), execution: ex ? ex.name : null });
  }
}

export class FakeConsole implements Pick<Console, 'error'> {
  static readonly fakeInfo: FakeInfo = { service: 'console', cls: 'console' };
  constructor(private readonly logs: LogState) {}

  error(...args: unknown[]): void {
    this.logs._add(nodeFormat(...args));
  }
}
