/**
 * The real CLI in a child process, for tests that kill it or change its environment:
 *
 *   node --import tsx test/helpers/kill-build.ts build data/briefings/x.yaml --out DIR
 *
 * It imports `main` from the sources and exits with its code (70 and the stack when it throws,
 * as bin/briefkit.js does).
 *
 * With KILL_BUILD_PAUSE=open|write|fsync|rename it stops inside the atomic write of the first
 * temporary `*.pdf.*.tmp` file, prints `PAUSED <point>` on stderr and waits to be killed:
 * - open: the temporary file was just created (empty);
 * - write: half of the bytes are written (a partial temporary file);
 * - fsync: every byte is written and flushed, not yet renamed into place;
 * - rename: the new PDF was renamed into place (the build manifest is not yet written).
 * It patches node:fs before the CLI is loaded (syncBuiltinESMExports makes ES imports see it).
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

type Point = 'open' | 'write' | 'fsync' | 'rename';
const pause = process.env['KILL_BUILD_PAUSE'] as Point | undefined;

function stop(point: Point): never {
  process.stderr.write(`PAUSED ${point}\n`);
  // Block this thread for good: the parent kills the process with SIGKILL.
  const cell = new Int32Array(new SharedArrayBuffer(4));
  for (;;) Atomics.wait(cell, 0, 0, 60_000);
}

if (pause) {
  const isPdfTmp = (p: unknown): boolean => typeof p === 'string' && /\.pdf\.[^/]*\.tmp$/.test(p);
  const pdfFds = new Set<number>();
  const { openSync, writeSync, fsyncSync, renameSync } = fs;
  fs.openSync = ((path: fs.PathLike, ...rest: unknown[]) => {
    const fd = (openSync as (...a: unknown[]) => number)(path, ...rest);
    if (isPdfTmp(path)) {
      pdfFds.add(fd);
      if (pause === 'open') stop('open');
    }
    return fd;
  }) as typeof fs.openSync;
  fs.writeSync = ((fd: number, buf: NodeJS.ArrayBufferView, off?: number, len?: number, ...rest: unknown[]) => {
    if (pause === 'write' && pdfFds.has(fd) && typeof off === 'number' && typeof len === 'number' && len > 1) {
      const half = Math.floor(len / 2);
      (writeSync as (...a: unknown[]) => number)(fd, buf, off, half, ...rest);
      stop('write');
    }
    return (writeSync as (...a: unknown[]) => number)(fd, buf, off, len, ...rest);
  }) as typeof fs.writeSync;
  fs.fsyncSync = ((fd: number) => {
    fsyncSync(fd);
    if (pause === 'fsync' && pdfFds.has(fd)) stop('fsync');
  }) as typeof fs.fsyncSync;
  fs.renameSync = ((from: fs.PathLike, to: fs.PathLike) => {
    renameSync(from, to);
    if (pause === 'rename' && isPdfTmp(from)) stop('rename');
  }) as typeof fs.renameSync;
  syncBuiltinESMExports();
}

const { main } = await import('../../src/cli/main.js');
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 70;
  },
);
