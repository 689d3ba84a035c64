// Team text on a terminal, and in the text files a person opens: a control character in a cell
// (ESC, BEL, backspace, a C1 control such as CSI) would clear the screen, recolour the output
// or set the window title, and a bidirectional override would reorder what the line shows.
// Each is shown as its escape, \u001B, \u202E: visible, and the same notation JSON uses, so
// escaping `--json` output keeps it valid JSON with the same values.

/**
 * C0 controls but the line feed, DEL, C1 controls, the line and paragraph separators, and the
 * Unicode bidirectional marks, embeddings, overrides and isolates.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- as above, with the line feed
const CONTROLS_AND_LINE_FEED = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

const escaped = (ch: string) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Text for a terminal or a text file: every control character escaped, line feeds kept. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROLS, escaped);
}

/** Team text for one line (a table cell, a list item): line feeds escaped too. */
export function terminalLine(text: string): string {
  return text.replace(CONTROLS_AND_LINE_FEED, escaped);
}

/**
 * Team text outside a code block in a Markdown file: one line, with the characters Markdown or
 * HTML would act on backslash-escaped (CommonMark lets any ASCII punctuation be escaped), so
 * that a subject holding `<img onerror=…>` or `[link](…)` is shown as typed and never runs.
 */
export function markdownText(text: string): string {
  return terminalLine(text).replace(/[\\`*_{}[\]()<>#+!|~&]/g, '\\$&');
}

/** Wraps `text` to `width` columns, indenting every line by `indent`. */
export function wrap(text: string, indent: string, width = 100): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current && indent.length + current.length + 1 + word.length > width) {
      lines.push(indent + current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) lines.push(indent + current);
  return lines;
}
