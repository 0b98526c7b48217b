import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ResourceLimits } from 'node:worker_threads';
import type { BuildOptions } from './options.js';
import { fromRoot } from '../util/index.js';
import { preparePart } from './prepare.js';
import type { SourceStore } from './sources.js';
import type { PreparedPart } from './prepare.js';

/** Briefings of a pack, read ahead and handed out in manifest order. */
export interface PartSource {
  /** The next briefing, read. */
  next(): Promise<PreparedPart>;
  /** Stops the worker threads (also when not every briefing was taken). */
  close(): Promise<void>;
  /** Worker threads still reading. */
  threads(): number;
}

/** Below this many briefings, starting threads (a module load each) costs more than it saves. */
export const MIN_BRIEFINGS_FOR_THREADS = 8;
/** Briefings read ahead of the one being laid out, per thread: bounds the memory they hold. */
const AHEAD_PER_THREAD = 3;

/**
 * Heap limits of a reading thread (MB): it holds one briefing at a time, so a small heap
 * keeps the pack's memory down; a briefing that needs more is read again on the main thread.
 */
const WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 160 };

/** Threads to read a pack's briefings on: one per core, none for small packs. */
export function defaultThreads(briefings: number): number {
  return briefings >= MIN_BRIEFINGS_FOR_THREADS ? Math.max(1, Math.min(4, availableParallelism() - 1)) : 0;
}

/**
 * Reads a pack's briefings (data, template, markup, charts) on `threads` worker threads while
 * this thread lays out and writes the ones before; with 0 threads, reads each when asked.
 * Answers come back in manifest order whatever thread read them.
 */
export function prepareParts(
  files: readonly string[], options: BuildOptions, width: number, threads: number,
  store?: SourceStore, limits: ResourceLimits = WORKER_LIMITS,
): PartSource {
  let taken = 0;
  const here = (id: number): PreparedPart => preparePart(files[id] as string, options, width, store);
  if (threads <= 0) {
    return {
      next: () => Promise.resolve(here(taken++)),
      close: () => Promise.resolve(),
      threads: () => 0,
    };
  }
  const live = new Set(Array.from({ length: Math.min(threads, files.length) }, () => startWorker(limits)));
  const workers = [...live];
  const pending = new Map<number, { worker: Worker; resolve: (p: PreparedPart) => void; reject: (e: Error) => void }>();
  const results: Promise<PreparedPart>[] = [];
  for (const w of workers) {
    w.on('message', (msg: { id: number; part?: PreparedPart; error?: string }) => {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error !== undefined) p?.reject(new Error(`reading ${files[msg.id] ?? '?'} failed in a worker thread: ${msg.error}`));
      else if (msg.part) p?.resolve(msg.part);
    });
    // A thread that dies (out of its memory limit, say) hands its briefings back to this thread.
    w.on('error', () => {
      live.delete(w);
      for (const [id, p] of pending) {
        if (p.worker !== w) continue;
        pending.delete(id);
        try {
          p.resolve(here(id));
        } catch (e) {
          p.reject(e as Error);
        }
      }
    });
  }
  let sent = 0;
  const fill = (): void => {
    const threadsLeft = [...live];
    while (threadsLeft.length > 0 && sent < files.length && sent < taken + AHEAD_PER_THREAD * threadsLeft.length) {
      const id = sent++;
      const worker = threadsLeft[id % threadsLeft.length] as Worker;
      results[id] = new Promise<PreparedPart>((resolve, reject) => {
        pending.set(id, { worker, resolve, reject });
        // The text read for the plan goes with the job: a thread never reads the file again.
        const file = files[id] as string;
        const text = store?.text(file);
        worker.postMessage({ id, file, options, width, ...(text !== undefined ? { text } : {}) });
      });
      // A rejection is seen when its turn comes; until then it must not count as unhandled.
      results[id]?.catch(() => undefined);
    }
  };
  return {
    next() {
      fill();
      const id = taken++;
      const r = results[id];
      delete results[id];
      fill();
      if (r) return r;
      // No thread left to read it: read it here.
      if (sent <= id) sent = id + 1;
      return Promise.resolve().then(() => here(id));
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
    threads: () => live.size,
  };
}

/**
 * The worker runs the bundled reader when there is one (one file to load), else the compiled
 * module; from TypeScript sources (tests) it registers the TypeScript loader first.
 */
function startWorker(resourceLimits: ResourceLimits): Worker {
  if (import.meta.url.endsWith('.ts')) {
    const src = pathToFileURL(fromRoot('src', 'build', 'prepare-worker.ts')).href;
    return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(src)}); });`, { eval: true, resourceLimits });
  }
  const bundled = fromRoot('dist', 'prepare.bundle.mjs');
  return new Worker(existsSync(bundled) ? bundled : fromRoot('dist', 'build', 'prepare-worker.js'), { resourceLimits });
}
