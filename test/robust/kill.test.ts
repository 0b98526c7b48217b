/**
 * Atomic output under SIGKILL: the real CLI (test/helpers/kill-build.ts, a child process)
 * builds the default briefing into a folder that holds a previous good build, and is killed.
 * Afterwards the folder must hold either the previous PDF, byte for byte, or the complete new
 * one (equal to an unkilled build, qpdf --check clean), never a truncated file.
 *
 * First at fixed points inside the atomic write (the helper pauses there), then at 50+ random
 * moments spread over a whole build, from a seeded PRNG, a few children at a time.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATA, DEFAULT_PDF, qpdfCheck, removeTemps, scanPdf, strayTemps, tmp } from './helpers.js';

const HELPER = 'test/helpers/kill-build.ts';
const MANIFEST = '.briefkit-manifest.json';
/**
 * The manifest's lock folder (src/incremental/manifest.ts): a build killed while it merged the
 * manifest leaves it behind; it is not an output, and the next build takes it over once stale.
 */
const MANIFEST_LOCK = `${MANIFEST}.lock`;
const KILLS = 50;
/** Children at once: the builds are CPU-bound, and CI has 2 cores. */
const PARALLEL = 2;
const SEED = 0x5eed1995;

const children = new Set<ChildProcess>();

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly err: string;
  readonly ms: number;
  readonly pid: number;
}

/** Starts the CLI building the default briefing into `out`; `onErr` sees stderr as it comes. */
/** A copy of the default briefing taken once, so edits to data/ during the run change nothing here. */
let data = '';

function start(out: string, args: readonly string[] = [], env: NodeJS.ProcessEnv = {}, onErr?: (s: string) => void): { child: ChildProcess; done: Promise<Exit> } {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', HELPER, 'build', data, '--out', out, '--force', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...env },
  });
  children.add(child);
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
    onErr?.(err);
  });
  const done = new Promise<Exit>((resolve) => {
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal, err, ms: performance.now() - t0, pid: child.pid ?? -1 });
    });
  });
  return { child, done };
}

/** mulberry32: a small seeded PRNG, so the kill schedule reproduces. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let prevDir = '';
let prevPdf: Buffer;
let prevManifest: Buffer;
let newPdf: Buffer;
let duration = 0;

function seeded(): string {
  const dir = join(tmp('briefkit-kill-'), 'out');
  mkdirSync(dir);
  for (const n of readdirSync(prevDir)) copyFileSync(join(prevDir, n), join(dir, n));
  return dir;
}

type State = 'previous' | 'new' | 'broken';

/** What a killed build left: the previous PDF, the complete new one, or (a failure) anything else. */
function inspect(dir: string): { state: State; temps: string[]; problem?: string } {
  const temps = strayTemps(dir);
  const names = readdirSync(dir).filter((n) => !temps.includes(n) && n !== MANIFEST_LOCK).sort();
  if (names.join() !== [MANIFEST, DEFAULT_PDF].join()) return { state: 'broken', temps, problem: `files: ${names.join(', ')}` };
  const manifest = readFileSync(join(dir, MANIFEST));
  if (!manifest.equals(prevManifest)) {
    try {
      JSON.parse(manifest.toString('utf8'));
    } catch {
      return { state: 'broken', temps, problem: 'the build manifest is not complete JSON' };
    }
  }
  const path = join(dir, DEFAULT_PDF);
  const pdf = readFileSync(path);
  if (pdf.equals(prevPdf)) return { state: 'previous', temps };
  // Not the previous bytes: it must be a complete new PDF. (Equal to the unkilled build's bytes,
  // unless someone edits the sources while the tests run, so qpdf is the judge.)
  const complete = pdf.subarray(0, 5).toString('latin1') === '%PDF-' && /%%EOF\s*$/.test(pdf.subarray(-32).toString('latin1'));
  const check = complete ? qpdfCheck(path) : { status: -1, output: 'no %PDF- header or %%EOF trailer' };
  if (check.status === 0) return { state: 'new', temps };
  return { state: 'broken', temps, problem: `${DEFAULT_PDF} is neither the previous PDF nor a complete new one (${pdf.length} bytes${pdf.equals(newPdf) ? '' : ', not the unkilled build\'s bytes'}): ${check.output.slice(0, 300)}` };
}

beforeAll(async () => {
  data = join(tmp('briefkit-kill-data-'), 'canada-korea-1995.yaml');
  copyFileSync(DEFAULT_DATA, data);
  // The previous good build is a letter-size one, so it differs from the A4 build under test.
  prevDir = join(tmp('briefkit-kill-prev-'), 'out');
  mkdirSync(prevDir);
  const prev = start(prevDir, ['--paper', 'letter']);
  // An unkilled build, run beside the previous one (the load of the kill batches): how long one
  // build takes, and the bytes a complete new build writes.
  const refDir = join(tmp('briefkit-kill-ref-'), 'out');
  const ref = start(refDir);
  const [prevExit, refExit] = await Promise.all([prev.done, ref.done]);
  expect(prevExit.code, prevExit.err).toBe(0);
  expect(refExit.code, refExit.err).toBe(0);
  prevPdf = readFileSync(join(prevDir, DEFAULT_PDF));
  prevManifest = readFileSync(join(prevDir, MANIFEST));
  newPdf = readFileSync(join(refDir, DEFAULT_PDF));
  expect(newPdf.equals(prevPdf)).toBe(false);
  expect(qpdfCheck(join(refDir, DEFAULT_PDF)).status).toBe(0);
  expect(scanPdf(join(refDir, DEFAULT_PDF)).found).toEqual([]);
  duration = refExit.ms;
}, 120_000);

afterAll(async () => {
  const left = [...children];
  for (const c of left) c.kill('SIGKILL');
  await Promise.all(left.map((c) => new Promise((resolve) => { if (c.exitCode !== null || c.signalCode !== null) resolve(null); else c.once('exit', resolve); })));
  removeTemps();
});

describe('SIGKILL at fixed points inside the atomic write', () => {
  const points = ['open', 'write', 'fsync', 'rename'] as const;
  const left = new Map<string, { state: State; temps: string[]; dir: string; problem?: string }>();

  beforeAll(async () => {
    await Promise.all(points.map(async (point) => {
      const dir = seeded();
      let killed = false;
      const run = start(dir, [], { KILL_BUILD_PAUSE: point }, (err) => {
        if (!killed && err.includes(`PAUSED ${point}`)) {
          killed = true;
          run.child.kill('SIGKILL');
        }
      });
      const exit = await run.done;
      expect(exit.signal, `the helper paused at ${point}: ${exit.err}`).toBe('SIGKILL');
      left.set(point, { ...inspect(dir), dir });
    }));
  }, 90_000);

  it('leaves the previous PDF until the rename, the complete new one after it', () => {
    expect([...left.values()].flatMap((l) => (l.problem ? [l.problem] : []))).toEqual([]);
    expect(Object.fromEntries([...left].map(([p, l]) => [p, l.state]))).toEqual({ open: 'previous', write: 'previous', fsync: 'previous', rename: 'new' });
    const renamed = left.get('rename');
    expect(qpdfCheck(join(renamed?.dir ?? '', DEFAULT_PDF)).status).toBe(0);
  });

  it('a later build in the same folder succeeds and writes the new PDF', async () => {
    const l = left.get('write');
    if (!l) throw new Error('no folder');
    const exit = await start(l.dir).done;
    expect(exit.code, exit.err).toBe(0);
    expect(readFileSync(join(l.dir, DEFAULT_PDF)).equals(prevPdf)).toBe(false);
    expect(qpdfCheck(join(l.dir, DEFAULT_PDF)).status).toBe(0);
  }, 60_000);

  // A build killed between creating its temporary file and renaming it leaves
  // `.canada-korea-1995.pdf.<pid>.<hex>.tmp`; the next write of that file removes it.
  it('leaves no stray temp file, once a later build has run', () => {
    // The `write` folder had a later build (the test above); the other folders did not.
    const l = left.get('write');
    if (!l) throw new Error('no folder');
    expect(l.temps.length, 'the kill left a temp file to clean up').toBeGreaterThan(0);
    expect(strayTemps(l.dir)).toEqual([]);
  });
});

describe(`SIGKILL at ${KILLS} random moments of a build (seed ${SEED.toString(16)})`, () => {
  interface Kill {
    readonly delay: number;
    readonly exit: Exit;
    readonly state: State;
    readonly temps: string[];
    readonly problem?: string;
  }
  const kills: Kill[] = [];

  beforeAll(async () => {
    const rand = prng(SEED);
    const delays = Array.from({ length: KILLS }, () => Math.round(rand() * duration));
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < delays.length) {
        const delay = delays[next++] ?? 0;
        const dir = seeded();
        const run = start(dir);
        const timer = setTimeout(() => run.child.kill('SIGKILL'), delay);
        const exit = await run.done;
        clearTimeout(timer);
        kills.push({ delay, exit, ...inspect(dir) });
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    // 50 child processes; on a loaded 2-core machine this took up to ~140 s.
  }, 400_000);

  it('spreads the kills over the whole build', () => {
    expect(kills.length).toBe(KILLS);
    const d = kills.map((k) => k.delay).sort((a, b) => a - b);
    expect(d[0] ?? 0).toBeLessThan(duration * 0.15);
    expect(d[d.length - 1] ?? 0).toBeGreaterThan(duration * 0.85);
    expect(kills.filter((k) => k.exit.signal === 'SIGKILL').length).toBeGreaterThanOrEqual(KILLS * 0.75);
  });

  it('never leaves a truncated PDF: always the previous one or the complete new one', () => {
    expect(kills.flatMap((k) => (k.problem ? [`kill at ${k.delay} ms: ${k.problem}`] : []))).toEqual([]);
    const previous = kills.filter((k) => k.state === 'previous').length;
    const fresh = kills.filter((k) => k.state === 'new').length;
    expect(previous + fresh).toBe(KILLS);
    expect(previous).toBeGreaterThan(0);
    console.info(`kills: ${KILLS} over ${Math.round(duration)} ms; previous PDF kept ${previous}, new PDF complete ${fresh}; finished before the kill ${kills.filter((k) => k.exit.code === 0).length}`);
  });

  it('leaves no temp files, except a kill that landed inside the atomic write (the next build removes it)', () => {
    for (const k of kills) {
      for (const t of k.temps) expect(t, 'a temp of the killed child').toMatch(new RegExp(`^\\.${DEFAULT_PDF.replace('.', '\\.')}\\.${k.exit.pid}\\.[0-9a-f]+\\.tmp$|^\\.${MANIFEST.replace(/\./g, '\\.')}\\.${k.exit.pid}\\.[0-9a-f]+\\.tmp$`));
    }
    const hit = kills.filter((k) => k.temps.length > 0).length;
    if (hit) console.info(`${hit} random kill(s) landed inside an atomic write and left a temp file`);
  });
});
