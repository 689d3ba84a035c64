// One name, one meaning: no name is exported by two files of src/ and local/ (the add-on and its
// local run, which imports it) unless it is an entry point of src/index.ts that runs the src/gas
// function of the same name (`logRun` runs logRunForm.logRun), which is the same thing seen from
// Apps Script. A package of packages/ stands on its own (it imports nothing of src/), so its names
// are unique within the package.
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

/** Each name exported by a declaration of the folders' files (functions, classes, types, constants), with its files. */
function exportedNames(...dirs: string[]): Map<string, { file: string; node: ts.Statement }[]> {
  const names = new Map<string, { file: string; node: ts.Statement }[]>();
  for (const full of dirs.flatMap((dir) => tsFiles(path.join(ROOT, dir)))) {
    const file = path.relative(ROOT, full).split(path.sep).join('/');
    const source = ts.createSourceFile(file, fs.readFileSync(full, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const node of source.statements) {
      if (!ts.getModifiers(node as ts.HasModifiers)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
      const declared = ts.isVariableStatement(node)
        ? node.declarationList.declarations.map((d) => d.name.getText(source))
        : 'name' in node && node.name && ts.isIdentifier(node.name as ts.Node)
          ? [(node.name as ts.Identifier).text]
          : [];
      for (const name of declared) names.set(name, [...(names.get(name) ?? []), { file, node }]);
    }
  }
  return names;
}

/** Each name of `names` exported by more than one file, with its files. */
function namesInTwoFiles(names: Map<string, { file: string }[]>): string[] {
  return [...names]
    .filter(([, where]) => where.length > 1)
    .map(([name, where]) => `${name}: ${where.map((d) => d.file).join(', ')}`);
}

describe('exported names in src/ and local/', () => {
  const names = exportedNames('src', 'local');

  test('are read from every file', () => {
    expect(names.get('sidebarCall')?.map((d) => d.file)).toEqual(['src/gas/sidebar-call.ts']);
    expect(
      names
        .get('logRun')
        ?.map((d) => d.file)
        .sort(),
    ).toEqual(['src/gas/log-run.ts', 'src/index.ts']);
    expect(names.get('terminalSafe')?.map((d) => d.file)).toEqual(['local/terminal.ts']);
  });

  test('each mean one thing: a name in two files is an entry point running its namesake in src/gas', () => {
    const problems: string[] = [];
    for (const [name, where] of names) {
      if (where.length < 2) continue;
      const entry = where.find((d) => d.file === 'src/index.ts');
      const others = where.filter((d) => d !== entry);
      const runsNamesake =
        entry !== undefined &&
        ts.isFunctionDeclaration(entry.node) &&
        others.length === 1 &&
        others[0].file.startsWith('src/gas/') &&
        ts.isFunctionDeclaration(others[0].node) &&
        new RegExp(`\\.${name}\\(`).test(entry.node.body?.getText() ?? '');
      if (!runsNamesake) problems.push(`${name}: ${where.map((d) => d.file).join(', ')}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('exported names in each package of packages/', () => {
  const packages = fs
    .readdirSync(path.join(ROOT, 'packages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `packages/${entry.name}`);

  test('are read from every package', () => {
    expect(packages).toContain('packages/fake-apps-script');
    expect(
      exportedNames('packages/fake-apps-script')
        .get('createFakeGas')
        ?.map((d) => d.file),
    ).toEqual(['packages/fake-apps-script/harness.ts']);
  });

  test.each(packages)('each mean one thing in %s', (dir) => {
    expect(namesInTwoFiles(exportedNames(dir))).toEqual([]);
  });
});
