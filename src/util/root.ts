import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's root folder (the one with briefkit's package.json), found by walking up from
 * this module: the same answer from sources, from compiled files and from the bundle.
 */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'briefkit') return dir;
      } catch {
        // An unreadable package.json is not ours: keep walking.
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('internal: cannot find the briefkit package root');
    dir = up;
  }
}

export const ROOT = findRoot();

/** A path inside the package. */
export function fromRoot(...parts: string[]): string {
  return join(ROOT, ...parts);
}
