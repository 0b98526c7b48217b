/**
 * Bounds of the data stage (issue 13): the bounded reader, nesting depth in every syntax,
 * the total alias budget, alias loops, numbers too large to sum, and data handed over as a
 * value. Each is checked before the work it bounds.
 */
import { createServer, type Server } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultLimits, loadBriefing } from '../../src/data/index.js';
import { parseSource } from '../../src/data/parse.js';
import { readBounded } from '../../src/data/read.js';
import { resolveLimits } from '../../src/data/limits.js';
import { buildBriefing } from '../../src/build/index.js';
import { BASE, where } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'briefkit-bounds-'));
let server: Server | undefined;
const socket = join(tmp, 'data.yaml');
beforeAll(async () => {
  server = createServer();
  await new Promise<void>((done) => server?.listen(socket, done));
});
afterAll(() => {
  server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('readBounded: regular files only, never more than the limit', () => {
  it.each([
    ['a folder', () => tmp, 'a directory'],
    ['a socket', () => socket, 'a socket'],
    ['/dev/null', () => '/dev/null', 'a character device'],
    ['/dev/zero', () => '/dev/zero', 'a character device'],
  ])('%s is a data/read error at 1:1 naming what it is', (_what, path, kind) => {
    const r = readBounded(path(), 1000);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map(where)).toEqual(['data/read@1:1']);
    expect(r.diagnostics[0]?.message).toContain(`it is ${kind}, not a file`);
    expect(r.diagnostics[0]?.hint).toBeTruthy();
  });

  it('enforces the limit while reading: /proc files say size 0 but hold more', () => {
    const r = readBounded('/proc/self/status', 16);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]?.message).toMatch(/the file is over 16 bytes; the limit is 16 bytes/);
    const all = readBounded('/proc/self/status', 1_000_000);
    expect(all.ok && all.bytes.toString().includes('Name:')).toBe(true);
  });

  it('reads a file of exactly the limit, and refuses one byte more before reading it', () => {
    const f = join(tmp, 'exact.yaml');
    writeFileSync(f, 'x'.repeat(100));
    const r = readBounded(f, 100);
    expect(r.ok && r.bytes.length).toBe(100);
    expect(readBounded(f, 99).ok).toBe(false);
  });
});

const deep = {
  'a flow list': (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`,
  'a flow mapping': (n: number) => `${'{a: '.repeat(n)}1${'}'.repeat(n)}`,
  'block mappings': (n: number) => `${Array.from({ length: n }, (_, i) => `${' '.repeat(i)}a:`).join('\n')} 1\n`,
  'block lists on one line': (n: number) => `${'- '.repeat(n)}x\n`,
  'an alias repeating a nested value': (n: number) => `a: &a ${'['.repeat(n - 2)}${']'.repeat(n - 2)}\nb: [*a]\n`,
};

describe('nesting: the same limit in YAML and JSON, checked before any recursion', () => {
  const limits = resolveLimits({ maxDepth: 5 });
  it.each(Object.entries(deep))('%s: 5 levels load, 6 are data/too-large', (_name, make) => {
    expect(parseSource('x.yaml', make(5), { format: 'yaml', limits }).ok).toBe(true);
    const r = parseSource('x.yaml', make(6), { format: 'yaml', limits });
    expect(r.ok ? [] : r.diagnostics.map((d) => d.code)).toEqual(['data/too-large']);
  });

  it.each([
    ['arrays', (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`, 6],
    ['objects', (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`, 26],
  ])('JSON %s: 5 levels load, 6 are data/too-large at the sixth', (_name, make, col) => {
    expect(parseSource('x.json', make(5), { format: 'json', limits }).ok).toBe(true);
    const r = parseSource('x.json', make(6), { format: 'json', limits });
    expect(r.ok ? [] : r.diagnostics.map(where)).toEqual([`data/too-large@1:${col}`]);
  });

  it('100,000 levels are refused in well under a second (the parser stops at the limit)', () => {
    for (const [name, make] of Object.entries(deep)) {
      // Block mappings indent one more space per level: 3,000 levels are 4.5 MB already.
      const text = make(name === 'block mappings' ? 3000 : 100_000);
      const t0 = performance.now();
      const r = loadBriefing({ file: 'deep.yaml', text });
      expect(r.diagnostics.map((d) => d.code), name).toContain('data/too-large');
      expect(performance.now() - t0, name).toBeLessThan(1000);
    }
  });
});

/** `anchors` lists of `items` words, each repeated `uses` times under an unknown key. */
function spreadBomb(anchors: number, items: number, uses: number): string {
  const defs = Array.from({ length: anchors }, (_, i) => `  - &k${i} [${Array(items).fill('w').join(', ')}]`);
  const refs = Array.from({ length: anchors }, (_, i) => `  - [${Array(uses).fill(`*k${i}`).join(', ')}]`);
  return `${BASE.trimEnd()}\nkeywords:\n${defs.join('\n')}\nx-repeat:\n${refs.join('\n')}\n`;
}

describe('aliases: one budget for the whole document', () => {
  it('many anchors, each under the per-anchor cap, passing the total budget: data/too-large at the alias', () => {
    // 60 anchors of 21 nodes, each used 10 times: 12,600 nodes from aliases (each anchor alone: 210).
    const r = loadBriefing({ file: 'bomb.yaml', text: spreadBomb(60, 20, 10) });
    const d = r.diagnostics.find((x) => x.code === 'data/too-large');
    expect(d?.message, r.diagnostics.map(where).join(', ')).toMatch(/aliases expand to more than 10000 values in all/);
    expect(d?.loc?.line).toBeGreaterThan(BASE.split('\n').length + 60);
  });

  it('the budget is a limit: a smaller one refuses a document a larger one loads', () => {
    const text = spreadBomb(3, 4, 2); // 30 nodes from aliases
    const parse = (maxAliasNodes: number) => parseSource('x.yaml', text, { format: 'yaml', limits: resolveLimits({ maxAliasNodes }) });
    expect(parse(30).ok).toBe(true);
    expect(parse(29).ok).toBe(false);
  });

  it('an alias inside its own anchor: data/too-large (a loop), never a circular value', () => {
    const r = loadBriefing({ file: 'loop.yaml', text: `${BASE}x-loop: &loop [one, *loop]\n` });
    expect(r.diagnostics.map(where)).toEqual([`data/too-large@${BASE.split('\n').length}:21`]);
    expect(r.diagnostics[0]?.message).toMatch(/repeat forever/);
  });

  it('9,000 aliases of a scalar resolve in linear time (the yaml package scans the document per alias)', () => {
    const text = BASE.replace('title: Mini briefing', 'title: &t Mini briefing') + `keywords: [${Array(9000).fill('*t').join(', ')}]\n`;
    const t0 = performance.now();
    const r = parseSource('x.yaml', text, { format: 'yaml' });
    expect(r.ok).toBe(true);
    expect(performance.now() - t0).toBeLessThan(3000);
  });

  it('ordinary aliases still load, with their value and the location of the anchor', () => {
    const text = BASE.replace('title: Mini briefing', 'title: &t Mini briefing').replace('subtitle: A small test briefing', 'subtitle: *t');
    const r = loadBriefing({ file: 'x.yaml', text });
    expect(r.ok, r.diagnostics.map(where).join(', ')).toBe(true);
    if (r.ok) expect(r.value.briefing.subtitle).toBe('Mini briefing');
  });
});

describe('data handed over as a value', () => {
  it.each([
    ['holding itself', (): unknown => { const o: Record<string, unknown> = { id: 'x' }; o['self'] = o; return o; }, 'it contains itself (a circular reference)'],
    ['10,000 levels deep', (): unknown => { let v: unknown = 1; for (let i = 0; i < 10_000; i++) v = [v]; return v; }, 'it is nested too deeply'],
    ['sharing values 2^40 times', (): unknown => { let v: unknown = 'w'; for (let i = 0; i < 40; i++) v = [v, v]; return v; }, 'it holds too many values'],
  ])('%s: data/too-large, never a thrown error', async (_name, make, why) => {
    const r = await buildBriefing({ data: make() });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([`data/too-large the data is too large to load: ${why}`]);
  });
});

/* ------------------------------------------------------------------------------------------ */

const NUMERIC = [
  'trade.years[0].exports', 'trade.years[0].imports', 'trade.years[0].twoWay', 'trade.years[0].balance',
  'trade.years[1].exports', 'trade.years[1].imports', 'trade.years[1].twoWay', 'trade.years[1].balance',
  'trade.growth[0].percent',
];

/** The base briefing as data, with a growth figure, and `values` put at the numeric paths. */
function withNumbers(values: readonly number[]): Record<string, unknown> {
  const r = loadBriefing({ file: 'base.yaml', text: BASE });
  if (!r.ok) throw new Error('the base briefing does not load');
  const data = JSON.parse(JSON.stringify(r.value.briefing)) as Record<string, unknown> & { trade: { years: Record<string, number>[]; growth: unknown[] } };
  // Charts as written: the loader adds `loc`, which the schema does not allow in a file.
  data['charts'] = (data['charts'] as Record<string, unknown>[]).map(({ loc: _loc, ...c }) => c);
  data.trade.growth = [{ measure: 'exports', year: data.trade.years[1]?.['year'] ?? 1994, percent: 1 }];
  NUMERIC.forEach((path, i) => {
    const v = values[i];
    if (v === undefined) return;
    const m = /^trade\.(years|growth)\[(\d)\]\.(\w+)$/.exec(path);
    const list = (m?.[1] === 'years' ? data.trade.years : data.trade.growth) as Record<string, number>[];
    const item = list[Number(m?.[2])];
    if (item && m?.[3]) item[m[3]] = v;
  });
  return data;
}

describe('numbers: too large to sum is a data/range error at the field', () => {
  it.each(NUMERIC.flatMap((path, i) => [1e308, -1.7976931348623157e308, 1e16].map((v) => ({ path, i, v }))))(
    '$v at $path', ({ i, v, path }) => {
      const values: number[] = [];
      values[i] = v;
      const r = loadBriefing({ file: 'n.json', text: JSON.stringify(withNumbers(values), null, 1) });
      const d = r.diagnostics.find((x) => x.code === 'data/range');
      expect(d?.path, r.diagnostics.map(where).join(', ')).toBe(path);
      expect(d?.loc?.line).toBeGreaterThan(1);
      expect(d?.hint).toMatch(/typing error/);
    },
  );

  it('the limit itself loads, and so do zero, negative zero and the smallest subnormal', () => {
    for (const v of [defaultLimits.maxNumber, 0, -0, 5e-324]) {
      const values = NUMERIC.map((p) => (p.endsWith('balance') || p.endsWith('percent') ? v : Math.abs(v)));
      const r = loadBriefing({ file: 'n.json', text: JSON.stringify(withNumbers(values)) });
      // Equal figures do not add up (v + v is not v): that is data/inconsistent-total, checked in
      // test/polish/totals.test.ts; here each number must load.
      const errors = r.diagnostics.filter((d) => d.severity === 'error' && d.code !== 'data/inconsistent-total');
      expect(errors.map(where), String(v)).toEqual([]);
    }
  });

  // Every numeric field, random magnitudes from subnormal to the largest double, either sign:
  // the build ends with a PDF or with data/range errors located at numeric fields; never a
  // throw (exit 70), never NaN in a message, never slow.
  it('property: any numbers in every numeric field give a PDF or located data/range errors', async () => {
    const number = fc.oneof(
      { arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true }), weight: 6 },
      { arbitrary: fc.constantFrom(0, -0, 5e-324, -5e-324, Number.MIN_VALUE, 1e-300, 1e15, -1e15, 1e15 + 1, 9e307, Number.MAX_VALUE, -Number.MAX_VALUE), weight: 2 },
      { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 1 },
    );
    let pdfs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(number, { minLength: NUMERIC.length, maxLength: NUMERIC.length }), fc.boolean(), async (drawn, addUp) => {
        // Half the runs make the totals add up (totals beyond rounding are an error), so some
        // runs reach a PDF; the others keep hostile totals.
        const values = [...drawn];
        if (addUp) {
          for (const y of [0, 4]) {
            const [e = 0, i = 0] = [values[y], values[y + 1]];
            values[y + 2] = e + i;
            values[y + 3] = e - i;
          }
        }
        const t0 = performance.now();
        const r = await buildBriefing({ data: withNumbers(values), name: 'numbers.json' });
        expect(performance.now() - t0).toBeLessThan(20_000);
        if (r.ok) {
          expect(r.pdf.subarray(0, 5).toString()).toBe('%PDF-');
          pdfs++;
          return;
        }
        for (const d of r.diagnostics.filter((x) => x.severity === 'error')) {
          // data/range: too large, or negative where a figure cannot be; data/inconsistent-total:
          // totals that do not add up; data/chart-empty: a
          // doughnut with no shares; chart/empty: a chart that drew nothing.
          expect(['data/range', 'data/inconsistent-total', 'data/chart-empty', 'chart/empty'], `${d.code}: ${d.message}`).toContain(d.code);
          expect(d.loc?.line, `${d.code} is located`).toBeGreaterThan(0);
          expect(d.message).not.toMatch(/NaN/);
        }
      }),
      { numRuns: 25, seed: 0x13b0 },
    );
    expect(pdfs, 'some runs build a PDF').toBeGreaterThan(0);
  });
});
