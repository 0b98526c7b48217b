/**
 * Inputs for the bounds cases that cannot be committed: a named pipe (FIFO) and a 6 MB file,
 * made under test/fixtures/bad/bounds/generated/ (ignored by git). Several test runs may
 * share the working tree, so each is made under a temporary name and renamed into place.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, lstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

export const BOUNDS = 'test/fixtures/bad/bounds';
export const GENERATED = `${BOUNDS}/generated`;
/** A named pipe nobody writes to: reading it would wait for ever. */
export const FIFO = `${GENERATED}/fifo.yaml`;
/** A 6 MB file (the limit is 5 MB) that starts like a briefing. */
export const BIG = `${GENERATED}/big.yaml`;
export const BIG_BYTES = 6 * 1024 * 1024;

function fresh(path: string): string {
  const tmp = `${path}.${process.pid}.${Math.random().toString(16).slice(2)}.new`;
  rmSync(tmp, { force: true });
  return tmp;
}

/** Makes the FIFO and the big file when they are not there yet. */
export function ensureBoundsFixtures(): void {
  mkdirSync(GENERATED, { recursive: true });
  if (!lstatSync(FIFO, { throwIfNoEntry: false })?.isFIFO()) {
    const tmp = fresh(FIFO);
    execFileSync('mkfifo', [tmp]);
    renameSync(tmp, FIFO);
  }
  if (lstatSync(BIG, { throwIfNoEntry: false })?.size !== BIG_BYTES) {
    const tmp = fresh(BIG);
    const fd = openSync(tmp, 'w');
    try {
      const line = Buffer.from('# padding line of a file far larger than any briefing ......................\n');
      const head = Buffer.from('id: big\nlanguage: en\ntitle: Big\n');
      writeSync(fd, head);
      let left = BIG_BYTES - head.length;
      while (left > 0) left -= writeSync(fd, line, 0, Math.min(line.length, left));
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, BIG);
  }
}
