/**
 * Chart drawings kept on disk by content hash (src/charts/disk-cache.ts): read back, they give
 * the same PDF bytes as drawing again; a damaged file is no entry; BRIEFKIT_CACHE=0 is off.
 * A fresh process is stood for by emptying this process's cache with the files kept aside.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/build/index.js';
import { chartCacheStats, clearChartCache } from '../../src/charts/index.js';
import { chartCacheDir, jsonExact } from '../../src/charts/disk-cache.js';

const SEED = 'data/briefings/canada-korea-1995.yaml';
const root = mkdtempSync(join(tmpdir(), 'briefkit-chartcache-'));
const saved = { dir: process.env['BRIEFKIT_CACHE_DIR'], off: process.env['BRIEFKIT_CACHE'], on: process.env['BRIEFKIT_CHART_CACHE'] };
let n = 0;
beforeEach(() => {
  process.env['BRIEFKIT_CACHE_DIR'] = join(root, String(++n));
  process.env['BRIEFKIT_CHART_CACHE'] = '1';
  delete process.env['BRIEFKIT_CACHE'];
  clearChartCache();
});
afterEach(() => {
  clearChartCache();
  for (const [k, v] of [['BRIEFKIT_CACHE_DIR', saved.dir], ['BRIEFKIT_CACHE', saved.off], ['BRIEFKIT_CHART_CACHE', saved.on]] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const build = async (): Promise<Buffer> => {
  const r = await buildBriefing({ file: SEED });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return Buffer.from(r.pdf);
};
const files = (): string[] => readdirSync(chartCacheDir() as string).filter((f) => f.endsWith('.json')).sort();
/** Empties this process's cache as a new process would start, keeping the files on disk. */
const newProcess = (): void => {
  const dir = chartCacheDir() as string;
  cpSync(dir, `${dir}.kept`, { recursive: true });
  clearChartCache();
  rmSync(dir, { recursive: true, force: true });
  cpSync(`${dir}.kept`, dir, { recursive: true });
};

describe('chart drawings on disk', () => {
  it('are written by a build and read by the next, with the same bytes as drawing again', async () => {
    const drawn = await build();
    expect(files()).toHaveLength(3);
    newProcess();
    const read = await build();
    expect(chartCacheStats()).toMatchObject({ diskHits: 3, misses: 0 });
    expect(read.equals(drawn)).toBe(true);
  });

  it('are really what the next build draws: a changed drawing with a good checksum shows', async () => {
    const drawn = await build();
    newProcess();
    const [name] = files();
    const file = join(chartCacheDir() as string, name as string);
    const json = readFileSync(file, 'utf8').split('\n').slice(1).join('\n');
    const asset = JSON.parse(json) as { title: string };
    asset.title = 'A title the data never had';
    const text = JSON.stringify(asset);
    const { createHash } = await import('node:crypto');
    writeFileSync(file, `${createHash('sha256').update(text).digest('hex').slice(0, 16)}\n${text}`);
    expect((await build()).equals(drawn)).toBe(false);
  });

  it.each([
    ['a flipped byte', (t: string) => t.replace(/"width":(\d)/, (_m, d: string) => `"width":${(Number(d) + 1) % 10}`)],
    ['a cut file', (t: string) => t.slice(0, t.length >> 1)],
    ['not JSON', () => '0123456789abcdef\n{'],
    ['empty', () => ''],
  ])('%s is no entry: drawn again, same bytes, file replaced', async (_what, damage) => {
    const drawn = await build();
    newProcess();
    const dir = chartCacheDir() as string;
    for (const f of files()) writeFileSync(join(dir, f), damage(readFileSync(join(dir, f), 'utf8')));
    const again = await build();
    expect(chartCacheStats()).toMatchObject({ diskHits: 0, misses: 3 });
    expect(again.equals(drawn)).toBe(true);
    newProcess();
    expect((await build()).equals(drawn)).toBe(true);
    expect(chartCacheStats().diskHits).toBe(3);
  });

  it.each([
    ['BRIEFKIT_CACHE=0', () => { process.env['BRIEFKIT_CACHE'] = '0'; }],
    ['without BRIEFKIT_CHART_CACHE=1 (an API user; the CLI sets it)', () => { delete process.env['BRIEFKIT_CHART_CACHE']; }],
  ])('%s: nothing is kept', async (_what, set) => {
    set();
    expect(chartCacheDir()).toBeUndefined();
    await build();
    expect(readdirSync(root)).not.toContain(String(n));
  });

  it('the CLI binary keeps drawings (bin/briefkit.js turns the cache on)', async () => {
    const { spawnSync } = await import('node:child_process');
    const out = join(root, 'cli-out');
    const r = spawnSync(process.execPath, ['bin/briefkit.js', 'build', SEED, '--out', out, '--force'], {
      encoding: 'utf8', env: { ...process.env, BRIEFKIT_CHART_CACHE: '' },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(files()).toHaveLength(3);
  }, 60_000);
});

describe('jsonExact', () => {
  it.each([
    [{ a: [1, 0.1, -2.5e-300, 'x', null, true] }, true],
    [{ a: -0 }, false],
    [[Number.NaN], false],
    [{ a: Infinity }, false],
    [{ a: undefined }, false],
    [new Map(), false],
    [{ f: () => 1 }, false],
  ])('%o -> %s', (v, exact) => {
    expect(jsonExact(v)).toBe(exact);
  });
});
