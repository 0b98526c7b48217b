import { parentPort } from 'node:worker_threads';
import type { BuildOptions } from './options.js';
import { preparePart } from './prepare.js';

/** A briefing to read for a pack, sent by the pool in `prepare-pool.ts`. */
interface Job {
  readonly id: number;
  readonly file: string;
  readonly options: BuildOptions;
  readonly width: number;
  /** The file's text, read once by the session on the main thread. */
  readonly text?: string;
}

// Jobs are handled one at a time, in the order they come: answers go back in that order.
parentPort?.on('message', (job: Job) => {
  try {
    parentPort?.postMessage({ id: job.id, part: preparePart(job.file, job.options, job.width, undefined, job.text) });
  } catch (err) {
    parentPort?.postMessage({ id: job.id, error: err instanceof Error ? err.stack ?? err.message : String(err) });
  }
});
