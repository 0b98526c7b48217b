/**
 * Marking schemes chosen by name or read from a project's YAML/JSON file: a file is
 * schema-checked (`data/schema/marking-scheme.schema.json`), then compiled (`compileScheme`),
 * so a name used twice or a level without a name in the default language is a located error
 * before any marking is read with it.
 */
import { createHash } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import { diag, UserError } from '../diag/index.js';
import type { Diagnostic, SourceLoc } from '../diag/index.js';
import type { Locator } from '../data/index.js';
import { readSchemaFile } from './schema-file.js';
import { displayPath } from '../template/index.js';
import { builtinSchemes, compileScheme, languageGaps } from '../marking/index.js';
import type { MarkingCaveat, MarkingLevel, MarkingNames, MarkingRelease, MarkingScheme } from '../marking/index.js';

/** A scheme file as the schema allows it (optional fields not yet defaulted). */
interface RawScheme {
  id: string;
  defaultLanguage?: string;
  separator?: string;
  printed?: boolean;
  levels: { id: string; names: MarkingNames; colors?: { text: string; background?: string } }[];
  caveats?: { id: string; names: MarkingNames }[];
  release?: { names: MarkingNames; codes: string[]; joiners?: string[]; whenEmpty?: string };
}

const SCHEME_FILE = /\.(ya?ml|json)$/i;
const HINT = 'a scheme file lists `levels` lowest first, each with an `id` and `names` per language; see data/schema/marking-scheme.schema.json';
const loaded = new Map<string, MarkingScheme>();

/** Where a `compileScheme` problem points: the level or caveat it names, else the file's top. */
function problemLoc(problem: string, raw: RawScheme, locator: Locator): SourceLoc {
  const owner = /^(level|caveat) ([a-z0-9-]+):/.exec(problem);
  if (owner) {
    const list = owner[1] === 'level' ? raw.levels : raw.caveats ?? [];
    const i = list.findIndex((x) => x.id === owner[2]);
    if (i >= 0) return locator.value([owner[1] === 'level' ? 'levels' : 'caveats', i]);
  }
  if (/^release/.test(problem)) return locator.value(['release']);
  return locator.value([]);
}

/** The scheme a file holds, with its defaults filled in. */
function fromRaw(raw: RawScheme): MarkingScheme {
  const levels: MarkingLevel[] = raw.levels.map((l) => ({ id: l.id, names: l.names, ...(l.colors ? { colors: l.colors } : {}) }));
  const caveats: MarkingCaveat[] = (raw.caveats ?? []).map((c) => ({ id: c.id, names: c.names }));
  const release: MarkingRelease | undefined = raw.release
    ? { names: raw.release.names, codes: raw.release.codes, joiners: raw.release.joiners ?? [], ...(raw.release.whenEmpty ? { whenEmpty: raw.release.whenEmpty } : {}) }
    : undefined;
  return {
    id: raw.id, defaultLanguage: raw.defaultLanguage ?? 'en', separator: raw.separator ?? ' // ', printed: raw.printed ?? true,
    levels, caveats, ...(release ? { release } : {}),
  };
}

/**
 * Reads a marking scheme file. Every problem is a located diagnostic: schema errors as
 * `marking-scheme/…`, names that collide or are missing in the default language, and a
 * `whenEmpty` that is no caveat of the scheme, as `marking-scheme/invalid`; a name missing in
 * a language the scheme uses elsewhere is a `marking/fallback-language` warning. The same file
 * content gives the same (frozen) scheme object, so compiled tables are shared.
 */
export function loadScheme(file: string): { readonly ok: true; readonly scheme: MarkingScheme; readonly warnings: readonly Diagnostic[] } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] } {
  const r = readSchemaFile(file, 'marking-scheme', 'marking-scheme');
  if (!r.ok) return r;
  const raw = r.data as RawScheme;
  const scheme = fromRaw(raw);
  const problems = [...compileScheme(scheme).problems];
  if (raw.release?.whenEmpty && !scheme.caveats.some((c) => c.id === raw.release?.whenEmpty)) {
    problems.push(`release: whenEmpty names the caveat "${raw.release.whenEmpty}", which the scheme does not list`);
  }
  if (problems.length) {
    return { ok: false, diagnostics: problems.map((p) => diag('marking-scheme/invalid', `the marking scheme ${p}`, { loc: problemLoc(p, raw, r.locator), hint: HINT })) };
  }
  // A name missing in a language the scheme uses elsewhere prints in the default language.
  const warnings = languageGaps(scheme).map((g) => diag('marking/fallback-language', `the marking scheme ${g}: banners in that language print it in "${scheme.defaultLanguage}"`, {
    severity: 'warning', loc: problemLoc(g, raw, r.locator), hint: `add the name under \`names\` in that language, or remove that language from the scheme's other names`,
  }));
  const key = createHash('sha256').update(JSON.stringify(scheme)).digest('hex');
  const hit = loaded.get(key);
  if (hit) return { ok: true, scheme: hit, warnings };
  const frozen = Object.freeze(structuredClone(scheme)) as MarkingScheme;
  loaded.set(key, frozen);
  return { ok: true, scheme: frozen, warnings };
}

/** Whether a scheme spec names a file rather than a built-in scheme. */
export function isSchemeFile(spec: string): boolean {
  return SCHEME_FILE.test(spec) || spec.includes('/') || spec.includes('\\');
}

/**
 * The scheme a project chose: a built-in name (`canada`, `nato`, `none`; default `canada`),
 * or a scheme file, relative to `baseDir` (the project root). Throws a `UserError`: an
 * unknown name is `marking/unknown-scheme` at `at` (the config line) listing the built-ins;
 * a file's problems are located in the file.
 */
export function resolveScheme(spec: string | undefined, baseDir: string, at?: SourceLoc): MarkingScheme {
  const name = spec ?? 'canada';
  if (!isSchemeFile(name)) {
    const builtin = Object.hasOwn(builtinSchemes, name) ? builtinSchemes[name] : undefined;
    if (builtin) return builtin;
    throw new UserError([diag('marking/unknown-scheme', `no built-in marking scheme "${name}"`, {
      ...(at ? { loc: at } : {}),
      hint: `use one of ${Object.keys(builtinSchemes).join(', ')}, or a scheme file ending in .yaml, .yml or .json`,
    })]);
  }
  const file = isAbsolute(name) ? name : resolve(baseDir, name);
  // Positions name the file as data diagnostics do: relative to the working directory when inside it.
  const r = loadScheme(displayPath(file));
  if (r.ok) return r.scheme;
  // A missing file is said at the place that named it.
  const missing = r.diagnostics.every((d) => d.code === 'data/read');
  if (missing && at) throw new UserError(r.diagnostics.map((d) => ({ ...d, loc: at })));
  throw new UserError(r.diagnostics);
}

