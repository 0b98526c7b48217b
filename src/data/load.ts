/**
 * The data stage: file → text → parsed YAML/JSON → schema → semantic checks → a validated,
 * frozen {@link Briefing}. Every problem found becomes a located {@link Diagnostic}; nothing
 * unvalidated ever reaches the templates.
 */
import { diag, hasErrors } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { buildBriefing, sourcePath } from './build.js';
import { resolveCsvTables } from './csv-rows.js';
import { unusedFields } from './unused.js';
import { checkRefs } from './xref.js';
import type { BriefingInput } from './input.js';
import { resolveLimits, type DataLimits } from './limits.js';
import { formatOf, parseSource } from './parse.js';
import type { ParseResult } from './parse.js';
import type { MarkingScheme } from '../marking/index.js';
import { parsePath } from './paths.js';
import { readSource } from './read.js';
import { validateSchema } from './schema.js';
import { checkSemantics } from './semantic.js';
import { checkValues } from './text-checks.js';
import type { LoadedBriefing, LoadResult } from './types.js';

/** What {@link loadBriefing} reads. */
export interface LoadInput {
  /** Path of the data file, as the user gave it (used in messages; read when `text` is absent). */
  readonly file: string;
  /** The file's text, when the caller already has it; `file` then only names it. */
  readonly text?: string;
  /** Resource limits; missing ones default to {@link defaultLimits}. */
  readonly limits?: Partial<DataLimits>;
  /**
   * `text` already parsed (with the same limits), when the caller has parsed it: a build
   * session parses each file once for every look it takes. Never changed here.
   */
  readonly parsed?: ParseResult;
  /** The marking scheme the briefing's classification is read in (default: the Canadian one). */
  readonly scheme?: MarkingScheme;
}

/** At most this many diagnostics are reported; the rest are counted in one more. */
const MAX_DIAGNOSTICS = 100;

/**
 * Loads, validates and normalises a briefing data file (`.json` as JSON, anything else as
 * YAML). Never throws for problems in the input: IO errors, syntax errors, schema and
 * semantic violations all come back as diagnostics, every one at once, sorted by position.
 * `ok` is true when there are no errors (warnings allowed).
 *
 * Normalisation: strings are NFC-normalised (otherwise kept verbatim, folded YAML included);
 * `trade.years` is sorted by year (unsorted years are not a problem; duplicates are);
 * optional lists (`charts`, `trade.growth`, …) default to empty; `$schema` is dropped.
 */
export function loadBriefing(input: LoadInput): LoadResult {
  const { file } = input;
  const limits = resolveLimits(input.limits);
  const read = readSource(file, input.text, limits);
  if (!read.ok) return { ok: false, diagnostics: read.diagnostics };
  const parsed = input.parsed ?? parseSource(file, read.text, { format: formatOf(file), limits });
  if (!parsed.ok) return { ok: false, diagnostics: finish(parsed.diagnostics) };
  const { locator } = parsed;
  let data = parsed.data;

  const found: Diagnostic[] = [...parsed.diagnostics, ...checkValues(data, locator, limits)];
  const schemaProblems = validateSchema(data, locator);
  found.push(...schemaProblems);
  if (schemaProblems.length === 0) {
    // Tables' CSV rows are read in first: every later check and stage sees inline rows.
    const csv = resolveCsvTables(data, { file, locator, limits });
    found.push(...csv.diagnostics);
    data = csv.data;
    found.push(...checkSemantics(data as BriefingInput, locator, input.scheme), ...checkRefs(data, locator), ...unusedFields(data, locator));
  }
  const diagnostics = finish(found);
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };

  const { briefing, yearSource } = buildBriefing(data as BriefingInput, locator, input.scheme);
  const value: LoadedBriefing = Object.freeze({
    briefing,
    file,
    locate: (path: string) => locator.value(sourcePath(parsePath(path), yearSource)),
    source: read.source,
  });
  return { ok: true, value, diagnostics };
}

/** Drops duplicates, sorts by position (errors first on a tie) and caps the count. */
function finish(diags: readonly Diagnostic[]): readonly Diagnostic[] {
  const seen = new Set<string>();
  const unique = diags.filter((d) => {
    const key = `${d.code}|${d.path ?? ''}|${d.loc?.line ?? 0}:${d.loc?.col ?? 0}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const rank = (d: Diagnostic): number => (d.severity === 'error' ? 0 : 1);
  unique.sort(
    (a, b) =>
      (a.loc?.line ?? 0) - (b.loc?.line ?? 0) ||
      (a.loc?.col ?? 0) - (b.loc?.col ?? 0) ||
      rank(a) - rank(b) ||
      a.code.localeCompare(b.code),
  );
  if (unique.length <= MAX_DIAGNOSTICS) return Object.freeze(unique);
  const shown = unique.slice(0, MAX_DIAGNOSTICS);
  const rest = unique.slice(MAX_DIAGNOSTICS);
  const restErrors = rest.filter((d) => d.severity === 'error').length;
  shown.push(
    diag('data/too-many-problems', `${rest.length} more problems not shown (${restErrors} errors)`, {
      ...(restErrors > 0 ? {} : { severity: 'warning' as const }),
      loc: rest[0]?.loc,
      hint: 'fix the problems above and run again',
    }),
  );
  return Object.freeze(shown);
}
