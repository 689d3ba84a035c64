// The service globals the bundle sees, each behind the boundary's counting proxy.
import { FakeCacheService } from './cache';
import { FakeCharts } from './charts';
import type { FakeGas } from './harness';
import { FakeLockService } from './lock';
import { FakeConsole, FakeLogger } from './logger';
import { FakeMailApp } from './mail';
import { FakePropertiesService } from './properties';
import { FakeScriptApp } from './script-app';
import { FakeSession } from './session';
import { FakeSpreadsheetApp } from './spreadsheet-app';
import { FakeHtmlService } from './ui';
import { FakeUtilities } from './utilities';

export interface FakeGlobals {
  SpreadsheetApp: FakeSpreadsheetApp;
  HtmlService: FakeHtmlService;
  PropertiesService: FakePropertiesService;
  LockService: FakeLockService;
  CacheService: FakeCacheService;
  ScriptApp: FakeScriptApp;
  MailApp: FakeMailApp;
  Session: FakeSession;
  Utilities: FakeUtilities;
  Logger: FakeLogger;
  console: FakeConsole;
  Charts: FakeCharts;
}

/** Made once per FakeGas; `wrap` puts each service behind the boundary. */
export function createGlobals(gas: FakeGas, wrap: <T extends object>(x: T) => T): FakeGlobals {
  return {
    SpreadsheetApp: wrap(new FakeSpreadsheetApp(gas)),
    HtmlService: wrap(new FakeHtmlService(gas.html)),
    PropertiesService: wrap(new FakePropertiesService(gas)),
    LockService: wrap(new FakeLockService(gas)),
    CacheService: wrap(new FakeCacheService(gas)),
    ScriptApp: wrap(new FakeScriptApp(gas)),
    MailApp: wrap(new FakeMailApp(gas)),
    Session: wrap(new FakeSession(gas)),
    Utilities: wrap(new FakeUtilities(gas)),
    Logger: wrap(new FakeLogger(gas)),
    console: wrap(new FakeConsole(gas)),
    Charts: wrap(new FakeCharts()),
  };
}
