// Where src/ hands an Apps Script value on as a type of its own: what it then reads on the value
// are reads of that type, which the surface test does not take for Apps Script's, so the fake could
// lack a member the bundle calls. bundle-surface.ts reports each place this finds:
// - a value whose target src/ types (`const port: { getFrozenColumns(): number } = sheet`, an
//   argument, a returned value, a property of an object literal, a spread's elements): the
//   checker's contextual type; arrays, tuples and a generic type's arguments (`Map<string, Sheet>`
//   as `Map<string, Port>`) element by element; an object's members by name (`{ sheet: Sheet }` as
//   `{ sheet: Port }`, an event's `source` as a type of src/'s own: an event object is data, but the
//   values it holds are Apps Script's) and a function's return type (`() => Sheet` as `() => Port`),
//   three levels deep;
// - an assertion (`sheet as unknown as { getFrozenColumns(): number }`, `<T>sheet`), seen through
//   nested assertions, parentheses, `satisfies` and `!` to the value asserted;
// - a type argument (`f<T extends { getFrozenColumns(): number }>(s: T)` called as `f(sheet)`):
//   the type parameter's constraint is the type the function reads;
// - a function handed where Apps Script values are passed to it (`[sheet].map((s: Port) => …)`,
//   `sheets.forEach(readPort)`, an object literal's method), whose own parameter is typed otherwise,
//   or typed `unknown` or `object` in a function of src/'s own (`sheets.filter(isPort)`);
// - a value handed to a parameter typed `unknown` or `object` of a function src/ declares
//   (`cast<Port>(sheet)`, a guard or `'x' in o` inside): library functions (`JSON.stringify`) are
//   not src/'s, and their `any` parameters are reported as any other `any`;
// - `this` (`fn.call(sheet)`, `apply`, `bind`) where `fn` declares `this` as a type of its own;
// - `any` as any of those targets (`const anySheet: any = sheet`, `sheet as any`), on which
//   nothing is checked at all.
// A target of an Apps Script type hides nothing, nor elsewhere one with no member to read
// (`unknown`, `object`, a bare type parameter, a primitive): reading on it needs a new assertion,
// reported in turn when it is made on the value itself. Destructuring (`const { sheet } = named`)
// hands nothing on: the names keep the members' own types. Not seen: a value kept as `unknown` or
// `object` (a variable, a property, a library's container such as `unknown[]`) and asserted or
// narrowed later, in another expression; an object holding Apps Script values (not an array or a
// generic type of them) handed to `unknown`, `object` or `any`; a value held deeper than three
// levels of members, elements and results.
import ts from 'typescript';
import { elementsOf, hiddenAs, holdsAppsScript, parameterType } from './hidden-as';

/** A place src/ hands an Apps Script value on, and what as. */
export interface HandedOn {
  node: ts.Node;
  why: string;
}

/** The expressions that may be an Apps Script value (a quick test before the checker is asked). */
const VALUE_KINDS = new Set([
  ts.SyntaxKind.Identifier,
  ts.SyntaxKind.CallExpression,
  ts.SyntaxKind.NewExpression,
  ts.SyntaxKind.PropertyAccessExpression,
  ts.SyntaxKind.ElementAccessExpression,
  // `const port: Port = sheet satisfies object`: the value the expression leaves is the sheet.
  ts.SyntaxKind.AsExpression,
  ts.SyntaxKind.TypeAssertionExpression,
  ts.SyntaxKind.SatisfiesExpression,
  ts.SyntaxKind.NonNullExpression,
]);

/** The places in `node` (not its children) where an Apps Script value is handed on as src/'s own type. */
export function handedOn(checker: ts.TypeChecker, node: ts.Node): HandedOn[] {
  const found: HandedOn[] = [];
  if (ts.isAssertionExpression(node) && !ts.isConstTypeReference(node.type)) {
    const value = checker.getTypeAtLocation(innermost(node));
    const as = hiddenAs(checker, value, checker.getTypeFromTypeNode(node.type));
    if (as) found.push({ node, why: `an Apps Script value asserted as ${as}` });
  }
  if (ts.isCallLikeExpression(node)) found.push(...typeArgumentsOf(checker, node));
  if (ts.isCallExpression(node)) found.push(...thisHandedOn(checker, node));
  if (VALUE_KINDS.has(node.kind) && !isNameOf(node)) {
    const as = valueHandedOn(checker, node as ts.Expression);
    if (as) found.push({ node, why: `an Apps Script value handed on as ${as}` });
  }
  if (VALUE_KINDS.has(node.kind) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
    const expected = checker.getContextualType(node as ts.Expression)?.getCallSignatures()[0];
    found.push(...parametersOf(checker, node, expected));
  }
  if (VALUE_KINDS.has(node.kind) && ts.isCallOrNewExpression(node.parent)) {
    const opaque = opaqueParameter(checker, node as ts.Expression, node.parent);
    if (opaque) found.push({ node, why: `an Apps Script value handed to ${opaque}, which src/ may assert or narrow` });
  }
  if (ts.isMethodDeclaration(node) && ts.isObjectLiteralExpression(node.parent))
    found.push(...parametersOf(checker, node, expectedMethod(checker, node, node.parent)));
  return found;
}

/**
 * A name its parent gives (`{ s: sheet }`'s `s`, `holder.sheet`'s `sheet`), which is checked as its
 * parent; a shorthand's (`{ sheet }`) is the value itself.
 */
function isNameOf(node: ts.Node): boolean {
  const parent = node.parent as ts.Node & { name?: ts.Node };
  return parent.name === node && !ts.isShorthandPropertyAssignment(parent);
}

/**
 * What a value is handed on as where its target is typed (a declared variable, an argument, a
 * returned value: the contextual type; a spread's elements: each element's). Not an assertion's
 * operand, which the assertion is checked for, nor `satisfies`', which leaves the value its own type.
 */
function valueHandedOn(checker: ts.TypeChecker, value: ts.Expression): string | null {
  const outside = operandOf(value);
  if (ts.isAssertionExpression(outside) || ts.isSatisfiesExpression(outside) || isDestructured(outside)) return null;
  const type = checker.getTypeAtLocation(value);
  if (ts.isSpreadElement(outside) && ts.isCallOrNewExpression(outside.parent)) {
    const signature = checker.getResolvedSignature(outside.parent);
    const at = outside.parent.arguments?.indexOf(outside) ?? -1;
    const target = signature && parameterType(checker, signature, at);
    const elements = elementsOf(checker, type) ?? [];
    return (target && elements.map((element) => hiddenAs(checker, element, target)).find(Boolean)) || null;
  }
  const target = checker.getContextualType(ts.isSpreadElement(outside) ? outside.parent : value);
  return target ? hiddenAs(checker, type, target) : null;
}

/**
 * Whether the value is destructured (`const { sheet } = named`, `[a, b] = pair`): the pattern's
 * names take the value's own members' types, though the checker gives it the pattern's, all `any`.
 */
function isDestructured(outside: ts.Node): boolean {
  if (ts.isVariableDeclaration(outside) || ts.isParameter(outside) || ts.isBindingElement(outside))
    return (
      !(!ts.isBindingElement(outside) && outside.type) &&
      (ts.isObjectBindingPattern(outside.name) || ts.isArrayBindingPattern(outside.name))
    );
  return (
    ts.isBinaryExpression(outside) &&
    outside.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    (ts.isObjectLiteralExpression(outside.left) || ts.isArrayLiteralExpression(outside.left))
  );
}

/** Whether a type is `unknown` or `object`, on which nothing is read until it is asserted or narrowed. */
function isOpaque(type: ts.Type): boolean {
  return !!(type.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.NonPrimitive));
}

/**
 * The parameter typed `unknown` or `object` of a function src/ declares (not a library's:
 * `JSON.stringify`, `console.log`) that an argument holding Apps Script values is passed to, as
 * "f's parameter x typed unknown": inside, src/ may assert it (`cast<Port>(sheet)`) or narrow it
 * with a guard of its own, and read the value as a type of its own. Null for any other argument.
 */
function opaqueParameter(
  checker: ts.TypeChecker,
  arg: ts.Expression,
  call: ts.CallExpression | ts.NewExpression,
): string | null {
  const signature = checker.getResolvedSignature(call);
  const declaration = signature?.declaration;
  const at = call.arguments?.indexOf(arg) ?? -1;
  if (!signature || !declaration || at < 0 || declaration.getSourceFile().isDeclarationFile) return null;
  const type = parameterType(checker, signature, at);
  if (!type || !isOpaque(type) || !holdsAppsScript(checker, checker.getTypeAtLocation(arg), 0)) return null;
  const parameter = signature.parameters[Math.min(at, signature.parameters.length - 1)];
  const named = ts.isVariableDeclaration(declaration.parent) ? declaration.parent : declaration;
  const name = 'name' in named && named.name ? named.name.getText() : 'a function';
  return `${name}'s parameter ${parameter.name} typed ${checker.typeToString(type)}`;
}

/** The value an assertion asserts, through nested assertions, parentheses, `satisfies` and `!`. */
function innermost(node: ts.Expression): ts.Expression {
  while (
    ts.isAssertionExpression(node) ||
    ts.isParenthesizedExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isNonNullExpression(node)
  )
    node = node.expression;
  return node;
}

/** The expression `node` is the operand of, past parentheses (the assertion of `(sheet) as T`). */
function operandOf(node: ts.Node): ts.Node {
  let parent = node.parent;
  while (ts.isParenthesizedExpression(parent)) parent = parent.parent;
  return parent;
}

/** Each type argument of a call (inferred or written) that is Apps Script's for a parameter constrained to src/'s own type. */
function typeArgumentsOf(checker: ts.TypeChecker, call: ts.CallLikeExpression): HandedOn[] {
  const signature = checker.getResolvedSignature(call);
  const declaration = signature?.declaration;
  if (!signature || !declaration || ts.isJSDocSignature(declaration)) return [];
  const parameters = checker.getSignatureFromDeclaration(declaration)?.getTypeParameters() ?? [];
  const args = checker.getTypeArgumentsForResolvedSignature(signature) ?? [];
  return parameters.flatMap((parameter, i) => {
    const as = args[i] ? hiddenAs(checker, args[i], parameter) : null;
    const constraint = checker.typeToString(checker.getBaseConstraintOfType(parameter) ?? parameter);
    const why = `an Apps Script type given as ${checker.typeToString(parameter)}, constrained to ${constraint}`;
    return as ? [{ node: call, why }] : [];
  });
}

/**
 * A function handed where Apps Script values will be passed to it (a callback, `[sheet].map(…)`,
 * an object literal's method) whose own parameter is typed otherwise: each such parameter.
 */
function parametersOf(checker: ts.TypeChecker, fn: ts.Node, expected: ts.Signature | undefined): HandedOn[] {
  const own = checker.getTypeAtLocation(fn).getCallSignatures()[0];
  if (!own || !expected) return [];
  return own.parameters.flatMap((parameter, i) => {
    const passed = parameterType(checker, expected, i);
    const type = checker.getTypeOfSymbol(parameter);
    const opaque = passed && isOpaque(type) && ownFunction(checker, fn) && holdsAppsScript(checker, passed, 0);
    const as = opaque ? checker.typeToString(type) : passed && hiddenAs(checker, passed, type);
    const node = ts.isFunctionLike(fn) ? fn.parameters[i] : fn;
    return as
      ? [{ node, why: `a function whose parameter ${parameter.name} is ${as} is passed Apps Script values` }]
      : [];
  });
}

/** Whether a function is src/'s own (written there, or a name for one declared there), not a library's. */
function ownFunction(checker: ts.TypeChecker, fn: ts.Node): boolean {
  if (!ts.isIdentifier(fn) && !ts.isPropertyAccessExpression(fn)) return true;
  const declarations = checker.getSymbolAtLocation(fn)?.declarations ?? [];
  return declarations.some((declaration) => !declaration.getSourceFile().isDeclarationFile);
}

/**
 * `fn.call(sheet)`, `fn.apply(sheet, args)`, `fn.bind(sheet)` where `fn` declares `this` as a type
 * of src/'s own: TypeScript infers `this` from the value, so the value is no argument typed otherwise.
 */
function thisHandedOn(checker: ts.TypeChecker, call: ts.CallExpression): HandedOn[] {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !['call', 'apply', 'bind'].includes(callee.name.text)) return [];
  const thisParameter = checker.getTypeAtLocation(callee.expression).getCallSignatures()[0]?.thisParameter;
  const value = call.arguments[0];
  if (!thisParameter || !value) return [];
  const as = hiddenAs(checker, checker.getTypeAtLocation(value), checker.getTypeOfSymbol(thisParameter));
  return as ? [{ node: value, why: `an Apps Script value handed on as this: ${as}` }] : [];
}

/** The signature an object literal's method is expected to have: its property's in the literal's contextual type. */
function expectedMethod(
  checker: ts.TypeChecker,
  method: ts.MethodDeclaration,
  literal: ts.ObjectLiteralExpression,
): ts.Signature | undefined {
  const name = checker.getSymbolAtLocation(method.name)?.name;
  const property = name && checker.getContextualType(literal)?.getProperty(name);
  return property ? checker.getTypeOfSymbol(property).getCallSignatures()[0] : undefined;
}
