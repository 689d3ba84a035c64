// The service globals the bundle sees, each behind the boundary's counting proxy (made by the
// harness, harness.ts).
import type { FakeCharts } from './charts';
import type { FakeLockService } from './lock';
import type { FakeFormApp } from './forms';
import type { FakeConsole } from './console';
import type { FakeMailApp } from './mail';
import type { FakePropertiesService } from './properties';
import type { FakeScriptApp } from './script-app';
import type { FakeSession } from './session';
import type { FakeSpreadsheetApp } from './spreadsheet-app';
import type { FakeHtmlService } from './ui';
import type { FakeUtilities } from './utilities';

export interface FakeGlobals {
  SpreadsheetApp: FakeSpreadsheetApp;
  HtmlService: FakeHtmlService;
  PropertiesService: FakePropertiesService;
  LockService: FakeLockService;
  ScriptApp: FakeScriptApp;
  MailApp: FakeMailApp;
  Session: FakeSession;
  console: FakeConsole;
  Charts: FakeCharts;
  FormApp: FakeFormApp;
  Utilities: FakeUtilities;
}
