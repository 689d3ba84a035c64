/**
 * A sidebar call's failure as it crosses google.script.run, written and read in this one place.
 *
 * The page's failure handler receives an Error object ("withFailureHandler(function)", Class
 * google.script.run (Client-side API),
 * https://developers.google.com/apps-script/guides/html/reference/run). What the page can rely
 * on is that Error's message: the values the same page documents as crossing are primitives,
 * plain objects and arrays, and an Error's own fields (a SettingsError's `field`) are not among
 * them. So a failure about one form field carries the field's name at the start of its message,
 * `[field weeks] The window must be a whole number from 1 to 52.`: the server's sidebarCall
 * writes it (encodeFailure) and the page's server.ts reads it (decodeFailure), so the page shows
 * the words and marks the field without reading the words.
 */
export interface SidebarFailure {
  /** Plain words for the user. */
  message: string;
  /** The form field the failure is about (a key of Settings), or null. */
  field: string | null;
}

/** The field's name in front of the words; only encodeFailure writes it. */
const FIELD_MARK = /^\[field ([A-Za-z][A-Za-z0-9]*)\](?: |$)/;
/** Apps Script may put the thrown error's class name in front ("Error: …", "Exception: …"). */
const CLASS_NAME = /^(?:Uncaught\s+)?(?:[A-Z][A-Za-z]*)?(?:Error|Exception):\s*/;

/** The message to throw for `failure`. */
export function encodeFailure({ message, field }: SidebarFailure): string {
  return field && /^[A-Za-z][A-Za-z0-9]*$/.test(field) ? `[field ${field}] ${message}` : message;
}

/** The failure a thrown message carries: its words, without a class name in front, and its field. */
export function decodeFailure(thrown: string): SidebarFailure {
  const text = thrown.trim().replace(CLASS_NAME, '').trim();
  const mark = FIELD_MARK.exec(text);
  return mark ? { message: text.slice(mark[0].length).trim(), field: mark[1] } : { message: text, field: null };
}
