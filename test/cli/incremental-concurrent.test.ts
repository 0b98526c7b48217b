/**
 * Builds into one output folder at the same time: each build records its outputs in the
 * build manifest under a lock (read, merge, atomic rename), so no build's entries are lost and
 * `check` passes afterwards. The builds are separate CLI processes started together.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MANIFEST_NAME, fileHash, filesUnder, readManifest, sha256, updateManifest } from '../../src/incremental/index.js';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

const SOURCE = readFileSync('data/briefings/canada-korea-1995.yaml', 'utf8');

/** The CLI from the sources in a child process. */
function cli(args: readonly string[]): Promise<{ code: number; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/kill-build.ts', ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, BRIEFKIT_CACHE: '0' },
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, err }));
  });
}


/**
 * The tool's sources, hashed: the tool version in every inputs hash comes from them, so when
 * they change while the builds run (others editing a shared working tree), `check` rightly
 * finds the outputs stale and proves nothing about the manifest.
 */
const sourcesHash = (): string => sha256(filesUnder('src').map((f) => `${f}:${fileHash(f)}`).join('\n'));

const N = 4;
const ROUNDS = 2;

describe('concurrent builds into one folder', () => {
  it(`${N} builds started together keep every manifest entry, ${ROUNDS} rounds`, async (ctx) => {
    const data = mkdtempSync(join(process.cwd(), 'test', '.tmp-conc-'));
    made.push(data);
    const files = Array.from({ length: N }, (_, i) => {
      const f = join(relative(process.cwd(), data), `b${i}.yaml`);
      writeFileSync(f, SOURCE.replace('id: canada-korea-1995', `id: concurrent-${i}`));
      return f;
    });
    for (let round = 0; round < ROUNDS; round++) {
      const out = mkdtempSync(join(tmpdir(), 'briefkit-conc-'));
      made.push(out);
      const sources = sourcesHash();
      const runs = await Promise.all(files.map((f) => cli(['build', f, '--out', out])));
      for (const r of runs) expect(r.code, r.err).toBe(0);
      const manifest = readManifest(out);
      expect(Object.keys(manifest.outputs).sort()).toEqual(files.map((_, i) => `concurrent-${i}.pdf`));
      for (const [i, f] of files.entries()) expect(manifest.outputs[`concurrent-${i}.pdf`]?.source).toBe(f);
      // In a child too: the tool's version (a hash of its sources) is what the builds recorded.
      const c = await cli(['check', ...files, '--out', out]);
      if (sourcesHash() === sources) expect(c.code, c.err).toBe(0);
      else await ctx.annotate(`round ${round + 1}: the sources changed during the builds; check not judged`);
      // The lock is gone, and no temporary file is left.
      expect(readdirSync(out).sort()).toEqual([MANIFEST_NAME, ...files.map((_, i) => `concurrent-${i}.pdf`)].sort());
    }
  }, 240_000);

  it('merges many updates made at once in one process, and takes over a lock left by a dead build', async () => {
    const out = mkdtempSync(join(tmpdir(), 'briefkit-conc-'));
    made.push(out);
    const rec = (i: number): { source: string; inputs: string; output: string } => ({ source: `s${i}`, inputs: `i${i}`, output: `o${i}` });
    await Promise.all(Array.from({ length: 20 }, (_, i) => updateManifest(out, { [`x${i}.pdf`]: rec(i) })));
    expect(Object.keys(readManifest(out).outputs)).toHaveLength(20);

    // A lock folder as proper-lockfile makes it, left by a process killed long ago.
    const lockDir = join(out, `${MANIFEST_NAME}.lock`);
    mkdirSync(lockDir);
    const { utimesSync } = await import('node:fs');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockDir, old, old);
    await updateManifest(out, { 'late.pdf': rec(99) });
    expect(readManifest(out).outputs['late.pdf']).toEqual(rec(99));
    expect(Object.keys(readManifest(out).outputs)).toHaveLength(21);
    expect(readdirSync(out).sort()).toEqual([MANIFEST_NAME]);
  }, 60_000);
});
