import { readFileSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import { diag, hasErrors } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { resolveLimits, type DataLimits } from '../data/index.js';
import { formatOf, parseSource } from '../data/index.js';
import { pointerToSegs } from '../data/index.js';
import { checkFile, readSource } from '../data/index.js';
import { mapSchemaError } from '../data/index.js';
import { checkValues } from '../data/index.js';
import { checkMarking, defaultScheme, parseMarking } from '../marking/index.js';
import type { MarkingScheme } from '../marking/index.js';
import { fromRoot } from '../util/index.js';
import { isInside, projectRoot } from '../util/index.js';
import { precompiledValidator } from '../util/index.js';
import type { PackManifest } from './types.js';

const schemaUrl = fromRoot('data', 'schema', 'pack.schema.json');
let validator: ValidateFunction | undefined;

function validate(): ValidateFunction {
  if (!validator) validator = precompiledValidator('pack', readFileSync(schemaUrl, 'utf8'));
  if (!validator) validator = new Ajv({ allErrors: true, verbose: true, strict: true, strictNumbers: true }).compile(JSON.parse(readFileSync(schemaUrl, 'utf8')) as object);
  return validator;
}

export type ManifestResult =
  | { readonly ok: true; readonly manifest: PackManifest; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

interface RawManifest {
  id: string; title: string; subtitle?: string; date: string; audience?: string; classification?: string;
  language?: string; languages?: string[]; duplex?: boolean; briefings: string[]; distribution?: string[];
}

/** How to load a manifest; every field optional. */
export interface ManifestOptions {
  /** The folder briefing paths must stay in (default {@link manifestRoot}). */
  readonly root?: string;
  readonly limits?: Partial<DataLimits>;
  /** The scheme the manifest's own marking is read in (default: the Canadian one). */
  readonly scheme?: MarkingScheme;
}

/**
 * The project a manifest belongs to: the folder of the nearest `briefkit.config.*` above it;
 * without one, the working directory when the manifest is inside it (the repository works
 * that way), else the manifest's own folder, so a manifest elsewhere with its briefings
 * beside it builds.
 */
export function manifestRoot(file: string): string {
  const dir = realpathSync(dirname(resolve(file)));
  const cwd = realpathSync(process.cwd());
  return projectRoot(dir, isInside(cwd, dir) ? cwd : dir);
}

/**
 * Loads and validates a pack manifest (YAML or JSON) with located diagnostics, like briefing
 * data. Briefing paths must stay inside the project ({@link manifestRoot} unless `root` is
 * given): no absolute paths, no `..` escape, no symbolic link leading out.
 */
export function loadManifest(file: string, rootOrOptions?: string | ManifestOptions, dataLimits?: Partial<DataLimits>): ManifestResult {
  const o: ManifestOptions = typeof rootOrOptions === 'object' ? rootOrOptions : { ...(rootOrOptions !== undefined ? { root: rootOrOptions } : {}), ...(dataLimits ? { limits: dataLimits } : {}) };
  const root = o.root;
  const scheme = o.scheme ?? defaultScheme;
  // The same limits as the briefings it names: one reader, one set of bounds.
  const limits = resolveLimits(o.limits);
  const read = readSource(file, undefined, limits);
  if (!read.ok) return { ok: false, diagnostics: read.diagnostics };
  const parsed = parseSource(file, read.text, { format: formatOf(file), limits });
  if (!parsed.ok) return parsed;
  const { data, locator } = parsed;
  const found: Diagnostic[] = [...parsed.diagnostics, ...checkValues(data, locator, limits)];
  const v = validate();
  if (!v(data)) for (const e of v.errors ?? []) { const d = mapSchemaError(e, pointerToSegs(e.instancePath, data), locator); if (d) found.push(d); }
  if (hasErrors(found)) return { ok: false, diagnostics: found };
  const raw = data as RawManifest;
  // The pack's own marking, read like a briefing's: unreadable text is an error, never ranked.
  const marking = raw.classification === undefined ? undefined : parseMarking(raw.classification, scheme);
  const badMarking = raw.classification === undefined ? undefined : checkMarking(raw.classification, scheme, { loc: locator.value(['classification']), path: 'classification' });
  if (badMarking) found.push(badMarking);
  // Real paths on both sides: a root reached through a link compares like with like.
  const base = realpathSync(dirname(resolve(file)));
  const realRoot = realpathSync(root ?? manifestRoot(file));
  const seen = new Map<string, number>();
  const briefings: { path: string; loc: PackManifest['briefings'][number]['loc'] }[] = [];
  raw.briefings.forEach((b, i) => {
    const loc = locator.locate(`briefings[${i}]`);
    const path = resolve(base, b);
    const rel = relative(realRoot, path);
    if (isAbsolute(b) || rel.startsWith('..') || isAbsolute(rel)) {
      found.push(diag('pack/outside-project', `briefing path "${b}" leads outside the project`, { loc, path: `briefings[${i}]`, hint: `name briefing files inside the project (${realRoot}), relative to the manifest` }));
      return;
    }
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      found.push(diag('pack/missing-briefing', `briefing file not found: ${relative(process.cwd(), path)}`, { loc, path: `briefings[${i}]`, hint: 'check the path; it is relative to the manifest file' }));
      return;
    }
    if (!isInside(realRoot, real)) {
      found.push(diag('pack/outside-project', `briefing path "${b}" is a link that leads outside the project`, { loc, path: `briefings[${i}]`, hint: 'copy the file into the project instead of linking to it' }));
      return;
    }
    // A pipe, a device, a folder or a huge file is refused here, at the entry that names it.
    const unusable = checkFile(relative(process.cwd(), path) || path, limits.maxFileBytes);
    if (unusable) {
      found.push({ ...unusable, loc, path: `briefings[${i}]` });
      return;
    }
    const prev = seen.get(real);
    if (prev !== undefined) {
      found.push(diag('pack/duplicate-briefing', `briefing "${b}" is already in the pack (entry ${prev + 1})`, { loc, path: `briefings[${i}]`, hint: 'name each briefing once' }));
      return;
    }
    seen.set(real, i);
    briefings.push({ path: relative(process.cwd(), path) || path, loc });
  });
  if (hasErrors(found)) return { ok: false, diagnostics: found };
  return {
    ok: true,
    diagnostics: found,
    manifest: {
      id: raw.id, title: raw.title, date: raw.date, file,
      ...(raw.subtitle ? { subtitle: raw.subtitle } : {}),
      ...(raw.audience ? { audience: raw.audience } : {}),
      ...(marking?.ok ? { marking: marking.marking } : {}),
      ...(raw.language ? { language: raw.language } : {}),
      languages: raw.languages ?? [], duplex: raw.duplex ?? true, briefings, distribution: raw.distribution ?? [],
    },
  };
}
