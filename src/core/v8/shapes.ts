/**
 * Hidden classes that must outlive the objects of one parse or audit.
 *
 * V8 compiles hot code against the hidden class (map) of the objects it meets. An instance of a
 * class gets its map through transitions that V8 holds weakly: once every instance has died, a
 * full garbage collection frees the map and throws away all optimised code that checks for it.
 * Each parse makes new instances of the same classes, so in a process that parses more than once
 * (the bench, a test run) a collection between two parses sent the next one back to unoptimised
 * code, at two to four times the cost (BENCHMARKS.md, "Hidden classes"). Keeping one instance of
 * each such class keeps its map. Object literals need nothing: their map lives in the literal's
 * boilerplate.
 */
const kept: object[] = [];

/** Keeps `instance`, and so its class's map, for the life of the script. */
export function keepShapeOf(instance: object): void {
  kept.push(instance);
}
