/**
 * `briefkit init`: a new project from the files in the package's `templates/project/`. Every
 * target is checked before anything is written, and a write that fails takes back what was
 * written, so a project is made whole or not at all.
 */
import { existsSync, lstatSync, readFileSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { diag, UserError } from '../diag/index.js';
import { makeDir, writeFileAtomic } from '../util/index.js';
import { fromRoot } from '../util/index.js';

/** Where the scaffold's files live in the package. */
export const SCAFFOLD_DIR = fromRoot('templates', 'project');

/** A file `init` writes: its source in the package and its path in the project. */
export interface ScaffoldFile {
  readonly source: string;
  /** Relative to the project folder, `/`-separated. */
  readonly target: string;
}

/**
 * Package files whose name in the project differs: npm drops a package's `.gitignore`, and the
 * CI workflow goes where the forge looks for it.
 */
const RENAMED: Readonly<Record<string, string>> = {
  gitignore: '.gitignore',
  'ci-workflow.yml': '.github/workflows/briefkit.yml',
};

/** Every file of the scaffold (the CI workflow only when the package has it), sorted. */
export function scaffoldFiles(dir: string = SCAFFOLD_DIR): ScaffoldFile[] {
  const out: ScaffoldFile[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        const rel = relative(dir, p).split('\\').join('/');
        out.push({ source: p, target: RENAMED[rel] ?? rel });
      }
    }
  };
  walk(dir);
  return out.sort((a, b) => a.target.localeCompare(b.target));
}

/**
 * Writes the scaffold into `dir` (created when missing) and returns the files written.
 * Throws a `UserError`: `init/exists` at each file that is already there (nothing is
 * overwritten, nothing is written), `init/not-a-folder` when `dir` is a file.
 */
export function initProject(dir: string, files: readonly ScaffoldFile[] = scaffoldFiles()): string[] {
  const root = resolve(dir);
  if (existsSync(root) && !lstatSync(root).isDirectory()) {
    throw new UserError([diag('init/not-a-folder', `${dir} is not a folder`, { loc: { file: dir, line: 1, col: 1 }, hint: 'name a new or existing folder for the project' })]);
  }
  const taken = files.filter((f) => existsSync(join(root, f.target)) || isLink(join(root, f.target)));
  if (taken.length) {
    throw new UserError(taken.map((f) => diag('init/exists', `${join(dir, f.target)} already exists; init never overwrites a file`, {
      loc: { file: join(dir, f.target), line: 1, col: 1 },
      hint: 'run init in a new or empty folder, or move the file away first',
    })));
  }
  const written: string[] = [];
  const made = missingDirs(root, files);
  try {
    for (const f of files) {
      const target = join(root, f.target);
      makeDir(dirname(target));
      writeFileAtomic(target, readFileSync(f.source));
      written.push(target);
    }
  } catch (e) {
    for (const w of written) rmSync(w, { force: true });
    // Deepest first; a folder someone else filled meanwhile stays.
    for (const d of made.sort((a, b) => b.length - a.length)) {
      try { rmdirSync(d); } catch { /* not empty or gone */ }
    }
    throw e;
  }
  return files.map((f) => f.target);
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The folders writing `files` will create (the project folder included), for taking back. */
function missingDirs(root: string, files: readonly ScaffoldFile[]): string[] {
  const out = new Set<string>();
  for (const f of files) {
    for (let d = dirname(join(root, f.target)); !existsSync(d); d = dirname(d)) {
      out.add(d);
      if (dirname(d) === d) break;
    }
  }
  if (!existsSync(root)) out.add(root);
  return [...out];
}
