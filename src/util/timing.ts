/**
 * Stage timings for profiling (`BRIEFKIT_TIMINGS=1` prints them to stderr; the benchmark
 * reads them through `lastTimings`). Costs nothing measurable when off.
 */
const enabled = process.env['BRIEFKIT_TIMINGS'] === '1';
let current: Record<string, number> = {};

export function resetTimings(): void {
  current = {};
}

/** Runs `fn` and adds its duration (ms) to stage `name`. */
export function timed<T>(name: string, fn: () => T): T {
  const t = performance.now();
  try {
    return fn();
  } finally {
    current[name] = (current[name] ?? 0) + performance.now() - t;
  }
}

export async function timedAsync<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  try {
    return await fn();
  } finally {
    current[name] = (current[name] ?? 0) + performance.now() - t;
  }
}

export function lastTimings(): Readonly<Record<string, number>> {
  return current;
}

export function printTimings(label: string): void {
  if (!enabled) return;
  const parts = Object.entries(current).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
  process.stderr.write(`timings ${label}: ${parts} (ms)\n`);
}

