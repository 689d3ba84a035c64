// JSDoc sits on what it documents: in src/, local/ and packages/ every /** */ block is the only
// one on the declaration right below it. A file's header is a // comment, or a /** */ block above
// its imports; a /** */ header above a declaration would become that declaration's documentation.
import fs from 'fs';
import path from 'path';
import ts from 'typescript';
import { ROOT } from './checker';

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Each JSDoc block of the text that does not sit alone, right above the node it documents. */
function misplacedJsDoc(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const owners = new Map<number, ts.Node>();
  const collect = (node: ts.Node): void => {
    for (const doc of (node as { jsDoc?: ts.JSDoc[] }).jsDoc ?? []) owners.set(doc.pos, node);
    ts.forEachChild(node, collect);
  };
  collect(source);
  const problems: string[] = [];
  const seen = new Set<number>();
  const visit = (node: ts.Node): void => {
    for (const range of ts.getLeadingCommentRanges(text, node.pos) ?? []) {
      const comment = text.slice(range.pos, range.end);
      if (seen.has(range.pos) || !comment.startsWith('/**') || comment === '/**/') continue;
      seen.add(range.pos);
      const where = `${file}:${source.getLineAndCharacterOfPosition(range.pos).line + 1}`;
      const owner = owners.get(range.pos);
      const docs = (owner as { jsDoc?: ts.JSDoc[] } | undefined)?.jsDoc ?? [];
      if (!owner || owner.kind === ts.SyntaxKind.EndOfFileToken) problems.push(`${where}: documents nothing`);
      else if (docs[docs.length - 1].pos !== range.pos) problems.push(`${where}: another JSDoc follows it`);
      else if (!ts.isImportDeclaration(owner) && /\n[ \t]*\n/.test(text.slice(range.end, owner.getStart(source))))
        problems.push(`${where}: a blank line parts it from what it would document`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return problems;
}

describe('JSDoc', () => {
  test('is found where it is misplaced', () => {
    const text = [
      '/** The file. */',
      '',
      'export const a = 1;',
      '/** Old words. */',
      '/** New words. */',
      'export function b() {}',
      '/** Fine. */',
      'export function c() {}',
      '/** Left behind. */',
    ].join('\n');
    expect(misplacedJsDoc('x.ts', text)).toEqual([
      'x.ts:1: a blank line parts it from what it would document',
      'x.ts:4: another JSDoc follows it',
      'x.ts:9: documents nothing',
    ]);
  });

  test('sits on what it documents in src/, local/ and packages/', () => {
    const files = ['src', 'local', 'packages'].flatMap((dir) => tsFiles(path.join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(100);
    const problems = files.flatMap((full) =>
      misplacedJsDoc(path.relative(ROOT, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8')),
    );
    expect(problems).toEqual([]);
  });
});
