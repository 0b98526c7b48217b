/**
 * The project: the folder of the nearest `briefkit.config.yaml|yml|json` above a starting
 * folder, and that file read and schema-checked. Without a config file the working directory
 * is the project (the repository itself works that way).
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { diag } from '../diag/errors.js';
import type { Diagnostic, SourceLoc } from '../diag/types.js';
import type { Locator } from '../data/locator.js';
import { displayPath } from '../template/files.js';
import { readSchemaFile } from './schema-file.js';

/** Config file names, in the order they are looked for in one folder. */
export const CONFIG_NAMES = ['briefkit.config.yaml', 'briefkit.config.yml', 'briefkit.config.json'] as const;

/** A project's config file as the schema allows it: every field optional. */
export interface ProjectConfig {
  readonly data?: readonly string[];
  readonly output?: string;
  readonly paper?: 'a4' | 'letter';
  readonly duplex?: boolean;
  readonly gutter?: number;
  readonly theme?: string;
  readonly templates?: string;
  readonly marking?: string;
  readonly languages?: readonly string[];
  readonly pdfa?: boolean;
  readonly slides?: boolean;
}

/** Where the project is and what its config says. */
export interface Project {
  /** Absolute path of the project root. */
  readonly root: string;
  /** The config file, when there is one (absolute). */
  readonly configFile?: string;
  /** Its contents (empty without a file). */
  readonly config: ProjectConfig;
  /** Where a field of the config was written (undefined without a file or field). */
  readonly locate: (field: string) => SourceLoc | undefined;
}

export type ProjectResult =
  | { readonly ok: true; readonly project: Project; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The config files in the nearest folder at or above `start` (a folder, or a file whose folder
 * is used) that has any; empty when no folder up to the file-system root has one.
 */
export function findConfigFiles(start: string): string[] {
  let dir = resolve(start);
  if (!isFolder(dir)) dir = dirname(dir);
  for (;;) {
    const here = CONFIG_NAMES.map((n) => join(dir, n)).filter((f) => existsSync(f));
    if (here.length) return here;
    const up = dirname(dir);
    if (up === dir) return [];
    dir = up;
  }
}

/**
 * The project root for `start` without reading the config: the nearest config file's folder,
 * else `fallback` (default: the working directory). Real paths, so confinement checks compare
 * like with like.
 */
export function projectRoot(start: string = process.cwd(), fallback: string = process.cwd()): string {
  const found = findConfigFiles(start)[0];
  return realpathSync(found ? dirname(found) : fallback);
}

/**
 * Finds and reads the project for `start` (default: the working directory). Two config files
 * in one folder are an error (which one counts would be a guess), as is any schema error.
 */
export function loadProject(start: string = process.cwd()): ProjectResult {
  const files = findConfigFiles(start);
  const first = files[0];
  if (first === undefined) {
    return { ok: true, diagnostics: [], project: { root: realpathSync(process.cwd()), config: {}, locate: () => undefined } };
  }
  if (files.length > 1) {
    return {
      ok: false,
      diagnostics: [diag('config/ambiguous', `${files.length} config files in one folder: ${files.map((f) => f.slice(dirname(f).length + 1)).join(', ')}`, {
        loc: { file: displayPath(files[1] ?? first), line: 1, col: 1 },
        hint: `keep one of them (briefkit reads ${CONFIG_NAMES.join(', ')}); merge the settings into it`,
      })],
    };
  }
  // Positions name the file as data diagnostics do: relative to the working directory when inside it.
  const r = readSchemaFile(displayPath(first), 'config', 'config');
  if (!r.ok) return r;
  const locator: Locator = r.locator;
  return {
    ok: true,
    diagnostics: r.diagnostics,
    project: {
      root: realpathSync(dirname(first)),
      configFile: resolve(first),
      config: r.data as ProjectConfig,
      locate: (field) => locator.value([field]),
    },
  };
}
