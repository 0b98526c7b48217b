/**
 * Confinement of served and written files to one folder. A name from a request or from
 * briefing data (an output is named after the briefing's id) must not reach outside it:
 * no `..`, no absolute path, no NUL, no backslash, and no symbolic link that leads out.
 */
import { lstatSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';

/** True when `p` is `root` or lies under it (both already resolved). */
function within(root: string, p: string): boolean {
  const rel = relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * The path of `name` (a relative, `/`-separated name) inside `root`, or undefined when it
 * would leave `root`: by its segments, or through a symbolic link anywhere on the way (the
 * deepest existing ancestor is resolved by real path, so a file not yet written is judged by
 * the folder it would be written in). The root itself is never a result.
 */
export function resolveInside(root: string, name: string): string | undefined {
  if (name.length === 0 || name.length > 1024 || name.includes('\0') || name.includes('\\')) return undefined;
  if (name.startsWith('/') || isAbsolute(name)) return undefined;
  const parts = name.split('/');
  if (parts.some((s) => s === '' || s === '.' || s === '..')) return undefined;
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return undefined;
  }
  const target = join(realRoot, ...parts);
  // The deepest part of the path that exists, by real path: links are followed there.
  for (let i = parts.length; i >= 0; i--) {
    const probe = join(realRoot, ...parts.slice(0, i));
    let real: string;
    try {
      real = realpathSync(probe);
    } catch {
      // Missing, or a link to nowhere: a dangling link could be followed later, so refuse it.
      if (isLink(probe)) return undefined;
      continue;
    }
    if (!within(realRoot, real) || real === realRoot && i > 0) return undefined;
    return i === parts.length ? real : join(real, ...parts.slice(i));
  }
  return within(realRoot, target) && target !== realRoot ? target : undefined;
}
