// The argument checks several classes make, each with the message the caller names, so that a
// bad argument fails here as it fails in Apps Script instead of being stored.

/**
 * `value` when it is a whole number from `min` to `max`; else "Invalid argument: `name` (value)",
 * with `hint` (say "; use 0-23") after it.
 */
export function wholeNumberArgument(name: string, value: number, min: number, max = Infinity, hint = ''): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`Invalid argument: ${name} (${value})${hint}.`);
  return value;
}

/** `value` when it is a string with something in it; else an error with `message`. */
export function nonEmptyString(value: unknown, message: string): string {
  if (typeof value !== 'string' || value === '') throw new Error(message);
  return value;
}
