/**
 * Paths below every stage: whether a path lies inside a folder (confinement checks) and where
 * the project is (the nearest `briefkit.config.*`), found without reading the config, so the
 * data stage can confine what a briefing reads to its project.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

/** Config file names, in the order they are looked for in one folder. */
export const CONFIG_NAMES = ['briefkit.config.yaml', 'briefkit.config.yml', 'briefkit.config.json'] as const;

/** Whether `real` is `root` or lies under it (both real paths). */
export function isInside(root: string, real: string): boolean {
  const rel = relative(root, real);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

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
