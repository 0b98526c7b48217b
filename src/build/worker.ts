import { parentPort } from 'node:worker_threads';
import type { TargetOptions } from './options.js';
import { BuildSession } from './session.js';

/** A job from the pool: a target, the options, and the texts the main thread's session read. */
interface Job {
  readonly id: number;
  readonly file: string;
  readonly options: TargetOptions;
  readonly texts: Readonly<Record<string, string>>;
}

/** A worker thread that builds targets sent by the pool, one at a time, each in a session seeded with its texts. */
parentPort?.on('message', (job: Job) => {
  const session = new BuildSession(job.options);
  for (const [f, t] of Object.entries(job.texts)) session.sources.seed(f, t);
  session.target(job.file).then(
    (result) => {
      const transfer = result.ok ? result.outputs.map((o) => o.bytes.buffer as ArrayBuffer) : [];
      parentPort?.postMessage({ id: job.id, result }, transfer);
    },
    (err: unknown) => parentPort?.postMessage({ id: job.id, error: err instanceof Error ? err.stack ?? err.message : String(err) }),
  );
});
