/**
 * The project a preview shows: its targets (found as `build` finds them) by a stable key, with
 * titles for the listing. Found again on every look, so new and deleted files show at once.
 */
import { createHash } from 'node:crypto';
import { join, relative, resolve } from 'node:path';
import { DEFAULT_DATA_DIRS, findTargets } from '../build/index.js';
import { peekData } from '../data/index.js';
import type { Diagnostic } from '../diag/index.js';
import { targetKind } from '../incremental/index.js';

/** One briefing or pack of the project. */
export interface Target {
  /** Hex key for URLs: a hash of the absolute path (never the path itself). */
  readonly key: string;
  /** The data file as found (relative to the working folder when the project folder is). */
  readonly file: string;
  /** The data file relative to the project folder, for display. */
  readonly shown: string;
  readonly kind: 'briefing' | 'pack';
  readonly title?: string;
}

/** Targets and the problems met finding them. */
export interface Discovery {
  readonly targets: readonly Target[];
  readonly problems: readonly Diagnostic[];
}

/** The key of a data file. */
export function targetKey(file: string): string {
  return createHash('sha256').update(resolve(file)).digest('hex').slice(0, 16);
}

function titleOf(file: string): string | undefined {
  try {
    const data = peekData(file);
    if (typeof data !== 'object' || data === null) return undefined;
    const title = (data as Record<string, unknown>)['title'];
    return typeof title === 'string' ? title : undefined;
  } catch {
    return undefined; // unreadable: the viewer shows why when it builds
  }
}

/** The briefings and packs in `dir`'s data folders. */
export function discover(dir: string): Discovery {
  const { files, problems } = findTargets([], DEFAULT_DATA_DIRS.map((d) => join(dir, d)));
  const targets = files.map((file): Target => {
    const title = titleOf(file);
    return {
      key: targetKey(file),
      file,
      shown: relative(dir, file),
      kind: targetKind(file) === 'pack' ? 'pack' : 'briefing',
      ...(title !== undefined ? { title } : {}),
    };
  });
  return { targets, problems };
}
