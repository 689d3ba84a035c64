// Shared by the tests of the built bundle. Reads src/index.ts on its own, without
// scripts/build.mjs, so that these tests check the build instead of repeating it.
import fs from 'fs';
import path from 'path';
import ts from 'typescript';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BUILD_DIR = path.join(ROOT, 'build');
export const CODE_JS = path.join(BUILD_DIR, 'Code.js');
export const INDEX_TS = path.join(ROOT, 'src', 'index.ts');
export const GLOBAL_NAME = 'Uptake';

export interface SourceEntryPoint {
  name: string;
  params: string[];
  /** The last JSDoc comment above the declaration, verbatim, or undefined. */
  jsDoc: string | undefined;
  custom: boolean;
}

/** The JSDoc comment attached directly above `node`, as a node. */
export function lastJsDoc(node: ts.Node): ts.JSDoc | undefined {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  return docs[docs.length - 1];
}

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** Every `export function` of src/index.ts (overloads collapse onto the implementation). */
export function sourceEntryPoints(): SourceEntryPoint[] {
  const text = fs.readFileSync(INDEX_TS, 'utf8');
  const sf = ts.createSourceFile(INDEX_TS, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const byName = new Map<string, ts.FunctionDeclaration[]>();
  for (const stmt of sf.statements) {
    if (ts.isFunctionDeclaration(stmt) && stmt.name && isExported(stmt)) {
      byName.set(stmt.name.text, [...(byName.get(stmt.name.text) ?? []), stmt]);
    }
  }
  return [...byName].map(([name, decls]) => {
    const impl = decls.find((d) => d.body) ?? decls[decls.length - 1];
    const doc = [impl, ...decls].map(lastJsDoc).find((d) => d !== undefined);
    return {
      name,
      params: impl.parameters
        .map((p) => p.name)
        .filter((n) => !(ts.isIdentifier(n) && n.text === 'this'))
        .map((n, i) => (ts.isIdentifier(n) ? n.text : `arg${i}`)),
      jsDoc: doc && text.slice(doc.pos, doc.end),
      custom: (doc?.tags ?? []).some((t) => t.tagName.text === 'customfunction'),
    };
  });
}

export function readBuilt(file: string): string {
  const full = path.join(BUILD_DIR, file);
  if (!fs.existsSync(full)) {
    throw new Error(`${path.relative(ROOT, full)} is missing: run \`npm run build\` first (\`npm test\` does).`);
  }
  return fs.readFileSync(full, 'utf8');
}

/** Files under build/, relative to the repository root, with forward slashes. */
export function builtFiles(dir = BUILD_DIR): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? builtFiles(full) : [path.relative(ROOT, full).split(path.sep).join('/')];
  });
}
