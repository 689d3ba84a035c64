// Apps Script calls functions by name: a menu item, the daily trigger and every
// google.script.run call from a page name a function that must be top-level in Code.js, or
// the click fails in Sheets with "Script function not found".
import fs from 'fs';
import path from 'path';
import ts from 'typescript';
import { CODE_JS, ROOT } from './support';
import { MENU_ITEMS } from '../../src/gas/menu';
import { DAILY_HANDLER } from '../../src/gas/automation';

function topLevelFunctions(): Set<string> {
  const text = fs.readFileSync(CODE_JS, 'utf8');
  const sf = ts.createSourceFile('Code.js', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  return new Set(sf.statements.filter(ts.isFunctionDeclaration).map((f) => f.name!.text));
}

/** The members of the ServerApi interface in src/shared/api.ts: every google.script.run call. */
function serverApiNames(): string[] {
  const file = path.join(ROOT, 'src', 'shared', 'api.ts');
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const api = sf.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'ServerApi',
  );
  if (!api) throw new Error('src/shared/api.ts declares no interface ServerApi');
  return api.members.map((m) => (m.name && ts.isIdentifier(m.name) ? m.name.text : m.getText(sf)));
}

const functions = topLevelFunctions();
const menuNames = MENU_ITEMS.filter((item): item is [string, string] => item !== null).map(([, name]) => name);
const apiNames = serverApiNames();

test('ServerApi lists the calls the pages make, the dashboard and the log form among them', () => {
  expect(apiNames).toEqual(expect.arrayContaining(['getDashboard', 'logRun', 'saveSettings', 'selectLogRow']));
  expect(new Set(apiNames).size).toBe(apiNames.length);
});

test.each(menuNames)('menu item function %s is top-level in Code.js', (name) => {
  expect(functions.has(name)).toBe(true);
});

test('the daily trigger handler is top-level in Code.js', () => {
  expect(functions.has(DAILY_HANDLER)).toBe(true);
});

test.each(apiNames)('ServerApi.%s is a top-level function in Code.js that google.script.run can call', (name) => {
  expect(functions.has(name)).toBe(true);
});
