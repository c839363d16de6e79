import { parse } from "csv-parse/sync";
import { SourceFormatError } from "./text";

export interface CsvRow {
  /** 1-based line of the file. */
  line: number;
  fields: string[];
}

/**
 * Splits `;`-separated text into rows with their line numbers; `firstLine` is the file line the text starts
 * on (a chunk read after an offset). Quotes are not special: Al Kamel never quotes, and a stray `"` in a team
 * name must not swallow the rest of the file. Empty lines are skipped.
 */
export function readSemicolonRows(text: string, firstLine = 1): CsvRow[] {
  let records: string[][];
  try {
    records = parse(text, { delimiter: ";", bom: true, quote: false, relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new SourceFormatError(`not a ;-separated file: ${detail}`);
  }
  // Without quoting every record is one non-empty line, so line numbers come from the text itself: much
  // cheaper than csv-parse's per-record info objects on a 24-hour file.
  const lines = nonEmptyLineNumbers(text, firstLine);
  return records.map((fields, i) => ({ line: lines[i] ?? firstLine, fields }));
}

function nonEmptyLineNumbers(text: string, firstLine: number): number[] {
  const numbers: number[] = [];
  let line = firstLine;
  let lineStart = 0;
  for (let i = 0; i <= text.length; i += 1) {
    const code = i < text.length ? text.charCodeAt(i) : 10;
    if (code !== 10 && code !== 13) continue;
    if (i > lineStart) numbers.push(line);
    // CRLF is one line break.
    if (code === 13 && text.charCodeAt(i + 1) === 10) i += 1;
    line += 1;
    lineStart = i + 1;
  }
  return numbers;
}

/** A field without padding or a pair of surrounding double quotes. */
export function cleanField(value: string | undefined): string {
  const trimmed = (value ?? "").trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1).trim() : trimmed;
}

/** Header names compared without padding, BOM, case, spaces or underscores: " LAPNUMBER" is LAP_NUMBER. */
export function headerKey(name: string): string {
  return name.replace(/\ufeff/g, "").toUpperCase().replace(/[^A-Z0-9]/g, "");
}
