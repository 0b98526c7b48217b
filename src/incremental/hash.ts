import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Every file under a folder, sorted, as paths relative to `base`. */
export function filesUnder(dir: string, base = process.cwd()): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(relative(base, p) || p);
    }
  };
  walk(dir);
  return out.sort();
}

const cache = new Map<string, { mtimeMs: number; size: number; hash: string }>();

/** Content hash of a file ("missing" when it cannot be read); cached by mtime and size. */
export function fileHash(path: string): string {
  try {
    const st = statSync(path);
    // Only regular files are read: a pipe or a device named as an input would block or never end.
    if (!st.isFile()) return 'missing';
    const hit = cache.get(path);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.hash;
    const hash = sha256(readFileSync(path));
    cache.set(path, { mtimeMs: st.mtimeMs, size: st.size, hash });
    return hash;
  } catch {
    return 'missing';
  }
}
