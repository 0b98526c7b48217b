import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { fitCentre, renderCharts, splitMoney } from '../../src/charts/index.js';
import type { ChartAsset, DrawOp } from '../../src/charts/index.js';
import type { Briefing, TradeYear } from '../../src/data/types.js';
import { drawChart } from '../../src/render/chart.js';
import { FONT_IDS, fontPath } from '../../src/text/fonts.js';
import { defaultTheme } from '../../src/theme/index.js';
import { briefing, input, spec } from './fixtures.js';

type Trade = NonNullable<Briefing['trade']>;

/** Margin around the chart on its page (pt). */
const M = 20;

/** One chart alone on a page of its size plus a margin, drawn at scale 1. */
async function chartPdf(a: ChartAsset): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'briefkit-print-')), 'chart.pdf');
  const doc = new PDFDocument({ size: [a.width + 2 * M, a.height + 2 * M], margin: 0, info: { CreationDate: new Date(0) } });
  for (const id of FONT_IDS) doc.registerFont(id, fontPath(id));
  const done = new Promise<void>((resolve, reject) => {
    const out = createWriteStream(file);
    out.on('finish', resolve);
    out.on('error', reject);
    doc.pipe(out);
  });
  drawChart(doc, a, { x: M, y: M, width: a.width, height: a.height }, (id) => id);
  doc.end();
  await done;
  return file;
}

/** A greyscale render of page 1 (`pdftoppm -gray`), as rows of 0..255. */
function greyPage(file: string, dpi: number): { w: number; h: number; at: (x: number, y: number) => number } {
  const stem = join(mkdtempSync(join(tmpdir(), 'briefkit-grey-')), 'p');
  execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-singlefile', file, stem]);
  const buf = readFileSync(`${stem}.pgm`);
  // P5 header: magic, width, height, maxval, each followed by whitespace.
  const head = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'));
  if (!head) throw new Error('not a PGM');
  const [w, h] = [Number(head[1]), Number(head[2])];
  const off = head[0].length;
  return { w, h, at: (x, y) => buf[off + y * w + x] ?? 0 };
}

/** The solid bars of a chart: filled rectangles in one of `colours`, in chart space. */
function bars(ops: readonly DrawOp[], colours: readonly string[]): { colour: string; l: number; t: number; r: number; b: number }[] {
  return ops.flatMap((op) => {
    if (op.kind !== 'path' || !op.paint.fill || !colours.includes(op.paint.fill)) return [];
    const pts = op.segments.flatMap((s) => (s.op === 'M' || s.op === 'L' ? [s] : []));
    if (pts.length < 4) return [];
    const xs = pts.map((p) => p.x), ys = pts.map((p) => p.y);
    return [{ colour: op.paint.fill, l: Math.min(...xs), t: Math.min(...ys), r: Math.max(...xs), b: Math.max(...ys) }];
  });
}

/** Mean and standard deviation of the grey inside a box (chart space), a little in from its edges. */
function greyStats(page: ReturnType<typeof greyPage>, box: { l: number; t: number; r: number; b: number }, dpi: number): { mean: number; sd: number } {
  const k = dpi / 72;
  const xs = [Math.ceil((box.l + M) * k) + 2, Math.floor((box.r + M) * k) - 2];
  const ys = [Math.ceil((box.t + M) * k) + 2, Math.floor((box.b + M) * k) - 2];
  const vals: number[] = [];
  for (let y = ys[0] ?? 0; y <= (ys[1] ?? 0); y++) for (let x = xs[0] ?? 0; x <= (xs[1] ?? 0); x++) vals.push(page.at(x, y));
  const mean = vals.reduce((s, v) => s + v, 0) / vals.length;
  const sd = Math.sqrt(vals.reduce((s, v) => s + (v - mean) ** 2, 0) / vals.length);
  return { mean, sd };
}

const SIGNED: readonly TradeYear[] = [
  { year: 1993, exports: 2.5, imports: 2.1, twoWay: 4.6, balance: 0.4 },
  { year: 1994, exports: 2.2, imports: 2.5, twoWay: 4.7, balance: -0.3 },
  { year: 1995, exports: 2.6, imports: 2.2, twoWay: 4.8, balance: 0.4 },
  { year: 1996, exports: 2.1, imports: 2.5, twoWay: 4.6, balance: -0.4 },
];

describe('the balance chart in greyscale', () => {
  it('surplus and deficit bars differ in pattern or in grey (pdftoppm -gray)', async () => {
    const b = briefing([spec({ name: 'bal', type: 'balance', series: [{ field: 'balance', label: 'Balance' }] })]);
    const { assets } = renderCharts(input({ ...b, trade: { ...(b.trade as Trade), years: SIGNED } }));
    const asset = assets.get('bal') as ChartAsset;
    const { positive, negative } = defaultTheme.palette;
    const found = bars(asset.ops, [positive, negative]).filter((x) => x.r - x.l > 10 && x.b - x.t > 10);
    const plus = found.filter((x) => x.colour === positive), minus = found.filter((x) => x.colour === negative);
    expect(plus.length).toBeGreaterThan(0);
    expect(minus.length).toBeGreaterThan(0);
    const dpi = 150;
    const page = greyPage(await chartPdf(asset), dpi);
    const s = greyStats(page, plus[0] as (typeof found)[number], dpi);
    const d = greyStats(page, minus[0] as (typeof found)[number], dpi);
    // A clear margin: a fifth of the range in mean grey, or a visible texture (variance) in one only.
    const distinct = Math.abs(s.mean - d.mean) > 51 || Math.abs(s.sd - d.sd) > 20;
    expect(distinct, JSON.stringify({ surplus: s, deficit: d })).toBe(true);
    // The legend says so too: the deficit swatch carries the same dots.
    expect(asset.ops.some((op) => op.kind === 'text' && op.text === 'Deficit')).toBe(true);
  });
});

/** The doughnut's centre and inner radius, from its slices' outlines (chart space). */
function hole(ops: readonly DrawOp[], colours: readonly string[]): { x: number; y: number; r: number } {
  // The slices are the filled paths with curves (legend swatches are rectangles).
  const pts = ops.flatMap((op) => (op.kind === 'path' && op.paint.fill && colours.includes(op.paint.fill) && op.segments.some((x) => x.op === 'C')
    ? op.segments.flatMap((s) => (s.op === 'Z' ? [] : [{ x: s.x, y: s.y }])) : []));
  const xs = pts.map((p) => p.x), ys = pts.map((p) => p.y);
  const c = { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2 };
  return { ...c, r: Math.min(...pts.map((p) => Math.hypot(p.x - c.x, p.y - c.y))) };
}

/** Words with their boxes from `pdftotext -bbox`, in page space (pt, y down). */
function words(file: string): { text: string; x0: number; y0: number; x1: number; y1: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: (m[5] ?? '').replace(/&amp;/g, '&'), x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]),
  }));
}

const KRW: readonly TradeYear[] = [
  { year: 2010, exports: 3_469_135_780, imports: 3_975_308_620, twoWay: 7_444_444_400, balance: -506_172_840 },
  { year: 2011, exports: 9_469_135_780, imports: 8_975_308_620, twoWay: 18_444_444_400, balance: 493_827_160 },
];

describe('the doughnut centre', () => {
  it.each([
    ['a half-width chart', 'half', 2010, ['KRW', '7,444,444,400']],
    ['a full-width chart', 'full', 2011, ['KRW 18,444,444,400']],
    ['a narrow chart', 'narrow', 2011, []],
  ] as const)('10-digit KRW totals in %s stay inside the hole (pdftotext -bbox)', async (_n, size, year, want) => {
    const b = briefing([spec({ name: 'share', type: 'doughnut', year, series: [{ field: 'exports', label: 'Exports' }, { field: 'imports', label: 'Imports' }], ...(size === 'half' ? { size: 'half' } : {}) })]);
    const krw = { ...b, trade: { ...(b.trade as Trade), currency: 'KRW', unit: 'one' as const, years: KRW } };
    const { assets, diagnostics } = renderCharts(input(krw, size === 'narrow' ? 220 : 451.28));
    expect(diagnostics).toEqual([]);
    const asset = assets.get('share') as ChartAsset;
    const h = hole(asset.ops, defaultTheme.palette.series);
    const ws = words(await chartPdf(asset));
    const total = year === 2010 ? '7,444,444,400' : '18,444,444,400';
    const inHole = ws.filter((w) => Math.hypot((w.x0 + w.x1) / 2 - M - h.x, (w.y0 + w.y1) / 2 - M - h.y) < h.r);
    // What the hole says, line by line: the total (whole or as currency over figures) and the year.
    const lines = [...new Set(inHole.map((w) => Math.round(w.y0)))].map((y) => inHole.filter((w) => Math.round(w.y0) === y).map((w) => w.text).join(' '));
    expect(lines).toEqual([...want, String(year)]);
    for (const w of inHole) {
      // The glyphs' band (the box less the font's line gap) lies inside the circle at both ends.
      const yMid = (w.y0 + w.y1) / 2 - M - h.y;
      const band = (w.y1 - w.y0) * 0.35;
      for (const dy of [yMid - band, yMid + band]) {
        for (const x of [w.x0, w.x1]) expect(Math.hypot(x - M - h.x, dy), `${w.text} at ${x}`).toBeLessThan(h.r);
      }
    }
    const text = ws.map((w) => w.text).join(' ');
    if (want.length === 0) expect(text).toContain(`Total: KRW ${total}`);
    else expect(text).not.toContain('Total:');
    expect(text.match(new RegExp(total.replace(/[.,]/g, '\\$&'), 'g'))).toHaveLength(1);
  });

  it.each([
    ['KRW 7,444,444,400', ['KRW', '7,444,444,400']],
    ['\u2212KRW\u00a0217,086,489', ['\u2212KRW', '217,086,489']],
    ['4,7\u00a0G$', ['4,7', 'G$']],
    ['7\u202f444\u202f444\u202f400 KRW', ['7\u202f444\u202f444\u202f400', 'KRW']],
    ['$7,444,444,400', undefined],
  ])('splitMoney(%j) never cuts the figures', (text, want) => {
    expect(splitMoney(text)).toEqual(want);
  });

  it('fitCentre: every line it keeps lies inside the hole, for any radius and total (fast-check)', () => {
    const measure = (t: string, font: string): number => t.length * Number(/([\d.]+)px/.exec(font)?.[1] ?? 8) * 0.55;
    fc.assert(
      fc.property(fc.double({ min: 0, max: 120, noNaN: true }), fc.stringMatching(/^(KRW )?[0-9,]{1,18}$/), (r, total) => {
        const fit = fitCentre({ total, note: '2010', size: 12, minSize: 8, noteSize: 8, color: '#000', noteColor: '#555', font: (w, s) => `${w} ${s}px x` }, r, measure);
        for (const l of fit.lines) {
          const w = measure(l.text, `${l.size}px`);
          for (const dy of [l.dy - l.size * 0.78, l.dy + l.size * 0.24]) expect(Math.hypot(w / 2, dy)).toBeLessThanOrEqual(r);
        }
        if (!fit.dropped) expect(fit.lines.map((l) => l.text).join(' ').replace(/\s+/g, ' ')).toContain(total.replace(/\s+/g, ' '));
      }),
      { seed: 1513, numRuns: 300 },
    );
  });
});
