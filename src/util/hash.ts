import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Bounds of {@link filesUnder} and {@link fileHash}: a templates folder, the fonts and the code
 * are a few levels and a few hundred files, each well under the read limit. A folder given by
 * mistake (`--templates /`, `--templates /proc/self`) must not be walked and read without end:
 * past these bounds the walk stops and a file is hashed by its size and time, and the stage
 * that reads the folder reports what is wrong with it.
 */
const WALK = { maxDepth: 12, maxFiles: 10_000 } as const;
const MAX_HASH_BYTES = 16 * 1024 * 1024;

/** Every file under a folder (at most {@link WALK} deep and many), sorted, as paths relative to `base`. */
export function filesUnder(dir: string, base = process.cwd()): string[] {
  const out: string[] = [];
  const walk = (d: string, depth = 0): void => {
    if (depth > WALK.maxDepth || out.length >= WALK.maxFiles) return;
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (out.length >= WALK.maxFiles) return;
      if (e.isDirectory()) walk(p, depth + 1);
      else if (e.isFile()) out.push(relative(base, p) || p);
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * Content hash of a file ("missing" when it cannot be read). Never cached here: a file edited
 * within one clock tick at the same size must not keep its old hash in a long-lived process;
 * a build session hashes each file once (`SourceStore`).
 */
export function fileHash(path: string): string {
  try {
    const st = statSync(path);
    // Only regular files are read: a pipe or a device named as an input would block or never end.
    if (!st.isFile()) return 'missing';
    return boundedHash(path, st);
  } catch {
    return 'missing';
  }
}

/**
 * The SHA-256 of a regular file read without blocking, at most {@link MAX_HASH_BYTES}: a file
 * past that (or one of /proc's, which say 0 bytes and never end) is known by its size and time.
 */
function boundedHash(path: string, st: { size: number; mtimeMs: number }): string {
  if (st.size > MAX_HASH_BYTES) return `large:${st.size}:${st.mtimeMs}`;
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) return 'missing';
    const h = createHash('sha256');
    const buf = Buffer.alloc(64 * 1024);
    let total = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      total += n;
      if (total > MAX_HASH_BYTES) return `large:${st.size}:${st.mtimeMs}`;
      h.update(buf.subarray(0, n));
    }
    return h.digest('hex');
  } finally {
    closeSync(fd);
  }
}
