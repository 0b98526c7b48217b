/**
 * The data files a command works on, from its arguments: folders become the data files in
 * them, and every path is checked (a regular file, within the size limit) before anything
 * reads, hashes or parses it. Nothing found is an error, never a silent success.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { diag, hasErrors } from '../diag/index.js';
import type { LoadResult } from '../data/index.js';
import { checkLanguage, TEMPLATES_DIR } from '../template/index.js';
import type { Diagnostic } from '../diag/index.js';
import { defaultLimits } from '../data/index.js';
import { checkFile } from '../data/index.js';
import { loadManifest } from '../pack/index.js';
import { SourceStore } from './sources.js';

/** The data files found, and why some named paths cannot be used. */
export interface Targets {
  /** Data files to work on, in the order named (a folder's files sorted by name). */
  readonly files: readonly string[];
  /** Paths that are not usable data files, and folders holding none: each an error. */
  readonly problems: readonly Diagnostic[];
}

/** Default targets: every briefing and every pack manifest in the data folder. */
export const DEFAULT_DATA_DIRS: readonly string[] = ['data/briefings', 'data/packs'];

const DATA_NAME = /\.(ya?ml|json)$/i;

/** The data files directly in `dir` (sorted), or undefined when it is not a folder. */
function folderFiles(dir: string): string[] | undefined {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    return undefined;
  }
  if (!isDir) return undefined;
  try {
    return readdirSync(dir).filter((n) => DATA_NAME.test(n)).sort().map((n) => join(dir, n));
  } catch {
    return undefined; // unreadable: checkFile says why
  }
}

function noData(message: string, dir: string | undefined): Diagnostic {
  return diag('data/no-input', message, {
    ...(dir !== undefined ? { loc: { file: dir, line: 1, col: 1 } } : {}),
    hint: dir !== undefined
      ? 'put briefing data or pack manifests (.yaml, .yml or .json) in the folder, or name the files to use'
      : 'run briefkit in the project folder (the one holding data/briefings), or name the data files or folders to use',
  });
}

/**
 * Finds the targets named by `args`, or in the `defaults` folders when there are none.
 * A named folder without data files is a problem; default folders only when none has any.
 */
export function findTargets(args: readonly string[], defaults: readonly string[], maxBytes = defaultLimits.maxFileBytes): Targets {
  const files: string[] = [];
  const problems: Diagnostic[] = [];
  const add = (file: string): void => {
    const problem = checkFile(file, maxBytes);
    if (problem) problems.push(problem);
    else if (!files.includes(file)) files.push(file);
  };
  if (args.length === 0) {
    const found = defaults.flatMap((d) => folderFiles(d) ?? []);
    if (found.length === 0) problems.push(noData(`no briefing data or pack manifests found in ${defaults.join(' or ')}`, undefined));
    found.forEach(add);
    return { files, problems };
  }
  for (const arg of args) {
    const inFolder = folderFiles(arg);
    if (inFolder === undefined) add(arg);
    else if (inFolder.length === 0) problems.push(noData(`the folder ${arg} holds no briefing data or pack manifests (.yaml, .yml or .json files)`, arg));
    else inFolder.forEach(add);
  }
  return { files, problems };
}

/** Loads and checks one target without building it: a pack manifest or a briefing. */
/** A loaded briefing's language checked against the catalogs: one there, and no key missing. */
function withLanguage(r: LoadResult): { readonly ok: boolean; readonly diagnostics: readonly Diagnostic[] } {
  if (!r.ok) return r;
  const d = checkLanguage(TEMPLATES_DIR, r.value.briefing.language, r.value.locate('language'));
  return { ok: !hasErrors(d), diagnostics: [...r.diagnostics, ...d] };
}

export function validateTarget(file: string): { readonly ok: boolean; readonly diagnostics: readonly Diagnostic[] } {
  // One store: the look at the file's kind and its validation share one read and parse.
  const store = new SourceStore();
  if (store.kind(file) !== 'pack') return withLanguage(store.load(file));
  // A pack is valid only if every briefing it names is: `pack` would fail on any of them.
  const m = loadManifest(file);
  if (!m.ok) return m;
  const parts = m.manifest.briefings.map((b) => withLanguage(store.load(b.path)));
  return { ok: parts.every((r) => r.ok), diagnostics: [...m.diagnostics, ...parts.flatMap((r) => r.diagnostics)] };
}
