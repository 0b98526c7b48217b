/**
 * Chart drawings kept between processes, keyed by their content hash (`chartHash`), so a cold
 * build of a briefing whose charts did not change does not draw them again with chart.js.
 * Beside the shaping store: `BRIEFKIT_CACHE_DIR` (default `~/.cache/briefkit`), in `charts-<n>/`.
 * The CLI turns it on (bin/briefkit.js sets `BRIEFKIT_CHART_CACHE=1`): a cold process is where
 * it pays, while a long-lived API user has the process's own cache, and tests that count
 * draws stay independent of what other processes drew. `BRIEFKIT_CACHE=0` turns it off.
 *
 * A drawing read back must give the same PDF bytes as drawing it again, so:
 * - only an asset that JSON writes and reads back exactly is stored (no -0, no NaN or
 *   Infinity, nothing JSON drops), checked on the asset itself before writing;
 * - a file is `<checksum>\n<json>` ({@link checksum}: truncated sha-256 of the JSON), and one
 *   that does not match, or whose asset has another hash than its name, is no entry (it is
 *   removed, and the chart drawn again);
 * - files are written to a temporary name and renamed into place, so a reader never sees half
 *   a file.
 * Anything that cannot be read or written is no entry: the cache only ever saves time.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { makeDir, tempPath } from '../util/index.js';
import type { ChartAsset } from './types.js';

/** Bumped when the file format changes (what a drawing looks like is in `CHART_VERSION`, in the key). */
const FORMAT = 1;
/** Files kept; past this, the least recently written are removed, down to {@link KEEP_AFTER_PRUNE}. */
const MAX_FILES = 2_000;
const KEEP_AFTER_PRUNE = 1_500;
/** A drawing file is a few tens of kB; anything much larger is not one of ours. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** The folder, or undefined when the cache is off. Read per call: tests and watch cycles may change it. */
export function chartCacheDir(): string | undefined {
  if (process.env['BRIEFKIT_CACHE'] === '0' || process.env['BRIEFKIT_CHART_CACHE'] !== '1') return undefined;
  const base = process.env['BRIEFKIT_CACHE_DIR'] ?? join(process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'briefkit');
  return join(base, `charts-${FORMAT}`);
}

/** Truncated sha-256 (64 bits) of a file's JSON. */
function checksum(json: string): string {
  return createHash('sha256').update(json).digest('hex').slice(0, 16);
}

const HASH = /^[0-9a-f]{64}$/;

/** Whether JSON gives `v` back as it is (numbers finite and not -0, plain objects and arrays of such). */
export function jsonExact(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (Array.isArray(v)) return v.every(jsonExact);
  if (typeof v === 'object') {
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) return false;
    return Object.values(v).every(jsonExact);
  }
  return false;
}

/** The drawing stored under `hash`, or undefined (none, off, damaged or not ours). */
export function diskGet(hash: string): ChartAsset | undefined {
  const dir = chartCacheDir();
  if (!dir || !HASH.test(hash)) return undefined;
  const file = join(dir, `${hash}.json`);
  let text: string;
  try {
    const st = statSync(file, { throwIfNoEntry: false });
    if (!st?.isFile() || st.size > MAX_FILE_BYTES) return undefined;
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const nl = text.indexOf('\n');
  const json = text.slice(nl + 1);
  try {
    if (nl === 16 && text.slice(0, nl) === checksum(json)) {
      const asset = JSON.parse(json) as ChartAsset;
      if (asset && typeof asset === 'object' && asset.hash === hash) {
        touched.add(hash);
        return asset;
      }
    }
  } catch {
    // Unparsable despite its checksum: not ours. Removed below.
  }
  try { rmSync(file, { force: true }); } catch { /* another process may hold it */ }
  return undefined;
}

let writes = 0;
/** Drawings this process read or wrote, for {@link diskForget}. */
const touched = new Set<string>();

/**
 * Removes from disk the drawings this process read or wrote (`clearChartCache`: a cleared
 * cache draws again), leaving other processes' drawings alone.
 */
export function diskForget(): void {
  const dir = chartCacheDir();
  for (const hash of touched) if (dir) try { rmSync(join(dir, `${hash}.json`), { force: true }); } catch { /* gone already */ }
  touched.clear();
}

/** Stores a drawing under its hash, when it round-trips exactly; failures are ignored. */
export function diskSet(asset: ChartAsset): void {
  const dir = chartCacheDir();
  if (!dir || !HASH.test(asset.hash) || !jsonExact(asset)) return;
  const file = join(dir, `${asset.hash}.json`);
  const json = JSON.stringify(asset);
  let tmp: string | undefined;
  try {
    makeDir(dir);
    // A process's first write keeps the folder bounded.
    if (writes++ === 0) prune(dir);
    tmp = tempPath(file);
    writeFileSync(tmp, `${checksum(json)}\n${json}`);
    renameSync(tmp, file);
    touched.add(asset.hash);
  } catch {
    if (tmp) try { rmSync(tmp, { force: true }); } catch { /* nothing to keep */ }
  }
}

/** Past {@link MAX_FILES} drawings, removes the least recently written (and stray temporary files). */
function prune(dir: string): void {
  const names = readdirSync(dir);
  if (names.length <= MAX_FILES) return;
  const dated = names.map((n) => {
    try {
      return { n, t: statSync(join(dir, n)).mtimeMs };
    } catch {
      return { n, t: 0 };
    }
  }).sort((a, b) => a.t - b.t);
  for (const { n } of dated.slice(0, dated.length - KEEP_AFTER_PRUNE)) {
    try { rmSync(join(dir, n), { force: true }); } catch { /* another process may have removed it */ }
  }
}
