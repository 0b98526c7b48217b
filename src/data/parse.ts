/**
 * Parsing YAML and JSON data files into plain values plus a {@link Locator} for their fields.
 */
import { LineCounter, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import { diag } from '../diag/errors.js';
import type { Diagnostic, SourceLoc } from '../diag/types.js';
import { checkJson } from './json-check.js';
import { Locator } from './locator.js';
import { lineColAt } from './paths.js';

/** Source syntax of a data file. */
export type DataFormat = 'yaml' | 'json';

/** Parsed data, or why it could not be parsed. */
export type ParseResult =
  | { readonly ok: true; readonly data: unknown; readonly locator: Locator; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** `.json` files are JSON; anything else is read as YAML. */
export function formatOf(file: string): DataFormat {
  return /\.json$/i.test(file) ? 'json' : 'yaml';
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

const YAML_HINTS: Readonly<Record<string, string>> = {
  DUPLICATE_KEY: 'each field may appear once in a mapping: remove or rename one of them',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  BAD_INDENT: 'check the indentation: items of the same list or mapping must line up',
  MULTIPLE_DOCS: 'a briefing file holds one document: remove the `---` separator and what follows, or split the file',
  BLOCK_AS_IMPLICIT_KEY: 'put nested fields on their own lines, or quote text that contains `: `',
  MISSING_CHAR: 'a bracket or quote is not closed',
  BAD_DQ_ESCAPE: 'in double quotes, write a backslash as `\\\\`, or use single quotes',
};

/** Parses `text` (BOM already removed). Never throws. */
export function parseSource(file: string, text: string, format: DataFormat): ParseResult {
  if (text.trim() === '') return fail(emptyDiag(file, 'the file is empty'));
  if (format === 'json') {
    const err = checkJson(text);
    if (err) {
      const { line, col } = lineColAt(text, err.offset);
      if (err.tooDeep) return fail(tooDeep({ file, line, col }));
      return fail(
        diag('data/json-syntax', `failed to parse JSON (${err.message})`, {
          loc: { file, line, col },
          hint: 'fix the JSON syntax at this position (JSON allows no comments, trailing commas or single quotes)',
        }),
      );
    }
  }
  const lines = new LineCounter();
  try {
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, version: '1.2', merge: false });
    const locator = new Locator(file, doc, lines, text);
    const overflow = doc.errors.find((e) => /call stack/i.test(e.message));
    if (overflow) return fail(tooDeep(locator.at(overflow.pos[0])));
    const errors = doc.errors.map((e) => syntaxDiag(e, locator, text, format));
    if (errors.length > 0) return fail(...errors);
    if (doc.contents === null) return fail(emptyDiag(file, 'the file holds no data, only comments'));
    const unresolved = unresolvedAliases(doc, locator);
    if (unresolved.length > 0) return fail(...unresolved);
    const warnings = doc.warnings.map((w) =>
      diag('data/yaml-warning', lowerFirst(w.message), {
        loc: locator.at(w.pos[0]),
        severity: 'warning',
        hint: 'briefkit ignores YAML tags: remove the `!tag` and write the plain value',
      }),
    );
    const data: unknown = doc.toJS({ maxAliasCount: 100 });
    return { ok: true, data, locator, diagnostics: warnings };
  } catch (err) {
    // Absurd nesting (RangeError) and alias bombs (ReferenceError from the yaml package).
    if (err instanceof RangeError) return fail(tooDeep({ file, line: 1, col: 1 }));
    if (err instanceof ReferenceError) {
      return fail(
        diag('data/too-large', 'the data is too large to load: it expands too many YAML aliases', {
          loc: { file, line: 1, col: 1 },
          hint: 'write the briefing out plainly, without repeated `*alias` references',
        }),
      );
    }
    throw err;
  }
}

function syntaxDiag(e: YAMLError, locator: Locator, text: string, format: DataFormat): Diagnostic {
  const loc = locator.at(e.pos[0]);
  if (e.code === 'DUPLICATE_KEY') {
    const key = keyAt(text, e.pos[0]);
    return diag('data/duplicate-key', `duplicate key${key ? ` \`${key}\`` : ''}: a field may appear only once in a mapping`, {
      loc,
      hint: YAML_HINTS.DUPLICATE_KEY,
    });
  }
  const code = format === 'json' ? 'data/json-syntax' : 'data/yaml-syntax';
  const what = format === 'json' ? 'JSON' : 'YAML';
  return diag(code, `failed to parse ${what} (${lowerFirst(e.message)})`, {
    loc,
    hint: YAML_HINTS[e.code] ?? `fix the ${what} syntax at this position`,
  });
}

/** `*name` references with no `&name` anchor before them (the yaml package would throw). */
function unresolvedAliases(doc: Document.Parsed, locator: Locator): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(doc, {
    Alias(_key, node) {
      if (node.resolve(doc) !== undefined) return;
      out.push(
        diag('data/yaml-syntax', `failed to parse YAML (unresolved alias \`*${node.source}\`: no anchor \`&${node.source}\` before it)`, {
          loc: locator.at(node.range?.[0] ?? 0),
          hint: 'define the anchor (`&name`) before using `*name`, or quote text that starts with `*`',
        }),
      );
    },
  });
  return out;
}

/** The key written at `offset`, without quotes; empty when it cannot be read. */
function keyAt(text: string, offset: number): string {
  const m = /^(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\n]|'')*)'|([^:#\n]*?))\s*:/.exec(text.slice(offset, offset + 200));
  return m ? (m[1] ?? m[2] ?? m[3] ?? '').trim() : '';
}

function tooDeep(loc: SourceLoc): Diagnostic {
  return diag('data/too-large', 'the data is too large to load: it is nested too deeply', {
    loc,
    hint: 'a briefing nests a few levels deep at most: check the indentation and brackets',
  });
}

function emptyDiag(file: string, message: string): Diagnostic {
  return diag('data/empty', message, {
    loc: { file, line: 1, col: 1 },
    hint: 'a briefing needs at least `id`, `language`, `title`, `date`, `classification` and `sections`',
  });
}

function fail(...diagnostics: Diagnostic[]): ParseResult {
  return { ok: false, diagnostics };
}
