/**
 * Table rows kept in a CSV file: `rows: { csv: "file.csv" }` in a table block. The file is
 * named relative to the data file and must lie inside the project (no `..` escape, no link
 * leading out); it is read bounded and as UTF-8 like data files, parsed by {@link parseCsv} and
 * each cell checked against its column's type at its own line:col in the CSV. The rows then
 * replace the `{ csv }` object in a copy of the input, so every later stage sees inline rows.
 */
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { diag } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { isInside, projectRoot } from '../util/index.js';
import { parseCsv } from './csv.js';
import type { CsvField } from './csv.js';
import type { DataLimits } from './limits.js';
import type { Locator } from './locator.js';
import { formatPath, isRecord, type PathSeg } from './paths.js';
import { readBounded } from './read.js';
import type { TableValue } from './types.js';

/** Largest CSV file read, in bytes (and never more than the data file limit). */
const MAX_CSV_BYTES = 2 * 1024 * 1024;

/** What {@link resolveCsvTables} needs to know about the data file. */
export interface CsvContext {
  /** The data file, as the user gave it. */
  readonly file: string;
  readonly locator: Locator;
  readonly limits: DataLimits;
}

/** The input with CSV rows read in, the problems found, and the CSV files read. */
export interface CsvTables {
  readonly data: unknown;
  readonly diagnostics: readonly Diagnostic[];
  /** Paths of the CSV files named, as shown in messages. */
  readonly files: readonly string[];
}

interface ColumnLike {
  readonly title?: unknown;
  readonly type?: unknown;
}

/** The `{ csv, header }` object of a table's rows, or undefined for inline rows. */
function csvRef(rows: unknown): { readonly csv: string; readonly header: boolean } | undefined {
  if (!isRecord(rows) || typeof rows['csv'] !== 'string') return undefined;
  return { csv: rows['csv'], header: rows['header'] !== false };
}

/** Every table block of a briefing's sections (sub-sections included) with its path. */
function tables(data: unknown): { readonly path: readonly PathSeg[]; readonly table: Record<string, unknown> }[] {
  const out: { path: PathSeg[]; table: Record<string, unknown> }[] = [];
  const walk = (blocks: unknown, base: PathSeg[]): void => {
    if (!Array.isArray(blocks)) return;
    blocks.forEach((b: unknown, i) => {
      if (!isRecord(b)) return;
      if (isRecord(b['table'])) out.push({ path: [...base, i, 'table'], table: b['table'] });
      const sub = b['subsection'];
      if (isRecord(sub)) walk(sub['blocks'], [...base, i, 'subsection', 'blocks']);
    });
  };
  const sections = isRecord(data) ? data['sections'] : undefined;
  if (Array.isArray(sections)) sections.forEach((s: unknown, i) => isRecord(s) && walk(s['blocks'], ['sections', i, 'blocks']));
  return out;
}

/** The CSV path as shown in messages: beside the data file, as the user named that. */
function shown(file: string, csv: string): string {
  return join(dirname(file), csv);
}

/**
 * The CSV files a briefing's tables name, as paths to hash for its build manifest (a CSV edit
 * makes the outputs stale). Works on data as read (before validation); never throws.
 */
export function csvDependencies(data: unknown, file: string): string[] {
  const out: string[] = [];
  for (const t of tables(data)) {
    const ref = csvRef(t.table['rows']);
    if (ref && !out.includes(shown(file, ref.csv))) out.push(shown(file, ref.csv));
  }
  return out;
}

/** The project root a data file's CSV files must stay in (as for a pack's briefings). */
function rootOf(file: string): string {
  const dir = realpathSync(dirname(resolve(file)));
  const cwd = realpathSync(process.cwd());
  return projectRoot(dir, isInside(cwd, dir) ? cwd : dir);
}

/** Reads every `rows: { csv }` of schema-valid input; see the module comment. Never throws. */
export function resolveCsvTables(data: unknown, ctx: CsvContext): CsvTables {
  const found = tables(data).flatMap((t) => {
    const ref = csvRef(t.table['rows']);
    return ref ? [{ ...t, ref }] : [];
  });
  if (found.length === 0) return { data, diagnostics: [], files: [] };
  const diagnostics: Diagnostic[] = [];
  const replace = new Map<string, TableValue[][]>();
  for (const t of found) {
    const rowsPath = [...t.path, 'rows'];
    const ref = { loc: ctx.locator.value([...rowsPath, 'csv']), path: formatPath([...rowsPath, 'csv']) };
    const problems: Diagnostic[] = [];
    const rows = readRows(t.ref, (t.table['columns'] ?? []) as readonly ColumnLike[], { ctx, ref, problems });
    diagnostics.push(...problems);
    // Rows with a problem are left out, so later checks do not report them again at the YAML.
    replace.set(formatPath(rowsPath), problems.length ? [] : rows);
  }
  return { data: withRows(data, [], replace), diagnostics, files: found.map((t) => shown(ctx.file, t.ref.csv)) };
}

/** A copy of `v` with each `rows` whose path is in `replace` swapped for its rows. */
function withRows(v: unknown, path: PathSeg[], replace: ReadonlyMap<string, TableValue[][]>): unknown {
  const here = path.length ? formatPath(path) : '';
  if (replace.has(here)) return replace.get(here);
  if (Array.isArray(v)) return v.map((x: unknown, i) => withRows(x, [...path, i], replace));
  if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withRows(x, [...path, k], replace)]));
  return v;
}

interface Reading {
  readonly ctx: CsvContext;
  readonly ref: { readonly loc: ReturnType<Locator['value']>; readonly path: string };
  readonly problems: Diagnostic[];
}

function readRows(src: { readonly csv: string; readonly header: boolean }, columns: readonly ColumnLike[], r: Reading): TableValue[][] {
  const { ctx, ref, problems } = r;
  const name = shown(ctx.file, src.csv);
  if (isAbsolute(src.csv)) {
    problems.push(diag('data/outside-project', `CSV path "${src.csv}" is absolute`, { ...ref, hint: 'name the CSV file relative to the data file, inside the project' }));
    return [];
  }
  const full = resolve(dirname(resolve(ctx.file)), src.csv);
  let real: string;
  try {
    real = realpathSync(full);
  } catch {
    real = full;
  }
  const root = rootOf(ctx.file);
  if (!isInside(root, real)) {
    problems.push(diag('data/outside-project', `CSV path "${src.csv}" leads outside the project`, { ...ref, hint: `keep the CSV file inside the project (${relative(process.cwd(), root) || '.'}), relative to the data file` }));
    return [];
  }
  const bytes = readBounded(full, Math.min(MAX_CSV_BYTES, ctx.limits.maxFileBytes));
  // A file that cannot be read is reported where the data names it.
  if (!bytes.ok) {
    const hint = `the CSV path is relative to the data file's folder (${dirname(ctx.file) || '.'}); the file must be a regular UTF-8 file`;
    problems.push(...bytes.diagnostics.map((d) => ({ ...d, ...ref, message: d.message.replace(full, name), hint: d.code === 'data/too-large' ? d.hint : hint })));
    return [];
  }
  return cells(bytes.bytes, { name, header: src.header }, columns, r);
}

function cells(bytes: Buffer, file: { readonly name: string; readonly header: boolean }, columns: readonly ColumnLike[], r: Reading): TableValue[][] {
  const { ctx, ref, problems } = r;
  const { name } = file;
  const decoded = decodeUtf8(bytes);
  if (decoded === undefined) {
    problems.push(diag('data/not-text', 'the CSV file is not UTF-8 text', { loc: { file: name, line: 1, col: 1 }, hint: 'save the CSV file as UTF-8 (most spreadsheets offer "CSV UTF-8")' }));
    return [];
  }
  const parsed = parseCsv(decoded, { maxRecords: ctx.limits.maxListItems + 1, maxFields: 50, maxFieldLength: ctx.limits.maxStringLength });
  if (!parsed.ok) {
    problems.push(diag('data/csv', parsed.message, { loc: { file: name, line: parsed.line, col: parsed.col }, hint: parsed.hint }));
    return [];
  }
  // The first record is the header (column names for people reading the file) unless `header: false`.
  const records = parsed.records.slice(file.header ? 1 : 0);
  if (records.length === 0) {
    problems.push(diag('data/csv', 'the CSV file has no rows', { ...ref, hint: 'add one line per row, with one value per column' }));
    return [];
  }
  return records.map((rec) => {
    const at = (f: CsvField | undefined): { loc: { file: string; line: number; col: number } } => ({ loc: { file: name, line: f?.line ?? 1, col: f?.col ?? 1 } });
    if (rec.length !== columns.length) {
      problems.push(diag('data/csv', `this row has ${rec.length} value(s) for ${columns.length} column(s)`, { ...at(rec[0]), hint: 'give one value per column, separated by commas; quote a value that holds a comma' }));
      return [];
    }
    return rec.map((f, k) => cell(f, columns[k] ?? {}, (message, hint) => problems.push(diag('data/csv', message, { ...at(f), hint })), ctx.limits.maxNumber));
  });
}

const NUMBER = /^[+\-\u2212]?(\d+(\.\d*)?|\.\d+)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const PUNCT = /[!-/:-@[-`{-~]/g;

/**
 * One cell's value for its column: empty is null; numbers as written without separators;
 * dates YYYY-MM-DD; text printed as written (every ASCII punctuation character escaped, so a
 * CSV cell never makes emphasis, links or footnotes, and `=` or `@` are just characters).
 */
export function cell(f: CsvField, column: ColumnLike, problem: (message: string, hint: string) => void, maxNumber = 1e15): TableValue {
  const title = typeof column.title === 'string' ? column.title : '';
  const type = typeof column.type === 'string' ? column.type : 'text';
  const ctl = CONTROL.exec(f.text);
  if (ctl) {
    problem(`a control character (U+${(ctl[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}) in a cell`, 'remove it: cells hold printable text, tabs and line breaks only');
    return null;
  }
  const t = f.text.trim();
  if (t === '') return null;
  if (type === 'number' || type === 'money' || type === 'percent') {
    if (!NUMBER.test(t)) {
      problem(`column \`${title}\` holds ${type} values, not "${t.slice(0, 40)}"`, 'write the number without units or thousands separators, e.g. 1234.5, or leave the cell empty');
      return null;
    }
    const v = Number(t.replace('\u2212', '-'));
    if (!Number.isFinite(v) || Math.abs(v) > maxNumber) {
      problem(`the number ${t.slice(0, 40)} is too large`, `numbers in a briefing are at most ${maxNumber} in size`);
      return null;
    }
    return v;
  }
  if (type === 'date') {
    if (!DATE.test(t)) problem(`column \`${title}\` holds dates written YYYY-MM-DD, not "${t.slice(0, 40)}"`, 'write the date as YYYY-MM-DD, e.g. 1995-10-01');
    return DATE.test(t) ? t : null;
  }
  return t.replace(/\s*(\r\n|\r|\n)\s*/g, ' ').replace(PUNCT, (c) => `\\${c}`).normalize('NFC');
}

/** UTF-8 text with a BOM kept (the parser skips it), or undefined when the bytes are not UTF-8 or hold NUL. */
function decodeUtf8(b: Buffer): string | undefined {
  if (b.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(b);
  } catch {
    return undefined;
  }
}
