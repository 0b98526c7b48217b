import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { fromRoot } from '../util/index.js';
import type { TargetOptions } from './options.js';
import type { BuildSession, TargetResult } from './session.js';

/**
 * Builds targets on `jobs` worker threads (one process, all cores), or in this thread when
 * one job suffices: starting a worker costs a module load, which a single target does not
 * repay. Results come back in any order through `onResult`. Workers are handed the texts the
 * session already read, so no data file is read twice.
 */
export async function buildAll(
  session: BuildSession,
  files: readonly string[],
  jobs: number,
  onResult: (file: string, r: TargetResult) => void,
): Promise<void> {
  // A theme's own fonts are registered in this thread: such builds stay here.
  if (jobs <= 1 || files.length <= 1 || session.options.theme?.fonts !== undefined) {
    for (const f of files) onResult(f, await session.target(f));
    return;
  }
  // From compiled code the worker is worker.js; from sources (tests, tsx) it is worker.ts,
  // which needs the TypeScript loader in the worker too.
  const fromSource = import.meta.url.endsWith('.ts');
  // Bundled, this code sits in the CLI bundle or one of its chunks (dist/chunks/): the worker
  // bundle is at the root of dist/ either way.
  const bundled = import.meta.url.endsWith('.mjs');
  const url = bundled ? pathToFileURL(fromRoot('dist', 'worker.bundle.mjs')) : new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url);
  const make = (): Worker => fromSource
    ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`, { eval: true })
    : new Worker(url);
  const options: TargetOptions = session.options;
  const queue = files.map((file, id) => ({ id, file }));
  const workers = Array.from({ length: Math.min(jobs, files.length) }, make);
  try {
    await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      const next = (): void => {
        const job = queue.shift();
        if (!job) return resolve();
        const onMessage = (msg: { id: number; result?: TargetResult; error?: string }): void => {
          w.off('error', onError);
          if (msg.error !== undefined) return reject(new Error(`worker failed on ${job.file}: ${msg.error}`));
          // Structured clone hands Buffers back as Uint8Arrays, which is all writers need.
          if (msg.result) onResult(job.file, msg.result);
          next();
        };
        const onError = (e: Error): void => reject(e);
        w.once('message', onMessage);
        w.once('error', onError);
        const texts: Record<string, string> = {};
        for (const f of session.sources.dataFiles(job.file)) {
          const t = session.sources.text(f);
          if (t !== undefined) texts[f] = t;
        }
        w.postMessage({ id: job.id, file: job.file, options, texts });
      };
      next();
    })));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
