// Apps Script calls functions by name: a menu item, the daily trigger and every
// google.script.run call from a page name a function that must be top-level in Code.js, or
// the click fails in Sheets with "Script function not found".
import fs from 'fs';
import path from 'path';
import ts from 'typescript';
import { BUILD_DIR, CODE_JS, ROOT } from './support';
import { MENU_ITEMS } from '../../src/gas/menu';
import { DAILY_HANDLER } from '../../src/gas/automation';

function topLevelFunctions(): Set<string> {
  const text = fs.readFileSync(CODE_JS, 'utf8');
  const sf = ts.createSourceFile('Code.js', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  return new Set(sf.statements.filter(ts.isFunctionDeclaration).map((f) => f.name!.text));
}

/** The string literal names passed to `call(name, …)` in the client sources. */
function clientCalls(): string[] {
  const dir = path.join(ROOT, 'src', 'client');
  const names: string[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const sf = ts.createSourceFile(file, fs.readFileSync(path.join(dir, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'call') {
        const [first] = node.arguments;
        if (first && ts.isStringLiteral(first)) names.push(first.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return names;
}

const functions = topLevelFunctions();
const menuNames = MENU_ITEMS.filter((item): item is [string, string] => item !== null).map(([, name]) => name);
const pageCalls = clientCalls();

test('the pages call the server through call(name, …) and name at least the dashboard and the log form', () => {
  expect(pageCalls).toEqual(expect.arrayContaining(['getDashboard', 'logRun', 'saveSettings', 'selectLogRow']));
});

test.each(menuNames)('menu item function %s is top-level in Code.js', (name) => {
  expect(functions.has(name)).toBe(true);
});

test('the daily trigger handler is top-level in Code.js', () => {
  expect(functions.has(DAILY_HANDLER)).toBe(true);
});

test.each([...new Set(pageCalls)])('google.script.run.%s is top-level in Code.js and named in a built page', (name) => {
  expect(functions.has(name)).toBe(true);
  const pages = fs
    .readdirSync(BUILD_DIR)
    .filter((f) => f.endsWith('.html'))
    .map((f) => fs.readFileSync(path.join(BUILD_DIR, f), 'utf8'));
  expect(pages.some((html) => html.includes(`"${name}"`) || html.includes(`'${name}'`))).toBe(true);
});
