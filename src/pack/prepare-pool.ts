import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BuildOptions } from '../tree.js';
import { fromRoot } from '../util/root.js';
import { preparePart } from './prepare.js';
import type { PreparedPart } from './prepare.js';

/** Briefings of a pack, read ahead and handed out in manifest order. */
export interface PartSource {
  /** The next briefing, read. */
  next(): Promise<PreparedPart>;
  /** Stops the worker threads (also when not every briefing was taken). */
  close(): Promise<void>;
}

/** Below this many briefings, starting threads (a module load each) costs more than it saves. */
export const MIN_BRIEFINGS_FOR_THREADS = 8;
/** Briefings read ahead of the one being laid out, per thread: bounds the memory they hold. */
const AHEAD_PER_THREAD = 3;

/** Threads to read a pack's briefings on: one per core, none for small packs. */
export function defaultThreads(briefings: number): number {
  return briefings >= MIN_BRIEFINGS_FOR_THREADS ? Math.min(4, availableParallelism()) : 0;
}

/**
 * Reads a pack's briefings (data, template, markup, charts) on `threads` worker threads while
 * this thread lays out and writes the ones before; with 0 threads, reads each when asked.
 * Answers come back in manifest order whatever thread read them.
 */
export function prepareParts(files: readonly string[], options: BuildOptions, width: number, threads: number): PartSource {
  let taken = 0;
  if (threads <= 0) {
    return {
      next: () => Promise.resolve(preparePart(files[taken++] as string, options, width)),
      close: () => Promise.resolve(),
    };
  }
  const workers = Array.from({ length: Math.min(threads, files.length) }, startWorker);
  const pending = new Map<number, { resolve: (p: PreparedPart) => void; reject: (e: Error) => void }>();
  const results: Promise<PreparedPart>[] = [];
  let failure: Error | undefined;
  const fail = (e: Error): void => {
    failure ??= e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  for (const w of workers) {
    w.on('message', (msg: { id: number; part?: PreparedPart; error?: string }) => {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error !== undefined) fail(new Error(`reading ${files[msg.id] ?? '?'} failed in a worker thread: ${msg.error}`));
      else if (msg.part) p?.resolve(msg.part);
    });
    w.on('error', fail);
  }
  let sent = 0;
  const fill = (): void => {
    while (sent < files.length && sent < taken + AHEAD_PER_THREAD * workers.length) {
      const id = sent++;
      const w = workers[id % workers.length] as Worker;
      results[id] = new Promise<PreparedPart>((resolve, reject) => {
        if (failure) return reject(failure);
        pending.set(id, { resolve, reject });
        w.postMessage({ id, file: files[id], options, width });
      });
      // A rejection is seen when its turn comes; until then it must not count as unhandled.
      results[id]?.catch(() => undefined);
    }
  };
  return {
    next() {
      fill();
      const r = results[taken];
      delete results[taken];
      taken++;
      fill();
      return r ?? Promise.reject(new Error('internal: no briefing left to read'));
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * The worker runs the bundled reader when there is one (one file to load), else the compiled
 * module; from TypeScript sources (tests) it registers the TypeScript loader first.
 */
function startWorker(): Worker {
  if (import.meta.url.endsWith('.ts')) {
    const src = pathToFileURL(fromRoot('src', 'pack', 'prepare-worker.ts')).href;
    return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(src)}); });`, { eval: true });
  }
  const bundled = fromRoot('dist', 'prepare.bundle.mjs');
  return new Worker(existsSync(bundled) ? bundled : fromRoot('dist', 'pack', 'prepare-worker.js'));
}
