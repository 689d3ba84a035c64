/** A run of adjacent columns (0-based `start`) and the fields that head them, left to right. */
export interface ColumnSpan<F extends string> {
  start: number;
  fields: F[];
}

/**
 * The header's columns as runs of adjacent columns, left to right: a row written one range per
 * run leaves the columns the team added between them untouched.
 */
export function columnSpans<F extends string>(columns: Partial<Record<F, number>>): ColumnSpan<F>[] {
  const mapped = (Object.entries(columns) as [F, number][]).sort((a, b) => a[1] - b[1]);
  const spans: ColumnSpan<F>[] = [];
  for (const [field, column] of mapped) {
    const last = spans[spans.length - 1];
    if (last && last.start + last.fields.length === column) last.fields.push(field);
    else spans.push({ start: column, fields: [field] });
  }
  return spans;
}
