import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError, diag } from '../diag/index.js';

/**
 * Writes a file atomically: to a temporary name in the same folder, flushed to disk, then
 * renamed over the target. A crash at any point leaves either the old file or the new one,
 * never a truncated one; a failed write removes its temporary file.
 */
export function writeFileAtomic(path: string, data: Uint8Array | string): void {
  const dir = dirname(path);
  const tmp = tempPath(path);
  makeDir(dir);
  sweepStale(dir, basename(path));
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w', 0o644);
    const buf = typeof data === 'string' ? Buffer.from(data) : data;
    writeAll(fd, buf);
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

/** Most folders {@link makeDir} creates for one path: deeper than any real output path. */
const MAX_NEW_DIRS = 256;
/** Writes in a row that may write nothing before a write counts as stuck. */
const MAX_EMPTY_WRITES = 16;
/** Longest a single file write may take, in ms (a file system that trickles counts as stuck). */
const MAX_WRITE_MS = 120_000;

/**
 * Creates `dir` and its missing parents, each once, and fails if that does not leave a folder.
 * Node's `mkdirSync(dir, { recursive: true })` retries for ever where a parent exists but
 * refuses children without saying why (`/proc/self/x`: ENOENT, then EEXIST for the parent,
 * then ENOENT again...): here every step runs a bounded number of times.
 */
export function makeDir(dir: string): void {
  const missing: string[] = [];
  let d = resolve(dir);
  for (;;) {
    let st;
    try {
      st = statSync(d, { throwIfNoEntry: false });
    } catch (e) {
      throw ioError(e, d);
    }
    if (st) {
      if (!st.isDirectory()) throw ioError({ code: 'ENOTDIR' }, d);
      break;
    }
    missing.push(d);
    if (missing.length > MAX_NEW_DIRS) throw ioError({ code: 'ENAMETOOLONG' }, dir);
    const parent = dirname(d);
    if (parent === d) break;
    d = parent;
  }
  for (const m of missing.reverse()) {
    try {
      mkdirSync(m);
    } catch (e) {
      // Another build may have made it meanwhile: fine, if it is a folder now.
      if ((e as { code?: string }).code === 'EEXIST' && statSync(m, { throwIfNoEntry: false })?.isDirectory()) continue;
      throw ioError(e, m);
    }
  }
  // A folder that reports success but is not there (a special file system) is not usable.
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw ioError({ code: 'ENOENT' }, dir);
}

/** Writes every byte of `buf`, or throws when the file system stops taking them. */
function writeAll(fd: number, buf: Uint8Array): void {
  const started = Date.now();
  let off = 0;
  let empty = 0;
  while (off < buf.length) {
    const n = writeSync(fd, buf, off, buf.length - off);
    empty = n > 0 ? 0 : empty + 1;
    if (empty > MAX_EMPTY_WRITES || Date.now() - started > MAX_WRITE_MS) throw Object.assign(new Error('the file system stopped taking data'), { code: 'EIO' });
    off += n;
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
    ENOENT: 'the output folder cannot be made there (a missing or special location such as /proc): choose another --out',
    ENAMETOOLONG: 'the output path is too long: choose a shorter --out',
    EIO: 'the output device failed or stopped taking data: choose another --out, or check the disk',
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

/** A file written atomically piece by piece: see {@link openAtomicFile}. */
export interface AtomicFile {
  /** The file it will replace. */
  readonly path: string;
  /** Appends bytes (buffered: a PDF writer hands over many small pieces). */
  write(chunk: Uint8Array | string): void;
  /** Flushes to disk and renames over `path`; returns the size and SHA-256 of what was written. */
  commit(): { readonly bytes: number; readonly sha256: string };
  /** Drops the temporary file; `path` keeps what it held. Safe to call after a failure or twice. */
  abort(): void;
}

/** Bytes gathered before one write to the temporary file. */
const FLUSH_BYTES = 1 << 16;

/**
 * Opens `path` for an atomic write in pieces, so a large output (a pack of a thousand
 * briefings) never has to be held whole in memory. Same guarantees as {@link writeFileAtomic}:
 * the pieces go to a temporary file beside `path` (named like {@link tempPath}, so a build
 * killed half-way leaves only a temporary file, which the next write there sweeps away), which
 * is flushed to disk and renamed over `path` on `commit`; any failure removes it. Until
 * `commit`, `path` holds what it held before.
 */
export function openAtomicFile(path: string): AtomicFile {
  const dir = dirname(path);
  const tmp = tempPath(path);
  makeDir(dir);
  sweepStale(dir, basename(path));
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w', 0o644);
  } catch (e) {
    throw ioError(e, path);
  }
  const hash = createHash('sha256');
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let total = 0;
  let state: 'open' | 'committed' | 'aborted' = 'open';
  const fail = (e: unknown): never => {
    abort();
    throw e instanceof UserError ? e : ioError(e, path);
  };
  const flush = (): void => {
    if (fd === undefined || pendingBytes === 0) return;
    const buf = pending.length === 1 ? (pending[0] as Uint8Array) : Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    writeAll(fd, buf);
  };
  function abort(): void {
    if (state !== 'open') return;
    state = 'aborted';
    pending = [];
    if (fd !== undefined) try { closeSync(fd); } catch { /* already failing */ }
    fd = undefined;
    try { rmSync(tmp, { force: true }); } catch { /* nothing to keep */ }
  }
  return {
    path,
    write(chunk) {
      if (state !== 'open') throw new Error(`internal: write to ${path} after ${state}`);
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      hash.update(buf);
      total += buf.length;
      pending.push(buf);
      pendingBytes += buf.length;
      if (pendingBytes >= FLUSH_BYTES) try { flush(); } catch (e) { fail(e); }
    },
    commit() {
      if (state !== 'open' || fd === undefined) throw new Error(`internal: commit of ${path} after ${state}`);
      try {
        flush();
        fsyncSync(fd);
        closeSync(fd);
        fd = undefined;
        renameSync(tmp, path);
      } catch (e) {
        fail(e);
      }
      state = 'committed';
      return { bytes: total, sha256: hash.digest('hex') };
    },
    abort,
  };
}
