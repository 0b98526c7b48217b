/**
 * The project: the folder of the nearest `briefkit.config.yaml|yml|json` above a starting
 * folder, and that file read and schema-checked. Without a config file the working directory
 * is the project (the repository itself works that way).
 */
import { realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { diag } from '../diag/index.js';
import type { Diagnostic, SourceLoc } from '../diag/index.js';
import type { Locator } from '../data/index.js';
import { displayPath } from '../template/index.js';
import { CONFIG_NAMES, findConfigFiles } from '../util/index.js';
import { readSchemaFile } from './schema-file.js';

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
