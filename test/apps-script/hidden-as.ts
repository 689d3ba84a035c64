// Whether a value's type, where src/ expects another, hides reads of Apps Script values it is or
// holds (handed-on.ts says where it is asked): the pairs of types compared, part by part.
import ts from 'typescript';
import { appsScriptParts, appsScriptType } from './apps-script-types';

/** The type of the `i`th argument a signature takes (an element of its rest parameter, past its end). */
export function parameterType(checker: ts.TypeChecker, signature: ts.Signature, i: number): ts.Type | null {
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
export function elementsOf(checker: ts.TypeChecker, type: ts.Type): readonly ts.Type[] | null {
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
    else if (sameGeneric(held, target)) {
      const expected = typeArgumentsIn(checker, target);
      typeArgumentsIn(checker, held).forEach((arg, i) => expected[i] && pairs.push([arg, expected[i]]));
    }
  }
  return pairs;
}

/** Whether two types are instances of one generic type (`Map<string, Sheet>`, `Map<string, Port>`). */
function sameGeneric(source: ts.Type, target: ts.Type): boolean {
  const generic = (source as ts.TypeReference).target;
  return !!generic && generic === (target as ts.TypeReference).target;
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
    // Arrays and tuples, and one generic type's instances, are paired element by element (heldPairs).
    const elementWise = !!(elementsOf(checker, held) && elementsOf(checker, target)) || sameGeneric(held, target);
    if (!(held.flags & ts.TypeFlags.Object) || held === target || elementWise) continue;
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

/** Whether a value of `type` is an Apps Script value or an event, or holds them (an array of them, a `Map` to them). */
export function holdsAppsScript(checker: ts.TypeChecker, type: ts.Type, depth: number): boolean {
  // An event object counts: it is data, but its members (`e.source`, `e.range`) are Apps Script's.
  if (appsScriptParts(checker, type).length) return true;
  if (depth > 2) return false;
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((part) => typeArgumentsIn(checker, part).some((arg) => holdsAppsScript(checker, arg, depth + 1)));
}
