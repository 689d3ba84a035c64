// The name of the sheet Import usage export writes a file into (spec §15): the tool and the days
// it covers, "ChatGPT usage 2026-11-02–2026-11-29", and the tool read back from such a name.

/**
 * Names are kept to 100 characters, as the local run's sheet names are: no Google page found
 * states a limit on a sheet's name, and a tab's label this long is already hard to read.
 */
export const SHEET_NAME_LIMIT = 100;

/** What Import adds after the tool: " usage 2026-11-02–2026-11-29", and " (2)" when that was taken. */
const IMPORTED_SUFFIX = / usage \d{4}-\d{2}-\d{2}–\d{4}-\d{2}-\d{2}(?: \(\d+\))?$/;

/** A file's ending, which names no tool: "gemini-periods.csv" is the tool "gemini-periods". */
const FILE_ENDING = /\.(csv|txt)$/i;

/**
 * The tool of a source without a Tool column or a format of its own (spec §15: the sheet's or
 * file's name), the same for a file given to the local run, the sheet Import writes it into and a
 * sheet Sheets' File › Import made: without the file's ending, and a sheet Import named is the
 * tool it was named after, not the whole name.
 */
export function toolOfSourceName(source: string): string {
  const tool = source.replace(FILE_ENDING, '').trim().replace(IMPORTED_SUFFIX, '');
  return tool === '' ? source : tool;
}

/** "chatgpt-nov.csv" -> "chatgpt-nov": a file's name without its folder or .csv ending. */
export function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(FILE_ENDING, '').trim();
  return stem === '' ? 'Usage export' : stem;
}

/**
 * "ChatGPT usage 2026-11-02–2026-11-29" (without the days when none could be read), cut to fit a
 * sheet name, and made unique among `taken` (compared case-insensitively, as Sheets does) with
 * " (2)", " (3)"…
 */
export function importedSheetName(
  tool: string,
  from: string | null,
  to: string | null,
  taken: readonly string[],
): string {
  const period = from !== null && to !== null ? ` usage ${from}–${to}` : ' usage';
  const used = new Set(taken.map((name) => name.toLowerCase()));
  for (let n = 1; ; n++) {
    const suffix = `${period}${n === 1 ? '' : ` (${n})`}`;
    const name = `${tool.slice(0, SHEET_NAME_LIMIT - suffix.length).trim()}${suffix}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}
