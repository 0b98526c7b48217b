import { parentPort } from 'node:worker_threads';
import { buildTarget } from '../targets.js';
import type { TargetOptions } from '../targets.js';

/** A worker thread that builds targets sent by the pool, one at a time. */
interface Job {
  readonly id: number;
  readonly file: string;
  readonly options: TargetOptions;
}

parentPort?.on('message', (job: Job) => {
  buildTarget(job.file, job.options).then(
    (result) => {
      const transfer = result.ok ? result.outputs.map((o) => o.bytes.buffer as ArrayBuffer) : [];
      parentPort?.postMessage({ id: job.id, result }, transfer);
    },
    (err: unknown) => parentPort?.postMessage({ id: job.id, error: err instanceof Error ? err.stack ?? err.message : String(err) }),
  );
});
