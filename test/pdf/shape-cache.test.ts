import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_RUNS, MAX_WIDTHS, RunCodec, VERSION, formatStore, keysToKeep, parseStore } from '../../src/text/shape-store.js';
import type { StoreHead, StoredRun } from '../../src/text/shape-store.js';
import { fontsHash } from '../../src/text/index.js';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});
const tmp = (p: string): string => {
  const d = mkdtempSync(join(tmpdir(), p));
  made.push(d);
  return d;
};

/** Builds in a fresh process with the given shaping cache folder (or none). */
function build(out: string, cache: string | null): Buffer {
  execFileSync(process.execPath, ['--import', 'tsx', 'test/helpers/kill-build.ts', 'build', 'data/briefings/canada-korea-1995.yaml', '--out', out, '--force'], {
    env: { ...process.env, ...(cache ? { BRIEFKIT_CACHE_DIR: cache } : { BRIEFKIT_CACHE: '0' }) },
    stdio: 'pipe',
  });
  return readFileSync(join(out, 'canada-korea-1995.pdf'));
}

interface Store {
  head: StoreHead;
  widths: Map<string, string>;
  runs: Map<string, string>;
}

const storeFile = (cache: string): string => join(cache, readdirSync(cache)[0] ?? '');
function readStore(cache: string): Store {
  const store = parseStore(readFileSync(storeFile(cache), 'utf8'));
  if (!store) throw new Error('not a store file of this version');
  return { head: store.head, widths: store.widths.entries(), runs: store.runs.entries() };
}

describe('the shaping cache kept between processes', () => {
  it('removes the temporary files killed processes left in its folder', () => {
    const cache = tmp('briefkit-cache-');
    // A process id far above the kernel's default limit: no such process.
    const stale = `.shaping-${fontsHash().slice(0, 16)}.json.99999999.deadbeef.tmp`;
    writeFileSync(join(cache, stale), 'half a store');
    build(tmp('briefkit-o1-'), cache);
    const files = readdirSync(cache);
    expect(files).not.toContain(stale);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 120_000);

  it('gives byte-identical PDFs whether it is empty, filled, or off', () => {
    const cache = tmp('briefkit-cache-');
    const off = build(tmp('briefkit-o1-'), null);
    expect(existsSync(cache) && readdirSync(cache)).toEqual([]);
    const cold = build(tmp('briefkit-o2-'), cache);
    const files = readdirSync(cache);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^shaping-[0-9a-f]{16}\.json$/);
    const warm = build(tmp('briefkit-o3-'), cache);
    expect(cold.equals(off)).toBe(true);
    expect(warm.equals(off)).toBe(true);
  }, 120_000);

  it('keeps what the latest build used first, older entries after, within its caps', () => {
    const cache = tmp('briefkit-cache-');
    build(tmp('briefkit-o1-'), cache);
    const first = readStore(cache);
    expect(first.head.version).toBe(VERSION);
    // Small: the default briefing's shaping in well under 100 KB.
    expect(statSync(storeFile(cache)).size).toBeLessThan(100_000);
    const used = { widths: [...first.widths.keys()], runs: [...first.runs.keys()] };
    expect(used.widths.length).toBeGreaterThan(100);
    expect(used.runs.length).toBeGreaterThan(20);

    // Fill the file to its caps with entries no build asks for: the build adds its own first
    // and the oldest fillers go.
    const fillers = (n: number, tag: string): string[] => Array.from({ length: n }, (_, i) => `0:${tag} ${i}`);
    const oldWidths = fillers(MAX_WIDTHS, 'old width');
    const oldRuns = fillers(MAX_RUNS, 'old run');
    const write = (widths: string[], runs: string[]): void =>
      writeFileSync(
        storeFile(cache),
        formatStore(
          first.head,
          widths.map((k, i) => [k, first.widths.get(k) ?? String(i)]),
          runs.map((k) => [k, first.runs.get(k) ?? '1']),
        ),
      );
    write(oldWidths, oldRuns);
    build(tmp('briefkit-o2-'), cache);
    let next = readStore(cache);
    expect([...next.widths.keys()]).toEqual([...used.widths, ...oldWidths].slice(0, MAX_WIDTHS));
    expect([...next.runs.keys()]).toEqual([...used.runs, ...oldRuns].slice(0, MAX_RUNS));
    expect(next.runs.get('0:old run 0')).toBe('1');
    expect(next.widths.get('0:old width 3')).toBe('3');

    // What a build reads moves to the front too.
    const older = { widths: oldWidths.slice(0, MAX_WIDTHS - used.widths.length), runs: oldRuns.slice(0, MAX_RUNS - used.runs.length) };
    write([...older.widths, ...used.widths], [...older.runs, ...used.runs]);
    build(tmp('briefkit-o3-'), cache);
    next = readStore(cache);
    expect([...next.widths.keys()]).toEqual([...used.widths, ...older.widths]);
    expect([...next.runs.keys()]).toEqual([...used.runs, ...older.runs]);

    // A build that finds all it needs at the front of the file leaves the file as it is.
    const unchanged = readFileSync(storeFile(cache));
    const mtime = statSync(storeFile(cache)).mtimeMs;
    build(tmp('briefkit-o4-'), cache);
    expect(readFileSync(storeFile(cache)).equals(unchanged)).toBe(true);
    expect(statSync(storeFile(cache)).mtimeMs).toBe(mtime);
  }, 120_000);

  it('ignores a file of another version and replaces it', () => {
    const cache = tmp('briefkit-cache-');
    build(tmp('briefkit-o1-'), cache);
    const name = storeFile(cache);
    const fresh = readFileSync(name);
    writeFileSync(name, JSON.stringify({ version: 2, fonts: 'x', widths: { 'main-regular\u0000kern,liga\u0000Korea': 99 }, runs: {} }));
    build(tmp('briefkit-o2-'), cache);
    expect(readFileSync(name).equals(fresh)).toBe(true);
  }, 120_000);
});

describe('the store file', () => {
  it('finds each entry in its bucket and lists them in order', () => {
    const widths = Array.from({ length: 100 }, (_, i) => [`${i % 3}:word ${i} – 한국`, i % 7 ? String(i / 7) : ''] as const);
    const text = formatStore({ version: VERSION, fonts: 'f', prefixes: [], tables: {} }, widths, [['0:x', 'a run']]);
    const store = parseStore(text);
    expect(store).toBeDefined();
    for (const [i, [name, value]] of widths.entries()) expect(store?.widths.find(name)).toEqual({ value, rank: i });
    expect(store?.widths.find('1:word 1')).toBeUndefined();
    expect(store?.runs.find('0:x')).toEqual({ value: 'a run', rank: 0 });
    expect(store?.runs.find(widths[0]![0])).toBeUndefined();
    expect([...(store?.widths.entries() ?? [])]).toEqual(widths);
    expect(parseStore(JSON.stringify({ version: 2, widths: {} }))).toBeUndefined();
    // A file cut short, or with offsets that do not fit it, is not read.
    expect(parseStore(text.slice(0, -3))).toBeUndefined();
    expect(parseStore(text.replace('"widths":[0,', '"widths":[5,0,'))).toBeUndefined();
  });
});

describe('keysToKeep', () => {
  it('puts what this process used first, in order, then the older keys in theirs, up to the cap', () => {
    const used = new Set(['c', 'x', 'a']);
    expect(keysToKeep(used, ['a', 'b', 'c', 'd'], 10)).toEqual(['c', 'x', 'a', 'b', 'd']);
    expect(keysToKeep(used, ['a', 'b', 'c', 'd'], 4)).toEqual(['c', 'x', 'a', 'b']);
    expect(keysToKeep(used, ['a', 'b'], 2)).toEqual(['c', 'x']);
    expect(keysToKeep(new Set(), ['a', 'b'], 5)).toEqual(['a', 'b']);
  });
});

describe('RunCodec', () => {
  const key = (text: string, font = 'main-regular'): string => `${font}\u0000kern,liga\u0000${text}`;
  const run = (glyphs: [number, number, number[], number?, number?, number?, number?, number?][]): StoredRun => ({
    g: glyphs.map(([id, adv, cps]) => [id, adv, cps] as const),
    p: glyphs.map(([, adv, , xa = adv, ya = 0, xo = 0, yo = 0, pa = adv]) => [xa, ya, xo, yo, pa] as const),
  });

  it('writes runs short and reads them back exactly, in another process too', () => {
    const codec = new RunCodec();
    const runs: [string, StoredRun][] = [
      [key('Tea'), run([[10, 500, [84], 480], [20, 450, [101]], [30, 470, [97]]])],
      // The usual glyph of a space carries U+00A0, as fontkit gives it.
      [key('a a'), run([[30, 470, [97]], [1, 200, [160]], [30, 470, [97], 460]])],
      // A ligature, a glyph whose code points are not the text's, offsets, -0 and fractions.
      [key('fig'), run([[40, 550.5, [102, 105]], [50, 480, [103], 480, 0, -0, 12.25]])],
      [key('x'), run([[60, 300, [999], 300, 5, 1, 2, 301]])],
      [key('Tea', 'main-bold'), run([[11, 520, [84]], [21, 460, [101]], [31, 480, [97]]])],
    ];
    const written = runs.map(([k, r]) => [k, codec.encode(k, r)] as const);
    for (const [k, s] of written) {
      expect(s).toBeDefined();
      expect(s!.length).toBeLessThan(JSON.stringify(runs.find(([kk]) => kk === k)![1]).length / 2);
    }
    // A glyph seen before needs nothing but what differs from the usual.
    expect(codec.encode(key('aT'), run([[30, 470, [97]], [10, 500, [84]]]))).toBe(' ');
    const other = new RunCodec();
    other.load(JSON.parse(JSON.stringify(codec.toFile())) as Parameters<RunCodec['load']>[0]);
    for (const [i, [k, s]] of written.entries()) {
      const back = other.decode(k, s!);
      expect(back).toEqual(runs[i]![1]);
      expect(back.p.flat().map((v) => Object.is(v, -0))).toEqual(runs[i]![1].p.flat().map((v) => Object.is(v, -0)));
    }
  });

  it('does not write what it cannot read back', () => {
    const codec = new RunCodec();
    expect(codec.encode(key(''), { g: [], p: [] })).toBeUndefined();
    expect(codec.encode(key('a'), { g: [[1, 2, [97]]], p: [] })).toBeUndefined();
  });
});
