// RFC 4180 CSV, as Google Sheets writes it (File › Download › Comma-separated values): fields
// separated by commas, records by CRLF or LF, a field that holds a comma, a quote or a line
// break wrapped in double quotes with its quotes doubled. Every field is text.
//
// Record i (1-based) is sheet row i, also when a quoted field spans several lines, so that
// row numbers in messages are the ones the sheet shows. A malformed file is an error naming
// the line, never a guess.

export class CsvError extends Error {
  constructor(
    message: string,
    /** 1-based physical line of the file where the problem is. */
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

const BOM = '\uFEFF';

/**
 * Parses CSV text into records of fields. A trailing line break does not make an empty last
 * record; an empty line in the middle is a record with one empty field (a blank sheet row).
 */
export function parseCsv(text: string): string[][] {
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  const records: string[][] = [];
  if (source.length === 0) return records;
  let record: string[] = [];
  let field = '';
  /** The current field was quoted and its closing quote read: only a separator may follow. */
  let closedQuote = false;
  let line = 1;
  let i = 0;
  const n = source.length;

  const endField = () => {
    record.push(field);
    field = '';
    closedQuote = false;
  };

  while (i < n) {
    const ch = source[i];
    if (ch === ',') {
      endField();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endField();
      records.push(record);
      record = [];
      i += ch === '\r' && source[i + 1] === '\n' ? 2 : 1;
      line++;
    } else if (closedQuote) {
      throw new CsvError(
        `Line ${line}: text follows the closing quote of a quoted field (inside quotes, write a quote as "").`,
        line,
      );
    } else if (ch === '"' && field === '') {
      // A quoted field runs to the next quote that is not doubled, across line breaks.
      const startLine = line;
      i++;
      for (;;) {
        if (i >= n)
          throw new CsvError(
            `Line ${startLine}: a quoted field is never closed (a " is missing before the end of the file).`,
            startLine,
          );
        const c = source[i];
        if (c === '"') {
          if (source[i + 1] !== '"') break;
          field += '"';
          i += 2;
          continue;
        }
        if (c === '\n' || (c === '\r' && source[i + 1] !== '\n')) line++;
        field += c;
        i++;
      }
      i++;
      closedQuote = true;
    } else {
      // A quote inside an unquoted field is kept as typed: RFC 4180 does not allow it, but
      // dropping or reinterpreting it would alter what the team wrote.
      field += ch;
      i++;
    }
  }
  // The last record, unless the text ended with its line break.
  const last = source[n - 1];
  if (last !== '\n' && last !== '\r') {
    endField();
    records.push(record);
  }
  return records;
}
