/**
 * A quick look at a data file before it is built: what kind of target it is, its id, the
 * files a pack names. Same bounded reader and parser as {@link loadBriefing}, so a pipe, a
 * device, a huge or absurdly nested file is refused here as it is there, never read raw.
 */
import { statSync, type Stats } from 'node:fs';
import { resolveLimits, type DataLimits } from './limits.js';
import { formatOf, parseSource } from './parse.js';
import { readSource } from './read.js';

/**
 * The parsed, unvalidated data of `file`, or undefined when it cannot be read or parsed
 * within the limits (the loader then reports why, with a location). Treat the result as
 * read-only: it may be shared with other callers.
 */
export function peekData(file: string, limits?: Partial<DataLimits>): unknown {
  let st: Stats | undefined;
  try {
    st = statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined; // unreadable path: the loader reports it
  }
  // Only regular files are read. Nothing is cached: a build session keeps what it read (src/build/sources.ts).
  if (!st?.isFile()) return undefined;
  const all = resolveLimits(limits);
  const read = readSource(file, undefined, all);
  const parsed = read.ok ? parseSource(file, read.text, { format: formatOf(file), limits: all }) : undefined;
  return parsed?.ok ? parsed.data : undefined;
}
