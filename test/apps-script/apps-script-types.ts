// What counts as an Apps Script type for the surface test: a member of @types/google-apps-script's
// `GoogleAppsScript` namespace, the global `Console`, or an augmentation of them in src/.
import path from 'path';
import ts from 'typescript';

const TYPES_DIR = path.join(__dirname, '..', '..', 'node_modules', '@types', 'google-apps-script') + path.sep;

/** Whether a declaration is @types/google-apps-script's or an augmentation of its namespace in src/. */
export function isAppsScriptDeclaration(decl: ts.Declaration): boolean {
  if (decl.getSourceFile().fileName.startsWith(TYPES_DIR)) return true;
  for (let n: ts.Node = decl; !ts.isSourceFile(n); n = n.parent)
    if (ts.isModuleDeclaration(n) && n.name.text === 'GoogleAppsScript') return true;
  return false;
}

/** An Apps Script type a member is read on. */
export interface ReadType {
  /** "Spreadsheet.Range", "Console" */
  name: string;
  /** Whether it is an enum (`Script.AuthMode`), whose members are values. */
  isEnum: boolean;
}

/** An Apps Script interface, enum or class's type as a ReadType; null for any other. */
export function appsScriptType(checker: ts.TypeChecker, type: ts.Type): ReadType | null {
  const symbol = type.symbol;
  const named = ts.SymbolFlags.Interface | ts.SymbolFlags.Class | ts.SymbolFlags.Enum;
  if (!symbol || !(symbol.flags & named) || !symbol.declarations?.some(isAppsScriptDeclaration)) return null;
  const name = checker.getFullyQualifiedName(symbol).replace(/^GoogleAppsScript\./, '');
  return { name, isEnum: !!(symbol.flags & ts.SymbolFlags.Enum) };
}

/**
 * The Apps Script types among the parts of `type` (a union's, an intersection's) that have the
 * member `name` (any member, for null). A member only an intersection's own part declares
 * (`AuthorizationInfo & { extra?(): string[] }`) is not one.
 */
export function appsScriptParts(checker: ts.TypeChecker, type: ts.Type, name: string | null = null): ReadType[] {
  const parts = type.isUnionOrIntersection() ? type.types : [type];
  return parts.flatMap((part) => {
    const apparent = checker.getApparentType(part);
    const read = appsScriptType(checker, apparent);
    return read && (name === null || checker.getPropertyOfType(apparent, name)) ? [read] : [];
  });
}

/**
 * The Apps Script types an access `receiver.name` reads `name` of: each part of the receiver's
 * type that is an Apps Script type with that member (any, for a computed `name`: null).
 */
export function readTypes(checker: ts.TypeChecker, receiver: ts.Node, name: string | null): ReadType[] {
  return appsScriptParts(checker, checker.getTypeAtLocation(receiver), name);
}
