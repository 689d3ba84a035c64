/**
 * How a sidebar call's outcome crosses google.script.run, defined in this one place.
 *
 * "Class google.script.run (Client-side API)",
 * https://developers.google.com/apps-script/guides/html/reference/run: the values a server
 * function returns to the success handler are, like its parameters, primitives and plain objects
 * and arrays of them; the failure handler receives an Error, of which the page can rely on the
 * message alone (an Error's own fields, such as a SettingsError's `field`, are not among the
 * values that cross). So every sidebar call returns a ServerReply to the success handler: the
 * value, or an expected failure as data (its words and the form field it is about). The failure
 * handler gets what fails outside Uptake's code (Google's timeouts, authorization) and a fault in
 * Uptake itself, which the server throws in plain words so that Apps Script records the execution
 * as Failed (src/gas/sidebar-call.ts); both name no field.
 *
 * SidebarFailure: a sidebar call's failure as data.
 */
export interface SidebarFailure {
  /** Plain words for the user. */
  message: string;
  /** The form field the failure is about (a key of Settings), or null. */
  field: string | null;
}

/** What a sidebar entry point returns across google.script.run: its value, or its failure. */
export type ServerReply<T> = { ok: true; value: T } | { ok: false; failure: SidebarFailure };

/** A failed server call as its caller holds it: the server's words, and the form field they are about. */
export class ServerFailure extends Error implements SidebarFailure {
  override name = 'ServerFailure';
  readonly field: string | null;

  constructor(failure: SidebarFailure) {
    super(failure.message);
    this.field = failure.field;
  }
}

/** What unwrapReply says of an answer that is not a ServerReply. */
const NO_REPLY = 'The server answered in a way this page cannot read: reload the sidebar and try again.';

/** Whether `value` is a ServerReply (as delivered, a plain object: `value` is absent when it was undefined). */
export function isServerReply(value: unknown): value is ServerReply<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const reply = value as { ok?: unknown; failure?: { message?: unknown; field?: unknown } | null };
  if (reply.ok === true) return true;
  return (
    reply.ok === false &&
    typeof reply.failure?.message === 'string' &&
    (reply.failure.field === null || typeof reply.failure.field === 'string')
  );
}

/**
 * The value `reply` carries; throws its failure as a ServerFailure, and a ServerFailure saying so
 * when `reply` is not a ServerReply (a page newer than the server it calls).
 */
export function unwrapReply<T>(reply: ServerReply<T>): T {
  if (!isServerReply(reply)) throw new ServerFailure({ message: NO_REPLY, field: null });
  if (reply.ok) return reply.value;
  throw new ServerFailure(reply.failure);
}
