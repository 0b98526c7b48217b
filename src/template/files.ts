/**
 * Reading template files (entries, partials, message catalogs) the way data files are read:
 * confined to the template folder and bounded. A `--templates` folder may come from someone
 * else, so nothing in it may reach a file outside it: every path is resolved (realpath, so
 * symbolic links to files or folders at any depth are followed) and must stay inside the
 * folder's own real path; only regular files are read (a FIFO would block, a device never
 * ends), and only up to {@link MAX_TEMPLATE_BYTES}.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { UserError, diag } from '../diag/index.js';
import type { SourceLoc } from '../diag/index.js';
import { isInside } from '../util/index.js';

/** Largest template, partial or message catalog read, in bytes (ours are a few KB). */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;

/** A path as shown in messages: relative to the current directory when inside it. */
export function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel.startsWith('..') || isAbsolute(rel) ? p : rel;
}

/** Where a diagnostic about `path` points: the reference to it when known, else the path itself. */
function at(path: string, ref: SourceLoc | undefined): SourceLoc {
  return ref ?? { file: displayPath(path), line: 1, col: 1 };
}

/** The real path of the template folder, or a located error when there is none. */
/** Pseudo file systems (processes, devices, kernel state): never a templates folder. */
const SYSTEM = /^\/(proc|sys|dev)(\/|$)/;

export function templateRoot(dir: string, ref?: SourceLoc): string {
  let real: string | undefined;
  try {
    real = realpathSync(dir);
    // A file, a pipe or a device given as --templates is no folder: said here, not by a crash.
    // Nor is a folder of the kernel's pseudo file systems, whose files never end or block.
    if (statSync(real).isDirectory() && !SYSTEM.test(real)) return real;
  } catch {
    real = undefined;
  }
  const what = real === undefined ? 'templates folder not found' : SYSTEM.test(real) ? 'the templates folder is a system folder' : 'the templates folder is not a folder';
  throw new UserError([diag('template/missing', `${what}: ${displayPath(dir)}`, {
    ...(ref ? { loc: ref } : {}),
    hint: 'give --templates a folder that holds template kinds (each with document.hbs) and messages/',
  })]);
}

/**
 * The real path of `path`, which must lie inside `root` (a real path); undefined when it does
 * not exist. A path that leads outside is a `template/outside` error at `ref` (the place that
 * names the file) or, without one, at the path itself.
 */
export function confine(root: string, path: string, ref?: SourceLoc): string | undefined {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return undefined;
  }
  if (!isInside(root, real)) {
    throw new UserError([diag('template/outside', `${displayPath(path)} is a link that leads outside the template folder (to ${real})`, {
      loc: at(path, ref),
      hint: `templates may only use files inside ${displayPath(root)}: copy the file into the folder instead of linking to it`,
    })]);
  }
  return real;
}

/** What a file that is not a regular file is, in words. */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * The text of a template file inside `root`: confined ({@link confine}), a regular file (checked
 * on the open file, opened without blocking, so a FIFO is refused rather than waited on), at
 * most {@link MAX_TEMPLATE_BYTES}. A missing file is a `template/missing` error with `what`.
 */
export function readTemplateFile(root: string, path: string, o: { readonly ref?: SourceLoc | undefined; readonly what: string; readonly hint: string }): string {
  const real = confine(root, path, o.ref);
  if (real === undefined) {
    throw new UserError([diag('template/missing', `${o.what} not found: ${displayPath(path)}`, { ...(o.ref ? { loc: o.ref } : {}), hint: o.hint })]);
  }
  let fd: number;
  try {
    // O_NOFOLLOW: the real path has no link left; one swapped in since is refused.
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    throw new UserError([diag('template/read', `cannot read ${displayPath(path)} (${code || String(e)})`, {
      loc: at(path, o.ref),
      hint: code === 'EACCES' || code === 'EPERM' ? 'make the template file readable by your user' : 'check that the template file exists and can be read',
    })]);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) {
      throw new UserError([diag('template/not-a-file', `${displayPath(path)} is ${kindOf(st)}, not a template file`, {
        loc: at(path, o.ref),
        hint: 'a template, partial or message catalog must be a regular file',
      })]);
    }
    if (st.size > MAX_TEMPLATE_BYTES) throw tooLarge(path, st.size, o.ref);
    // Read at most one byte past the limit: a file that grows while read is still bounded.
    const buf = Buffer.alloc(Math.min(st.size, MAX_TEMPLATE_BYTES) + 1);
    let n = 0;
    for (;;) {
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
      if (n === buf.length) break;
    }
    if (n > MAX_TEMPLATE_BYTES) throw tooLarge(path, n, o.ref);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function tooLarge(path: string, bytes: number, ref: SourceLoc | undefined): UserError {
  return new UserError([diag('template/file-too-large', `${displayPath(path)} is ${bytes} bytes; a template file may have at most ${MAX_TEMPLATE_BYTES}`, {
    loc: at(path, ref),
    hint: 'templates and message catalogs are a few kilobytes: check that this is the right file',
  })]);
}
