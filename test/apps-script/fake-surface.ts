// Reads the in-memory Apps Script's declared surface and the Apps Script types it models, with the
// TypeScript compiler's parser (no type check, so it takes a moment): each fake class's
// `implements Pick<GoogleAppsScript.X, 'a' | 'b'>` lists, the public members the class declares
// (what the boundary, boundary.ts, shows the bundle), and the Apps Script types
// @types/google-apps-script declares. What the bundle uses is bundle-surface.ts's.
import fs from 'fs';
import path from 'path';
import ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');
export const FAKE_DIR = path.join(ROOT, 'packages', 'fake-apps-script');
const TYPES_DIR = path.join(ROOT, 'node_modules', '@types', 'google-apps-script');

export interface FakeClass {
  name: string;
  file: string;
  /** The class it extends, when that is a class of the package. */
  base?: string;
  /** Whether it carries `static fakeInfo`: the boundary hands it to the bundle. */
  api: boolean;
  /** Apps Script type ("Spreadsheet.Range") -> the members its `Pick<...>` lists. */
  picks: Map<string, string[]>;
  /**
   * Public, non-static members not starting with `_` that the boundary hands the bundle: methods,
   * function-valued fields and parameter properties, and capitalised (enum) fields.
   */
  declared: string[];
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return (ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []) : []).some((m) => m.kind === kind);
}

function memberName(member: ts.ClassElement | ts.TypeElement): string | undefined {
  const name = member.name;
  return name && (ts.isIdentifier(name) || ts.isStringLiteral(name)) ? name.text : undefined;
}

/** `type GRange = GoogleAppsScript.Spreadsheet.Range;` -> GRange: "Spreadsheet.Range". */
function typeAliases(source: ts.SourceFile): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const statement of source.statements)
    if (ts.isTypeAliasDeclaration(statement) && ts.isTypeReferenceNode(statement.type))
      aliases.set(statement.name.text, statement.type.typeName.getText(source).replace(/^GoogleAppsScript\./, ''));
  return aliases;
}

function pickOf(clause: ts.ExpressionWithTypeArguments, aliases: Map<string, string>): [string, string[]] | null {
  const [target, keys] = clause.typeArguments ?? [];
  if (clause.expression.getText() !== 'Pick' || !target || !keys || !ts.isTypeReferenceNode(target)) return null;
  const typeName = target.typeName.getText();
  const literals = ts.isUnionTypeNode(keys) ? keys.types : [keys];
  const members = literals.flatMap((k) =>
    ts.isLiteralTypeNode(k) && ts.isStringLiteral(k.literal) ? [k.literal.text] : [],
  );
  return [aliases.get(typeName) ?? typeName.replace(/^GoogleAppsScript\./, ''), members];
}

function declaredMembers(node: ts.ClassDeclaration): { declared: string[]; api: boolean } {
  const declared: string[] = [];
  let api = false;
  for (const member of node.members) {
    const name = memberName(member);
    if (!name) continue;
    if (hasModifier(member, ts.SyntaxKind.StaticKeyword)) {
      if (name === 'fakeInfo') api = true;
      continue;
    }
    if (hasModifier(member, ts.SyntaxKind.PrivateKeyword) || hasModifier(member, ts.SyntaxKind.ProtectedKeyword))
      continue;
    if (name.startsWith('_') || name === 'constructor') continue;
    if (ts.isMethodDeclaration(member) || (ts.isPropertyDeclaration(member) && exposedProperty(name, member)))
      declared.push(name);
  }
  for (const parameter of constructorOf(node)?.parameters ?? []) {
    const name = ts.isIdentifier(parameter.name) ? parameter.name.text : undefined;
    if (name && ts.isParameterPropertyDeclaration(parameter, parameter.parent) && exposedParameter(name, parameter))
      declared.push(name);
  }
  return { declared, api };
}

/**
 * Whether the boundary hands property `name` to the bundle (boundary.ts `get`): a capitalised
 * (enum) field, or one holding a function (`getTabColor = () => ...`, or typed as a function),
 * which it calls like a method.
 */
function exposedProperty(name: string, member: ts.PropertyDeclaration): boolean {
  if (/^[A-Z]/.test(name)) return true;
  const value = member.initializer;
  const functionValue = !!value && (ts.isArrowFunction(value) || ts.isFunctionExpression(value));
  return functionValue || (!!member.type && ts.isFunctionTypeNode(member.type));
}

/** The same for a constructor parameter property (`constructor(readonly onRead: () => void)`), unless private. */
function exposedParameter(name: string, parameter: ts.ParameterDeclaration): boolean {
  if (hasModifier(parameter, ts.SyntaxKind.PrivateKeyword) || hasModifier(parameter, ts.SyntaxKind.ProtectedKeyword))
    return false;
  if (name.startsWith('_')) return false;
  return /^[A-Z]/.test(name) || (!!parameter.type && ts.isFunctionTypeNode(parameter.type));
}

function constructorOf(node: ts.ClassDeclaration): ts.ConstructorDeclaration | undefined {
  return node.members.find(ts.isConstructorDeclaration);
}

/** Every class of packages/fake-apps-script/*.ts, by name. */
export function fakeClasses(): Map<string, FakeClass> {
  const classes = new Map<string, FakeClass>();
  for (const file of fs.readdirSync(FAKE_DIR).filter((f) => f.endsWith('.ts'))) {
    const source = parse(path.join(FAKE_DIR, file));
    const aliases = typeAliases(source);
    for (const node of source.statements.filter(ts.isClassDeclaration)) {
      if (!node.name) continue;
      const picks = new Map<string, string[]>();
      let base: string | undefined;
      for (const clause of node.heritageClauses ?? []) {
        for (const type of clause.types) {
          if (clause.token === ts.SyntaxKind.ExtendsKeyword) base = type.expression.getText();
          const pick = pickOf(type, aliases);
          if (pick) picks.set(pick[0], [...(picks.get(pick[0]) ?? []), ...pick[1]]);
        }
      }
      classes.set(node.name.text, { name: node.name.text, file, base, picks, ...declaredMembers(node) });
    }
  }
  return classes;
}

/** A class's members with its package base classes', and its Pick lists with theirs. */
export function withBases(cls: FakeClass, classes: Map<string, FakeClass>): { declared: string[]; picked: string[] } {
  const declared = new Set<string>();
  const picked = new Set<string>();
  for (let c: FakeClass | undefined = cls; c; c = c.base ? classes.get(c.base) : undefined) {
    c.declared.forEach((m) => declared.add(m));
    for (const members of c.picks.values()) members.forEach((m) => picked.add(m));
  }
  return { declared: [...declared].sort(), picked: [...picked].sort() };
}

/** Interface members declared in .d.ts files, by the interface's name inside its namespaces. */
function interfaceMembers(files: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const visit = (node: ts.Node, scope: string[]): void => {
    if (ts.isModuleDeclaration(node) && node.body) {
      const inner = [...scope, node.name.getText()];
      if (ts.isModuleBlock(node.body)) node.body.statements.forEach((s) => visit(s, inner));
      else visit(node.body, inner);
      return;
    }
    if (ts.isInterfaceDeclaration(node)) {
      const key = [...scope, node.name.text].join('.').replace(/^GoogleAppsScript\./, '');
      const members = node.members.map(memberName).filter((m): m is string => !!m);
      out.set(key, [...(out.get(key) ?? []), ...members]);
      return;
    }
    ts.forEachChild(node, (child) => visit(child, scope));
  };
  for (const file of files) visit(parse(file), []);
  return out;
}

/** The Apps Script types of @types/google-apps-script ("Spreadsheet.Range") and their members. */
export function appsScriptTypes(): Map<string, string[]> {
  const files = fs
    .readdirSync(TYPES_DIR)
    .filter((f) => f.endsWith('.d.ts'))
    .map((f) => path.join(TYPES_DIR, f));
  return interfaceMembers(files);
}
