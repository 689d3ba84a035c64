// Logger and console: entries recorded per execution, optionally echoed to stdout.
import { format as nodeFormat } from 'node:util';
import { api, type FakeInfo } from './boundary';
import type { FakeContext } from './context';
import { javaFormat, stringify } from './utilities';

type GLogger = GoogleAppsScript.Base.Logger;

export interface LogEntry {
  source: 'Logger' | 'console';
  level: 'log' | 'info' | 'warn' | 'error';
  message: string;
  at: Date;
  execution: string | null;
}

export class LogState {
  entries: LogEntry[] = [];
  echo: boolean;
  private timers = new Map<string, number>();

  constructor(
    private readonly ctx: FakeContext,
    echo: boolean,
  ) {
    this.echo = echo;
  }

  messages(level?: LogEntry['level']): string[] {
    return this.entries.filter((e) => !level || e.level === level).map((e) => e.message);
  }

  clear(): void {
    this.entries = [];
  }

  _add(source: LogEntry['source'], level: LogEntry['level'], message: string): void {
    const ex = this.ctx.execution;
    this.entries.push({ source, level, message, at: this.ctx.clock.date(), execution: ex ? ex.name : null });
    if (this.echo) process.stdout.write(`[gas ${level}] ${message}\n`);
  }

  _time(label: string): void {
    this.timers.set(label, this.ctx.clock.now());
  }

  _timeEnd(label: string): void {
    const start = this.timers.get(label);
    if (start === undefined) return;
    this.timers.delete(label);
    this._add('console', 'info', `${label}: ${this.ctx.clock.now() - start}ms`);
  }
}

export class FakeLogger implements Pick<GLogger, 'clear' | 'getLog' | 'log'> {
  static readonly fakeInfo: FakeInfo = { service: 'logger', cls: 'Logger' };
  constructor(private readonly logs: LogState) {}

  clear(): void {
    this.logs.entries = this.logs.entries.filter((e) => e.source !== 'Logger');
  }
  getLog(): string {
    return this.logs.entries
      .filter((e) => e.source === 'Logger')
      .map((e) => e.message)
      .join('\n');
  }
  log(data: unknown, ...values: unknown[]): GLogger {
    const message = values.length > 0 && typeof data === 'string' ? javaFormat(data, values) : stringify(data);
    this.logs._add('Logger', 'info', message);
    return api<GLogger>(this);
  }
}

export class FakeConsole {
  static readonly fakeInfo: FakeInfo = { service: 'logger', cls: 'console' };
  constructor(private readonly logs: LogState) {}

  log(...args: unknown[]): void {
    this.logs._add('console', 'log', nodeFormat(...args));
  }
  info(...args: unknown[]): void {
    this.logs._add('console', 'info', nodeFormat(...args));
  }
  warn(...args: unknown[]): void {
    this.logs._add('console', 'warn', nodeFormat(...args));
  }
  error(...args: unknown[]): void {
    this.logs._add('console', 'error', nodeFormat(...args));
  }
  time(label = 'default'): void {
    this.logs._time(label);
  }
  timeEnd(label = 'default'): void {
    this.logs._timeEnd(label);
  }
}
