/**
 * Parsing YAML and JSON data files into plain values plus a {@link Locator} for their fields.
 */
import { Composer, LineCounter, YAMLParseError, type Document, type YAMLError } from 'yaml';
import { assertNever, diag } from '../diag/index.js';
import type { Diagnostic, SourceLoc } from '../diag/index.js';
import { boundedTokens, resolveAliases, TooDeep, type BoundProblem, type Unresolved } from './bounds.js';
import { checkJson } from './json-check.js';
import { defaultLimits, type DataLimits } from './limits.js';
import { Locator } from './locator.js';
import { lineColAt } from './paths.js';

/** Source syntax of a data file. */
export type DataFormat = 'yaml' | 'json';

/** Parsed data, or why it could not be parsed. */
export type ParseResult =
  | { readonly ok: true; readonly data: unknown; readonly locator: Locator; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** How {@link parseSource} reads a text. */
export interface ParseOptions {
  readonly format: DataFormat;
  /** Only `maxDepth` and `maxAliasNodes` are used here; default {@link defaultLimits}. */
  readonly limits?: DataLimits;
}

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

/**
 * Parses `text` (BOM already removed). Never throws. Nesting deeper than `limits.maxDepth` and
 * aliases expanding past `limits.maxAliasNodes` are refused before any recursive work.
 */
export function parseSource(file: string, text: string, o: ParseOptions): ParseResult {
  const { format } = o;
  const limits = o.limits ?? defaultLimits;
  if (text.trim() === '') return fail(emptyDiag(file, 'the file is empty'));
  if (format === 'json') {
    const err = checkJson(text, limits.maxDepth);
    if (err) {
      const { line, col } = lineColAt(text, err.offset);
      if (err.tooDeep) return fail(tooDeep({ file, line, col }, limits));
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
    const doc = compose(text, lines, limits);
    const locator = new Locator(file, doc, lines, text);
    const overflow = doc.errors.find((e) => /call stack/i.test(e.message));
    if (overflow) return fail(tooDeep(locator.at(overflow.pos[0]), limits));
    const errors = doc.errors.map((e) => syntaxDiag(e, locator, text, format));
    if (errors.length > 0) return fail(...errors);
    if (doc.contents === null) return fail(emptyDiag(file, 'the file holds no data, only comments'));
    const aliases = resolveAliases(doc, limits.maxAliasNodes, limits.maxDepth);
    if (aliases.problem) return fail(boundDiag(aliases.problem, locator, limits));
    if (aliases.unresolved.length > 0) return fail(...aliases.unresolved.map((u) => unresolvedDiag(u, locator)));
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
    if (err instanceof TooDeep) {
      const { line, col } = lineColAt(text, err.offset);
      return fail(tooDeep({ file, line, col }, limits));
    }
    // Second line of defence: absurd nesting (RangeError) and alias bombs (ReferenceError
    // from the yaml package), should they get past the checks above.
    if (err instanceof RangeError) return fail(tooDeep({ file, line: 1, col: 1 }, limits));
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

/**
 * `parseDocument` of the yaml package, fed by {@link boundedTokens} so that nesting is
 * bounded before the (recursive) composer sees it. One document; a second is an error.
 */
function compose(text: string, lines: LineCounter, limits: DataLimits): Document.Parsed {
  const composer = new Composer({ prettyErrors: false, uniqueKeys: true, version: '1.2', merge: false });
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(boundedTokens(text, limits.maxDepth, lines.addNewLine), true, text.length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  if (!doc) throw new Error('internal: the YAML composer made no document');
  return doc;
}

function boundDiag(p: BoundProblem, locator: Locator, limits: DataLimits): Diagnostic {
  const loc = locator.at(p.offset);
  switch (p.kind) {
    case 'depth':
      return p.alias
        ? diag('data/too-large', `the data is too large to load: with its YAML aliases expanded it is nested too deeply (more than ${limits.maxDepth} levels)`, {
          loc,
          hint: 'this alias repeats a nested value inside another: write the values out plainly',
        })
        : tooDeep(loc, limits);
    case 'aliases':
      return diag('data/too-large', `the data is too large to load: its YAML aliases expand to more than ${limits.maxAliasNodes} values in all (at \`*${p.name}\`)`, {
        loc,
        hint: 'write the briefing out plainly: use an `&anchor` and its `*alias` references for a few short repeated values only',
      });
    case 'alias-loop':
      return diag('data/too-large', `the data is too large to load: alias \`*${p.name}\` refers to a value that contains it, which would repeat forever`, {
        loc,
        hint: 'an alias may only refer to a value written before it and outside it: write the value out instead',
      });
    default:
      return assertNever(p, 'bound problem');
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

/** A `*name` reference with no `&name` anchor before it (the yaml package would throw). */
function unresolvedDiag(u: Unresolved, locator: Locator): Diagnostic {
  return diag('data/yaml-syntax', `failed to parse YAML (unresolved alias \`*${u.name}\`: no anchor \`&${u.name}\` before it)`, {
    loc: locator.at(u.offset),
    hint: 'define the anchor (`&name`) before using `*name`, or quote text that starts with `*`',
  });
}

/** The key written at `offset`, without quotes; empty when it cannot be read. */
function keyAt(text: string, offset: number): string {
  const m = /^(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\n]|'')*)'|([^:#\n]*?))\s*:/.exec(text.slice(offset, offset + 200));
  return m ? (m[1] ?? m[2] ?? m[3] ?? '').trim() : '';
}

function tooDeep(loc: SourceLoc, limits: DataLimits): Diagnostic {
  return diag('data/too-large', `the data is too large to load: it is nested too deeply (more than ${limits.maxDepth} levels)`, {
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
