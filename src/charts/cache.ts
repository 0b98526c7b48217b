import { createHash } from 'node:crypto';
import { diskForget, diskGet, diskSet } from './disk-cache.js';
import type { ChartAsset } from './types.js';

/**
 * Bumped whenever the drawing code changes what a chart looks like, so cached assets from an
 * older version are never reused.
 */
export const CHART_VERSION = 'briefkit-charts-2';

/** Most assets kept; the oldest unused ones are dropped first. */
const MAX_ENTRIES = 256;

const cache = new Map<string, ChartAsset>();
let hits = 0;
let diskHits = 0;
let misses = 0;

/** JSON with object keys sorted, so equal values give equal strings. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => stableJson(v ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined && typeof v !== 'function')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** sha256 (hex) of the stable JSON of `parts` plus {@link CHART_VERSION}. */
export function chartHash(parts: unknown): string {
  return createHash('sha256').update(stableJson({ v: CHART_VERSION, parts })).digest('hex');
}

/**
 * The cached asset for `key`, from this process's cache or else from the drawings kept on disk
 * (`disk-cache.ts`), counting a hit (and a disk hit) or a miss.
 */
export function cacheGet(key: string): ChartAsset | undefined {
  const hit = cache.get(key);
  if (hit) {
    hits++;
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const stored = diskGet(key);
  if (stored) {
    hits++;
    diskHits++;
    remember(key, stored);
    return stored;
  }
  misses++;
  return undefined;
}

/** Stores an asset, here and on disk, evicting the least recently used here beyond the limit. */
export function cacheSet(key: string, asset: ChartAsset): void {
  remember(key, asset);
  diskSet(asset);
}

function remember(key: string, asset: ChartAsset): void {
  cache.set(key, asset);
  while (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
}

/** Cache counters since the process started (or the last {@link clearChartCache}). */
export interface ChartCacheStats {
  readonly hits: number;
  /** Of the hits, those read from disk. */
  readonly diskHits: number;
  readonly misses: number;
  readonly size: number;
}

/** Hit and miss counts of the process-level chart cache, for tests and benchmarks. */
export function chartCacheStats(): ChartCacheStats {
  return { hits, diskHits, misses, size: cache.size };
}

/** Empties the chart cache (and forgets on disk what this process drew or read there) and resets its counters. */
export function clearChartCache(): void {
  cache.clear();
  diskForget();
  hits = 0;
  diskHits = 0;
  misses = 0;
}
