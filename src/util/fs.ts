import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError, diag } from '../diag/errors.js';

/**
 * Writes a file atomically: to a temporary name in the same folder, flushed to disk, then
 * renamed over the target. A crash at any point leaves either the old file or the new one,
 * never a truncated one; a failed write removes its temporary file.
 */
export function writeFileAtomic(path: string, data: Uint8Array | string): void {
  const dir = dirname(path);
  const tmp = tempPath(path);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw ioError(e, dir);
  }
  sweepStale(dir, basename(path));
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w', 0o644);
    const buf = typeof data === 'string' ? Buffer.from(data) : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) try { closeSync(fd); } catch { /* already failing */ }
    // Cleaning up may fail too (a folder we cannot even look into): report the first error.
    try { rmSync(tmp, { force: true }); } catch { /* nothing was written */ }
    throw ioError(e, path);
  }
}

function ioError(e: unknown, path: string): UserError {
  const code = (e as { code?: string }).code ?? '';
  const hints: Record<string, string> = {
    ENOSPC: 'the disk is full: free some space and build again (the previous output was kept)',
    EDQUOT: 'the disk quota is exhausted: free some space and build again (the previous output was kept)',
    EACCES: 'the output folder is not writable: choose another with --out, or fix its permissions',
    EPERM: 'the output folder is not writable: choose another with --out, or fix its permissions',
    EROFS: 'the output folder is on a read-only file system: choose another with --out',
    ENOTDIR: 'a part of the output path is a file, not a folder: choose another --out',
    EEXIST: 'the output path is a file, not a folder: choose another --out',
  };
  return new UserError([diag('output/write', `cannot write ${path} (${code || String(e)})`, {
    hint: hints[code] ?? 'check the output path and try again',
  })]);
}

/** The name of a temporary file for `path`, in its folder: `.<name>.<pid>.<hex>.tmp`. */
export function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Temporary files of ours: `.<name>.<pid>.<hex>.tmp`. */
const TEMP = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

/**
 * Removes temporary files that a killed build left beside `name` (their process is gone):
 * a crash leaves the previous output intact, and the next build clears what it left.
 */
export function sweepStale(dir: string, name: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const f of entries) {
    const m = TEMP.exec(f);
    if (!m || m[1] !== name || alive(Number(m[2]))) continue;
    try { rmSync(join(dir, f), { force: true }); } catch { /* not ours to remove after all */ }
  }
}
