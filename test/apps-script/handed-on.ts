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
//   `sheets.forEach(readPort)`, an object literal's method), whose own parameter is typed otherwise;
// - `any` as any of those targets (`const anySheet: any = sheet`, `sheet as any`), on which
//   nothing is checked at all.
// A target of an Apps Script type hides nothing, nor one with no member to read (`unknown`,
// `object`, a bare type parameter, a primitive): reading on it needs a new assertion, reported in
// turn when it is made on the value itself. Not followed: a value first kept as `unknown` or
// `object` and asserted or narrowed (a type guard of src/'s own) later, in another expression.
import ts from 'typescript';
import { appsScriptParts, appsScriptType } from './apps-script-types';

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
  if (VALUE_KINDS.has(node.kind) && !isNameOf(node)) {
    const as = valueHandedOn(checker, node as ts.Expression);
    if (as) found.push({ node, why: `an Apps Script value handed on as ${as}` });
  }
  if (VALUE_KINDS.has(node.kind) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
    const expected = checker.getContextualType(node as ts.Expression)?.getCallSignatures()[0];
    found.push(...parametersOf(checker, node, expected));
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
    const as = passed && hiddenAs(checker, passed, checker.getTypeOfSymbol(parameter));
    const node = ts.isFunctionLike(fn) ? fn.parameters[i] : fn;
    return as
      ? [{ node, why: `a function whose parameter ${parameter.name} is ${as} is passed Apps Script values` }]
      : [];
  });
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

/** The type of the `i`th argument a signature takes (an element of its rest parameter, past its end). */
function parameterType(checker: ts.TypeChecker, signature: ts.Signature, i: number): ts.Type | null {
  const parameters = signature.parameters;
  const last = parameters[parameters.length - 1];
  const declaration = last?.valueDeclaration;
  const rest = !!declaration && ts.isParameter(declaration) && !!declaration.dotDotDotToken;
  if (i < parameters.length - (rest ? 1 : 0)) return checker.getTypeOfSymbol(parameters[i]);
  if (!rest) return null;
  const type = checker.getTypeOfSymbol(last);
  return checker.isArrayType(type) ? checker.getTypeArguments(type as ts.TypeReference)[0] : null;
}

/** Whether a value of `type` is Apps Script's; event objects (Events.*) are plain data, no class of the fake. */
function isAppsScriptValue(checker: ts.TypeChecker, type: ts.Type): boolean {
  return appsScriptParts(checker, type).some((part) => !part.name.startsWith('Events.'));
}

/** An array's or tuple's element types; null for another type. */
function elementsOf(checker: ts.TypeChecker, type: ts.Type): readonly ts.Type[] | null {
  const container = checker.isArrayType(type) || checker.isTupleType(type);
  return container ? checker.getTypeArguments(type as ts.TypeReference) : null;
}

/** A generic type's type arguments (an array's element, a tuple's, `Map<K, V>`'s K and V); none for another type. */
function typeArgumentsIn(checker: ts.TypeChecker, type: ts.Type): readonly ts.Type[] {
  const reference =
    !!(type.flags & ts.TypeFlags.Object) && !!((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference);
  return reference ? checker.getTypeArguments(type as ts.TypeReference) : [];
}

/**
 * Each type a part of `source` holds, paired with the type `target` holds in its place: an array's
 * or tuple's elements, or the type arguments of one generic type (`Map<string, Sheet>` where
 * `Map<string, Port>` is expected).
 */
function heldPairs(checker: ts.TypeChecker, source: ts.Type, target: ts.Type): [ts.Type, ts.Type][] {
  const pairs: [ts.Type, ts.Type][] = [];
  const into = elementsOf(checker, target);
  const intoAt = (i: number) => (into && checker.isTupleType(target) ? into[i] : into?.[0]);
  for (const held of source.isUnion() ? source.types : [source]) {
    const elements = elementsOf(checker, held);
    if (elements && into) elements.forEach((element, i) => intoAt(i) && pairs.push([element, intoAt(i)!]));
    else if (
      (held as ts.TypeReference).target &&
      (held as ts.TypeReference).target === (target as ts.TypeReference).target
    ) {
      const expected = typeArgumentsIn(checker, target);
      typeArgumentsIn(checker, held).forEach((arg, i) => expected[i] && pairs.push([arg, expected[i]]));
    }
  }
  return pairs;
}

/** The parts of a target type (a union's, an intersection's), a type parameter standing for its constraint. */
function targetParts(checker: ts.TypeChecker, type: ts.Type): ts.Type[] {
  const parts = type.isUnionOrIntersection() ? type.types : [type];
  return parts.flatMap((part) => {
    const constraint = part.flags & ts.TypeFlags.TypeParameter ? checker.getBaseConstraintOfType(part) : null;
    return constraint && constraint !== part ? targetParts(checker, constraint) : [part];
  });
}

/**
 * What a value of type `source` that holds Apps Script values (is one, or an array or tuple of
 * them) is taken for where `target` is expected, when that hides their reads: `any`, or an object
 * type of src/'s own with members (or an index signature) to read and no Apps Script type among
 * its parts. Null when it hides nothing.
 */
export function hiddenAs(checker: ts.TypeChecker, source: ts.Type, target: ts.Type, depth = 0): string | null {
  const parts = targetParts(checker, target);
  const shown = checker.typeToString(target);
  if (parts.some((part) => part.flags & ts.TypeFlags.Any))
    return holdsAppsScript(checker, source, depth) ? shown : null;
  if (isAppsScriptValue(checker, source)) {
    if (parts.some((part) => appsScriptType(checker, checker.getApparentType(part)))) return null;
    const readable = (part: ts.Type) =>
      !!(part.flags & ts.TypeFlags.Object) &&
      (checker.getPropertiesOfType(part).length > 0 || checker.getIndexInfosOfType(part).length > 0);
    return parts.some(readable) ? shown : null;
  }
  if (depth > 2 || source === target) return null;
  const hides = (pairs: [ts.Type, ts.Type][]) => pairs.some(([held, into]) => hiddenAs(checker, held, into, depth + 1));
  if (hides(parts.flatMap((part) => heldPairs(checker, source, part)))) return shown;
  return hides(parts.flatMap((part) => memberPairs(checker, source, part, depth > 0))) ? shown : null;
}

/**
 * Each member of an object type of src/'s own paired with the source's member of the same name
 * (`{ sheet: Sheet; name: string }` where `{ sheet: Port }` is expected, an event's `source`), a
 * function's return type with the expected one's (`() => Sheet` as `() => Port`) and, with
 * `parameters`, each parameter the other way round (`(s: Port) => number` held where
 * `(s: Sheet) => number` is expected: the function is passed Apps Script values). A function
 * itself handed on (not held) has its parameters reported by parametersOf.
 */
function memberPairs(
  checker: ts.TypeChecker,
  source: ts.Type,
  target: ts.Type,
  parameters: boolean,
): [ts.Type, ts.Type][] {
  if (!(target.flags & ts.TypeFlags.Object) || appsScriptType(checker, target)) return [];
  const pairs: [ts.Type, ts.Type][] = [];
  const expected = target.getCallSignatures();
  for (const held of source.isUnion() ? source.types : [source]) {
    if (!(held.flags & ts.TypeFlags.Object) || held === target) continue;
    for (const into of checker.getPropertiesOfType(target)) {
      const from = checker.getPropertyOfType(held, into.name);
      if (from) pairs.push([checker.getTypeOfSymbol(from), checker.getTypeOfSymbol(into)]);
    }
    for (const signature of held.getCallSignatures())
      for (const into of expected) {
        pairs.push([signature.getReturnType(), into.getReturnType()]);
        if (parameters)
          signature.parameters.forEach((parameter, i) => {
            const passed = parameterType(checker, into, i);
            if (passed) pairs.push([passed, checker.getTypeOfSymbol(parameter)]);
          });
      }
  }
  return pairs;
}

/** Whether a value of `type` is an Apps Script value or holds them (an array of them, a `Map` to them). */
function holdsAppsScript(checker: ts.TypeChecker, type: ts.Type, depth: number): boolean {
  if (isAppsScriptValue(checker, type)) return true;
  if (depth > 2) return false;
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((part) => typeArgumentsIn(checker, part).some((arg) => holdsAppsScript(checker, arg, depth + 1)));
}
