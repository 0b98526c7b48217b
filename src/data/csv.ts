/**
 * A small RFC 4180 reader for table rows kept in a CSV file: comma-separated fields, records
 * ended by CRLF, LF or a lone CR, fields in double quotes holding commas, line breaks and
 * doubled quotes (`""`). A BOM at the start is skipped; blank lines are skipped. Every field
 * keeps where it starts (line and column, 1-based, columns in UTF-16 units as the rest of the
 * data stage counts them), so a bad cell is reported at its place in the CSV.
 *
 * Linear in the text and never throws; a malformed file is one located problem.
 */

/** One field of a CSV record, as written (quotes removed), with where it starts. */
export interface CsvField {
  readonly text: string;
  /** 1-based line of the field's first character. */
  readonly line: number;
  /** 1-based column of the field's first character. */
  readonly col: number;
}

/** The records of a CSV text, or the first problem found (located). */
export type CsvParse =
  | { readonly ok: true; readonly records: readonly (readonly CsvField[])[] }
  | { readonly ok: false; readonly message: string; readonly hint: string; readonly line: number; readonly col: number };

/** Bounds of {@link parseCsv}: more records or fields are a problem, not work. */
export interface CsvLimits {
  /** Most records (header included). */
  readonly maxRecords: number;
  /** Most fields in one record. */
  readonly maxFields: number;
  /** Longest field, in UTF-16 units. */
  readonly maxFieldLength: number;
}

const DEFAULT_LIMITS: CsvLimits = { maxRecords: 5001, maxFields: 50, maxFieldLength: 20_000 };

/** Parses CSV text; see the module comment. */
export function parseCsv(src: string, limits: CsvLimits = DEFAULT_LIMITS): CsvParse {
  let i = src.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = src.length;
  let line = 1;
  let lineStart = 0;
  const records: CsvField[][] = [];
  let record: CsvField[] = [];
  const fail = (message: string, hint: string, at: number, atLine = line, atStart = lineStart): CsvParse => ({ ok: false, message, hint, line: atLine, col: at - atStart + 1 });
  // A line break at i (CRLF, LF or CR): its length, else 0.
  const br = (k: number): number => (src[k] === '\r' ? (src[k + 1] === '\n' ? 2 : 1) : src[k] === '\n' ? 1 : 0);

  while (i <= n) {
    // At the start of a field.
    if (record.length === 0 && i < n && br(i) > 0) {
      // A blank line: no record.
      i += br(i);
      line++;
      lineStart = i;
      continue;
    }
    if (record.length === 0 && i === n) break;
    const fieldLine = line;
    const fieldStart = lineStart;
    const col = i - lineStart + 1;
    let text: string;
    if (src[i] === '"') {
      const open = i;
      let out = '';
      let from = ++i;
      for (;;) {
        if (i >= n) return fail('a quoted field is not closed', 'end the field with a double quote; write "" for a quote inside it', open, fieldLine, fieldStart);
        const c = src[i];
        if (c === '"') {
          out += src.slice(from, i);
          if (src[i + 1] === '"') {
            out += '"';
            i += 2;
            from = i;
            continue;
          }
          i++;
          break;
        }
        const b = br(i);
        if (b > 0) {
          i += b;
          line++;
          lineStart = i;
        } else i++;
        if (i - open > limits.maxFieldLength + 2) return fail(`a field is longer than ${limits.maxFieldLength} characters`, 'check that every quoted field is closed', open, fieldLine, fieldStart);
      }
      text = out;
      if (i < n && src[i] !== ',' && br(i) === 0) {
        return fail('text after the closing quote of a field', 'quote the whole field and write "" for a quote inside it', i);
      }
    } else {
      const from = i;
      while (i < n && src[i] !== ',' && br(i) === 0) {
        if (src[i] === '"') return fail('a double quote inside an unquoted field', 'quote the whole field ("…") and write "" for each quote inside it', i);
        i++;
      }
      text = src.slice(from, i);
      if (text.length > limits.maxFieldLength) return fail(`a field is longer than ${limits.maxFieldLength} characters`, 'shorten the field', from);
    }
    record.push({ text, line: fieldLine, col });
    if (record.length > limits.maxFields) return fail(`a record has more than ${limits.maxFields} fields`, 'a table has at most 50 columns', col - 1 + fieldStart, fieldLine, fieldStart);
    if (src[i] === ',') {
      i++;
      continue;
    }
    // End of the record: a line break or the end of the text.
    records.push(record);
    record = [];
    if (records.length > limits.maxRecords) return fail(`the file has more than ${limits.maxRecords} records`, 'split the table, or keep fewer rows', fieldStart, fieldLine, fieldStart);
    if (i >= n) break;
    i += br(i);
    line++;
    lineStart = i;
  }
  return { ok: true, records };
}
