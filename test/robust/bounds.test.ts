/**
 * Bounds before work (issue 13), through the real CLI in a child process with a time limit:
 * inputs that used to hang a command (a FIFO, /dev/zero, figures near 1e308, `--out` under
 * /proc), abort V8 (3,000-deep JSON in `build`) or succeed having done nothing (a folder
 * without data) must each end quickly with exit 1 and a located diagnostic with a hint.
 * A child that is still running at the limit is killed and the case fails as a hang.
 * (test/fixtures/bad/cases-bounds.json runs these inputs and more through every command, in
 * this process; here are those that could hang or abort a process.)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDir } from '../../src/util/fs.js';
import { BOUNDS, ensureBoundsFixtures, FIFO } from './bounds-fixtures.js';
import { DEFAULT_DATA, removeTemps, tmp } from './helpers.js';

/** Longest a case may run: starting the CLI from sources takes a few seconds on a busy machine. */
const LIMIT_MS = 45_000;
const HELPER = resolve('test/helpers/kill-build.ts');
/** tsx by absolute path, so a child can run in a folder outside the project. */
const TSX = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href;

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly out: string;
  readonly err: string;
  readonly ms: number;
  readonly hung: boolean;
}

function cli(args: readonly string[], cwd = process.cwd()): Promise<Run> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', TSX, HELPER, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
  let hung = false;
  const timer = setTimeout(() => {
    hung = true;
    child.kill('SIGKILL');
  }, LIMIT_MS);
  return new Promise((done) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, out, err, ms: performance.now() - t0, hung });
    });
  });
}

/** Exit 1, quickly, with `code` located at `where` (a prefix of `file:line:col`) and a hint. */
function expectRefused(r: Run, code: string, where?: string): void {
  expect(r.hung, `still running after ${LIMIT_MS} ms: a hang\n${r.err}`).toBe(false);
  expect(r.signal, `killed by ${r.signal} (V8 abort?)\n${r.err.slice(0, 2000)}`).toBeNull();
  expect(r.code, r.err).toBe(1);
  const lines = r.err.split('\n');
  const i = lines.findIndex((l) => l.includes(`error ${code}: `));
  expect(i, r.err).toBeGreaterThanOrEqual(0);
  if (where !== undefined) expect(lines[i]).toMatch(new RegExp(`^${where.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  expect(lines[i + 1]).toMatch(/^\s+hint: \S/);
  expect(r.err).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}

let out = '';
beforeAll(() => {
  ensureBoundsFixtures();
  out = tmp('briefkit-bounds-');
});
afterAll(removeTemps);

describe('stat before read: pipes, devices and folders are refused before they are opened', () => {
  it.each([
    ['build', ['build', FIFO, '--out', '<out>']],
    ['check', ['check', FIFO, '--out', '<out>']],
  ])('a FIFO given to %s: data/read at the file', async (_cmd, args) => {
    const r = await cli(args.map((a) => a.replace('<out>', out)));
    expectRefused(r, 'data/read', `${FIFO}:1:1`);
    expect(r.err).toContain('named pipe');
  });

  it('a pack that names a FIFO: data/read at the manifest entry', async () => {
    expectRefused(await cli(['pack', `${BOUNDS}/pack-fifo.yaml`, '--out', out]), 'data/read', `${BOUNDS}/pack-fifo.yaml:6:5`);
  });

  it.each(['build'])('/dev/zero given to %s: data/read, nothing read', async (cmd) => {
    const r = await cli([cmd, '/dev/zero', '--out', out]);
    expectRefused(r, 'data/read', '/dev/zero:1:1');
    expect(r.err).toContain('character device');
  });
});

describe('depth limits hold in every command, before any recursive work', () => {
  it.each(['build', 'check', 'slides'])('3,000-deep JSON in %s: data/too-large, no V8 abort', async (cmd) => {
    const args = cmd === 'validate' ? [cmd, `${BOUNDS}/deep-3000.json`] : [cmd, `${BOUNDS}/deep-3000.json`, '--out', out];
    expectRefused(await cli(args), 'data/too-large', `${BOUNDS}/deep-3000.json:1:65`);
  });

  it.each(['build'])('3,000-deep YAML in %s: data/too-large', async (cmd) => {
    expectRefused(await cli([cmd, `${BOUNDS}/deep-3000.yaml`, '--out', out]), 'data/too-large', `${BOUNDS}/deep-3000.yaml:2:77`);
  });
});

describe('numbers whose sums or scales overflow are data/range errors at their field', () => {
  it('exports near 1e308 (used to hang the build): data/range at the field', async () => {
    const r = await cli(['build', `${BOUNDS}/value-1e308.yaml`, '--out', out]);
    expectRefused(r, 'data/range', `${BOUNDS}/value-1e308.yaml:75:16`);
    expect(r.err).toContain('trade.years[1].exports');
  });

  it('exports + imports past the largest double (used to exit 70, "unsupported number: NaN"): data/range', async () => {
    const r = await cli(['build', `${BOUNDS}/sum-overflow.yaml`, '--out', out]);
    expectRefused(r, 'data/range', `${BOUNDS}/sum-overflow.yaml:75:16`);
    expect(r.err).not.toContain('NaN');
  });
});

describe('filesystem loops are bounded', () => {
  it.each(['/proc/self/x', '/proc/x/y'])('--out %s (Node\'s recursive mkdir loops for ever there): output/write, exit 1', async (dir) => {
    const r = await cli(['build', DEFAULT_DATA, '--out', dir, '--force']);
    expectRefused(r, 'output/write');
    expect(r.err).toContain('choose another --out');
  });

  it('makeDir: a path under /proc fails at once; a path through a file fails; nested folders are made', () => {
    const t0 = performance.now();
    expect(() => makeDir('/proc/self/x/y')).toThrow(/cannot write/);
    expect(performance.now() - t0).toBeLessThan(1000);
    const root = tmp('briefkit-mkdir-');
    writeFileSync(join(root, 'file'), 'x');
    expect(() => makeDir(join(root, 'file', 'sub'))).toThrow(/ENOTDIR/);
    makeDir(join(root, 'a', 'b', 'c'));
    expect(statSync(join(root, 'a', 'b', 'c')).isDirectory()).toBe(true);
    makeDir(join(root, 'a', 'b', 'c')); // already there: fine
  });
});

describe('nothing found is an error, never a silent success', () => {
  it('build of a folder without data: data/no-input at the folder (check, validate, slides: in the corpus)', async () => {
    expectRefused(await cli(['build', `${BOUNDS}/empty`, '--out', out]), 'data/no-input', `${BOUNDS}/empty:1:1`);
  });

  it('build of a folder named x.yaml: data/no-input (it used to exit 0 building nothing)', async () => {
    expectRefused(await cli(['build', `${BOUNDS}/folder.yaml`, '--out', out]), 'data/no-input', `${BOUNDS}/folder.yaml:1:1`);
  });

  it.each(['build', 'validate'])('%s with no arguments outside a project: data/no-input, exit 1, nothing written', async (cmd) => {
    const cwd = tmp('briefkit-nowhere-');
    mkdirSync(join(cwd, 'data', 'briefings'), { recursive: true }); // an empty default folder
    const r = await cli([cmd], cwd);
    expectRefused(r, 'data/no-input');
    expect(r.err).toContain('data/briefings');
    expect(existsSync(join(cwd, 'output'))).toBe(false);
    expect(readdirSync(cwd)).toEqual(['data']);
  });
});
