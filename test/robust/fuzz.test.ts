/**
 * Fuzz: 1,000+ mutations of the real briefing (fields deleted, types swapped, huge, empty and
 * odd Unicode strings, NaN/Infinity/negative numbers, YAML and JSON garbage) through
 * loadBriefing and, when valid, through templates, charts and layout. Nothing may throw but a
 * UserError, every diagnostic has a code, a message and a file:line:col, and no case may take
 * long. A sample of the valid ones is rendered to PDF and checked with qpdf.
 * Fixed seed: a failure prints its counterexample and reproduces.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { renderCharts } from '../../src/charts/index.js';
import { loadBriefing } from '../../src/data/index.js';
import { hasErrors, UserError } from '../../src/diag/errors.js';
import type { Diagnostic } from '../../src/diag/types.js';
import type { DocMeta } from '../../src/doc/types.js';
import { layoutDocument } from '../../src/layout/index.js';
import { columnWidth, pageGeometry } from '../../src/layout/geometry.js';
import type { PagedDocument } from '../../src/layout/types.js';
import { renderPdf } from '../../src/render/pdf.js';
import { TEMPLATES_DIR } from '../../src/template/index.js';
import { loadMessages } from '../../src/template/messages.js';
import { defaultTheme } from '../../src/theme/index.js';
import { briefingTree } from '../../src/build/index.js';
import { buildBriefing } from '../../src/build/index.js';
import { DEFAULT_DATA, qpdfCheck, scanPdf, removeTemps, tmp } from './helpers.js';

afterAll(removeTemps);

const SEED = 20251130;
const RUNS = 1200;
/** Per-case budget: a hang guard, not a speed target (npm run bench measures speed). The slowest
 * case takes about 2 s alone and took 8.4 s with eight other test runs on the 2-core machine. */
const BUDGET_MS = 20_000;
const SAMPLES = 20;
/** Laid-out cases kept as candidates for rendering. */
const CANDIDATES = 40;

/** Diagnostics that may come without a location (none today: every one must be located). */
const KNOWN_UNLOCATED = new Set<string>();

const base = parse(readFileSync(DEFAULT_DATA, 'utf8')) as unknown;

type Seg = string | number;

function clone<T>(v: T): T {
  return structuredClone(v);
}

/** Every path in a value (not the root), depth first. */
function pathsOf(v: unknown, at: Seg[] = [], out: Seg[][] = []): Seg[][] {
  if (Array.isArray(v)) v.forEach((x, i) => { out.push([...at, i]); pathsOf(x, [...at, i], out); });
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { out.push([...at, k]); pathsOf(x, [...at, k], out); }
  return out;
}
function parentOf(root: unknown, path: Seg[]): { parent: Record<string | number, unknown>; key: Seg } | undefined {
  let cur = root as Record<string | number, unknown>;
  for (const s of path.slice(0, -1)) {
    cur = cur[s] as Record<string | number, unknown>;
    if (!cur || typeof cur !== 'object') return undefined;
  }
  const key = path[path.length - 1];
  return key === undefined ? undefined : { parent: cur, key };
}

/* ---- arbitraries ------------------------------------------------------------------------- */

const hugeString = fc.tuple(fc.string({ minLength: 1, maxLength: 6 }), fc.integer({ min: 500, max: 24_000 }))
  .map(([s, n]) => s.repeat(Math.ceil(n / s.length)).slice(0, n));
const oddString = fc.constantFrom(
  '', ' ', '\t', '\n', '  \n ', '\u200b', '\u00a0', '\ufeff', 'a\u0000b', '\u001b[31mred', '\u0085', '\ud800', '\udc00x',
  '**x**', '{{title}}', '::chart{name=x}', '[x](javascript:alert(1))', '<script>', '| a | b |', '# h', '\\',
  '1995-02-30', '1995-13-01', '0000-00-00', '9999-12-31', 'CAD', 'cad', 'EURO', 'en', 'fr', 'de', 'year', 'exports', 'imports',
  'twoWay', 'balance', 'grouped-bar', 'doughnut', 'line', 'billion', 'trade-by-year', 'two-way-1994', 'fact-sheet', 'slides',
  'a', '-a', 'A', 'canada-korea-1995', '1e309', 'NaN', '.nan', '.inf', 'true', 'null', '~', '0x10', '1_000', '2.2 billion',
  '\u0627\u0644\u0639\u0631\u0628\u064a\u0629', '\ud55c\uad6d\uc5b4', '\u{1f600}\u200d\u{1f469}', 'e\u0301\u0301\u0301',
);
const numberValue = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.integer({ min: 1700, max: 2300 }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, -1, -0.47, 0, 1e308, -1e308, 5e-324, 2 ** 53 + 1, 0.1 + 0.2),
);
const scalar = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: hugeString },
  { weight: 4, arbitrary: oddString },
  { weight: 4, arbitrary: numberValue },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), oddString), scalar, { maxKeys: 4 }) },
);

type Op =
  | { kind: 'delete'; at: number }
  | { kind: 'set'; at: number; value: unknown }
  | { kind: 'swap'; at: number }
  | { kind: 'grow'; at: number; times: number }
  | { kind: 'add'; at: number; key: string; value: unknown }
  | { kind: 'retype'; at: number; text: string; num: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('grow' as const), at: fc.nat(), times: fc.integer({ min: 1, max: 300 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key: fc.oneof(fc.string({ maxLength: 10 }), oddString), value }) },
  // A new value of the same type: data that still passes the schema, with odd text and numbers.
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('retype' as const),
      at: fc.nat(),
      text: fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }), hugeString, oddString.filter((x) => x.trim() !== '')),
      num: numberValue,
    }),
  },
);

/** A different type for the same value: the type swaps authors make. */
function swapped(v: unknown): unknown {
  if (typeof v === 'string') return v !== '' && Number.isFinite(Number(v)) ? Number(v) : [v];
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : `${v}`.replace('.', ',');
  if (typeof v === 'boolean') return v ? 'yes' : 0;
  if (Array.isArray(v)) return v.length === 1 ? v[0] : Object.fromEntries(v.map((x, i) => [String(i), x]));
  if (v && typeof v === 'object') return Object.values(v);
  return '';
}

function mutate(doc: unknown, ops: readonly Op[]): unknown {
  const d = clone(doc);
  for (const o of ops) {
    const paths = pathsOf(d);
    if (paths.length === 0) break;
    const path = paths[o.at % paths.length] ?? [];
    const p = parentOf(d, path);
    if (!p) continue;
    const { parent, key } = p;
    switch (o.kind) {
      case 'delete':
        if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
        else delete parent[key];
        break;
      case 'set':
        parent[key] = clone(o.value);
        break;
      case 'swap':
        parent[key] = swapped(parent[key]);
        break;
      case 'grow': {
        const target = parent[key];
        if (Array.isArray(target) && target.length) for (let i = 0; i < o.times; i++) target.push(clone(target[i % target.length]));
        else if (Array.isArray(parent)) for (let i = 0; i < Math.min(o.times, 50); i++) parent.push(clone(target));
        break;
      }
      case 'retype': {
        const old = parent[key];
        if (typeof old === 'string') parent[key] = o.text;
        else if (typeof old === 'number') parent[key] = Number.isInteger(old) && Number.isFinite(o.num) ? Math.trunc(o.num) % 10_000 : o.num;
        break;
      }
      case 'add': {
        const target = parent[key];
        if (target && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>)[o.key] = clone(o.value);
        else parent[o.key] = clone(o.value);
        break;
      }
    }
  }
  return d;
}

const garbage = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
  fc.constantFrom(
    ': ', '- ', '---\n', '...\n', '&a ', '*a', '*undefined', '!!binary ', '!!js/function ', '!!str ', '!<tag:x> ', '? ', '{', '}', '[', ']',
    '"', "'", '\t', '#', '|', '>-', '%YAML 1.2\n', '<<: *a\n', '\n  - ', ':\n', '\u00a0', '\r', '\ufeff', '\u0000', ',', '\\',
    'x: &a [*a]\n', 'a: !!float abc\n', '\n\t\n', '"\\u00', '- - -\n', '{a: [}', '\u2028',
  ),
);
type TextOp =
  | { kind: 'insert'; at: number; s: string }
  | { kind: 'cut'; at: number; len: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'dupline'; at: number }
  | { kind: 'indent'; at: number; by: string };
const textOp: fc.Arbitrary<TextOp> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), s: garbage }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('dupline' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.constantFrom(' ', '  ', '\t', '') }),
);

function garble(text: string, ops: readonly TextOp[]): string {
  let t = text;
  for (const o of ops) {
    const at = t.length ? o.at % t.length : 0;
    const lines = t.split('\n');
    const li = lines.length ? o.at % lines.length : 0;
    switch (o.kind) {
      case 'insert':
        t = t.slice(0, at) + o.s + t.slice(at);
        break;
      case 'cut':
        t = t.slice(0, at) + t.slice(at + o.len);
        break;
      case 'truncate':
        t = t.slice(0, at);
        break;
      case 'dupline':
        lines.splice(li, 0, lines[li] ?? '');
        t = lines.join('\n');
        break;
      case 'indent':
        lines[li] = o.by === '' ? (lines[li] ?? '').trimStart() : o.by + (lines[li] ?? '');
        t = lines.join('\n');
        break;
    }
  }
  return t;
}

const caseArb = fc.record({
  format: fc.constantFrom('yaml', 'json') as fc.Arbitrary<'yaml' | 'json'>,
  ops: fc.array(op, { maxLength: 4 }),
  text: fc.oneof({ weight: 3, arbitrary: fc.constant([] as TextOp[]) }, { weight: 1, arbitrary: fc.array(textOp, { minLength: 1, maxLength: 3 }) }),
});

/* ---- the pipeline up to layout ------------------------------------------------------------- */

function locatedProblems(diags: readonly Diagnostic[]): string[] {
  const bad: string[] = [];
  for (const d of diags) {
    const why: string[] = [];
    if (!/^[a-z]+\/[a-z0-9-]+$/.test(d.code)) why.push('code');
    if (typeof d.message !== 'string' || d.message.trim() === '') why.push('message');
    if (d.severity !== 'error' && d.severity !== 'warning') why.push('severity');
    if (!KNOWN_UNLOCATED.has(d.code)) {
      const l = d.loc;
      if (!l || !l.file || !Number.isInteger(l.line) || !Number.isInteger(l.col) || l.line < 1 || l.col < 1) why.push('file:line:col');
    }
    if (why.length) bad.push(`${d.code}: missing/invalid ${why.join(', ')}: ${JSON.stringify(d).slice(0, 300)}`);
  }
  return bad;
}

type Stage = 'invalid-data' | 'user-error' | 'laid-out';
interface Result {
  readonly stage: Stage;
  readonly ms: number;
  readonly paged?: PagedDocument;
  readonly meta?: DocMeta;
}

function runCase(file: string, text: string): Result {
  const t0 = performance.now();
  const loaded = loadBriefing({ file, text });
  const bad = locatedProblems(loaded.diagnostics);
  if (bad.length) throw new Error(`unlocated diagnostics from loadBriefing:\n${bad.join('\n')}`);
  if (!loaded.ok) return { stage: 'invalid-data', ms: performance.now() - t0 };
  try {
    const t = briefingTree({ file, text });
    const geometry = pageGeometry({ duplex: false, bleed: 0 });
    const charts = renderCharts({ briefing: t.briefing, theme: defaultTheme, width: columnWidth(geometry, defaultTheme), locate: t.locate });
    if (hasErrors(charts.diagnostics)) throw new UserError(charts.diagnostics);
    const paged = layoutDocument({
      tree: t.tree, theme: defaultTheme, charts: charts.assets, messages: loadMessages(TEMPLATES_DIR, t.briefing.language), duplex: false, bleed: 0,
    });
    return { stage: 'laid-out', ms: performance.now() - t0, paged, meta: t.tree.meta };
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    const problems = locatedProblems(e.diagnostics);
    if (problems.length) throw new Error(`unlocated diagnostics after the data stage:\n${problems.join('\n')}`);
    return { stage: 'user-error', ms: performance.now() - t0 };
  }
}

describe(`fuzzing the data and everything after it (fast-check, seed ${SEED})`, () => {
  it(`${RUNS} mutated briefings: only located UserErrors, each within ${BUDGET_MS} ms; ${SAMPLES} rendered and checked with qpdf`, async () => {
    const counts: Record<Stage, number> = { 'invalid-data': 0, 'user-error': 0, 'laid-out': 0 };
    const codes = new Map<string, number>();
    const samples: { paged: PagedDocument; meta: DocMeta }[] = [];
    let slowest = 0;
    let n = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        const doc = mutate(base, c.ops);
        const file = `fuzz.${c.format}`;
        const serial = c.format === 'json' ? JSON.stringify(doc, null, 2) ?? 'null' : stringify(doc);
        const text = garble(serial, c.text);
        const r = runCase(file, text);
        if (r.ms > BUDGET_MS) throw new Error(`took ${Math.round(r.ms)} ms (budget ${BUDGET_MS} ms)`);
        n++;
        counts[r.stage]++;
        slowest = Math.max(slowest, r.ms);
        const loaded = loadBriefing({ file, text });
        for (const d of loaded.diagnostics) codes.set(d.code, (codes.get(d.code) ?? 0) + 1);
        if (r.paged && r.meta && counts['laid-out'] % 5 === 1 && samples.length < CANDIDATES) samples.push({ paged: r.paged, meta: r.meta });
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    console.info(`fuzz: ${n} cases: ${JSON.stringify(counts)}; slowest ${Math.round(slowest)} ms; codes ${JSON.stringify(Object.fromEntries([...codes].sort((a, b) => b[1] - a[1])))}`);
    expect(n).toBeGreaterThanOrEqual(1000);
    // Each outcome is exercised a fair amount: the fuzz is neither all garbage nor all valid.
    expect(counts['invalid-data']).toBeGreaterThan(RUNS * 0.2);
    expect(counts['laid-out']).toBeGreaterThan(RUNS * 0.05);
    expect(samples.length).toBe(CANDIDATES);

    const dir = tmp('briefkit-fuzz-');
    let rendered = 0;
    for (const [i, s] of samples.entries()) {
      if (rendered === SAMPLES) break;
      const pdf = await renderPdf(s.paged, s.meta, { pdfa: false });
      const path = join(dir, `sample-${i}.pdf`);
      writeFileSync(path, pdf);
      const check = qpdfCheck(path);
      expect(check.status, `${path}: ${check.output}`).toBe(0);
      expect(scanPdf(path).found, path).toEqual([]);
      rendered++;
    }
    console.info(`fuzz: rendered ${rendered} samples`);
    expect(rendered).toBe(SAMPLES);
  }, 240_000);
});

describe('regressions found by the fuzz', () => {
  // Was a crash (exit 70): a chart label with a character neither Source Sans 3 nor the Korean
  // fallback has (★, an emoji, Arabic) asked for a fallback font the renderer had not loaded.
  it('a chart series label with a character the fonts lack builds', async () => {
    const data = parse(readFileSync(DEFAULT_DATA, 'utf8')) as { charts: { series: { label: string }[] }[] };
    const s = data.charts[0]?.series[0];
    if (!s) throw new Error('the default briefing has a chart with a series');
    s.label = 'Exports \u2605 to Korea';
    const r = await buildBriefing({ data, name: 'star-label.json' });
    expect(r.ok).toBe(true);
  });
});
