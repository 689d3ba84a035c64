// Apps Script only runs top-level function declarations, and Sheets only lists a custom
// function whose JSDoc (with @customfunction) sits directly above that declaration.
// esbuild drops JSDoc, so these check what scripts/build.mjs puts back.
import ts from 'typescript';
import vm from 'vm';
import { CODE_JS, GLOBAL_NAME, lastJsDoc, readBuilt, sourceEntryPoints } from './support';

const entries = sourceEntryPoints();
const code = readBuilt('Code.js');
const codeSf = ts.createSourceFile(CODE_JS, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);

const topLevelFunctions = new Map<string, ts.FunctionDeclaration>();
for (const stmt of codeSf.statements) {
  if (ts.isFunctionDeclaration(stmt) && stmt.name) topLevelFunctions.set(stmt.name.text, stmt);
}

function builtFunction(name: string): ts.FunctionDeclaration {
  const fn = topLevelFunctions.get(name);
  if (!fn) {
    throw new Error(`build/Code.js has no top-level \`function ${name}(\`; is the build stale? Run \`npm run build\`.`);
  }
  return fn;
}

describe('build/Code.js', () => {
  test('compiles as a classic script in V8', () => {
    expect(() => new vm.Script(code, { filename: 'Code.js' })).not.toThrow();
  });

  test('src/index.ts exports entry points, custom functions among them', () => {
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.some((e) => e.custom)).toBe(true);
  });

  test('declares at top level only the bundle global and the entry points', () => {
    // Apps Script shares one global scope across a project's files and lists every
    // top-level function in its Run menu, so nothing else may leak out of the IIFE.
    const names: string[] = [];
    for (const stmt of codeSf.statements) {
      if (ts.isFunctionDeclaration(stmt)) {
        names.push(stmt.name?.text ?? '(anonymous)');
      } else if (ts.isVariableStatement(stmt)) {
        names.push(...stmt.declarationList.declarations.map((d) => d.name.getText(codeSf)));
      } else if (ts.isClassDeclaration(stmt)) {
        names.push(stmt.name?.text ?? '(anonymous class)');
      } else if (ts.isExpressionStatement(stmt) && ts.isStringLiteral(stmt.expression)) {
        continue; // "use strict"
      } else {
        names.push(`<${ts.SyntaxKind[stmt.kind]}: ${stmt.getText(codeSf).slice(0, 60)}>`);
      }
    }
    expect(names.sort()).toEqual([GLOBAL_NAME, ...entries.map((e) => e.name)].sort());
  });

  describe.each(entries.map((e) => [e.name, e] as const))('entry point %s', (name, entry) => {
    test('is a top-level function declaration with the parameters of src/index.ts', () => {
      const fn = builtFunction(name);
      expect(fn.parameters.map((p) => p.name.getText(codeSf))).toEqual(entry.params);
    });

    test('calls into the bundle', () => {
      const body = builtFunction(name).body?.getText(codeSf) ?? '';
      expect(body).toContain(`${GLOBAL_NAME}.${name}.apply(this, arguments)`);
    });

    test('carries its JSDoc from src/index.ts verbatim, directly above', () => {
      expect(entry.jsDoc).toBeDefined();
      const fn = builtFunction(name);
      const doc = lastJsDoc(fn);
      expect(doc).toBeDefined();
      if (!doc || !entry.jsDoc) return;
      expect(code.slice(doc.pos, doc.end)).toBe(entry.jsDoc);
      // Only whitespace, and at most one line break, between the comment and `function`.
      expect(code.slice(doc.end, fn.getStart(codeSf))).toMatch(/^[ \t]*\r?\n?[ \t]*$/);
    });
  });

  const custom = entries.filter((e) => e.custom);
  describe.each(custom.map((e) => [e.name, e] as const))('custom function %s', (name, entry) => {
    test('has @customfunction, @param for every parameter and @return in Code.js', () => {
      const doc = lastJsDoc(builtFunction(name));
      const tags: readonly ts.JSDocTag[] = doc?.tags ?? [];
      const tagNames = tags.map((t) => t.tagName.text);
      expect(tagNames).toContain('customfunction');
      expect(tagNames).toContain('return');
      const documented = tags
        .filter((t): t is ts.JSDocParameterTag => ts.isJSDocParameterTag(t))
        .map((t) => t.name.getText(codeSf));
      expect(documented).toEqual(expect.arrayContaining(entry.params));
    });

    test('has a description line for the formula help', () => {
      const doc = lastJsDoc(builtFunction(name));
      const comment = typeof doc?.comment === 'string' ? doc.comment : ts.getTextOfJSDocComment(doc?.comment);
      expect((comment ?? '').trim()).not.toBe('');
    });
  });
});

describe('loading build/Code.js', () => {
  // Apps Script runs the whole file on every custom-function cell, menu click and trigger,
  // including onOpen in AuthMode.NONE where services are off limits.
  const SERVICES = [
    'SpreadsheetApp',
    'MailApp',
    'PropertiesService',
    'ScriptApp',
    'HtmlService',
    'LockService',
    'CacheService',
    'Session',
    'Utilities',
    'UrlFetchApp',
    'DriveApp',
    'Logger',
    'GmailApp',
    'DocumentApp',
    'CalendarApp',
    'FormApp',
    'ContentService',
    'CardService',
    'Browser',
  ];

  function recordingContext(touched: string[]): vm.Context {
    const sandbox: Record<string, unknown> = {};
    for (const service of SERVICES) {
      const record =
        (what: string) =>
        (..._args: unknown[]): never => {
          touched.push(`${service}: ${what}`);
          throw new Error(`${service} used while loading the bundle`);
        };
      // A function target, so that calling or constructing the service is trapped too.
      const proxy = new Proxy(function service() {}, {
        get: (_t, key) => record(`get ${String(key)}`)(),
        set: (_t, key) => record(`set ${String(key)}`)(),
        has: (_t, key) => record(`has ${String(key)}`)(),
        apply: record('call'),
        construct: record('new'),
        ownKeys: record('keys'),
        getOwnPropertyDescriptor: (_t, key) => record(`descriptor ${String(key)}`)(),
        defineProperty: (_t, key) => record(`define ${String(key)}`)(),
        deleteProperty: (_t, key) => record(`delete ${String(key)}`)(),
        getPrototypeOf: record('prototype'),
      });
      // Reading the global itself counts as well (e.g. `const ss = SpreadsheetApp;`).
      Object.defineProperty(sandbox, service, {
        enumerable: true,
        get: () => {
          touched.push(`${service} (read)`);
          return proxy;
        },
      });
    }
    return vm.createContext(sandbox);
  }

  test('touches no Apps Script service', () => {
    const touched: string[] = [];
    const context = recordingContext(touched);
    let error: unknown;
    try {
      vm.runInContext(code, context, { filename: 'Code.js' });
    } catch (err) {
      error = err;
    }
    expect(touched).toEqual([]);
    expect(error).toBeUndefined();
  });

  test('defines the bundle global and every entry point', () => {
    const context = vm.createContext({});
    vm.runInContext(code, context, { filename: 'Code.js' });
    expect(typeof context[GLOBAL_NAME]).toBe('object');
    for (const { name } of entries) {
      expect([name, typeof context[name], typeof context[GLOBAL_NAME][name]]).toEqual([name, 'function', 'function']);
    }
  });
});
